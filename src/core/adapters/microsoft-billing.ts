import { decimalAmount } from '../money/parse-amount.js';
import {
  array,
  boolean,
  currency,
  httpUrl,
  instant,
  nonEmptyString,
  object,
  optional,
  run,
  string,
  type Decoder,
} from '../model/decode.js';
import {
  RAW_VALUE_MAX,
  type Adjustment,
  type DocumentKind,
  type Invoice,
  type InvoiceStatus,
  type Payment,
} from '../model/invoice.js';
import { parseInvoice } from '../model/parse-invoice.js';
import type { Issue, Result } from '../result.js';
import { currencyExponent, type Fen } from '../money/fen.js';

/**
 * Microsoft Billing REST API invoice resource (api-version 2020-05-01 and 2024-04-01) → our Invoice.
 * Microsoft gives decimal numbers per `{ currency, value }`; every amount is converted exactly to minor units,
 * and every amount must carry the same currency. Microsoft's enums are open (`'Due' | … | string`, and 2024-04-01
 * added `Locked` and `Other` statuses and `Summary`, `Transactions` and `Other` documents): a value this table does not
 * know is kept as it came (`status: 'unknown'` with `rawStatus`, a document of kind `other` with `rawKind`), never a
 * reason to refuse the invoice.
 */
const MS_STATUS: Readonly<Record<string, InvoiceStatus>> = {
  Due: 'due',
  PastDue: 'past-due',
  OverDue: 'past-due',
  Paid: 'paid',
  Void: 'void',
};
const MS_DOCUMENT: Readonly<Record<string, DocumentKind>> = {
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
    status: string({ min: 1, max: RAW_VALUE_MAX }),
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
    documentType: optional(string({ max: RAW_VALUE_MAX })),
    creditForDocumentId: optional(string()),
    documents: optional(
      array(
        object({
          kind: string({ min: 1, max: RAW_VALUE_MAX }),
          // `externalUrl` when the file lives outside Microsoft.Billing (Brazil's ENF), `url` otherwise.
          url: optional(httpUrl),
          externalUrl: optional(httpUrl),
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

  const known = Object.hasOwn(MS_STATUS, p.status);
  const status: InvoiceStatus = known ? MS_STATUS[p.status]! : 'unknown';
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
    ...(known ? {} : { rawStatus: p.status }),
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
    documents: (p.documents ?? []).flatMap(d => {
      const url = d.url ?? d.externalUrl;
      if (!url) return []; // nothing to open
      const kind = Object.hasOwn(MS_DOCUMENT, d.kind) ? MS_DOCUMENT[d.kind]! : 'other';
      return [
        { kind, url, ...(kind === 'other' ? { rawKind: d.kind } : {}), ...(d.source ? { source: d.source } : {}) },
      ];
    }),
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

/** A list of Microsoft invoices: those that convert, and those left out with why. */
export interface MicrosoftInvoiceList {
  readonly invoices: readonly Invoice[];
  /** Items that did not convert (a wrong amount, mixed currencies…), by their index in `value`, with path-named issues. */
  readonly skipped: readonly { readonly index: number; readonly id?: string; readonly issues: readonly Issue[] }[];
}

/**
 * A list response (`{ value: [...] }`). One bad item does not cost the others: it is left out and reported in
 * `skipped` (paths name its index), the way `<bill-list>` counts malformed host data. Only a response that is not a
 * list at all fails.
 */
export function fromMicrosoftInvoiceList(response: unknown): Result<MicrosoftInvoiceList> {
  const list = run(object({ value: array((x: unknown) => x) }) as Decoder<{ value: unknown[] }>, response);
  if (!list.ok) return list;
  const invoices: Invoice[] = [];
  const skipped: { index: number; id?: string; issues: Issue[] }[] = [];
  list.value.value.forEach((item, index) => {
    const r = fromMicrosoftInvoice(item);
    if (r.ok) {
      invoices.push(r.value);
      return;
    }
    const name = (item as { name?: unknown } | null)?.name;
    skipped.push({
      index,
      ...(typeof name === 'string' && name.length <= RAW_VALUE_MAX ? { id: name } : {}),
      issues: r.issues.map(x => ({
        ...x,
        path: x.path.replace(/^\$/, `$.value[${index}]`),
        message: x.message.replace(/^\$/, `$.value[${index}]`),
      })),
    });
  });
  return { ok: true, value: { invoices, skipped } };
}
