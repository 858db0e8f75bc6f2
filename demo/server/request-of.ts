import type { FapiaoRequest } from '../../src/core/index.js';
import { HttpProblem } from './http.js';
import type { Customer } from './routes/route.js';
import type { Queryable } from './store/index.js';

/**
 * The customer's request, or 404 (another customer's is as unknown as a made-up id). `forUpdate` locks its row for the
 * caller's transaction: a change decided on what it reads cannot race another change or the back office.
 */
export async function requestOf(
  db: Queryable,
  customer: Customer,
  id: string,
  { forUpdate = false } = {},
): Promise<FapiaoRequest> {
  const { rows } = await db.query<{ body: FapiaoRequest }>(
    `select body from fapiao_requests where id = $1 and customer_id = $2${forUpdate ? ' for update' : ''}`,
    [id, customer.id],
  );
  if (!rows[0]) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
  return rows[0].body;
}
