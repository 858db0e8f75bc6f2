import type { Invoice } from '../model/invoice.js';
import { sumFen, type CurrencyCode, type Fen } from '../money/fen.js';

export interface CurrencyTotal {
  readonly currency: CurrencyCode;
  /** Σ gross (tax included) of the invoices in this currency. */
  readonly gross: Fen;
  readonly count: number;
}

/**
 * The invoices' gross per currency, in the order each currency first appears: amounts of different currencies are
 * never added together (a selection of CNY and USD bills has two totals, not one).
 */
export function totalsByCurrency(invoices: readonly Invoice[]): CurrencyTotal[] {
  const groups = new Map<CurrencyCode, Fen[]>();
  for (const invoice of invoices) {
    const list = groups.get(invoice.currency);
    if (list) list.push(invoice.amounts.gross);
    else groups.set(invoice.currency, [invoice.amounts.gross]);
  }
  return [...groups].map(([currency, amounts]) => ({ currency, gross: sumFen(amounts), count: amounts.length }));
}
