import {
  claimsByAmount,
  explainAmountError,
  holdsClaims,
  planFapiao,
  type AmountClaim,
  type AmountToRequest,
  type FapiaoBuyer,
  type FapiaoKind,
  type FapiaoPlan,
  type FapiaoRequest,
  type Invoice,
  type Locale,
  type PlanPreview,
} from '../../../src/core/index.js';
import { HttpProblem, queryParam, send } from '../http.js';
import type { Queryable } from '../store/index.js';
import { customerRoute, type Customer, type Route } from './route.js';

/** Larger than any bill total this API takes: 10^15 fen is ten trillion yuan. */
const MAX_AMOUNT_FEN = 10 ** 15;

const badAmount = (why: string) =>
  new HttpProblem(422, 'validation-failed', {
    params: { why },
    extra: { errors: [{ field: 'amount', code: 'invalid' }] },
  });

/**
 * The amount a request by amount names, from a JSON body's `amount` or the preview's query: the seller (its id, empty
 * for bills without one), the currency, and the gross in fen as a whole number. Anything else is a 422.
 */
export function amountOf(input: unknown): AmountToRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badAmount('amount must be an object with sellerId, currency and gross (fen)');
  const { sellerId = '', currency, gross } = input as Record<string, unknown>;
  if (typeof sellerId !== 'string' || sellerId.length > 200) throw badAmount('amount.sellerId must be a seller id');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
    throw badAmount('amount.currency must be an ISO 4217 code');
  if (typeof gross !== 'number' || !Number.isSafeInteger(gross) || gross > MAX_AMOUNT_FEN)
    throw badAmount('amount.gross must be a whole number of fen');
  return { sellerId, currency, gross };
}

/**
 * Which of the customer's bills a request by amount takes, by the core's `claimsByAmount` over their paid bills and
 * the requests holding any; a 422 in the customer's language (with what can be invoiced) when the amount does not fit.
 */
export async function claimsForAmount(
  db: Queryable,
  customer: Customer,
  amount: AmountToRequest,
  now: number,
  locale: Locale,
): Promise<readonly AmountClaim[]> {
  // One after the other: inside a transaction, both run on its one connection.
  const invoices = await db.query<{ body: Invoice }>(
    "select body from invoices where tenant_id = $1 and status = 'paid' and gross > 0",
    [customer.id],
  );
  const requests = await db.query<{ body: FapiaoRequest }>('select body from fapiao_requests where tenant_id = $1', [
    customer.id,
  ]);
  const result = claimsByAmount(
    invoices.rows.map(r => r.body),
    amount,
    { now: new Date(now), account: customer.account, requests: requests.rows.map(r => r.body).filter(holdsClaims) },
  );
  if (result.ok) return result.claims;
  const message = explainAmountError(result.error, locale);
  throw new HttpProblem(422, 'amount-not-invoiceable', {
    detail: message,
    extra: {
      invoiceable: result.invoiceable,
      errors: [{ field: 'amount', code: result.error.code, message }],
    },
  });
}

/** The Fapiao claims issue: each bill planned for the part it gives (the request and its preview plan alike). */
export function planOfClaims(claims: readonly AmountClaim[], buyer: FapiaoBuyer, fapiaoKind: FapiaoKind): FapiaoPlan {
  const amounts = new Map(claims.map(c => [c.invoice.id, c.gross]));
  return planFapiao(
    claims.map(c => c.invoice),
    buyer,
    { fapiaoKind, amounts },
  );
}

/** The preview of claims: the Fapiao they would issue, without a buyer (the form is not filled in yet). */
export function previewOf(claims: readonly AmountClaim[], fapiaoKind: FapiaoKind): PlanPreview {
  const plan = planOfClaims(claims, { buyerKind: 'enterprise', title: '' }, fapiaoKind);
  return { fapiaos: plan.fapiaos.map(({ buyer: _, ...f }) => f), excluded: plan.excluded, totals: plan.totals };
}

export const fapiaoPlanRoutes: readonly Route[] = [
  /**
   * What a request by this amount would take and issue, before the customer fills in the form: the same rule the
   * request itself runs, so the preview is what is issued unless another request takes those bills first.
   */
  customerRoute('GET', /^\/api\/v1\/fapiao-plan$/, async ({ res, url, services, customer, locale }) => {
    const q = url.searchParams;
    const gross = queryParam(q, 'gross');
    if (gross === null || !/^\d{1,16}$/.test(gross))
      throw new HttpProblem(400, 'invalid-query', { params: { name: 'gross', expected: 'a whole number of fen' } });
    const kind = queryParam(q, 'fapiaoKind') ?? 'ordinary';
    if (kind !== 'ordinary' && kind !== 'special')
      throw new HttpProblem(400, 'invalid-query', { params: { name: 'fapiaoKind', expected: 'ordinary or special' } });
    const amount = amountOf({
      sellerId: queryParam(q, 'sellerId') ?? '',
      currency: queryParam(q, 'currency') ?? 'CNY',
      gross: Number(gross),
    });
    const claims = await claimsForAmount(services.store, customer, amount, services.now(), locale);
    send(res, 200, previewOf(claims, kind));
  }),
];
