import { format } from 'date-fns/format';
import { zhCN } from 'date-fns/locale/zh-CN';
import { enUS } from 'date-fns/locale/en-US';
import { nl } from 'date-fns/locale/nl';
import { formatMoney, toChinaIso, toInstant, type Fen, type Locale } from '../../core/index.js';

const DATE_LOCALES = { 'zh-CN': zhCN, en: enUS, nl } as const;
/** zh-CN's medium date is `2026-11-01`; its long one (`2026年11月1日`) is what Chinese bills print. */
const DATE_FORMATS = { 'zh-CN': 'PPP', en: 'PP', nl: 'PP' } as const;
/**
 * China's wall clock at the instant, as a Date in the browser's zone showing the same fields: date-fns then formats
 * it as China reads it, whatever the browser's zone, without a zone library (the core's China time does the math).
 */
function chinaWallClock(value: string): Date {
  const [date = '', time = ''] = toChinaIso(toInstant(value)).split('T');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.slice(0, 8).split(':').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, mm, ss);
}

/** A date as the locale writes it, on China's calendar whatever the browser's zone. */
export function formatDate(value: string, locale: Locale): string {
  return format(chinaWallClock(value), DATE_FORMATS[locale], { locale: DATE_LOCALES[locale] });
}

/** Date and time (for status histories), China time. */
export function formatDateTime(value: string, locale: Locale): string {
  return format(chinaWallClock(value), `${DATE_FORMATS[locale]} HH:mm`, { locale: DATE_LOCALES[locale] });
}

export function formatAmount(fen: Fen, currency: string, locale: Locale): string {
  return formatMoney({ fen, currency }, locale);
}

/** Saves a blob as a file through a temporary link (the one way that works in every browser). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
