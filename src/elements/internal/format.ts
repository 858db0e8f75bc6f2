import { formatChinaDate, formatChinaDateTime, formatMoney, type Fen, type Locale } from '../../core/index.js';

// The elements show dates with the core's one formatter (Intl, China time); these names keep templates short.
export const formatDate = (value: string, locale: Locale): string => formatChinaDate(value, locale);
export const formatDateTime = (value: string, locale: Locale): string => formatChinaDateTime(value, locale);
export const formatAmount = (fen: Fen, currency: string, locale: Locale): string =>
  formatMoney({ fen, currency }, locale);
