import {
  INVOICE_STATUSES,
  isCalendarDate,
  isIsoInstant,
  type Invoice,
  type Statement,
} from '../../../src/core/index.js';
import { invoicePdf, statementPdf } from '../documents.js';
import { HttpProblem, queryParam, send, sendFile, sendJsonText } from '../http.js';
import type { Queryable } from '../store/index.js';
import { customerRoute, type Customer, type CustomerContext, type Route } from './route.js';

const SORTS = {
  date: { column: 'invoice_date', dir: 'asc', cast: '::timestamptz' },
  '-date': { column: 'invoice_date', dir: 'desc', cast: '::timestamptz' },
  amount: { column: 'gross', dir: 'asc', cast: '::bigint' },
  '-amount': { column: 'gross', dir: 'desc', cast: '::bigint' },
} as const;
type Sort = keyof typeof SORTS;

interface Cursor {
  readonly s: Sort;
  readonly k: string | number;
  readonly id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** A cursor this server issued for this sort, or 400: a forged one must not reach the SQL as a bad cast (500). */
function decodeCursor(text: string, sort: Sort): Cursor {
  let value: Partial<Cursor> | null = null;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    // not JSON: refused below
  }
  const key = value?.k;
  const validKey = sort.endsWith('amount')
    ? typeof key === 'number' && Number.isSafeInteger(key)
    : typeof key === 'string' && isIsoInstant(key);
  if (!value || value.s !== sort || !validKey || typeof value.id !== 'string' || value.id.length > 200) {
    throw new HttpProblem(400, 'invalid-cursor');
  }
  return value as Cursor;
}

function calendarDate(q: URLSearchParams, name: string): string | undefined {
  const value = queryParam(q, name);
  if (value === null || value === '') return undefined;
  if (!isCalendarDate(value)) throw new HttpProblem(400, 'invalid-query', { params: { name, expected: 'YYYY-MM-DD' } });
  return value;
}

async function listInvoices(db: Queryable, customer: Customer, q: URLSearchParams) {
  const where = ['tenant_id = $1'];
  const params: unknown[] = [customer.id];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const from = calendarDate(q, 'from');
  const to = calendarDate(q, 'to');
  if (from) add("invoice_date >= (?::date)::timestamp at time zone 'Asia/Shanghai'", from);
  if (to) add("invoice_date < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'", to);
  const status = queryParam(q, 'status');
  if (status) {
    const wanted = status.split(',').filter(Boolean);
    if (!wanted.every(s => (INVOICE_STATUSES as readonly string[]).includes(s)))
      throw new HttpProblem(400, 'invalid-query', {
        params: { name: 'status', expected: INVOICE_STATUSES.join(', ') },
      });
    add('status = any(?)', wanted);
  }
  const account = queryParam(q, 'billingAccount');
  if (account) add('billing_account_id = ?', account);
  const search = queryParam(q, 'search');
  if (search) add('number ilike ?', `%${search.replace(/[%_\\]/g, c => `\\${c}`)}%`);
  const sort = (queryParam(q, 'sort') ?? '-date') as Sort;
  const order = SORTS[sort];
  if (!Object.hasOwn(SORTS, sort))
    throw new HttpProblem(400, 'invalid-query', { params: { name: 'sort', expected: Object.keys(SORTS).join(', ') } });
  const limitText = queryParam(q, 'limit') ?? '50';
  const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= 500))
    throw new HttpProblem(400, 'invalid-query', { params: { name: 'limit', expected: '1–500' } });
  const cursorText = queryParam(q, 'cursor');
  const cursor = cursorText ? decodeCursor(cursorText, sort) : undefined;
  const filter = where.join(' and ');
  let after = 'true';
  if (cursor) {
    params.push(cursor.k, cursor.id);
    const op = order.dir === 'asc' ? '>' : '<';
    after = `(${order.column}, id) ${op} ($${params.length - 1}${order.cast}, $${params.length})`;
  }
  params.push(limit + 1);
  // One round trip for the page and the total. Bodies go out as the database stores them (text spliced into the
  // page): parsing 50 JSON documents only to serialise them again was most of this route's time.
  const { rows } = await db.query<{ body: string | null; id: string; date: string; gross: number; total: number }>(
    `with page as (
       select body::text as body, id, body->>'invoiceDate' as date, gross, ${order.column} as sort_key from invoices
        where ${filter} and ${after} order by ${order.column} ${order.dir}, id ${order.dir} limit $${params.length})
     select page.body, page.id, page.date, page.gross, (select count(*)::int from invoices where ${filter}) as total
       from (select 1) as one left join page on true order by page.sort_key ${order.dir}, page.id ${order.dir}`,
    params,
  );
  const total = rows[0]?.total;
  if (rows[0]?.body === null) rows.length = 0; // no row on this page: the left join still carried the total
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ s: sort, k: order.column === 'gross' ? Number(last.gross) : last.date, id: last.id })
      : null;
  return `{"items":[${page.map(r => r.body).join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"total":${Number(total ?? 0)}}`;
}

