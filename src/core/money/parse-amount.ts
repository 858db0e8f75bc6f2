import { fail, ok, type Result } from '../result.js';
import { type Fen } from './fen.js';
import { describe } from '../describe.js';
import type { Decoder } from '../model/decode.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Converts an API amount (a JSON number like `16.53` or a string like `"1234.50"`) to minor units
 * textually, never by multiplying a float. Numbers are read through their shortest round-trip text
 * (`String(19.99) === "19.99"`), so a drifted float such as `0.1 + 0.2` (`0.30000000000000004`)
 * is rejected rather than silently rounded. Extra trailing zeros are fine; extra non-zero digits are not.
 */
export function parseAmount(input: unknown, exponent = 2, path = '$'): Result<Fen> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(path, 'amount.not-finite', `${path}: amount is not a finite number`);
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return fail(path, 'amount.type', `${path}: expected an amount (number or decimal string), got ${describe(input)}`);
  }
  const match = DECIMAL.exec(text);
  if (!match) return fail(path, 'amount.format', `${path}: "${text}" is not a plain decimal amount`);
  const [, sign, whole = '', fractionRaw = ''] = match;
  const significant = fractionRaw.replace(/0+$/, '');
  if (significant.length > exponent) {
    return fail(path, 'amount.precision', `${path}: "${text}" has more than ${exponent} decimals`);
  }
  const minor = `${whole}${significant.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(minor);
  if (!Number.isSafeInteger(value) || minor.length > 16) {
    return fail(path, 'amount.range', `${path}: "${text}" is too large to represent exactly`);
  }
  return ok((sign === '-' && value !== 0 ? -value : value) as Fen);
}

/**
 * Money from someone else's wire, as a decoder: a decimal number or string, converted exactly (a module apart from the
 * other decoders, so a page that decodes fen only does not carry it).
 */
export function decimalAmount(exponent: number): Decoder<Fen> {
  return (input, path, issues) => {
    const result = parseAmount(input, exponent, path);
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  };
}
