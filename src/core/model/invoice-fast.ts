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
 *
 * Where a part of the input already is exactly its decoded value (a plain object with only the fields the decoder
 * keeps), that part itself is the answer: copying 100,000 invoices, nine objects each, cost a cold Chromium more than
 * checking them (`npm run bench grid`). A part with null or undefined fields is copied without them; a part with a
 * field the decoder does not know is left to the general decoder, which drops it.
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

/**
 * An optional field, as a count of the keys it adds: 0 when absent, 1 when valid, NaN when invalid (NaN makes the
 * record's count NaN, which `record` and the checks below take for invalid).
 */
const optional = (x: unknown, valid: (x: unknown) => boolean): number => (absent(x) ? 0 : valid(x) ? 1 : NaN);

/** How `x` stands to the `count` fields the decoder kept. */
const Keys = {
  /** A field the decoder does not know, or not a plain object: the general decoder answers. */
  Unknown: 0,
  /** Exactly those fields: `x` itself is the decoded value. */
  Exact: 1,
  /** Those fields and some holding null or undefined, which the decoded value leaves out. */
  WithAbsent: 2,
} as const;
type Keys = (typeof Keys)[keyof typeof Keys];

/** `for…in` also visits inherited enumerable keys, so anything unusual counts as unknown. */
function keysOf(x: Json, count: number): Keys {
  const prototype = Object.getPrototypeOf(x) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return Keys.Unknown;
  let present = 0;
  let absentKeys = 0;
  for (const key in x) {
    if (absent(x[key])) absentKeys++;
    else if (++present > count) return Keys.Unknown;
  }
  return present !== count ? Keys.Unknown : absentKeys ? Keys.WithAbsent : Keys.Exact;
}

/** `x` without its null or undefined fields. */
function withoutAbsent(x: Json): Json {
  const out: Json = {};
  for (const key in x) if (!absent(x[key])) out[key] = x[key];
  return out;
}

/** A record of plain values, decoded: `x`, `x` without its absent fields, or undefined (`count` NaN when invalid). */
function record(x: Json, count: number): Json | undefined {
  const keys = Number.isNaN(count) ? Keys.Unknown : keysOf(x, count);
  return keys === Keys.Exact ? x : keys === Keys.WithAbsent ? withoutAbsent(x) : undefined;
}

// The checks of optional fields, made once (an arrow written in the call would be made per invoice).
const name200 = (n: unknown) => text(n, 0, 200);
const longText = (t: unknown) => text(t, 0, STRING_MAX);
const rawValue = (t: unknown) => text(t, 0, RAW_VALUE_MAX);
const orderNumber = (t: unknown) => text(t, 0, 100);
const reference = (t: unknown) => text(t, 1, STRING_MAX);
const boolean = (b: unknown) => typeof b === 'boolean';
const rate = (r: unknown) => typeof r === 'number' && Number.isSafeInteger(r) && r >= 0 && r <= 10_000;

function partyRef(x: unknown): Json | undefined {
  if (!isRecord(x) || !text(x.id, 1, STRING_MAX)) return undefined;
  return record(x, 1 + optional(x.name, name200));
}

/** Decodes each item: the array itself when every item is kept as it is, or undefined at the first that fails. */
function list(x: unknown, item: (x: unknown) => Json | undefined): readonly Json[] | undefined {
  if (!Array.isArray(x)) return undefined;
  let out: Json[] | undefined;
  for (let i = 0; i < x.length; i++) {
    const v = item(x[i]);
    if (v === undefined) return undefined;
    if (out) out.push(v);
    else if (v !== x[i]) out = [...(x.slice(0, i) as Json[]), v];
  }
  return out ?? (Object.getPrototypeOf(x) === Array.prototype ? (x as Json[]) : [...(x as Json[])]);
}

const adjustment = (x: unknown): Json | undefined =>
  isRecord(x) && oneOf(ADJUSTMENT_KINDS, x.kind) && fen(x.amount) ? record(x, 2) : undefined;

