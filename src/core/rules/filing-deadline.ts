import { weekdayOf } from '../time/china-calendar.js';
import { addChinaDays, chinaDateOf, type CalendarDate } from '../time/china-time.js';

/**
 * The last day of each month's VAT filing (申报纳税期限) as the State Taxation Administration publishes it for the year:
 * the day of the month, January to December, by the month the filing falls in (the 15th, moved for holidays and
 * weekends; docs/domain.md, "Working days and filing deadlines"). A Fapiao issued in October 2026 is filed for in
 * November, by 16 November. Add a year when its notice comes out (each December).
 */
export const FILING_DEADLINE_DAYS: Readonly<Record<number, readonly number[]>> = {
  // 国家税务总局办公厅关于明确2025年度申报纳税期限的通知（税总办征科函〔2024〕71号）, as the Guangdong tax bureau's
  // 2025 filing calendar (2024-12-30) lists it.
  2025: [15, 20, 17, 18, 22, 16, 15, 15, 15, 27, 17, 15],
  // 国家税务总局办公厅关于明确2026年度申报纳税期限的通知（税总办征科函〔2025〕64号）.
  2026: [20, 24, 16, 20, 22, 15, 15, 17, 15, 26, 16, 15],
};

export interface FilingDeadline {
  /** The tax period (`YYYY-MM`): the month the Fapiao is issued in. */
  readonly period: string;
  /** The last day to file for it, on China's calendar. */
  readonly date: CalendarDate;
  /**
   * Whether the tax administration has published it. When not (its year's notice comes out each December): the
   * 15th of the next month, a weekend moved to Monday (征管法实施细则 第一百零九条), which a holiday may still move.
   */
  readonly published: boolean;
}

/** The month after `period` (`YYYY-MM`). */
function nextMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The filing deadline for the tax period `period` (`YYYY-MM`, the month a Fapiao is issued in). */
export function filingDeadline(
  period: string,
  deadlines: Readonly<Record<number, readonly number[]>> = FILING_DEADLINE_DAYS,
): FilingDeadline {
  const filingMonth = nextMonth(period);
  const day = deadlines[Number(filingMonth.slice(0, 4))]?.[Number(filingMonth.slice(5)) - 1];
  if (day) return { period, date: `${filingMonth}-${String(day).padStart(2, '0')}`, published: true };
  let date = `${filingMonth}-15`;
  const weekday = weekdayOf(date);
  if (weekday === 6 || weekday === 0) date = chinaDateOf(addChinaDays(date, weekday === 6 ? 2 : 1));
  return { period, date, published: false };
}
