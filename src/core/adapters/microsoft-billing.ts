import {
  array,
  boolean,
  currency,
  decimalAmount,
  httpUrl,
  instant,
  nonEmptyString,
  object,
  oneOf,
  optional,
  run,
  string,
  type Decoder,
} from '../model/decode.js';
import type { Adjustment, DocumentKind, Invoice, InvoiceStatus, Payment } from '../model/invoice.js';
import { parseInvoice } from '../model/parse.js';
import type { Issue, Result } from '../result.js';
import { currencyExponent, type Fen } from '../money/fen.js';

/**
 * Microsoft Billing REST API (2020-05-01) invoice resource → our Invoice.
 * Microsoft gives decimal numbers per `{ currency, value }`; every amount is converted exactly to minor units,
 * and every amount must carry the same currency.
 */
const MS_STATUS: Record<string, InvoiceStatus> = {
  Due: 'due',
  PastDue: 'past-due',
  OverDue: 'past-due',
  Paid: 'paid',
  Void: 'void',
};
const MS_DOCUMENT: Record<string, DocumentKind> = {
  Invoice: 'invoice',
  TaxReceipt: 'tax-receipt',
  CreditNote: 'credit-note',
  VoidNote: 'void-note',
};

const rawAmount = object({ currency, value: (input: unknown) => input as unknown });
const msAmount = optional(rawAmount);

const msInvoice = object({
  id: nonEmptyString,
  name: nonEmptyString,
  properties: object({
    dueDate: optional(instant),
    invoiceDate: instant,
    status: oneOf(Object.keys(MS_STATUS) as [string, ...string[]]),
    amountDue: msAmount,
    billedAmount: msAmount,
    azurePrepaymentApplied: msAmount,
    creditAmount: msAmount,
    freeAzureCreditApplied: msAmount,
    subTotal: rawAmount,
    taxAmount: msAmount,
    totalAmount: rawAmount,
    invoicePeriodStartDate: instant,
    invoicePeriodEndDate: instant,
    isMonthlyInvoice: optional(boolean),
    billingProfileId: optional(string()),
    billingProfileDisplayName: optional(string()),
    purchaseOrderNumber: optional(string()),
    documentType: optional(oneOf(['Invoice', 'CreditNote'] as const)),
    creditForDocumentId: optional(string()),
    documents: optional(
      array(
        object({
          kind: oneOf(Object.keys(MS_DOCUMENT) as [string, ...string[]]),
          url: httpUrl,
          source: optional(string()),
        }),
      ),
    ),
    payments: optional(
      array(
        object({
          date: instant,
          paymentType: optional(string()),
          amount: rawAmount,
          paymentMethodFamily: optional(string()),
          paymentMethodType: optional(string()),
        }),
      ),
    ),
  }),
});

type MsAmount = { currency: string; value: unknown };

/** The last segment of an ARM id: `…/invoices/1383723` → `1383723`. */
function lastSegment(armId: string): string {
  return armId.split('/').filter(Boolean).pop() ?? armId;
}

function segmentAfter(armId: string, key: string): string | undefined {
  const parts = armId.split('/');
  const i = parts.indexOf(key);
  return i >= 0 ? parts[i + 1] : undefined;
}

