import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import {
  checkDraft,
  checkEligibility,
  coreMessages,
  decodeDraft,
  explainDraftError,
  explainReason,
  negotiateLocale,
  parseAcceptLanguage,
  planFapiao,
  validateTaxId,
  type FapiaoAccountState,
  type FapiaoBuyer,
  type FapiaoDraft,
  type FapiaoRequest,
  type Invoice,
  type Locale,
  type Statement,
} from '../../src/core/index.js';
import { clearDb, type Db } from './db.js';
import { applyFault, createFaults, nextFault, type FaultState, type QueuedFault } from './faults.js';
import { fapiaoOfd, fapiaoPdf, fapiaoXml, invoicePdf, statementPdf } from './documents.js';
import { fapiaoFileLinks, seed } from './seed.js';

export interface AppOptions {
  readonly db: Db;
  /** Serve /__admin (faults, clock, reset, processing). On for the demo and tests; it is a local reference server. */
  readonly admin?: boolean;
  readonly faults?: Partial<FaultState>;
  /** Folder with index.html and the built bundles, served at `/`. */
  readonly staticRoot?: string;
  /** Fixed clock for tests (epoch ms); real time otherwise. */
  readonly now?: number;
  readonly log?: (line: string) => void;
}

interface Customer {
  id: string;
  name: string;
  account: FapiaoAccountState;
  email: string | null;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const MAX_BODY = 64 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A write queue: request creation is serialised so duplicate submissions cannot race (the DB constraints back it up). */
function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export interface App {
  readonly server: Server;
  readonly faults: FaultState;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const { db } = options;
  const faults = createFaults(options.faults);
  let clock: number | undefined = options.now;
  const now = () => clock ?? Date.now();
  const exclusive = createMutex();
  const log = options.log ?? (() => undefined);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const sendProblem = (res: ServerResponse, p: HttpProblem) =>
    send(
      res,
      p.status,
      {
        type: `https://fapiao-kit.dev/problems/${p.code}`,
        title: p.code,
        status: p.status,
        code: p.code,
        detail: p.detail,
        ...p.extra,
      },
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  const sendFile = (res: ServerResponse, type: string, data: Uint8Array | string, filename?: string) => {
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'private, max-age=60',
      ...(filename ? { 'content-disposition': `inline; filename="${filename}"` } : {}),
    });
    res.end(data);
  };

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new HttpProblem(413, 'payload-too-large', 'The request body is larger than 64 KiB');
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      throw new HttpProblem(400, 'malformed-json', 'The request body is not valid JSON');
    }
  }

  async function authenticate(req: IncomingMessage): Promise<Customer> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) throw new HttpProblem(401, 'unauthenticated', 'Send Authorization: Bearer <token>');
    const rows = await db.query<{
      id: string;
      name: string;
      fapiao_account_state: FapiaoAccountState;
      fapiao_email: string | null;
    }>('select id, name, fapiao_account_state, fapiao_email from customers where token = $1', [token]);
    const row = rows.rows[0];
    if (!row) throw new HttpProblem(401, 'unauthenticated', 'Unknown token');
    return { id: row.id, name: row.name, account: row.fapiao_account_state, email: row.fapiao_email };
  }

  const bodies = <T>(rows: { body: T }[]) => rows.map(r => r.body);

  async function invoiceFor(customer: Customer, id: string): Promise<Invoice> {
    const r = await db.query<{ body: Invoice }>('select body from invoices where id = $1 and customer_id = $2', [
      id,
      customer.id,
    ]);
    if (!r.rows[0]) throw new HttpProblem(404, 'not-found', `No invoice ${id}`);
    return r.rows[0].body;
  }
  async function requestFor(customer: Customer, id: string): Promise<FapiaoRequest> {
    const r = await db.query<{ body: FapiaoRequest }>(
      'select body from fapiao_requests where id = $1 and customer_id = $2',
      [id, customer.id],
    );
    if (!r.rows[0]) throw new HttpProblem(404, 'not-found', `No Fapiao request ${id}`);
    return r.rows[0].body;
  }

  function encodeCursor(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
  }
  function decodeCursor(text: string): { k: string | number; id: string } {
    try {
      const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      if (v && (typeof v.k === 'string' || typeof v.k === 'number') && typeof v.id === 'string') return v;
    } catch {
      // fall through
    }
    throw new HttpProblem(400, 'invalid-cursor', 'The cursor is not one this server issued');
  }

  async function listInvoices(customer: Customer, q: URLSearchParams) {
    const where = ['customer_id = $1'];
    const params: unknown[] = [customer.id];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const date = (name: string) => {
      const v = q.get(name);
      if (v === null || v === '') return undefined;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new HttpProblem(400, 'invalid-query', `${name} must be YYYY-MM-DD`);
      return v;
    };
    const from = date('from');
    const to = date('to');
    if (from) add("invoice_date >= (?::date)::timestamp at time zone 'Asia/Shanghai'", from);
    if (to) add("invoice_date < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'", to);
    const status = q.get('status');
    if (status) add('status = any(?)', status.split(',').filter(Boolean));
    const account = q.get('billingAccount');
    if (account) add('billing_account_id = ?', account);
    const search = q.get('search');
    if (search) add('number ilike ?', `%${search.replace(/[%_\\]/g, c => `\\${c}`)}%`);
    const sort = q.get('sort') ?? '-date';
    const sorts: Record<string, { column: string; dir: 'asc' | 'desc'; key: (i: Invoice) => string | number }> = {
      date: { column: 'invoice_date', dir: 'asc', key: i => i.invoiceDate },
      '-date': { column: 'invoice_date', dir: 'desc', key: i => i.invoiceDate },
      amount: { column: 'gross', dir: 'asc', key: i => i.amounts.gross },
      '-amount': { column: 'gross', dir: 'desc', key: i => i.amounts.gross },
    };
    const order = sorts[sort];
    if (!order) throw new HttpProblem(400, 'invalid-query', 'sort must be date, -date, amount or -amount');
    const limitText = q.get('limit') ?? '50';
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new HttpProblem(400, 'invalid-query', 'limit must be 1–500');
    const total = Number(
      (await db.query<{ n: number }>(`select count(*)::int as n from invoices where ${where.join(' and ')}`, params))
        .rows[0]?.n ?? 0,
    );
    const cursor = q.get('cursor');
    if (cursor) {
      const c = decodeCursor(cursor);
      const op = order.dir === 'asc' ? '>' : '<';
      params.push(c.k, c.id);
      const cast = order.column === 'gross' ? '::bigint' : '::timestamptz';
      where.push(`(${order.column}, id) ${op} ($${params.length - 1}${cast}, $${params.length})`);
    }
    params.push(limit + 1);
    const rows = await db.query<{ body: Invoice }>(
      `select body from invoices where ${where.join(' and ')} order by ${order.column} ${order.dir}, id ${order.dir} limit $${params.length}`,
      params,
    );
    const items = bodies(rows.rows).slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.rows.length > limit && last ? encodeCursor({ k: order.key(last), id: last.id }) : null,
      total,
    };
  }

  async function requestsTouching(customer: Customer, invoiceIds: readonly string[]): Promise<FapiaoRequest[]> {
    const r = await db.query<{ body: FapiaoRequest }>(
      'select distinct r.body, r.created_at from fapiao_requests r join fapiao_request_invoices ri on ri.request_id = r.id where r.customer_id = $1 and ri.invoice_id = any($2) order by r.created_at',
      [customer.id, invoiceIds],
    );
    return bodies(r.rows);
  }

  const draftShape = (input: unknown): FapiaoDraft => {
    const decoded = decodeDraft(input);
    if (!decoded.ok)
      throw new HttpProblem(
        422,
        'validation-failed',
        decoded.issues[0]?.message.replace(/^\$/, 'draft') ?? 'draft is malformed',
      );
    return decoded.value;
  };

  /** Keys sorted at every level: the same request sent by another client (other key order) is the same body. */
  function bodyHash(value: unknown): string {
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, x]) => [k, canonical(x)]),
            )
          : v;
    return createHash('sha256')
      .update(JSON.stringify(canonical(value)))
      .digest('hex');
  }

  async function createRequest(
    customer: Customer,
    req: IncomingMessage,
    locale: Locale,
  ): Promise<{ status: number; body: FapiaoRequest; replayed: boolean }> {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[\w-]{8,128}$/.test(key)) {
      throw new HttpProblem(
        400,
        'idempotency-key-required',
        'Send an Idempotency-Key header (8–128 letters, digits, - or _)',
      );
    }
    const input = (await readJson(req)) as { invoiceIds?: unknown; draft?: unknown; saveProfile?: unknown } | null;
    if (
      !input ||
      !Array.isArray(input.invoiceIds) ||
      input.invoiceIds.length === 0 ||
      input.invoiceIds.length > 100 ||
      !input.invoiceIds.every(x => typeof x === 'string')
    ) {
      throw new HttpProblem(422, 'validation-failed', 'invoiceIds must list 1–100 invoice ids');
    }
    const hash = bodyHash(input);
    return exclusive(async () => {
      const seen = await db.query<{ body_hash: string; request_id: string }>(
        'select body_hash, request_id from idempotency_keys where customer_id = $1 and key = $2',
        [customer.id, key],
      );
      const previous = seen.rows[0];
      if (previous) {
        if (previous.body_hash !== hash)
          throw new HttpProblem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request');
        return { status: 200, body: await requestFor(customer, previous.request_id), replayed: true };
      }
      const draft = draftShape(input.draft);
      const check = checkDraft(draft);
      if (!check.ok) {
        throw new HttpProblem(422, 'validation-failed', explainDraftError(check.errors[0]!, locale), {
          errors: check.errors.map(e => ({ field: e.field, code: e.code, message: explainDraftError(e, locale) })),
        });
      }
      const invoiceIds = [...new Set(input.invoiceIds as string[])];
      const invoices: Invoice[] = [];
      for (const id of invoiceIds) invoices.push(await invoiceFor(customer, id));
      const requests = await requestsTouching(customer, invoiceIds);
      const at = now();
      const reasons = invoices
        .map(invoice => ({
          invoice,
          e: checkEligibility(invoice, { now: new Date(at), account: customer.account, requests }),
        }))
        .filter(x => !x.e.eligible);
      if (reasons.length) {
        throw new HttpProblem(409, 'invoice-not-eligible', explainReason(reasons[0]!.e.reasons[0]!, locale), {
          reasons: reasons.map(x => ({
            invoiceId: x.invoice.id,
            codes: x.e.reasons.map(r => r.code),
            messages: x.e.reasons.map(r => explainReason(r, locale)),
          })),
        });
      }
      const taxId = draft.taxId.trim() ? validateTaxId(draft.taxId).normalized : undefined;
      const buyer: FapiaoBuyer = {
        buyerKind: draft.buyerKind,
        title: draft.title.trim(),
        ...(taxId ? { taxId } : {}),
        ...(draft.fapiaoKind === 'special'
          ? {
              address: draft.address.trim(),
              phone: draft.phone.trim(),
              bankName: draft.bankName.trim(),
              bankAccount: draft.bankAccount.trim(),
            }
          : {}),
      };
      const plan = planFapiao(invoices, buyer, { fapiaoKind: draft.fapiaoKind });
      if (plan.fapiaos.length === 0) throw new HttpProblem(409, 'invoice-not-eligible', 'Nothing to invoice');
      const id = `REQ-${randomUUID().slice(0, 8).toUpperCase()}`;
      const createdAt = new Date(at).toISOString();
      const request: FapiaoRequest = {
        id,
        invoiceIds,
        invoiceNumbers: invoices.map(i => i.number),
        fapiaoKind: draft.fapiaoKind,
        buyer,
        delivery: draft.delivery,
        ...(draft.delivery === 'electronic' ? { email: draft.email.trim() } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        status: 'submitted',
        history: [{ status: 'submitted', at: createdAt }],
        fapiaos: [],
        createdAt,
      };
      await db.transaction(async tx => {
        await tx.query(
          'insert into fapiao_requests (id, customer_id, created_at, status, body) values ($1, $2, $3, $4, $5)',
          [id, customer.id, createdAt, 'submitted', JSON.stringify(request)],
        );
        for (const invoiceId of invoiceIds) {
          await tx.query('insert into fapiao_request_invoices (request_id, invoice_id) values ($1, $2)', [
            id,
            invoiceId,
          ]);
          await tx.query('insert into invoice_claims (invoice_id, request_id) values ($1, $2)', [invoiceId, id]); // unique: one open request per invoice
        }
        await tx.query(
          'insert into idempotency_keys (customer_id, key, body_hash, request_id) values ($1, $2, $3, $4)',
          [customer.id, key, hash, id],
        );
        if (input.saveProfile === true) {
          await tx.query('insert into buyer_profiles (id, customer_id, created_at, body) values ($1, $2, $3, $4)', [
            `BP-${randomUUID().slice(0, 8)}`,
            customer.id,
            createdAt,
            JSON.stringify({ ...buyer, ...(request.email ? { email: request.email } : {}) }),
          ]);
        }
      });
      return { status: 201, body: request, replayed: false };
    });
  }

  /** Moves every open request one step (submitted → processing → issued [→ mailed for paper]). */
  async function processRequests(): Promise<number> {
    return exclusive(async () => {
      const open = await db.query<{ body: FapiaoRequest; customer_id: string }>(
        "select body, customer_id from fapiao_requests where status in ('submitted', 'processing', 'issued')",
      );
      let moved = 0;
      for (const { body: r } of open.rows) {
        const at = new Date(now()).toISOString();
        let next: FapiaoRequest | undefined;
        if (r.status === 'submitted')
          next = { ...r, status: 'processing', history: [...r.history, { status: 'processing', at }] };
        else if (r.status === 'processing') {
          const invoices = (
            await db.query<{ body: Invoice }>('select body from invoices where id = any($1)', [r.invoiceIds])
          ).rows.map(x => x.body);
          const plan = planFapiao(invoices, r.buyer, { fapiaoKind: r.fapiaoKind });
          const fapiaos = plan.fapiaos.map((f, i) => {
            const number =
              `26${String(now()).slice(-12)}${String(i).padStart(2, '0')}${r.id.replace(/\D/g, '').padStart(4, '0').slice(-4)}`
                .slice(0, 20)
                .padEnd(20, '0');
            return {
              number,
              kind: r.fapiaoKind,
              issuedAt: at,
              currency: f.currency,
              net: f.net,
              tax: f.tax,
              gross: f.gross,
              files: fapiaoFileLinks(r.id, number),
            };
          });
          next = { ...r, status: 'issued', fapiaos, history: [...r.history, { status: 'issued', at }] };
        } else if (r.status === 'issued' && r.delivery === 'paper') {
          next = { ...r, status: 'mailed', history: [...r.history, { status: 'mailed', at, note: 'SF Express 顺丰' }] };
        }
        if (next) {
          await db.query('update fapiao_requests set status = $1, body = $2 where id = $3', [
            next.status,
            JSON.stringify(next),
            r.id,
          ]);
          moved++;
        }
      }
      return moved;
    });
  }

  async function rejectRequest(id: string, reason: string): Promise<FapiaoRequest> {
    return exclusive(async () => {
      const row = (await db.query<{ body: FapiaoRequest }>('select body from fapiao_requests where id = $1', [id]))
        .rows[0];
      if (!row) throw new HttpProblem(404, 'not-found', `No request ${id}`);
      const r = row.body;
      const next: FapiaoRequest = {
        ...r,
        status: 'rejected',
        rejectionReason: reason,
        history: [...r.history, { status: 'rejected', at: new Date(now()).toISOString(), note: reason }],
      };
      await db.transaction(async tx => {
        await tx.query('update fapiao_requests set status = $1, body = $2 where id = $3', [
          'rejected',
          JSON.stringify(next),
          id,
        ]);
        await tx.query('delete from invoice_claims where request_id = $1', [id]); // the invoices may be requested again
      });
      return next;
    });
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, locale: Locale): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const customer = await authenticate(req);
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/billing-accounts') {
      const r = await db.query('select id, name, currency from billing_accounts where customer_id = $1 order by id', [
        customer.id,
      ]);
      return send(res, 200, { items: r.rows });
    }
    if (method === 'GET' && path === '/invoices') return send(res, 200, await listInvoices(customer, url.searchParams));
    if (method === 'GET' && (m = /^\/invoices\/([^/]+)$/.exec(path)))
      return send(res, 200, await invoiceFor(customer, decodeURIComponent(m[1]!)));
    if (method === 'GET' && (m = /^\/invoices\/([^/]+)\/pdf$/.exec(path))) {
      const invoice = await invoiceFor(customer, decodeURIComponent(m[1]!));
      return sendFile(res, 'application/pdf', await invoicePdf(invoice), `${invoice.number}.pdf`);
    }
    if (method === 'GET' && path === '/statements') {
      const account = url.searchParams.get('billingAccount');
      const r = await db.query<{ body: Statement }>(
        `select body from statements where customer_id = $1 ${account ? 'and billing_account_id = $2' : ''} order by period_start desc, id`,
        account ? [customer.id, account] : [customer.id],
      );
      return send(res, 200, { items: bodies(r.rows) });
    }
    if (method === 'GET' && (m = /^\/statements\/([^/]+)\/pdf$/.exec(path))) {
      const r = await db.query<{ body: Statement }>('select body from statements where id = $1 and customer_id = $2', [
        decodeURIComponent(m[1]!),
        customer.id,
      ]);
      if (!r.rows[0]) throw new HttpProblem(404, 'not-found', 'No such statement');
      return sendFile(res, 'application/pdf', await statementPdf(r.rows[0].body), `${r.rows[0].body.id}.pdf`);
    }
    if (method === 'GET' && path === '/fapiao-account') {
      return send(res, 200, {
        state: customer.account,
        ...(customer.email ? { email: customer.email } : {}),
        registrationUrl: 'https://go.microsoft.com/fwlink/p/?linkid=837466',
      });
    }
    if (path === '/buyer-profiles' && method === 'GET') {
      const r = await db.query<{ id: string; body: object }>(
        'select id, body from buyer_profiles where customer_id = $1 order by created_at, id',
        [customer.id],
      );
      return send(res, 200, { items: r.rows.map(x => ({ ...x.body, id: x.id })) });
    }
    if (path === '/buyer-profiles' && method === 'POST') {
      const profile = validProfile(await readJson(req));
      const id = `BP-${randomUUID().slice(0, 8)}`;
      await db.query('insert into buyer_profiles (id, customer_id, created_at, body) values ($1, $2, $3, $4)', [
        id,
        customer.id,
        new Date(now()).toISOString(),
        JSON.stringify(profile),
      ]);
      return send(res, 201, { ...profile, id });
    }
    if ((m = /^\/buyer-profiles\/([^/]+)$/.exec(path)) && (method === 'PUT' || method === 'DELETE')) {
      const id = decodeURIComponent(m[1]!);
      if (method === 'DELETE') {
        const r = await db.query('delete from buyer_profiles where id = $1 and customer_id = $2', [id, customer.id]);
        if (!r.affectedRows) throw new HttpProblem(404, 'not-found', 'No such profile');
        res.writeHead(204).end();
        return;
      }
      const profile = validProfile(await readJson(req));
      const r = await db.query('update buyer_profiles set body = $1 where id = $2 and customer_id = $3', [
        JSON.stringify(profile),
        id,
        customer.id,
      ]);
      if (!r.affectedRows) throw new HttpProblem(404, 'not-found', 'No such profile');
      return send(res, 200, { ...profile, id });
    }
    if (path === '/fapiao-requests' && method === 'POST') {
      const created = await createRequest(customer, req, locale);
      return send(res, created.status, created.body, {
        location: `/api/v1/fapiao-requests/${created.body.id}`,
        ...(created.replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
    }
    if (path === '/fapiao-requests' && method === 'GET') {
      const r = await db.query<{ body: FapiaoRequest }>(
        'select body from fapiao_requests where customer_id = $1 order by created_at desc, id',
        [customer.id],
      );
      return send(res, 200, { items: bodies(r.rows) });
    }
    if (method === 'GET' && (m = /^\/fapiao-requests\/([^/]+)$/.exec(path)))
      return send(res, 200, await requestFor(customer, decodeURIComponent(m[1]!)));
    if (method === 'GET' && (m = /^\/fapiao-requests\/([^/]+)\/fapiaos\/(\d{20})\.(pdf|ofd|xml)$/.exec(path))) {
      const request = await requestFor(customer, decodeURIComponent(m[1]!));
      const fapiao = request.fapiaos.find(f => f.number === m![2]);
      if (!fapiao) throw new HttpProblem(404, 'not-found', 'No such Fapiao');
      const format = m[3];
      if (format === 'pdf')
        return sendFile(res, 'application/pdf', await fapiaoPdf(request, fapiao), `${fapiao.number}.pdf`);
      if (format === 'ofd') return sendFile(res, 'application/ofd', fapiaoOfd(request, fapiao), `${fapiao.number}.ofd`);
      return sendFile(res, 'application/xml; charset=utf-8', fapiaoXml(request, fapiao), `${fapiao.number}.xml`);
    }
    throw new HttpProblem(404, 'not-found', `No route ${method} ${url.pathname}`);
  }

  function validProfile(input: unknown): object {
    const draft = draftShape({
      ...(input as object),
      fapiaoKind: 'ordinary',
      delivery: 'electronic',
      email: (input as { email?: string })?.email || 'x@example.cn',
    });
    const check = checkDraft(draft);
    const errors = check.errors.filter(e => ['title', 'taxId'].includes(e.field));
    if (errors.length)
      throw new HttpProblem(422, 'validation-failed', explainDraftError(errors[0]!, 'en'), {
        errors: errors.map(e => ({ field: e.field, code: e.code })),
      });
    const raw = input as Record<string, unknown>;
    const pick = (k: string) =>
      typeof raw[k] === 'string' && (raw[k] as string).trim() ? { [k]: (raw[k] as string).trim() } : {};
    const taxId = draft.taxId.trim() ? { taxId: validateTaxId(draft.taxId).normalized } : {};
    return {
      buyerKind: draft.buyerKind,
      title: draft.title.trim(),
      ...taxId,
      ...pick('address'),
      ...pick('phone'),
      ...pick('bankName'),
      ...pick('bankAccount'),
      ...pick('email'),
    };
  }

  async function adminRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/^\/__admin/, '');
    const method = req.method ?? 'GET';
    if (path === '/faults' && method === 'GET') return send(res, 200, faults);
    if (path === '/faults' && method === 'PUT') {
      const body = (await readJson(req)) as Partial<FaultState> | null;
      faults.latencyMs = Number(body?.latencyMs ?? 0);
      faults.chaosRate = Number(body?.chaosRate ?? 0);
      faults.queue = Array.isArray(body?.queue) ? (body!.queue as QueuedFault[]) : [];
      return send(res, 200, faults);
    }
    if (path === '/faults/queue' && method === 'POST') {
      const body = (await readJson(req)) as QueuedFault | QueuedFault[];
      faults.queue.push(...(Array.isArray(body) ? body : [body]));
      return send(res, 200, faults);
    }
    if (path === '/clock' && method === 'PUT') {
      const body = (await readJson(req)) as { now?: string | null };
      clock = body?.now ? Date.parse(body.now) : undefined;
      return send(res, 200, { now: new Date(now()).toISOString() });
    }
    if (path === '/reset' && method === 'POST') {
      await exclusive(async () => {
        await clearDb(db);
        await seed(db, now());
      });
      faults.queue = [];
      faults.chaosRate = 0;
      faults.latencyMs = 0;
      return send(res, 200, { reset: true, now: new Date(now()).toISOString() });
    }
    if (path === '/process-requests' && method === 'POST') return send(res, 200, { moved: await processRequests() });
    let m: RegExpExecArray | null;
    if ((m = /^\/requests\/([^/]+)\/reject$/.exec(path)) && method === 'POST') {
      const body = (await readJson(req)) as { reason?: string } | null;
      return send(res, 200, await rejectRequest(decodeURIComponent(m[1]!), body?.reason ?? '信息有误'));
    }
    if ((m = /^\/customers\/([^/]+)\/fapiao-account$/.exec(path)) && method === 'PUT') {
      const body = (await readJson(req)) as { state?: string } | null;
      await db.query('update customers set fapiao_account_state = $1 where id = $2', [
        body?.state ?? 'registered',
        decodeURIComponent(m[1]!),
      ]);
      return send(res, 200, { ok: true });
    }
    throw new HttpProblem(404, 'not-found', 'No such admin route');
  }

  async function serveStatic(res: ServerResponse, url: URL): Promise<void> {
    const root = options.staticRoot;
    if (!root) throw new HttpProblem(404, 'not-found', 'No static files here');
    const relative = url.pathname === '/' ? 'demo/index.html' : url.pathname.slice(1);
    const file = normalize(join(root, relative));
    if (!file.startsWith(resolve(root)) || !/^(demo|bundle|dist)\//.test(relative))
      throw new HttpProblem(404, 'not-found', 'Not found');
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(data);
    } catch {
      throw new HttpProblem(404, 'not-found', `No file ${url.pathname}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const locale = negotiateLocale(parseAcceptLanguage(req.headers['accept-language']), 'en');
    const started = Date.now();
    try {
      if (url.pathname.startsWith('/api/')) {
        const method = req.method ?? 'GET';
        if (faults.latencyMs > 0) await new Promise(r => setTimeout(r, faults.latencyMs));
        const before = nextFault(faults, method, url.pathname, 'before');
        if (before && (await applyFault(before, req, res))) return;
        const after = nextFault(faults, method, url.pathname, 'after');
        if (after) {
          // Let the handler run (the request takes effect), then lose the answer.
          const sink = {
            writeHead: () => sink,
            end: () => undefined,
            setHeader: () => undefined,
          } as unknown as ServerResponse;
          await api(req, sink, url, locale).catch(() => undefined);
          await applyFault(after, req, res);
          return;
        }
        await api(req, res, url, locale);
      } else if (url.pathname.startsWith('/__admin/') && options.admin) {
        await adminRoute(req, res, url);
      } else if (req.method === 'GET') {
        await serveStatic(res, url);
      } else {
        throw new HttpProblem(405, 'method-not-allowed', 'Method not allowed');
      }
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof HttpProblem) sendProblem(res, error);
      else if ((error as { code?: string }).code === '23505') {
        // A unique constraint held: the invoice is already claimed by another request.
        sendProblem(
          res,
          new HttpProblem(409, 'invoice-not-eligible', coreMessages(locale).reason['request-pending']({})),
        );
      } else {
        log(`500 ${req.method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
        sendProblem(res, new HttpProblem(500, 'internal-error', 'Something went wrong on the server'));
      }
    } finally {
      log(`${req.method} ${url.pathname}${url.search} ${res.statusCode} ${Date.now() - started} ms`);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  return {
    server,
    faults,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise(resolveListen => {
        server.listen(port, host, () => {
          const address = server.address();
          resolveListen(`http://${host}:${typeof address === 'object' && address ? address.port : port}`);
        });
      }),
    close: () =>
      new Promise<void>(resolveClose => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
