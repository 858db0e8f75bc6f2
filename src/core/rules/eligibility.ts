import type { Invoice } from '../model/invoice.js';
import type { FapiaoAccount, FapiaoAccountState } from '../model/fapiao.js';
import { ISSUED_REQUEST_STATUSES, OPEN_REQUEST_STATUSES } from '../model/request-statuses.js';
import {
  chinaDateOf,
  chinaDayStartMs,
  instantMsOf,
  toChinaIso,
  toInstant,
  type CalendarDate,
} from '../time/china-time.js';
import { unclaimedOf, type ClaimingRequest } from './claims.js';
import type { Fen } from '../money/fen.js';

export const REASON_CODES = [
  'void',
  'refunded',
  'credit-note',
  'status-unknown',
  'currency-not-supported',
  'non-positive-amount',
  'below-minimum',
  'not-paid',
  'payment-date-unknown',
  'already-issued',
  'request-pending',
  'no-fapiao-account',
  'account-not-activated',
  'waiting-period',
  'window-expired',
] as const;
/** Why an invoice cannot get a Fapiao (now). Stable codes: hosts and servers may branch on them. */
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  readonly code: ReasonCode;
  /** Values for the message: dates as `YYYY-MM-DD` (China calendar), amounts in minor units. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The rules as data: which checks run and with which numbers. Defaults follow 21Vianet (docs/domain.md §1.3). */
export interface EligibilityPolicy {
  /** China calendar days after payment before a request is possible (payment records take 3 days to sync). */
  readonly waitingDays: number;
  /** Days after payment during which a request is possible; `null` for no limit. */
  readonly requestWindowDays: number | null;
  /** Smallest invoiceable amount in minor units (e.g. 10000 for a 100 CNY minimum); 0 for none. */
  readonly minimumFen: number;
  readonly currencies: readonly string[];
  /** The checks that apply, by reason code. Remove a code to turn its rule off. */
  readonly checks: readonly ReasonCode[];
}

export const DEFAULT_POLICY: EligibilityPolicy = {
  waitingDays: 3,
  requestWindowDays: null,
  minimumFen: 0,
  currencies: ['CNY'],
  checks: REASON_CODES,
};

/** What the rules need besides the invoice. `now` is always passed in: the core never reads a clock. */
export interface EligibilityContext {
  readonly now: Date;
  readonly account: FapiaoAccount | FapiaoAccountState;
  /**
   * The customer's requests (any invoices); those naming this invoice decide pending/issued. Indexed by invoice id
   * once per array, so pass a new array when the requests change (never push into one already checked against).
   */
  readonly requests?: readonly ClaimingRequest[];
  readonly policy?: Partial<EligibilityPolicy>;
}

export interface Eligibility {
  readonly eligible: boolean;
  /** Every reason that blocks the request now, in a stable order; empty when eligible. */
  readonly reasons: readonly Reason[];
  /** Start of the first China day on which the waiting period is over (`2026-11-23T00:00:00+08:00`). */
  readonly eligibleFrom?: string;
  readonly eligibleFromDate?: CalendarDate;
  /** First China day on which the request window is closed, when a window is set. */
  readonly expiresOn?: CalendarDate;
  /**
   * When requests by amount took part of the bill: what is left to request (gross, minor units). A request for the
   * bill takes this much; absent, the whole bill.
   */
  readonly unclaimed?: Fen;
}

// Instants as milliseconds: a list of 100,000 bills is checked in one go, and Dates would be made and dropped for each.
interface Facts {
  readonly invoice: Invoice;
  readonly now: number;
  readonly account: FapiaoAccountState;
  /** The customer's requests that name this invoice. */
  readonly requests: readonly RequestRef[];
  /** What of the bill those requests leave (its gross when there are none). */
  readonly unclaimed: number;
  readonly policy: EligibilityPolicy;
  readonly paidAt: number | undefined;
  readonly eligibleFrom: number | undefined;
  readonly expiresAt: number | undefined;
}

