import type { FapiaoRequest } from '../../src/core/index.js';
import { HttpProblem } from './http.js';
import type { Customer } from './routes/route.js';
import type { Queryable, Store } from './store/index.js';

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
    `select body from fapiao_requests where id = $1 and tenant_id = $2${forUpdate ? ' for update' : ''}`,
    [id, customer.id],
  );
  if (!rows[0]) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
  return rows[0].body;
}

/**
 * One step of back-office work over the requests `where` selects: up to `batch` of them, locked with `SKIP LOCKED` (any
 * number of instances share the work, each request moved by one), each replaced by what `next` makes of it (nothing:
 * left as it is). Returns how many moved.
 */
export async function moveRequests(
  store: Store,
  where: string,
  next: (
    tx: Queryable,
    request: FapiaoRequest,
    tenantId: string,
  ) => FapiaoRequest | undefined | Promise<FapiaoRequest | undefined>,
  batch = 50,
): Promise<number> {
  return store.transaction(async tx => {
    const { rows } = await tx.query<{ tenant_id: string; body: FapiaoRequest }>(
      `select tenant_id, body from fapiao_requests where ${where}
        order by created_at, tenant_id, id limit $1 for update skip locked`,
      [batch],
    );
    let moved = 0;
    for (const { tenant_id: tenantId, body } of rows) {
      const changed = await next(tx, body, tenantId);
      if (!changed) continue;
      await tx.query('update fapiao_requests set status = $1, body = $2 where tenant_id = $4 and id = $3', [
        changed.status,
        JSON.stringify(changed),
        changed.id,
        tenantId,
      ]);
      moved++;
    }
    return moved;
  });
}
