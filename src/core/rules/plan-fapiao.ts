import type { Invoice } from '../model/invoice.js';
import type { FapiaoBuyer, FapiaoKind } from '../model/fapiao.js';
import { sumFen, toFen, type CurrencyCode, type Fen } from '../money/fen.js';
import { CLOUD_SERVICES_VAT_BP, divideRoundHalfUp, splitTaxInclusive, taxOnNet, type RateBp } from '../money/vat.js';
import { assert } from '../result.js';
import { checkEligibility, type EligibilityContext, type Reason } from './eligibility.js';

export interface PlanOptions {
  readonly fapiaoKind: FapiaoKind;
  /** VAT rate in basis points; 600 (6 %) for cloud services. */
  readonly rateBp?: RateBp;
  /** Largest net amount (金额, tax excluded) one Fapiao may carry; larger sets are split. */
  readonly maxNetPerFapiao?: number | null;
  /** `false` gives each invoice its own Fapiao (21Vianet's one-title-per-bill practice). */
  readonly merge?: boolean;
  /** The line's item name (项目名称), with its tax classification in asterisks. */
  readonly itemName?: string;
  /**
   * When given, invoices that are not eligible are left out, each with its reasons; a bill that requests by amount
   * took part of is planned for the rest.
   */
  readonly eligibility?: EligibilityContext;
  /** The gross to plan per bill id where less than the bill (a request by amount's bills, `planByAmount`). */
  readonly amounts?: ReadonlyMap<string, number>;
}

export interface PlannedLine {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly itemName: string;
  readonly rateBp: RateBp;
  readonly gross: Fen;
  readonly net: Fen;
  readonly tax: Fen;
}

export interface PlannedFapiao {
  readonly sellerId: string;
  readonly currency: CurrencyCode;
  readonly fapiaoKind: FapiaoKind;
  readonly buyer: FapiaoBuyer;
  readonly lines: readonly PlannedLine[];
  readonly gross: Fen;
  readonly net: Fen;
  readonly tax: Fen;
}

export interface PlanTotal {
  readonly currency: CurrencyCode;
  readonly gross: Fen;
  readonly net: Fen;
  readonly tax: Fen;
}

export interface FapiaoPlan {
  readonly fapiaos: readonly PlannedFapiao[];
  readonly excluded: readonly { readonly invoiceId: string; readonly reasons: readonly Reason[] }[];
  readonly totals: readonly PlanTotal[];
  /** Fapiao whose summed line tax differs from tax on the summed net by more than the 1.27 tolerance. */
  readonly toleranceExceeded: readonly number[];
}

/**
 * A plan without its buyer: what a server previews for a request by amount (which bills, how much of each, net and
 * VAT per Fapiao) before the form is filled in. A `FapiaoPlan` is one.
 */
export interface PlanPreview {
  readonly fapiaos: readonly Omit<PlannedFapiao, 'buyer'>[];
  readonly excluded: FapiaoPlan['excluded'];
  readonly totals: readonly PlanTotal[];
}

/** docs/domain.md §2.6: total tax error across lines must not exceed 1.27 yuan. */
export const TOTAL_TAX_TOLERANCE_FEN = 127;
export const DEFAULT_ITEM_NAME = '*信息技术服务*云服务费';

/** The largest tax-inclusive amount whose net stays within `maxNet`. */
export function maxGrossForNet(maxNet: number, rateBp: RateBp): Fen {
  let gross = Number(divideRoundHalfUp(BigInt(maxNet) * BigInt(10_000 + rateBp), 10_000n));
  while (gross > 0 && splitTaxInclusive(toFen(gross), rateBp).net > maxNet) gross -= 1;
  while (splitTaxInclusive(toFen(gross + 1), rateBp).net <= maxNet) gross += 1;
  return toFen(gross);
}

function line(invoice: Invoice, gross: Fen, rateBp: RateBp, itemName: string): PlannedLine {
  const { net, tax } = splitTaxInclusive(gross, rateBp);
  return { invoiceId: invoice.id, invoiceNumber: invoice.number, itemName, rateBp, gross, net, tax };
}

/**
 * Turns chosen invoices into the Fapiao to issue: one group per seller and currency, merged unless `merge: false`,
 * split where `maxNetPerFapiao` is set, with net and VAT per line from the tax-inclusive amounts.
 * Every fen is accounted for: the lines' gross add up to the invoices' gross, and net + tax = gross on each line.
 */
