import { chinaDateOf, chinaMonthsAgo, isCalendarDate, type CalendarDate } from '../time/china-time.js';

export const BILL_RANGES = ['3', '6', '12', 'all', 'custom'] as const;
/** A bills page's date range: the last 3, 6 or 12 months (China calendar), everything, or custom dates. */
export type BillRange = (typeof BILL_RANGES)[number];

export interface DateBounds {
  /** First China day, inclusive. */
  readonly from?: CalendarDate;
  /** Last China day, inclusive. */
  readonly to?: CalendarDate;
}

/** The months of a preset range; undefined for `all`, `custom` or anything unknown. */
export function rangeMonths(range: string): number | undefined {
  return range === '3' || range === '6' || range === '12' ? Number(range) : undefined;
}

/**
 * The China days a range covers at `now`: a preset counts back whole months from today in China (31 May − 3 months
 * is 28/29 February); `custom` takes `from`/`to` when they are real dates and ignores them otherwise; `all` has no
 * bounds. The same bounds go to the API and to `queryInvoices`, so both show the same bills.
 */
export function rangeToDates(range: string, from: string, to: string, now: Date): DateBounds {
  const months = rangeMonths(range);
  if (months !== undefined) return { from: chinaMonthsAgo(now, months) };
  if (range !== 'custom') return {};
  return { ...(isCalendarDate(from) ? { from } : {}), ...(isCalendarDate(to) ? { to } : {}) };
}

/** The dates a custom range starts with when the user switches to it from `range`, so the list does not change. */
export function customRangeFrom(range: string, now: Date): { from: CalendarDate; to: CalendarDate } {
  return { from: chinaMonthsAgo(now, rangeMonths(range) ?? 12), to: chinaDateOf(now) };
}
