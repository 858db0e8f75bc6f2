import type { Eligibility } from './eligibility.js';

export const FAPIAO_STATES = ['eligible', 'eligible-from', 'requested', 'issued', 'not-available'] as const;
/** What a bill's Fapiao column says in one word; the reasons say why. */
export type FapiaoState = (typeof FAPIAO_STATES)[number];

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
