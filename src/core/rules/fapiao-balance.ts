import type { FapiaoRequest } from '../model/fapiao.js';
import { ISSUED_REQUEST_STATUSES } from '../model/request-statuses.js';
import type { Invoice } from '../model/invoice.js';
import { toFen, type CurrencyCode, type Fen } from '../money/fen.js';
import { claimOf, type ClaimingRequest } from './claims.js';
import { checkEligibility, requestsNaming, type EligibilityContext } from './eligibility.js';

/**
 * Where a customer stands with one seller in one currency: what can be invoiced now and soon, what is invoiced, and
 * what is owed back (欠票) after refunds of bills whose Fapiao still stands. Amounts in fen; currencies never mixed.
 */
export interface FapiaoBalance {
  readonly sellerId: string;
  readonly currency: CurrencyCode;
  /** Bills a Fapiao may be requested for now (Σ gross). */
  readonly invoiceable: Fen;
  /** Paid bills still in their waiting days: requestable later (Σ gross). */
  readonly upcoming: Fen;
  /** Fapiao in force: issued and not reversed (Σ gross; red-letter ones cancel the ones they reverse). */
  readonly invoiced: Fen;
  /**
   * 欠票: money refunded on bills whose Fapiao still stands. The customer holds Fapiao for more than they paid; sellers
   * offset it against what is invoiced next, or ask for a red-letter reversal.
   */
  readonly deficit: Fen;
  /** What may be invoiced once the deficit is offset: max(0, invoiceable − deficit). */
  readonly invoiceableAfterOffset: Fen;
  /** What remains of the deficit after the offset. */
  readonly deficitLeft: Fen;
}

const refunded = (invoice: Invoice): number =>
  invoice.payments.reduce((sum, p) => (p.type === 'refund' ? sum + p.amount : sum), 0);

/**
 * The customer's balances per seller and currency, from their bills and requests (the same context as eligibility).
 * A bill counts as invoiceable only when `checkEligibility` says so; as upcoming when waiting days are all that
 * stands in its way. Its Fapiao count as invoiced while in force; its refunds as deficit while they do.
 */
export function fapiaoBalances(
  invoices: readonly Invoice[],
  context: EligibilityContext & {
    readonly requests: readonly (ClaimingRequest & Pick<FapiaoRequest, 'fapiaos'>)[];
  },
): FapiaoBalance[] {
  const byKey = new Map<string, { sellerId: string; currency: CurrencyCode; sums: [number, number, number, number] }>();
  const add = (invoice: Invoice, slot: 0 | 1 | 2 | 3, amount: number) => {
    const sellerId = invoice.seller?.id ?? '';
    const key = `${sellerId}\u0000${invoice.currency}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { sellerId, currency: invoice.currency, sums: [0, 0, 0, 0] }));
    entry.sums[slot] += amount;
  };
  const counted = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.kind !== 'invoice') continue;
    const eligibility = checkEligibility(invoice, context);
    // What requests by amount left of a bill is what can still be invoiced of it.
    if (eligibility.eligible) add(invoice, 0, eligibility.unclaimed ?? invoice.amounts.gross);
    else if (eligibility.reasons.every(r => r.code === 'waiting-period')) add(invoice, 1, invoice.amounts.gross);
    // A bill may be in several requests in force: each took part of it (requests by amount).
    let invoicedPart = 0;
    for (const request of requestsNaming(context.requests, invoice.id)) {
      if (!ISSUED_REQUEST_STATUSES.includes(request.status)) continue;
      invoicedPart += claimOf(request, invoice.id, invoice.amounts.gross);
      // A request's Fapiao count once, with the first of its bills given (one seller and currency per request).
      if (counted.has(request.id)) continue;
      counted.add(request.id);
      for (const f of request.fapiaos)
        if (!f.reversedBy && !f.reverses && f.currency === invoice.currency) add(invoice, 2, f.gross);
    }
    // Refunds beyond the invoiced part of the bill owe no Fapiao back.
    if (invoicedPart > 0) add(invoice, 3, Math.min(refunded(invoice), invoicedPart, invoice.amounts.gross));
  }
  return [...byKey.values()].map(({ sellerId, currency, sums: [invoiceable, upcoming, invoiced, deficit] }) => ({
    sellerId,
    currency,
    invoiceable: toFen(invoiceable),
    upcoming: toFen(upcoming),
    invoiced: toFen(invoiced),
    deficit: toFen(deficit),
    invoiceableAfterOffset: toFen(Math.max(0, invoiceable - deficit)),
    deficitLeft: toFen(Math.max(0, deficit - invoiceable)),
  }));
}
