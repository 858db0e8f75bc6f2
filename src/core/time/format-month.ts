// The month and date-time formats: a module of their own, as a bills page's first render shows days only.
import { toInstant } from './china-time.js';
import { cached, type DateFormatter } from './format-date.js';

const dateTimes = new Map<string, Intl.DateTimeFormat>();
const months = new Map<string, Intl.DateTimeFormat>();

/** A month (`YYYY-MM`, a tax period) as people read it in `locale`: `2026年11月`, `November 2026`, `november 2026`. */
export const formatChinaMonth = (month: string, locale: string): string =>
  cached(months, locale, { year: 'numeric', month: 'long' }).format(toInstant(`${month}-01`));

/** Date and time on China's wall clock, 24-hour: `2026年11月23日 10:00`, `Nov 23, 2026, 10:00`. */
export const formatChinaDateTime: DateFormatter = (value, locale) =>
  cached(dateTimes, locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(toInstant(value));