type Rule = (f: Facts) => Reason | null;
type RequestRef = ClaimingRequest;

const NO_REQUESTS: readonly RequestRef[] = [];
const requestIndexes = new WeakMap<readonly RequestRef[], Map<string, RequestRef[]>>();

/**
 * The requests naming an invoice, through an index built once per requests array: a list of bills shares one
 * context, so 100,000 bills against 1,000 requests cost one pass over the requests, not 100,000. The balance and a
 * bill's timeline read the same index as the eligibility of the same bills.
 */
export function requestsNaming<R extends RequestRef>(requests: readonly R[], invoiceId: string): readonly R[] {
  return requestsFor(requests, invoiceId) as readonly R[];
}

function requestsFor(requests: readonly RequestRef[], invoiceId: string): readonly RequestRef[] {
  if (requests.length === 0) return NO_REQUESTS;
  let index = requestIndexes.get(requests);
  if (!index) {
    index = new Map();
    for (const r of requests)
      for (const id of r.invoiceIds) {
        const list = index.get(id);
        if (list) list.push(r);
        else index.set(id, [r]);
      }
    requestIndexes.set(requests, index);
  }
  return index.get(invoiceId) ?? NO_REQUESTS;
}
const isPaid = (i: Invoice) => i.status === 'paid';

/** One small rule per reason code; `checkEligibility` runs the ones the policy lists. */
const RULES: Record<ReasonCode, Rule> = {
  void: f => (f.invoice.status === 'void' ? { code: 'void' } : null),
  refunded: f => (f.invoice.status === 'refunded' ? { code: 'refunded' } : null),
  'credit-note': f => (f.invoice.kind === 'credit-note' ? { code: 'credit-note' } : null),
  'status-unknown': f =>
    f.invoice.status === 'unknown' ? { code: 'status-unknown', params: { status: f.invoice.rawStatus ?? '' } } : null,
  'currency-not-supported': f =>
    f.policy.currencies.includes(f.invoice.currency)
      ? null
      : { code: 'currency-not-supported', params: { currency: f.invoice.currency } },
  'non-positive-amount': f => (f.invoice.amounts.gross <= 0 ? { code: 'non-positive-amount' } : null),
  'below-minimum': f =>
    f.invoice.amounts.gross > 0 && f.invoice.amounts.gross < f.policy.minimumFen
      ? { code: 'below-minimum', params: { minimum: f.policy.minimumFen, currency: f.invoice.currency } }
      : null,
  'not-paid': f =>
    isPaid(f.invoice) || ['void', 'refunded', 'unknown'].includes(f.invoice.status) || f.invoice.kind === 'credit-note'
      ? null
      : { code: 'not-paid', params: { due: f.invoice.amounts.due, currency: f.invoice.currency } },
  'payment-date-unknown': f => (isPaid(f.invoice) && f.paidAt === undefined ? { code: 'payment-date-unknown' } : null),
  // A bill part of which is still unclaimed can be requested for that part, whatever holds the rest.
  'already-issued': f => {
    if (f.unclaimed > 0) return null;
    const issued = f.requests.find(r => ISSUED_REQUEST_STATUSES.includes(r.status));
    return issued ? { code: 'already-issued', params: { requestId: issued.id } } : null;
  },
  'request-pending': f => {
    if (f.unclaimed > 0) return null;
    const open = f.requests.find(r => OPEN_REQUEST_STATUSES.includes(r.status));
    return open ? { code: 'request-pending', params: { requestId: open.id } } : null;
  },
  'no-fapiao-account': f => (f.account === 'unregistered' ? { code: 'no-fapiao-account' } : null),
  'account-not-activated': f => (f.account === 'pending-activation' ? { code: 'account-not-activated' } : null),
  'waiting-period': f =>
    f.eligibleFrom !== undefined && f.now < f.eligibleFrom
      ? { code: 'waiting-period', params: { from: chinaDateOf(f.eligibleFrom), days: f.policy.waitingDays } }
      : null,
  'window-expired': f =>
    f.expiresAt !== undefined && f.now >= f.expiresAt
      ? { code: 'window-expired', params: { on: chinaDateOf(f.expiresAt), days: f.policy.requestWindowDays ?? 0 } }
      : null,
};