export async function invoiceOf(db: Queryable, customer: Customer, id: string): Promise<Invoice> {
  const { rows } = await db.query<{ body: Invoice }>('select body from invoices where id = $1 and tenant_id = $2', [
    id,
    customer.id,
  ]);
  if (!rows[0]) throw new HttpProblem(404, 'not-found', { params: { what: 'The invoice' } });
  return rows[0].body;
}

async function statementOf(ctx: CustomerContext): Promise<Statement> {
  const { rows } = await ctx.services.store.query<{ body: Statement }>(
    'select body from statements where id = $1 and tenant_id = $2',
    [ctx.params.id, ctx.customer.id],
  );
  if (!rows[0]) throw new HttpProblem(404, 'not-found', { params: { what: 'The statement' } });
  return rows[0].body;
}

/** Bills and what describes them: billing accounts, invoices, statements, the Fapiao account. */
export const billRoutes: readonly Route[] = [
  customerRoute('GET', /^\/api\/v1\/billing-accounts$/, async ({ res, services, customer }) => {
    const { rows } = await services.store.query(
      'select id, name, currency from billing_accounts where tenant_id = $1 order by id',
      [customer.id],
    );
    send(res, 200, { items: rows });
  }),
  customerRoute('GET', /^\/api\/v1\/invoices$/, async ({ res, url, services, customer }) =>
    sendJsonText(res, 200, await listInvoices(services.store, customer, url.searchParams)),
  ),
  customerRoute(
    'GET',
    /^\/api\/v1\/invoices\/(?<id>[^/]+)$/,
    async ({ res, params, services, customer }) =>
      send(res, 200, await invoiceOf(services.store, customer, params.id!)),
    'invoice id',
  ),
  customerRoute(
    'GET',
    /^\/api\/v1\/invoices\/(?<id>[^/]+)\/pdf$/,
    async ({ res, params, locale, services, customer }) => {
      const invoice = await invoiceOf(services.store, customer, params.id!);
      sendFile(res, 'application/pdf', await invoicePdf(invoice, customer.name, locale), `${invoice.number}.pdf`);
    },
    'invoice id',
  ),
  customerRoute('GET', /^\/api\/v1\/statements$/, async ({ res, url, services, customer }) => {
    const account = queryParam(url.searchParams, 'billingAccount');
    const { rows } = await services.store.query<{ body: Statement }>(
      `select body from statements where tenant_id = $1 ${account ? 'and billing_account_id = $2' : ''} order by period_start desc, id`,
      account ? [customer.id, account] : [customer.id],
    );
    send(res, 200, { items: rows.map(r => r.body) });
  }),
  customerRoute(
    'GET',
    /^\/api\/v1\/statements\/(?<id>[^/]+)\/pdf$/,
    async ctx => {
      const statement = await statementOf(ctx);
      sendFile(ctx.res, 'application/pdf', await statementPdf(statement), `${statement.id}.pdf`);
    },
    'statement id',
  ),
];
