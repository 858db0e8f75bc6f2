import { fapiaoBalances, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { send } from '../http.js';
import { customerRoute, type Route } from './route.js';

/**
 * The customer's Fapiao balance per seller and currency (the core's `fapiaoBalances`) over all their bills and
 * requests: what a paged bill list cannot add up in the browser. The same rules as a request's eligibility.
 */
export const fapiaoBalanceRoutes: readonly Route[] = [
  customerRoute('GET', /^\/api\/v1\/fapiao-balance$/, async ({ res, services, customer }) => {
    const [invoices, requests] = await Promise.all([
      services.store.query<{ body: Invoice }>('select body from invoices where tenant_id = $1', [customer.id]),
      services.store.query<{ body: FapiaoRequest }>('select body from fapiao_requests where tenant_id = $1', [
        customer.id,
      ]),
    ]);
    const items = fapiaoBalances(
      invoices.rows.map(r => r.body),
      { now: new Date(services.now()), account: customer.account, requests: requests.rows.map(r => r.body) },
    );
    send(res, 200, { items });
  }),
];