interface ResolvedPolicy {
  readonly policy: EligibilityPolicy;
  /** The rules the policy turns on, in the stable reason order. */
  readonly rules: readonly Rule[];
}
const resolved = new WeakMap<Partial<EligibilityPolicy>, ResolvedPolicy>();
const resolve = (policy: EligibilityPolicy): ResolvedPolicy => ({
  policy,
  rules: REASON_CODES.filter(code => policy.checks.includes(code)).map(code => RULES[code]),
});
const DEFAULT_RESOLVED = resolve(DEFAULT_POLICY);

/** Merges a partial policy with the defaults once per policy object (lists of bills share one context). */
function resolvePolicy(partial: Partial<EligibilityPolicy> | undefined): ResolvedPolicy {
  if (!partial) return DEFAULT_RESOLVED;
  let r = resolved.get(partial);
  if (!r) {
    r = resolve({ ...DEFAULT_POLICY, ...partial });
    resolved.set(partial, r);
  }
  return r;
}

/** When the invoice became fully paid: the explicit `paidAt`, else the last payment of a paid invoice. */
export function paidAtOf(invoice: Invoice): string | undefined {
  if (invoice.paidAt) return invoice.paidAt;
  if (!isPaid(invoice)) return undefined;
  return invoice.payments
    .filter(p => p.type === 'payment')
    .map(p => p.date)
    .sort((a, b) => toInstant(a).getTime() - toInstant(b).getTime())
    .pop();
}

/**
 * Decides whether a Fapiao may be requested for `invoice` at `context.now`, and if not, every reason why.
 * Dates are China calendar days whatever the host's time zone: paid on 2026-11-20 at 23:59 in Shanghai
 * (15:59 UTC) means eligible from 2026-11-23 00:00 Shanghai with the default 3 days.
 */
export function checkEligibility(invoice: Invoice, context: EligibilityContext): Eligibility {
  const { policy, rules } = resolvePolicy(context.policy);
  const paidAtText = paidAtOf(invoice);
  const paidAt = paidAtText ? instantMsOf(paidAtText) : undefined;
  const eligibleFrom = paidAt !== undefined ? chinaDayStartMs(paidAt, policy.waitingDays) : undefined;
  const expiresAt =
    paidAt !== undefined && policy.requestWindowDays !== null
      ? chinaDayStartMs(paidAt, policy.requestWindowDays)
      : undefined;
  const requests = requestsFor(context.requests ?? NO_REQUESTS, invoice.id);
  const unclaimed = requests.length ? unclaimedOf(invoice, requests) : invoice.amounts.gross;
  const facts: Facts = {
    invoice,
    now: context.now.getTime(),
    account: typeof context.account === 'string' ? context.account : context.account.state,
    requests,
    unclaimed,
    policy,
    paidAt,
    eligibleFrom,
    expiresAt,
  };
  const reasons: Reason[] = [];
  for (const rule of rules) {
    const reason = rule(facts);
    if (reason) reasons.push(reason);
  }
  // Built field by field rather than with spreads: this runs once per bill on every render of a bill list.
  const result: { -readonly [K in keyof Eligibility]: Eligibility[K] } = { eligible: reasons.length === 0, reasons };
  if (eligibleFrom !== undefined) {
    result.eligibleFrom = toChinaIso(eligibleFrom);
    result.eligibleFromDate = chinaDateOf(eligibleFrom);
  }
  if (expiresAt !== undefined) result.expiresOn = chinaDateOf(expiresAt);
  if (unclaimed > 0 && unclaimed < invoice.amounts.gross) result.unclaimed = unclaimed as Fen; // fen less fen
  return result;
}