export function fromMicrosoftInvoice(resource: unknown): Result<Invoice> {
  const decoded = run(msInvoice, resource);
  if (!decoded.ok) return decoded;
  const { id, name, properties: p } = decoded.value;
  const invoiceCurrency = p.totalAmount.currency;
  const exponent = currencyExponent(invoiceCurrency);
  const issues: Issue[] = [];
  const amountOf = (value: MsAmount | undefined, path: string): Fen => {
    if (!value) return 0 as Fen;
    if (value.currency !== invoiceCurrency) {
      issues.push({
        path: `${path}.currency`,
        code: 'currency.mixed',
        message: `${path}.currency: ${value.currency} differs from the invoice currency ${invoiceCurrency}`,
      });
      return 0 as Fen;
    }
    return decimalAmount(exponent)(value.value, `${path}.value`, issues) ?? (0 as Fen);
  };
  const at = '$.properties';
  const charges = amountOf(p.subTotal, `${at}.subTotal`);
  const tax = amountOf(p.taxAmount, `${at}.taxAmount`);
  const gross = amountOf(p.totalAmount, `${at}.totalAmount`);
  const due = amountOf(p.amountDue, `${at}.amountDue`);
  const billed = p.billedAmount ? amountOf(p.billedAmount, `${at}.billedAmount`) : undefined;
  const adjustments: Adjustment[] = [];
  const addAdjustment = (kind: Adjustment['kind'], value: MsAmount | undefined, path: string) => {
    if (value) adjustments.push({ kind, amount: amountOf(value, path) });
  };
  addAdjustment('prepayment', p.azurePrepaymentApplied, `${at}.azurePrepaymentApplied`);
  addAdjustment('credit', p.creditAmount, `${at}.creditAmount`);
  addAdjustment('free-credit', p.freeAzureCreditApplied, `${at}.freeAzureCreditApplied`);
  const payments: Payment[] = (p.payments ?? []).map((payment, i) => ({
    date: payment.date,
    amount: amountOf(payment.amount, `${at}.payments[${i}].amount`),
    // Microsoft's `paymentType` is `credited` for money received against the invoice and `debited` for money
    // returned; anything else is kept as a payment and its raw type is preserved in `method`.
    type: payment.paymentType === 'debited' ? 'refund' : 'payment',
    ...(payment.paymentMethodFamily || payment.paymentMethodType
      ? { method: [payment.paymentMethodFamily, payment.paymentMethodType].filter(Boolean).join('/') }
      : {}),
  }));
  if (issues.length > 0) return { ok: false, issues };

  const status = MS_STATUS[p.status] as InvoiceStatus;
  const lastPayment = payments
    .filter(x => x.type === 'payment')
    .map(x => x.date)
    .sort()
    .pop();
  const billingAccountId = segmentAfter(id, 'billingAccounts') ?? 'unknown';
  const candidate: Invoice = {
    id: name,
    number: name,
    kind: p.documentType === 'CreditNote' ? 'credit-note' : 'invoice',
    status,
    currency: invoiceCurrency,
    invoiceDate: p.invoiceDate,
    ...(p.dueDate ? { dueDate: p.dueDate } : {}),
    billingPeriod: { start: p.invoicePeriodStartDate, end: p.invoicePeriodEndDate },
    amounts: {
      charges,
      adjustments,
      tax,
      gross,
      net: (gross - tax) as Fen,
      due,
      ...(billed !== undefined ? { billed } : {}),
    },
    lines: [],
    payments,
    ...(status === 'paid' && lastPayment ? { paidAt: lastPayment } : {}),
    documents: (p.documents ?? []).map(d => ({
      kind: MS_DOCUMENT[d.kind] as DocumentKind,
      url: d.url,
      ...(d.source ? { source: d.source } : {}),
    })),
    billingAccount: { id: billingAccountId },
    ...(p.billingProfileId
      ? {
          billingProfile: {
            id: p.billingProfileId,
            ...(p.billingProfileDisplayName ? { name: p.billingProfileDisplayName } : {}),
          },
        }
      : {}),
    ...(p.purchaseOrderNumber ? { purchaseOrderNumber: p.purchaseOrderNumber } : {}),
    ...(p.creditForDocumentId ? { creditFor: lastSegment(p.creditForDocumentId) } : {}),
    ...(p.isMonthlyInvoice !== undefined ? { recurring: p.isMonthlyInvoice } : {}),
  };
  // The same validation as our own wire format: the sums Microsoft sends must add up.
  return parseInvoice(candidate);
}

/** A list response (`{ value: [...] }`); one bad item fails the whole list with its index in the path. */
export function fromMicrosoftInvoiceList(response: unknown): Result<Invoice[]> {
  const list = run(object({ value: array((x: unknown) => x) }) as Decoder<{ value: unknown[] }>, response);
  if (!list.ok) return list;
  const invoices: Invoice[] = [];
  const issues: Issue[] = [];
  list.value.value.forEach((item, i) => {
    const r = fromMicrosoftInvoice(item);
    if (r.ok) invoices.push(r.value);
    else
      issues.push(
        ...r.issues.map(x => ({
          ...x,
          path: x.path.replace(/^\$/, `$.value[${i}]`),
          message: x.message.replace(/^\$/, `$.value[${i}]`),
        })),
      );
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: invoices };
}
