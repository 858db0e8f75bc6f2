import { assert } from '../result.js';
import { toFen, type Fen } from './fen.js';

/** A VAT rate in basis points (hundredths of a percent): 6 % is 600, the reduced 1.5 % is 150. */
export type RateBp = number;

/** 6 %: the rate for cloud/IT services (*信息技术服务*), docs/domain.md §2.5. */
export const CLOUD_SERVICES_VAT_BP: RateBp = 600;

export interface TaxSplit {
  readonly gross: Fen;
  readonly net: Fen;
  readonly tax: Fen;
}

/** Integer division rounding half away from zero, in BigInt so large amounts stay exact. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * Splits a tax-inclusive amount (价税合计) into net (金额) and tax (税额):
 * `net = round_half_up(gross / (1 + rate))`, `tax = gross − net`, so net + tax is always gross.
 * Matches docs/domain.md §2.6 (100.00 → 94.34 + 5.66).
 */
export function splitTaxInclusive(gross: Fen, rateBp: RateBp): TaxSplit {
  assert(Number.isSafeInteger(rateBp) && rateBp >= 0 && rateBp <= 10_000, `invalid VAT rate ${rateBp} bp`);
  const net = toFen(Number(divideRoundHalfUp(BigInt(gross) * 10_000n, 10_000n + BigInt(rateBp))));
  return { gross, net, tax: toFen(gross - net) };
}

/** Tax computed the other way, from net: `round_half_up(net × rate)`; used to check the tolerance. */
export function taxOnNet(net: Fen, rateBp: RateBp): Fen {
  return toFen(Number(divideRoundHalfUp(BigInt(net) * BigInt(rateBp), 10_000n)));
}
