import type { Eligibility, ReasonCode } from './eligibility.js';

export const FAPIAO_STATES = ['eligible', 'eligible-from', 'requested', 'issued', 'not-available'] as const;
/** What a bill's Fapiao column says in one word; the reasons say why. */
export type FapiaoState = (typeof FAPIAO_STATES)[number];

/** Reasons about the customer's Fapiao account, not about a bill: a bills page says them once, not per row. */
export const ACCOUNT_REASON_CODES: readonly ReasonCode[] = ['no-fapiao-account', 'account-not-activated'];

/**
 * Folds an eligibility into the one state a bills page shows. "Eligible from" only when the waiting period is the
 * sole obstacle (any other reason would still block on that date).
 */
export function fapiaoStateOf(eligibility: Eligibility): { state: FapiaoState; from?: string } {
  if (eligibility.eligible) return { state: 'eligible' };
  const codes = eligibility.reasons.map(r => r.code);
  if (codes.includes('already-issued')) return { state: 'issued' };
  if (codes.includes('request-pending')) return { state: 'requested' };
  if (codes.length === 1 && codes[0] === 'waiting-period' && eligibility.eligibleFromDate) {
    return { state: 'eligible-from', from: eligibility.eligibleFromDate };
  }
  return { state: 'not-available' };
}

/**
 * The state of the bill itself, the account set aside: what it will be once the customer's Fapiao account works.
 * The amount summary and the Fapiao filter use it, so a customer still registering sees what they can invoice.
 */
export function billFapiaoStateOf(eligibility: Eligibility): { state: FapiaoState; from?: string } {
  // Most bills have no reason at all: no copy of their reasons for them (a summary reads 100,000).
  if (eligibility.reasons.length === 0) return fapiaoStateOf(eligibility);
  const reasons = eligibility.reasons.filter(r => !ACCOUNT_REASON_CODES.includes(r.code));
  if (reasons.length === eligibility.reasons.length) return fapiaoStateOf(eligibility);
  return fapiaoStateOf({ ...eligibility, eligible: reasons.length === 0, reasons });
}
