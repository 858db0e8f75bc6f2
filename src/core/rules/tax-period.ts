import { chinaDateOf, chinaDaysBetween, daysInMonth, isCalendarDate, type CalendarDate } from '../time/china-time.js';

/** China calendar days, both ends included. */
export interface DatePeriod {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** The longest period one accountant's bundle covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

/** The calendar month `YYYY-MM` as its first and last day, or `undefined` for anything else. */
export function monthPeriod(month: string): DatePeriod | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return undefined;
  const last = daysInMonth(Number(match[1]), Number(match[2]));
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before the one `now` falls in, in China (`YYYY-MM`): the tax period a finance team closes next. */
export function previousChinaMonth(now: Date): string {
  const [year, month] = chinaDateOf(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A period as asked (two real dates, in order, at most `MAX_PERIOD_DAYS`), or why it is not one. */
export function checkPeriod(from: string, to: string): DatePeriod | 'dates' | 'order' | 'too-long' {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return 'dates';
  const days = chinaDaysBetween(from, to) + 1;
  if (days < 1) return 'order';
  return days > MAX_PERIOD_DAYS ? 'too-long' : { from, to };
}

/** Whether an instant falls on a day of the period, in China. */
export function inPeriod(instant: string, period: DatePeriod): boolean {
  const day = chinaDateOf(instant);
  return day >= period.from && day <= period.to;
}
