import { formatChinaDate } from '../../core/time/format-date.js';
import { formatMoney } from '../../core/money/format-money.js';
import type { Fen } from '../../core/money/fen.js';
import type { Locale } from '../../core/i18n/index.js';

// The elements show dates with the core's one formatter (Intl, China time); these names keep templates short.
export const formatDate = (value: string, locale: Locale): string => formatChinaDate(value, locale);
export const formatAmount = (fen: Fen, currency: string, locale: Locale): string =>
  formatMoney({ fen, currency }, locale);

// Punctuation follows the language: Chinese text takes full-width marks with no space around them ("发票：", "（选填）").
const fullWidth = (locale: Locale) => locale === 'zh-CN';
/** "Label: " / "标签：" before a value. */
export const labelOf = (label: string, locale: Locale): string => (fullWidth(locale) ? `${label}：` : `${label}: `);
/** " (note)" / "（备注）" after a word. */
export const aside = (text: string, locale: Locale): string => (fullWidth(locale) ? `（${text}）` : ` (${text})`);
/** Parts of one line: "a, b" / "a，b". */
export const listOf = (parts: readonly string[], locale: Locale): string => parts.join(fullWidth(locale) ? '，' : ', ');