function line(x: unknown): Json | undefined {
  if (!isRecord(x) || !text(x.description, 0, 500) || !fen(x.amount)) return undefined;
  const q = x.quantity;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 0) return undefined;
  const count =
    3 + optional(x.taxRateBp, rate) + optional(x.serviceStart, dateOrInstant) + optional(x.serviceEnd, dateOrInstant);
  return record(x, count);
}

function payment(x: unknown): Json | undefined {
  if (!isRecord(x) || !instant(x.date) || !fen(x.amount) || (x.type !== 'payment' && x.type !== 'refund'))
    return undefined;
  return record(x, 3 + optional(x.method, longText));
}

function documentLink(x: unknown): Json | undefined {
  if (!isRecord(x) || !oneOf(DOCUMENT_KINDS, x.kind) || typeof x.url !== 'string' || !isSafeHttpUrl(x.url))
    return undefined;
  return record(x, 2 + optional(x.source, longText) + optional(x.rawKind, rawValue));
}

function amounts(x: unknown): Json | undefined {
  if (!isRecord(x) || !fen(x.charges) || !fen(x.tax) || !fen(x.gross) || !fen(x.net) || !fen(x.due)) return undefined;
  const adjustments = list(x.adjustments, adjustment);
  const count = 6 + optional(x.billed, fen);
  const keys = adjustments && !Number.isNaN(count) ? keysOf(x, count) : Keys.Unknown;
  if (keys === Keys.Unknown) return undefined;
  return keys === Keys.Exact && adjustments === x.adjustments ? x : { ...withoutAbsent(x), adjustments };
}

/** An optional party: null when absent, undefined when invalid. */
const optionalParty = (x: unknown): Json | null | undefined => (absent(x) ? null : partyRef(x));

export function decodeInvoiceFast(x: unknown): Invoice | undefined {
  if (!isRecord(x)) return undefined;
  if (!text(x.id, 1, STRING_MAX) || !text(x.number, 1, STRING_MAX)) return undefined;
  if (!oneOf(INVOICE_KINDS, x.kind) || !oneOf(INVOICE_STATUSES, x.status) || !currency(x.currency)) return undefined;
  if (!dateOrInstant(x.invoiceDate)) return undefined;
  const period = x.billingPeriod;
  if (!isRecord(period) || !dateOrInstant(period.start) || !dateOrInstant(period.end)) return undefined;
  const billingPeriod = record(period, 2);
  const money = amounts(x.amounts);
  const lines = money && list(x.lines, line);
  const payments = lines && list(x.payments, payment);
  const documents = payments && list(x.documents, documentLink);
  const billingAccount = documents && partyRef(x.billingAccount);
  const billingProfile = optionalParty(x.billingProfile);
  const seller = optionalParty(x.seller);
  if (!billingPeriod || !billingAccount || billingProfile === undefined || seller === undefined) return undefined;
  const count =
    12 +
    (billingProfile ? 1 : 0) +
    (seller ? 1 : 0) +
    optional(x.rawStatus, rawValue) +
    optional(x.dueDate, dateOrInstant) +
    optional(x.paidAt, instant) +
    optional(x.purchaseOrderNumber, orderNumber) +
    optional(x.creditFor, reference) +
    optional(x.recurring, boolean);
  const keys = Number.isNaN(count) ? Keys.Unknown : keysOf(x, count);
  if (keys === Keys.Unknown) return undefined;
  const kept =
    billingPeriod === period &&
    money === x.amounts &&
    lines === x.lines &&
    payments === x.payments &&
    documents === x.documents &&
    billingAccount === x.billingAccount &&
    (!billingProfile || billingProfile === x.billingProfile) &&
    (!seller || seller === x.seller);
  if (kept && keys === Keys.Exact) return x as unknown as Invoice;
  const out: Json = {
    ...withoutAbsent(x),
    billingPeriod,
    amounts: money,
    lines,
    payments,
    documents,
    billingAccount,
  };
  if (billingProfile) out.billingProfile = billingProfile;
  if (seller) out.seller = seller;
  return out as unknown as Invoice;
}
