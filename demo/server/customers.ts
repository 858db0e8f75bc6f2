import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FapiaoAccountState } from '../../src/core/index.js';
import { HttpProblem } from './http.js';
import type { Customer } from './routes/route.js';
import type { Queryable } from './store/index.js';

const BEARER = /^Bearer ([\w.~+/-]{8,200}=*)$/i;

/** The customer of a bearer token, or 401. Malformed and unknown tokens get the same answer. */
export async function authenticate(db: Queryable, req: IncomingMessage): Promise<Customer> {
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw new HttpProblem(401, 'unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
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
