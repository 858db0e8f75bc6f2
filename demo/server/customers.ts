import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FapiaoAccountState } from '../../src/core/index.js';
import { HttpProblem } from './http.js';
import type { Customer } from './routes/route.js';
import type { Queryable } from './store/index.js';

const BEARER = /^Bearer ([\w.~+/-]{8,200}=*)$/i;

export interface Authenticator {
  /** The customer of a bearer token, or 401. Malformed and unknown tokens get the same answer. */
  authenticate(req: IncomingMessage): Promise<Customer>;
  /** Forgets every cached customer (the admin API changed one). */
  forget(): void;
}

/** Reads may trust a customer looked up this recently (one query less per page view). */
const READ_CACHE_MS = 2_000;
const READ_CACHE_MAX = 10_000;

/**
 * Bearer-token authentication. Reads trust a customer looked up in the last 2 s; writes always look the customer up
 * again, so a change of the Fapiao account state is in force for every write at once (and for reads within 2 s, also
 * on other instances).
 */
export function createAuthenticator(db: Queryable): Authenticator {
  const recent = new Map<string, { customer: Customer; until: number }>();
  return {
    async authenticate(req) {
      const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
      if (!token) throw new HttpProblem(401, 'unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
      const read = req.method === 'GET' || req.method === 'HEAD';
      const cached = read ? recent.get(token) : undefined;
      if (cached && cached.until > Date.now()) return cached.customer;
      const customer = await lookUp(db, token);
      if (recent.size >= READ_CACHE_MAX) recent.clear();
      recent.set(token, { customer, until: Date.now() + READ_CACHE_MS });
      return customer;
    },
    forget: () => recent.clear(),
  };
}

async function lookUp(db: Queryable, token: string): Promise<Customer> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    fapiao_account_state: FapiaoAccountState;
    fapiao_email: string | null;
  }>('select id, name, fapiao_account_state, fapiao_email from customers where token = $1', [token]);
  const row = rows[0];
  if (!row) throw new HttpProblem(401, 'unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
  return { id: row.id, name: row.name, account: row.fapiao_account_state, email: row.fapiao_email };
}

/** Compares secrets in constant time (a token compared with `===` leaks its prefix through timing). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
