import type { Invoice } from '../model/invoice.js';
import { toFen, type CurrencyCode, type Fen } from '../money/fen.js';
import type { CalendarDate } from '../time/china-time.js';
import type { Eligibility } from './eligibility.js';
import { billFapiaoStateOf, type FapiaoState } from './fapiao-state.js';

/** The bills in one Fapiao state, per currency (amounts of different currencies are never added). */
export interface FapiaoStateTotal {
  readonly state: FapiaoState;
  readonly count: number;
  readonly totals: readonly { readonly currency: CurrencyCode; readonly gross: Fen }[];
  /** For `eligible-from`: the first China day on which one of them can be requested. */
  readonly earliest?: CalendarDate;
}

/** The order a summary reads in: what can be done now first, then what comes, what is under way, what is done. */
const SUMMARY_STATES: readonly FapiaoState[] = ['eligible', 'eligible-from', 'requested', 'issued'];

/**
 * The invoiceable amount (可开票金额) and its neighbours: the gross of the bills that can get a Fapiao now, that can
 * from a date (with the earliest), that are requested and that are issued, per currency. The account is set aside
 * (`billFapiaoStateOf`): a customer still registering sees what they will be able to invoice. States without bills
 * are left out, except `eligible`, which is always first.
 */
export function summarizeFapiaoStates(
  invoices: readonly Invoice[],
  eligibilityOf: (invoice: Invoice) => Eligibility,
): FapiaoStateTotal[] {
  const summary = fapiaoStateSummary();
  for (const invoice of invoices) summary.add(invoice, eligibilityOf(invoice));
  return summary.totals();
}

/** `summarizeFapiaoStates` a part at a time (a long list's, a slice per task): `add` every bill once, then `totals()`. */
export function fapiaoStateSummary(): {
  add(invoice: Invoice, eligibility: Eligibility): void;
  totals(): FapiaoStateTotal[];
} {
  const groups = new Map<FapiaoState, { count: number; gross: Map<CurrencyCode, number>; earliest?: CalendarDate }>();
  for (const state of SUMMARY_STATES) groups.set(state, { count: 0, gross: new Map() });
  return {
    add(invoice, eligibility) {
      const { state, from } = billFapiaoStateOf(eligibility);
      const group = groups.get(state);
      if (!group) return;
      group.count++;
      // A bill that requests by amount took part of counts for what it has left.
      const gross = eligibility.unclaimed ?? invoice.amounts.gross;
      group.gross.set(invoice.currency, (group.gross.get(invoice.currency) ?? 0) + gross);
      if (from && (!group.earliest || from < group.earliest)) group.earliest = from;
    },
    totals: () =>
      SUMMARY_STATES.flatMap(state => {
        const g = groups.get(state)!;
        if (g.count === 0 && state !== 'eligible') return [];
        const totals = [...g.gross].map(([currency, gross]) => ({ currency, gross: toFen(gross) }));
        return [{ state, count: g.count, totals, ...(g.earliest ? { earliest: g.earliest } : {}) }];
      }),
  };
}
