import type { AmountError } from '../rules/request-by-amount.js';
import { formatMoney } from '../money/format-money.js';
import { toFen } from '../money/fen.js';
import { coreRequestMessages } from './catalogues.js';
import type { Locale } from './messages.js';

// A module of its own: only the form and servers explain amounts, so a bills page never carries it.

/** Why an amount cannot be requested, in words, its money formatted for the locale. */
export function explainAmountError(error: AmountError, locale: Locale): string {
  const p: Record<string, string | number> = { ...error.params };
  const currency = typeof p.currency === 'string' ? p.currency : 'CNY';
  for (const key of ['minimum', 'invoiceable'] as const)
    if (typeof p[key] === 'number') p[`${key}Text`] = formatMoney({ fen: toFen(p[key]), currency }, locale);
  return coreRequestMessages(locale).amountError[error.code](p);
}
