import type { Invoice } from '../model/invoice.js';
import { toFen, type CurrencyCode, type Fen } from '../money/fen.js';
import { instantMsOf } from '../time/china-time.js';
import { checkEligibility, DEFAULT_POLICY, paidAtOf, type EligibilityContext } from './eligibility.js';

/**
 * A request by amount (Alibaba Cloud's InvoiceByAmount, Tencent Cloud's 按输入金额): so much of one seller's bills in one
 * currency, tax included, in minor units.
 */
export interface AmountToRequest {
  readonly sellerId: string;
  readonly currency: CurrencyCode;
  readonly gross: number;
}

export const AMOUNT_ERROR_CODES = ['amount-not-positive', 'amount-below-minimum', 'amount-above-invoiceable'] as const;
/** Why an amount cannot be requested; params in minor units. */
export interface AmountError {
  readonly code: (typeof AMOUNT_ERROR_CODES)[number];
  readonly params?: Readonly<Record<string, string | number>>;
}

/** One bill's share of a request by amount: the whole of what it has left, or (the last bill) part of it. */
export interface AmountClaim {
  readonly invoice: Invoice;
  readonly gross: Fen;
}

export type AmountClaims =
  | { readonly ok: true; readonly claims: readonly AmountClaim[] }
  | { readonly ok: false; readonly error: AmountError; readonly invoiceable: number };

/** Oldest payment first, then by bill number: the bills a customer paid first are invoiced first. */
function byPayment(a: Invoice, b: Invoice): number {
  const at = (i: Invoice) => {
    const paid = paidAtOf(i);
    return paid ? instantMsOf(paid) : Number.MAX_SAFE_INTEGER;
  };
  return at(a) - at(b) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
}

/**
 * Which bills a request by amount takes, and how much of each: the seller's eligible bills in that currency, oldest
 * payment first, each for what it has left, the last one in part, so the claims add up to the amount to the fen.
 * Refused when the amount is not a positive whole number of fen, is below the policy's minimum, or is more than those
 * bills have left (`invoiceable` says how much they have).
 */
export function claimsByAmount(
  invoices: readonly Invoice[],
  amount: AmountToRequest,
  context: EligibilityContext,
): AmountClaims {
  const open: AmountClaim[] = [];
  let invoiceable = 0;
  for (const invoice of [...invoices].sort(byPayment)) {
    if (invoice.kind !== 'invoice' || invoice.currency !== amount.currency) continue;
    if ((invoice.seller?.id ?? '') !== amount.sellerId) continue;
    const e = checkEligibility(invoice, context);
    if (!e.eligible) continue;
    const left = e.unclaimed ?? invoice.amounts.gross;
    open.push({ invoice, gross: toFen(left) });
    invoiceable += left;
  }
  const refuse = (error: AmountError): AmountClaims => ({ ok: false, error, invoiceable });
  const { gross, currency } = amount;
  if (!Number.isSafeInteger(gross) || gross <= 0) return refuse({ code: 'amount-not-positive' });
  const minimum = context.policy?.minimumFen ?? DEFAULT_POLICY.minimumFen;
  if (gross < minimum) return refuse({ code: 'amount-below-minimum', params: { minimum, currency } });
  if (gross > invoiceable) return refuse({ code: 'amount-above-invoiceable', params: { invoiceable, currency } });
  const claims: AmountClaim[] = [];
  let wanted = gross;
  for (const claim of open) {
    if (wanted === 0) break;
    const take = Math.min(wanted, claim.gross);
    claims.push({ invoice: claim.invoice, gross: toFen(take) });
    wanted -= take;
  }
  return { ok: true, claims };
}

/** The claims as a request records them: bill ids, and `amounts` only where a bill is taken in part. */
export function requestClaims(claims: readonly AmountClaim[]): {
  invoiceIds: string[];
  invoiceNumbers: string[];
  amounts?: Fen[];
} {
  const partial = claims.some(c => c.gross !== c.invoice.amounts.gross);
  return {
    invoiceIds: claims.map(c => c.invoice.id),
    invoiceNumbers: claims.map(c => c.invoice.number),
    ...(partial ? { amounts: claims.map(c => c.gross) } : {}),
  };
}
