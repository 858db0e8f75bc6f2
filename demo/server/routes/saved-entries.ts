import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../src/core/index.js';
import { HttpProblem, readJson, send } from '../http.js';
import type { ProblemCode } from '../messages.js';
import type { Queryable } from '../store/index.js';
import { customerRoute, type Customer, type Route, type Services } from './route.js';

/**
 * What a customer keeps to fill the form again: buyer profiles (titles) and shipping addresses. Both are a bounded
 * list per customer with one default, behind the same five routes; only their checks and names differ.
 */
export interface SavedEntryKind<T extends object> {
  /** The path under /api/v1/ (`buyer-profiles`). */
  readonly path: string;
  readonly table: 'buyer_profiles' | 'shipping_addresses';
  /** The customers column that holds the default entry's id. */
  readonly defaultColumn: 'default_profile_id' | 'default_address_id';
  readonly idPrefix: string;
  /** How problems name one (`The buyer profile`) and the id in a path (`profile id`). */
  readonly what: string;
  readonly idName: string;
  readonly max: number;
  readonly tooMany: ProblemCode;
  /** The entry as stored, or a 422 in the request's language (under the seller's rules for the form). */
  validate(input: unknown, locale: Locale, services: Services): T;
}

/**
 * Stores an entry unless the customer has `kind.max`. Runs inside the caller's transaction, which locks the
 * customer's row first: two instances creating at once cannot both pass the count.
 */
export async function insertEntry<T extends object>(
  tx: Queryable,
  kind: SavedEntryKind<T>,
  customer: Customer,
  entry: T,
  at: string,
): Promise<string> {
  await tx.query('select id from customers where id = $1 for update', [customer.id]);
  const { rows } = await tx.query<{ n: number }>(`select count(*)::int as n from ${kind.table} where tenant_id = $1`, [
    customer.id,
  ]);
  if (Number(rows[0]?.n ?? 0) >= kind.max) throw new HttpProblem(422, kind.tooMany, { params: { max: kind.max } });
  const id = `${kind.idPrefix}-${randomUUID().slice(0, 8)}`;
  await tx.query(`insert into ${kind.table} (id, tenant_id, created_at, body) values ($1, $2, $3, $4)`, [
    id,
    customer.id,
    at,
    JSON.stringify(entry),
  ]);
  return id;
}

/** The customer's entries, oldest first, the default one marked `isDefault`. */
async function entriesOf(db: Queryable, kind: SavedEntryKind<object>, customer: Customer) {
  const { rows } = await db.query<{ id: string; body: object; is_default: boolean }>(
    `select e.id, e.body, e.id = c.${kind.defaultColumn} as is_default
       from ${kind.table} e join customers c on c.id = e.tenant_id
      where e.tenant_id = $1 order by e.created_at, e.id limit $2`,
    [customer.id, kind.max],
  );
  return rows.map(r => ({ ...r.body, id: r.id, ...(r.is_default ? { isDefault: true } : {}) }));
}

/** List, create, replace, delete, and choose the default: the same five routes for every kind. */
export function savedEntryRoutes<T extends object>(kind: SavedEntryKind<T>): Route[] {
  const list = new RegExp(`^/api/v1/${kind.path}$`);
  const one = new RegExp(`^/api/v1/${kind.path}/(?<id>[^/]+)$`);
  const notFound = () => new HttpProblem(404, 'not-found', { params: { what: kind.what } });
  return [
    customerRoute('GET', list, async ({ res, services, customer }) => {
      send(res, 200, { items: await entriesOf(services.store, kind, customer) });
    }),
    // The entry the form starts from, whatever was used last; answers the list with the new default marked.
    customerRoute(
      'POST',
      new RegExp(`^/api/v1/${kind.path}/(?<id>[^/]+)/default$`),
      async ({ res, params, services, customer }) => {
        const { rowCount } = await services.store.query(
          `update customers set ${kind.defaultColumn} = $1
            where id = $2 and exists (select 1 from ${kind.table} where id = $1 and tenant_id = $2)`,
          [params.id, customer.id],
        );
        if (!rowCount) throw notFound();
        send(res, 200, { items: await entriesOf(services.store, kind, customer) });
      },
      kind.idName,
    ),
    customerRoute('POST', list, async ({ req, res, locale, services, customer }) => {
      const entry = kind.validate(await readJson(req), locale, services);
      const at = new Date(services.now()).toISOString();
      const id = await services.store.transaction(tx => insertEntry(tx, kind, customer, entry, at));
      send(res, 201, { ...entry, id }, { location: `/api/v1/${kind.path}/${id}` });
    }),
    customerRoute(
      'PUT',
      one,
      async ({ req, res, locale, params, services, customer }) => {
        const entry = kind.validate(await readJson(req), locale, services);
        const { rowCount } = await services.store.query(
          `update ${kind.table} set body = $1 where id = $2 and tenant_id = $3`,
          [JSON.stringify(entry), params.id, customer.id],
        );
        if (!rowCount) throw notFound();
        send(res, 200, { ...entry, id: params.id });
      },
      kind.idName,
    ),
    customerRoute(
      'DELETE',
      one,
      async ({ res, params, services, customer }) => {
        const { rowCount } = await services.store.query(`delete from ${kind.table} where id = $1 and tenant_id = $2`, [
          params.id,
          customer.id,
        ]);
        if (!rowCount) throw notFound();
        res.writeHead(204).end();
      },
      kind.idName,
    ),
  ];
}
