import { assert, FapiaoKitError } from '../result.js';

declare const fenBrand: unique symbol;

/**
 * An amount in minor units (fen for CNY, cents for USD) as a safe integer.
 * Branded so a plain number (or a float) cannot be passed where money is expected.
 */
export type Fen = number & { readonly [fenBrand]: 'Fen' };

/** An ISO 4217 code, e.g. `CNY`. */
export type CurrencyCode = string;

/** An amount with its currency: the only money shape the core passes around. */
export interface Money {
  readonly fen: Fen;
  readonly currency: CurrencyCode;
}

/** @deprecated Every programmer error is a `FapiaoKitError` (thrown by `assert`); kept so `instanceof MoneyError` still works. */
export const MoneyError = FapiaoKitError;

/** Checks that `value` is a safe integer and brands it. Throws on floats: a programming error, not user input. */
export function toFen(value: number): Fen {
  assert(Number.isSafeInteger(value), `not a safe integer amount: ${value}`);
  return value as Fen;
}

export const ZERO_FEN = 0 as Fen;

export function addFen(a: Fen, b: Fen): Fen {
  return toFen(a + b);
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return toFen(a - b);
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) {
    total += v;
    assert(Number.isSafeInteger(total), 'sum exceeds the safe integer range');
  }
  return total as Fen;
}

export function money(fen: number, currency: CurrencyCode): Money {
  return { fen: toFen(fen), currency: currency.toUpperCase() };
}

export function addMoney(a: Money, b: Money): Money {
  assert(a.currency === b.currency, `cannot add ${a.currency} and ${b.currency}`);
  return { fen: addFen(a.fen, b.fen), currency: a.currency };
}

/** Digits after the decimal point for a currency (CNY 2, JPY 0), from Intl so no table drifts. */
export function currencyExponent(currency: CurrencyCode): number {
  const cached = exponentCache.get(currency);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const exponent = digits ?? 2;
  exponentCache.set(currency, exponent);
  return exponent;
}
const exponentCache = new Map<string, number>();

/** `123450` fen → `"1234.50"`, built from the integer so no float is involved. */
export function fenToDecimalString(fen: Fen, exponent = 2): string {
  const negative = fen < 0;
  const digits = String(Math.abs(fen)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
