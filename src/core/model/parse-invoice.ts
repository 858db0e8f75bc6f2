// An invoice from untrusted JSON: the general decoder (every issue with its path), the sums checked, and the fast path
// in front of it. A module of its own: a bills page's first render validates host invoices with it, and the decoders
// of requests, accounts and balances (parse.ts) come with the HTTP client and the form, not before the first rows.
import type { Invoice } from './invoice.js';
import { ADJUSTMENT_KINDS, DOCUMENT_KINDS, INVOICE_KINDS, INVOICE_STATUSES, RAW_VALUE_MAX } from './invoice.js';
import {
  array,
  boolean,
  currency,
  dateOrInstant,
  fen,
  httpUrl,
  instant,
  integer,
  nonEmptyString,
  object,
  oneOf,
  optional,
  run,
  string,
  type Decoder,
} from './decode.js';
import { fail, type Result } from '../result.js';
import { decodeInvoiceFast } from './invoice-fast.js';

export const partyRef = object({ id: nonEmptyString, name: optional(string({ max: 200 })) });
export const documentLink = object({
  kind: oneOf(DOCUMENT_KINDS),
  url: httpUrl,
  source: optional(string()),
  rawKind: optional(string({ max: RAW_VALUE_MAX })),
});
export const period = object({ start: dateOrInstant, end: dateOrInstant });

const invoiceShape = object({
  id: nonEmptyString,
  number: nonEmptyString,
  kind: oneOf(INVOICE_KINDS),
  status: oneOf(INVOICE_STATUSES),
  rawStatus: optional(string({ max: RAW_VALUE_MAX })),
  currency,
  invoiceDate: dateOrInstant,
  dueDate: optional(dateOrInstant),
  billingPeriod: period,
  amounts: object({
    charges: fen,
    adjustments: array(object({ kind: oneOf(ADJUSTMENT_KINDS), amount: fen })),
    tax: fen,
    gross: fen,
    net: fen,
    due: fen,
    billed: optional(fen),
  }),
  lines: array(
    object({
      description: string({ max: 500 }),
      quantity: integer({ min: 0 }),
      amount: fen,
      taxRateBp: optional(integer({ min: 0, max: 10_000 })),
      serviceStart: optional(dateOrInstant),
      serviceEnd: optional(dateOrInstant),
    }),
  ),
  payments: array(
    object({ date: instant, amount: fen, type: oneOf(['payment', 'refund'] as const), method: optional(string()) }),
  ),
  paidAt: optional(instant),
  documents: array(documentLink),
  billingAccount: partyRef,
  billingProfile: optional(partyRef),
  seller: optional(partyRef),
  purchaseOrderNumber: optional(string({ max: 100 })),
  creditFor: optional(nonEmptyString),
  recurring: optional(boolean),
});

/** Checks the sums an invoice claims, so a server bug cannot put wrong money on screen. */
function checkInvoiceArithmetic(invoice: Invoice): Result<Invoice> {
  const a = invoice.amounts;
  // Summed by hand, each step checked: sums past 2^53 are not exact (and this runs for every host invoice).
  let adjustments = 0;
  for (let i = 0; i < a.adjustments.length; i++) {
    adjustments += a.adjustments[i]!.amount;
    if (!Number.isSafeInteger(adjustments)) return grossInconsistent();
  }
  const beforeTax = a.charges - adjustments;
  if (!Number.isSafeInteger(beforeTax) || beforeTax + a.tax !== a.gross) return grossInconsistent();
  if (a.gross - a.tax !== a.net) {
    return fail('$.amounts.net', 'amounts.inconsistent', '$.amounts.net: gross − tax ≠ net');
  }
  return { ok: true, value: invoice };
}

const grossInconsistent = (): Result<never> =>
  fail('$.amounts.gross', 'amounts.inconsistent', '$.amounts.gross: charges − adjustments + tax ≠ gross');

/** The general decoder's answer, every issue with its path (the fast one in `invoice-fast.ts` is held to it). */
export function decodeInvoiceGeneral(input: unknown, path = '$'): Result<Invoice> {
  return run(invoiceShape as Decoder<Invoice>, input, path);
}

/** Validates untrusted JSON as an Invoice; issues name the exact path (`$.amounts.gross`). */
export function parseInvoice(input: unknown, path = '$'): Result<Invoice> {
  const fast = decodeInvoiceFast(input);
  if (fast) return checkInvoiceArithmetic(fast);
  const result = decodeInvoiceGeneral(input, path);
  return result.ok ? checkInvoiceArithmetic(result.value) : result;
}
