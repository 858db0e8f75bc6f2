import { CHINA_TZ, toInstant } from './china-time.js';

/** Formats a China day or instant for a locale: every `explain*` takes one, so a host can bring its own. */
export type DateFormatter = (value: string | Date, locale: string) => string;

const dates = new Map<string, Intl.DateTimeFormat>();
const dateTimes = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
  let formatter = cache.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: CHINA_TZ });
    cache.set(locale, formatter);
  }
  return formatter;
}

/**
 * A date as people read it in `locale`, on China's calendar whatever the host's zone: `2026年11月23日`,
 * `Nov 23, 2026`, `23 nov 2026`. The one date format of the core and the elements (Intl: the browser already carries
 * every locale's calendar words). A bare `YYYY-MM-DD` is that China day.
 */
export const formatChinaDate: DateFormatter = (value, locale) =>
  cached(dates, locale, { dateStyle: 'medium' }).format(toInstant(value));

const months = new Map<string, Intl.DateTimeFormat>();

/** A month (`YYYY-MM`, a tax period) as people read it in `locale`: `2026年11月`, `November 2026`, `november 2026`. */
export const formatChinaMonth = (month: string, locale: string): string =>
  cached(months, locale, { year: 'numeric', month: 'long' }).format(toInstant(`${month}-01`));

/** Date and time on China's wall clock, 24-hour: `2026年11月23日 10:00`, `Nov 23, 2026, 10:00`. */
export const formatChinaDateTime: DateFormatter = (value, locale) =>
  cached(dateTimes, locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(toInstant(value));
