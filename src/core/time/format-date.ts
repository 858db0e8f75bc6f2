import { CHINA_TZ, toInstant } from './china-time.js';

/** Formats a China day or instant for a locale: every `explain*` takes one, so a host can bring its own. */
export type DateFormatter = (value: string | Date, locale: string) => string;

const dates = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and shape, in China's zone (making one costs more than formatting with it). */
export function cached(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
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