export function planFapiao(invoices: readonly Invoice[], buyer: FapiaoBuyer, options: PlanOptions): FapiaoPlan {
  const rateBp = options.rateBp ?? CLOUD_SERVICES_VAT_BP;
  const itemName = options.itemName ?? DEFAULT_ITEM_NAME;
  const maxNet = options.maxNetPerFapiao ?? null;
  const merge = options.merge ?? true;
  const excluded: { invoiceId: string; reasons: Reason[] }[] = [];
  const included: { invoice: Invoice; gross: Fen }[] = [];
  const seen = new Set<string>();
  for (const invoice of invoices) {
    if (seen.has(invoice.id)) continue;
    seen.add(invoice.id);
    let gross = invoice.amounts.gross;
    if (options.eligibility) {
      const e = checkEligibility(invoice, options.eligibility);
      if (!e.eligible) {
        excluded.push({ invoiceId: invoice.id, reasons: [...e.reasons] });
        continue;
      }
      gross = toFen(e.unclaimed ?? gross);
    } else if (invoice.amounts.gross <= 0) {
      excluded.push({ invoiceId: invoice.id, reasons: [{ code: 'non-positive-amount' }] });
      continue;
    }
    const asked = options.amounts?.get(invoice.id);
    if (asked !== undefined) {
      assert(Number.isSafeInteger(asked) && asked > 0 && asked <= gross, 'a planned amount must be 1 fen to the bill');
      gross = toFen(asked);
    }
    included.push({ invoice, gross });
  }

  // Group by seller and currency, keeping the caller's order.
  const groups = new Map<string, { invoice: Invoice; gross: Fen }[]>();
  for (const entry of included) {
    const { invoice } = entry;
    const key = merge ? `${invoice.seller?.id ?? ''}\u0000${invoice.currency}` : `#${invoice.id}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }

  const fapiaos: PlannedFapiao[] = [];
  for (const group of groups.values()) {
    const first = group[0]!.invoice;
    const pieces: PlannedLine[] = [];
    for (const { invoice, gross } of group) {
      if (maxNet === null || splitTaxInclusive(gross, rateBp).net <= maxNet) {
        pieces.push(line(invoice, gross, rateBp, itemName));
        continue;
      }
      const chunk = maxGrossForNet(maxNet, rateBp);
      assert(chunk > 0, 'maxNetPerFapiao is too small to carry any amount');
      let left = gross as number;
      while (left > 0) {
        const take = Math.min(left, chunk);
        pieces.push(line(invoice, toFen(take), rateBp, itemName));
        left -= take;
      }
    }
    // Pack pieces in order; open a new Fapiao when the net limit would be passed.
    let current: PlannedLine[] = [];
    let currentNet = 0;
    const close = () => {
      if (current.length === 0) return;
      fapiaos.push({
        sellerId: first.seller?.id ?? '',
        currency: first.currency,
        fapiaoKind: options.fapiaoKind,
        buyer,
        lines: current,
        gross: sumFen(current.map(l => l.gross)),
        net: sumFen(current.map(l => l.net)),
        tax: sumFen(current.map(l => l.tax)),
      });
      current = [];
      currentNet = 0;
    };
    for (const piece of pieces) {
      if (maxNet !== null && currentNet + piece.net > maxNet) close();
      current.push(piece);
      currentNet += piece.net;
    }
    close();
  }

  const totalsByCurrency = new Map<string, { gross: number; net: number; tax: number }>();
  for (const f of fapiaos) {
    const t = totalsByCurrency.get(f.currency) ?? { gross: 0, net: 0, tax: 0 };
    totalsByCurrency.set(f.currency, { gross: t.gross + f.gross, net: t.net + f.net, tax: t.tax + f.tax });
  }
  const toleranceExceeded = fapiaos.flatMap((f, i) =>
    Math.abs(f.tax - taxOnNet(f.net, rateBp)) > TOTAL_TAX_TOLERANCE_FEN ? [i] : [],
  );
  return {
    fapiaos,
    excluded,
    totals: [...totalsByCurrency].map(([currency, t]) => ({
      currency,
      gross: toFen(t.gross),
      net: toFen(t.net),
      tax: toFen(t.tax),
    })),
    toleranceExceeded,
  };
}
