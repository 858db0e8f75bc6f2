import { totalsByCurrency, type CurrencyTotal } from '../../../core/rules/totals.js';
import type { Invoice } from '../../../core/model/invoice.js';

export interface SelectionSummary {
  /** The ticked bills, in the order shown. */
  readonly invoices: readonly Invoice[];
  /** Per currency: amounts of different currencies are never added up. */
  readonly totals: readonly CurrencyTotal[];
  /** Every bill that can be ticked is ticked (the header box shows checked). */
  readonly allEligiblePicked: boolean;
}

type IsEligible = (invoice: Invoice) => boolean;

export function toggled(selected: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

export function allEligible(items: readonly Invoice[], isEligible: IsEligible): ReadonlySet<string> {
  return new Set(items.filter(isEligible).map(i => i.id));
}

/** The ticks still valid after a reload: bills still shown and still eligible (a just-requested one is not). */
export function keptAfterReload(
  selected: ReadonlySet<string>,
  items: readonly Invoice[],
  isEligible: IsEligible,
): ReadonlySet<string> {
  if (selected.size === 0) return selected;
  const kept = items.filter(i => selected.has(i.id) && isEligible(i)).map(i => i.id);
  return kept.length === selected.size ? selected : new Set(kept);
}

/**
 * A summary that is derived once per rows and ticks and then kept: a render while scrolling 100,000 rows must not
 * walk them all again.
 */
export function selectionSummarizer(): (
  items: readonly Invoice[],
  selected: ReadonlySet<string>,
  isEligible: IsEligible,
) => SelectionSummary {
  let memo: { items: readonly Invoice[]; selected: ReadonlySet<string>; summary: SelectionSummary } | undefined;
  return (items, selected, isEligible) => {
    if (memo?.items === items && memo.selected === selected) return memo.summary;
    const invoices = selected.size ? items.filter(i => selected.has(i.id)) : [];
    // Counting eligible bills checks every row: only needed once something is ticked (the checks are cached).
    const allEligiblePicked = invoices.length > 0 && invoices.length === items.filter(isEligible).length;
    const summary = { invoices, totals: totalsByCurrency(invoices), allEligiblePicked };
    memo = { items, selected, summary };
    return summary;
  };
}
