import { currencyExponent, fenToDecimalString, type Money } from './fen.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for a locale through Intl, from an exact decimal string (never `fen / 100`).
 * `formatMoney(money(123450, 'CNY'), 'zh-CN')` → `¥1,234.50`; in `nl` → `CN¥ 1.234,50`.
 */
export function formatMoney(value: Money, locale: string): string {
  const key = `${locale}|${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency });
    formatters.set(key, formatter);
  }
  const decimal = fenToDecimalString(value.fen, currencyExponent(value.currency));
  // Intl.NumberFormat v3 formats decimal strings exactly; the cast is for lib typings.
  return formatter.format(decimal as unknown as number);
}
