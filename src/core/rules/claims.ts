import type { FapiaoRequest } from '../model/fapiao.js';
import { ISSUED_REQUEST_STATUSES, OPEN_REQUEST_STATUSES } from '../model/request-statuses.js';
import type { Invoice } from '../model/invoice.js';

/** What the claim rules read of a request: which bills, how much of each, and whether it still stands. */
export type ClaimingRequest = Pick<FapiaoRequest, 'id' | 'invoiceIds' | 'status'> &
  Pick<Partial<FapiaoRequest>, 'amounts'>;

/** The gross `request` takes of a bill: its amount for that bill, else the whole bill; 0 when it does not name it. */
export function claimOf(request: ClaimingRequest, invoiceId: string, billGross: number): number {
  const i = request.invoiceIds.indexOf(invoiceId);
  if (i < 0) return 0;
  return request.amounts?.[i] ?? billGross;
}

/** Whether a request holds its bills: open (submitted, processing) or issued. Rejected, withdrawn, reversed ones do not. */
export const holdsClaims = (request: Pick<FapiaoRequest, 'status'>): boolean =>
  OPEN_REQUEST_STATUSES.includes(request.status) || ISSUED_REQUEST_STATUSES.includes(request.status);

/**
 * What of a bill no open or issued request has taken: its gross less their claims, never below 0. A bill is taken
 * whole by a request for it, or in part by a request by amount, whose rest stays open to another request.
 */
export function unclaimedOf(invoice: Pick<Invoice, 'id' | 'amounts'>, requests: readonly ClaimingRequest[]): number {
  const gross = invoice.amounts.gross;
  let taken = 0;
  for (const request of requests) if (holdsClaims(request)) taken += claimOf(request, invoice.id, gross);
  return Math.max(0, gross - taken);
}

/** A request's amounts by bill id, as `planFapiao` takes them (empty when it takes its bills whole). */
export function amountsByBill(request: Pick<FapiaoRequest, 'invoiceIds' | 'amounts'>): Map<string, number> {
  const amounts = new Map<string, number>();
  request.invoiceIds.forEach((id, i) => {
    const gross = request.amounts?.[i];
    if (gross !== undefined) amounts.set(id, gross);
  });
  return amounts;
}
