import { assert } from '../result.js';
import { toFen, type Fen } from './fen.js';

/**
 * Splits `total` over integer `weights` so that the parts add up to `total` exactly.
 * The remainder left by flooring goes one fen at a time to the largest fractional parts
 * (ties to the earlier weight), so no fen is created or lost.
 */
export function allocateFen(total: Fen, weights: readonly number[]): Fen[] {
  assert(weights.length > 0, 'allocate needs at least one weight');
  assert(
    weights.every(w => Number.isSafeInteger(w) && w >= 0),
    'allocate weights must be non-negative integers',
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  assert(sum !== 0, 'allocate weights must not all be zero');
  const sign = total < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(total));
  const bigSum = BigInt(sum);
  const parts = weights.map(w => (magnitude * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (magnitude * BigInt(w)) % bigSum }));
  let left = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(p => toFen(Number(p * sign)));
}
