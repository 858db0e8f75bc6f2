import { randomUUID } from 'node:crypto';
import { checkBuyerProfile, explainDraftError, type BuyerProfileInput, type Locale } from '../../../src/core/index.js';
import { HttpProblem, readJson, send } from '../http.js';
import type { Queryable } from '../store/index.js';
import { customerRoute, type Customer, type Route } from './route.js';

/** Saved buyer profiles per customer: enough for every entity a finance team invoices, bounded so lists stay fast. */
export const MAX_BUYER_PROFILES = 50;

/** A profile as the form rules accept it, or 422 with every error in the request's language. */
export function validProfile(input: unknown, locale: Locale): BuyerProfileInput {
  const check = checkBuyerProfile(input);
  if (check.ok) return check.value;
  throw new HttpProblem(422, 'validation-failed', {
    detail: explainDraftError(check.errors[0]!, locale),
    extra: {
      errors: check.errors.map(e => ({ field: e.field, code: e.code, message: explainDraftError(e, locale) })),
    },
  });
}

/**
 * Stores a profile unless the customer has `MAX_BUYER_PROFILES`. Runs inside the caller's transaction, which locks
 * the customer's row first: two instances creating at once cannot both pass the count.
 */
export async function insertProfile(
  tx: Queryable,
  customer: Customer,
  profile: BuyerProfileInput,
  at: string,
): Promise<string> {
  await tx.query('select id from customers where id = $1 for update', [customer.id]);
  const { rows } = await tx.query<{ n: number }>(
    'select count(*)::int as n from buyer_profiles where customer_id = $1',
    [customer.id],
  );
  if (Number(rows[0]?.n ?? 0) >= MAX_BUYER_PROFILES) {
    throw new HttpProblem(422, 'too-many-profiles', { params: { max: MAX_BUYER_PROFILES } });
  }
  const id = `BP-${randomUUID().slice(0, 8)}`;
  await tx.query('insert into buyer_profiles (id, customer_id, created_at, body) values ($1, $2, $3, $4)', [
    id,
    customer.id,
    at,
    JSON.stringify(profile),
  ]);
  return id;
}

/** The customer's profiles, oldest first, the default one marked `isDefault`. */
async function profilesOf(db: Queryable, customer: Customer) {
  const { rows } = await db.query<{ id: string; body: object; is_default: boolean }>(
    `select p.id, p.body, p.id = c.default_profile_id as is_default
       from buyer_profiles p join customers c on c.id = p.customer_id
      where p.customer_id = $1 order by p.created_at, p.id limit $2`,
    [customer.id, MAX_BUYER_PROFILES],
  );
  return rows.map(r => ({ ...r.body, id: r.id, ...(r.is_default ? { isDefault: true } : {}) }));
}

export const buyerProfileRoutes: readonly Route[] = [
  customerRoute('GET', /^\/api\/v1\/buyer-profiles$/, async ({ res, services, customer }) => {
    send(res, 200, { items: await profilesOf(services.store, customer) });
  }),
  // The title the form starts from, whatever was used last; answers the profiles with the new default marked.
  customerRoute(
    'POST',
    /^\/api\/v1\/buyer-profiles\/(?<id>[^/]+)\/default$/,
    async ({ res, params, services, customer }) => {
      const { rowCount } = await services.store.query(
        `update customers set default_profile_id = $1
          where id = $2 and exists (select 1 from buyer_profiles where id = $1 and customer_id = $2)`,
        [params.id, customer.id],
      );
      if (!rowCount) throw new HttpProblem(404, 'not-found', { params: { what: 'The buyer profile' } });
      send(res, 200, { items: await profilesOf(services.store, customer) });
    },
    'profile id',
  ),
  customerRoute('POST', /^\/api\/v1\/buyer-profiles$/, async ({ req, res, locale, services, customer }) => {
    const profile = validProfile(await readJson(req), locale);
    const at = new Date(services.now()).toISOString();
    const id = await services.store.transaction(tx => insertProfile(tx, customer, profile, at));
    send(res, 201, { ...profile, id }, { location: `/api/v1/buyer-profiles/${id}` });
  }),
  customerRoute(
    'PUT',
    /^\/api\/v1\/buyer-profiles\/(?<id>[^/]+)$/,
    async ({ req, res, locale, params, services, customer }) => {
      const profile = validProfile(await readJson(req), locale);
      const { rowCount } = await services.store.query(
        'update buyer_profiles set body = $1 where id = $2 and customer_id = $3',
        [JSON.stringify(profile), params.id, customer.id],
      );
      if (!rowCount) throw new HttpProblem(404, 'not-found', { params: { what: 'The buyer profile' } });
      send(res, 200, { ...profile, id: params.id });
    },
    'profile id',
  ),
  customerRoute(
    'DELETE',
    /^\/api\/v1\/buyer-profiles\/(?<id>[^/]+)$/,
    async ({ res, params, services, customer }) => {
      const { rowCount } = await services.store.query('delete from buyer_profiles where id = $1 and customer_id = $2', [
        params.id,
        customer.id,
      ]);
      if (!rowCount) throw new HttpProblem(404, 'not-found', { params: { what: 'The buyer profile' } });
      res.writeHead(204).end();
    },
    'profile id',
  ),
];
