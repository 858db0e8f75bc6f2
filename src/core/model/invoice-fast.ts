import type { Fen } from '../money/fen.js';
import { isCalendarDate, isIsoInstant } from '../time/china-time.js';
import { isSafeHttpUrl } from './decode.js';
import {
  ADJUSTMENT_KINDS,
  DOCUMENT_KINDS,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  RAW_VALUE_MAX,
  type Invoice,
} from './invoice.js';

/**
 * The invoice decoder written out by hand, for the path to a first render (100,000 host invoices): no closure per
 * field, no path strings, no issue objects. It is a fast *yes*: it returns the same value the general decoder in
 * `parse.ts` returns, or `undefined` at the first doubt, and the general decoder then decides and names every issue.
 * A property test holds the two to the same answer.
 */
type Json = Record<string, unknown>;
const STRING_MAX = 10_000;

const isRecord = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown, min: number, max: number): x is string =>
  typeof x === 'string' && x.length >= min && x.length <= max;
const fen = (x: unknown): x is Fen => typeof x === 'number' && Number.isSafeInteger(x);
const dateOrInstant = (x: unknown): x is string => typeof x === 'string' && (isIsoInstant(x) || isCalendarDate(x));
const instant = (x: unknown): x is string => typeof x === 'string' && isIsoInstant(x);
const oneOf = (values: readonly string[], x: unknown): x is string => typeof x === 'string' && values.includes(x);
const currency = (x: unknown): x is string => {
  if (typeof x !== 'string' || x.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = x.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
};
/** Absent (undefined or null), so left out; the general decoder treats both alike for optional fields. */
const absent = (x: unknown) => x === undefined || x === null;

/** Sets `out[key]` from an optional field: true when absent or valid (and copied), false when present and invalid. */
function optional(out: Json, key: string, x: unknown, valid: (x: unknown) => boolean): boolean {
  if (absent(x)) return true;
  if (!valid(x)) return false;
  out[key] = x;
  return true;
}

function partyRef(x: unknown): Json | undefined {
  if (!isRecord(x) || !text(x.id, 1, STRING_MAX)) return undefined;
  const out: Json = { id: x.id };
  return optional(out, 'name', x.name, n => text(n, 0, 200)) ? out : undefined;
}

/** Maps each item, or gives up at the first one that does not decode. */
function list(x: unknown, item: (x: unknown) => Json | undefined): Json[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: Json[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = item(x[i]);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

const adjustment = (x: unknown): Json | undefined =>
  isRecord(x) && oneOf(ADJUSTMENT_KINDS, x.kind) && fen(x.amount) ? { kind: x.kind, amount: x.amount } : undefined;

function line(x: unknown): Json | undefined {
  if (!isRecord(x) || !text(x.description, 0, 500) || !fen(x.amount)) return undefined;
  const q = x.quantity;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 0) return undefined;
  const out: Json = { description: x.description, quantity: q, amount: x.amount };
  const rate = (r: unknown) => typeof r === 'number' && Number.isSafeInteger(r) && r >= 0 && r <= 10_000;
  return optional(out, 'taxRateBp', x.taxRateBp, rate) &&
    optional(out, 'serviceStart', x.serviceStart, dateOrInstant) &&
    optional(out, 'serviceEnd', x.serviceEnd, dateOrInstant)
    ? out
    : undefined;
}

function payment(x: unknown): Json | undefined {
  if (!isRecord(x) || !instant(x.date) || !fen(x.amount) || (x.type !== 'payment' && x.type !== 'refund'))
    return undefined;
  const out: Json = { date: x.date, amount: x.amount, type: x.type };
  return optional(out, 'method', x.method, m => text(m, 0, STRING_MAX)) ? out : undefined;
}

function documentLink(x: unknown): Json | undefined {
  if (!isRecord(x) || !oneOf(DOCUMENT_KINDS, x.kind) || typeof x.url !== 'string' || !isSafeHttpUrl(x.url))
    return undefined;
  const out: Json = { kind: x.kind, url: x.url };
  const ok =
    optional(out, 'source', x.source, s => text(s, 0, STRING_MAX)) &&
    optional(out, 'rawKind', x.rawKind, k => text(k, 0, RAW_VALUE_MAX));
  return ok ? out : undefined;
}

function amounts(x: unknown): Json | undefined {
  if (!isRecord(x) || !fen(x.charges) || !fen(x.tax) || !fen(x.gross) || !fen(x.net) || !fen(x.due)) return undefined;
  const adjustments = list(x.adjustments, adjustment);
  if (!adjustments) return undefined;
  const out: Json = { charges: x.charges, adjustments, tax: x.tax, gross: x.gross, net: x.net, due: x.due };
  return optional(out, 'billed', x.billed, fen) ? out : undefined;
}

export function decodeInvoiceFast(x: unknown): Invoice | undefined {
  if (!isRecord(x)) return undefined;
  if (!text(x.id, 1, STRING_MAX) || !text(x.number, 1, STRING_MAX)) return undefined;
  if (!oneOf(INVOICE_KINDS, x.kind) || !oneOf(INVOICE_STATUSES, x.status) || !currency(x.currency)) return undefined;
  if (!dateOrInstant(x.invoiceDate)) return undefined;
  const period = x.billingPeriod;
  if (!isRecord(period) || !dateOrInstant(period.start) || !dateOrInstant(period.end)) return undefined;
  const money = amounts(x.amounts);
  const lines = money && list(x.lines, line);
  const payments = lines && list(x.payments, payment);
  const documents = payments && list(x.documents, documentLink);
  const billingAccount = documents && partyRef(x.billingAccount);
  if (!billingAccount) return undefined;
  const out: Json = {
    id: x.id,
    number: x.number,
    kind: x.kind,
    status: x.status,
    currency: x.currency,
    invoiceDate: x.invoiceDate,
    billingPeriod: { start: period.start, end: period.end },
    amounts: money,
    lines,
    payments,
    documents,
    billingAccount,
  };
  const ok =
    optional(out, 'rawStatus', x.rawStatus, s => text(s, 0, RAW_VALUE_MAX)) &&
    optional(out, 'dueDate', x.dueDate, dateOrInstant) &&
    optional(out, 'paidAt', x.paidAt, instant) &&
    (absent(x.billingProfile) || (out.billingProfile = partyRef(x.billingProfile)) !== undefined) &&
    (absent(x.seller) || (out.seller = partyRef(x.seller)) !== undefined) &&
    optional(out, 'purchaseOrderNumber', x.purchaseOrderNumber, p => text(p, 0, 100)) &&
    optional(out, 'creditFor', x.creditFor, c => text(c, 1, STRING_MAX)) &&
    optional(out, 'recurring', x.recurring, r => typeof r === 'boolean');
  return ok ? (out as unknown as Invoice) : undefined;
}
