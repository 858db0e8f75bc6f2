import { CHINA_TZ, toInstant } from './china-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as people read it in `locale`, on China's calendar (`2026年11月23日`, `23 November 2026`,
 * `23 november 2026`). Intl only, so the core stays small; the elements use date-fns locales for richer text.
 */
export function formatChinaDate(value: string | Date, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: CHINA_TZ });
    formatters.set(locale, formatter);
  }
  return formatter.format(toInstant(value));
}
