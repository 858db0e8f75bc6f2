import { addChinaDays, chinaDateOf, type CalendarDate } from './china-time.js';

/**
 * One year of China's official calendar as the State Council publishes it each November: the public holidays and the
 * weekend days worked in exchange (调休上班). Working days are Monday to Friday, less the holidays, plus those days.
 */
export interface ChinaCalendarYear {
  /** Holidays as first and last day, both included. */
  readonly holidays: readonly (readonly [from: CalendarDate, to: CalendarDate])[];
  /** Saturdays and Sundays that are working days. */
  readonly workdays: readonly CalendarDate[];
}

/**
 * The years published when this was written (docs/domain.md, "Working days and filing deadlines"). A later year is
 * unknown, not guessed: arithmetic that reaches it answers `undefined`. Add a year when its notice comes out.
 */
export const CHINA_CALENDAR: Readonly<Record<number, ChinaCalendarYear>> = {
  // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

type Calendar = Readonly<Record<number, ChinaCalendarYear>>;

/** The day of the week of a China calendar day: 0 for Sunday to 6 for Saturday. */
export const weekdayOf = (date: CalendarDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const nextDay = (date: CalendarDate) => chinaDateOf(addChinaDays(date, 1));

/** Whether `date` is a working day in China; `undefined` when its year's calendar is not known. */
export function isChinaWorkingDay(date: CalendarDate, calendar: Calendar = CHINA_CALENDAR): boolean | undefined {
  const year = calendar[Number(date.slice(0, 4))];
  if (!year) return undefined;
  if (year.workdays.includes(date)) return true;
  if (year.holidays.some(([from, to]) => date >= from && date <= to)) return false;
  const day = weekdayOf(date);
  return day !== 0 && day !== 6;
}

/**
 * The China day `days` working days after `date` (a request on Friday with 2 working days: Tuesday; over the National
 * Day week, after it). `undefined` when the count runs into a year whose calendar is not known.
 */
export function addChinaWorkingDays(
  date: CalendarDate,
  days: number,
  calendar: Calendar = CHINA_CALENDAR,
): CalendarDate | undefined {
  let day = date;
  for (let left = days; left > 0;) {
    day = nextDay(day);
    const working = isChinaWorkingDay(day, calendar);
    if (working === undefined) return undefined;
    if (working) left--;
  }
  return day;
}
