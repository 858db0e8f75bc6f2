import type { FapiaoRequest } from '../../src/core/index.js';
import { HttpProblem } from './http.js';
import type { Customer } from './routes/route.js';
import type { Queryable, Store } from './store/index.js';

/**
 * The tenant's request of that id, if there is one. Ids are unique per tenant only, so every read and write of a
 * request names both (these two are the only way the server code reads or writes one by id). `forUpdate` locks its
 * row for the caller's transaction: a change decided on what it reads cannot race another change or the back office.
 */
export async function requestIn(
  db: Queryable,
  tenantId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<FapiaoRequest | undefined> {
  const { rows } = await db.query<{ body: FapiaoRequest }>(
    `select body from fapiao_requests where tenant_id = $2 and id = $1${forUpdate ? ' for update' : ''}`,
    [id, tenantId],
  );
  return rows[0]?.body;
}

/** Writes the request back to its tenant's row: its body, and its status, which the status trigger watches. */
export async function saveRequest(db: Queryable, tenantId: string, request: FapiaoRequest): Promise<void> {
  await db.query('update fapiao_requests set status = $1, body = $2 where tenant_id = $4 and id = $3', [
    request.status,
    JSON.stringify(request),
    request.id,
    tenantId,
  ]);
}

/** The customer's request, or 404 (another customer's is as unknown as a made-up id). */
export async function requestOf(
  db: Queryable,
  customer: Customer,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<FapiaoRequest> {
  const request = await requestIn(db, customer.id, id, options);
  if (!request) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
  return request;
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
      await saveRequest(tx, tenantId, changed);
      moved++;
    }
    return moved;
  });
}
