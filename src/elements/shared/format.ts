import { format } from 'date-fns/format';
import { zhCN } from 'date-fns/locale/zh-CN';
import { enUS } from 'date-fns/locale/en-US';
import { nl } from 'date-fns/locale/nl';
import { tz } from '@date-fns/tz';
import { CHINA_TZ, formatMoney, toInstant, type Fen, type Locale } from '../../core/index.js';

const DATE_LOCALES = { 'zh-CN': zhCN, en: enUS, nl } as const;
/** zh-CN's medium date is `2026-11-01`; its long one (`2026年11月1日`) is what Chinese bills print. */
const DATE_FORMATS = { 'zh-CN': 'PPP', en: 'PP', nl: 'PP' } as const;
const china = tz(CHINA_TZ);

/** A date as the locale writes it, on China's calendar whatever the browser's zone. */
export function formatDate(value: string, locale: Locale): string {
  return format(toInstant(value), DATE_FORMATS[locale], { locale: DATE_LOCALES[locale], in: china });
}

/** Date and time (for status histories), China time. */
export function formatDateTime(value: string, locale: Locale): string {
  return format(toInstant(value), `${DATE_FORMATS[locale]} HH:mm`, { locale: DATE_LOCALES[locale], in: china });
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
