import { createHash, randomUUID } from 'node:crypto';
import {
  buyerFromDraft,
  checkDraft,
  checkEligibility,
  decodeDraft,
  checkFapiaoEmail,
  coreMessages,
  withdrawBlocker,
  explainDraftError,
  explainFapiaoEmailError,
  explainReason,
  checkPeriod,
  inPeriod,
  MAX_PERIOD_DAYS,
  type DatePeriod,
  type DeliveryOptions,
  type DraftPolicy,
  type DraftError,
  type FapiaoEmailError,
  type FapiaoDraft,
  type FapiaoRequest,
  type Invoice,
  type Locale,
  requestClaims,
  toFen,
  type AmountClaim,
} from '../../../src/core/index.js';
import { fapiaoArchive } from '../archive.js';
import { invoicePdf } from '../documents.js';
import { enqueueIssue } from '../issuing/issuing-jobs.js';
import type { FapiaoFileFormat } from '../issuing/provider.js';
import { deliveryOf } from '../delivery.js';
import { fapiaoMail, recordFapiaoEmail } from '../fapiao-mail.js';
import { requestOf, saveRequest } from '../request-of.js';
import { requestReissue } from '../reissue.js';
import { canonicalJson, HttpProblem, queryParam, readJson, send, sendFile } from '../http.js';
import { isCheckViolation, isUniqueViolation, type Queryable } from '../store/index.js';
import { amountOf, claimsForAmount, planOfClaims } from './fapiao-plan.js';
import { invoiceOf } from './bills.js';
import { insertProfile } from './buyer-profiles.js';
import { rememberAddress } from './shipping-addresses.js';
import { customerRoute, type Customer, type CustomerContext, type Route } from './route.js';

const IDEMPOTENCY_KEY = /^[\w-]{8,128}$/;
const MAX_INVOICES_PER_REQUEST = 100;

async function requestsTouching(db: Queryable, customer: Customer, invoiceIds: readonly string[]) {
  const { rows } = await db.query<{ body: FapiaoRequest }>(
    'select distinct r.body, r.created_at from fapiao_requests r join fapiao_request_invoices ri on ri.request_id = r.id where r.tenant_id = $1 and ri.invoice_id = any($2) order by r.created_at',
    [customer.id, invoiceIds],
  );
  return rows.map(r => r.body);
}

/** The draft as the core decodes and checks it, or 422 with every error in the request's language. */
function checkedDraft(input: unknown, locale: Locale, delivery: DeliveryOptions, policy: DraftPolicy): FapiaoDraft {
  const decoded = decodeDraft(input);
  if (!decoded.ok) {
    const issue = decoded.issues[0]!;
    const field = issue.path.replace(/^\$\.?/, '') || 'draft';
    const value = (input as Record<string, unknown> | null)?.[field];
    // Text far beyond every Fapiao limit is still the customer's too-long field, said as the form says it.
    if (issue.code === 'string.too-long' && typeof value === 'string') {
      const error = { field, code: 'too-long-chars', params: { max: 1000, actual: value.length } } as DraftError;
      throw new HttpProblem(422, 'validation-failed', {
        detail: explainDraftError(error, locale),
        extra: { errors: [{ field, code: error.code, message: explainDraftError(error, locale) }] },
      });
    }
    throw new HttpProblem(422, 'validation-failed', {
      params: { why: issue.message.replace(/^\$/, 'draft') },
      extra: { errors: [{ field, code: issue.code }] },
    });
  }
  const check = checkDraft(decoded.value, delivery, policy);
  if (!check.ok) {
    throw new HttpProblem(422, 'validation-failed', {
      detail: explainDraftError(check.errors[0]!, locale),
      extra: {
        errors: check.errors.map(e => ({ field: e.field, code: e.code, message: explainDraftError(e, locale) })),
      },
    });
  }
  return decoded.value;
}

function invoiceIdsOf(input: { invoiceIds?: unknown }): string[] {
  const ids = input.invoiceIds;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_INVOICES_PER_REQUEST ||
    !ids.every(x => typeof x === 'string' && x.length > 0 && x.length <= 200)
  ) {
    throw new HttpProblem(422, 'validation-failed', { params: { why: 'invoiceIds must list 1–100 invoice ids' } });
  }
  return [...new Set(ids as string[])];
}

const hashOf = (input: unknown) => createHash('sha256').update(canonicalJson(input)).digest('hex');

/** The earlier answer to this key: the same request again (200, replayed), or 422 when the body differs. */
async function replay(ctx: CustomerContext, key: string, hash: string): Promise<FapiaoRequest | undefined> {
  const { rows } = await ctx.services.store.query<{ body_hash: string; request_id: string }>(
    'select body_hash, request_id from idempotency_keys where tenant_id = $1 and key = $2',
    [ctx.customer.id, key],
  );
  const seen = rows[0];
  if (!seen) return undefined;
  if (seen.body_hash !== hash) throw new HttpProblem(422, 'idempotency-key-reused');
  return requestOf(ctx.services.store, ctx.customer, seen.request_id);
}

/**
 * The bills a request names, each for what it has left (whole, unless a request by amount took part of it), or 409
 * with every bill's reasons in the customer's language when any of them cannot be requested now.
 */
async function claimsForBills(
  tx: Queryable,
  customer: Customer,
  invoiceIds: readonly string[],
  at: number,
  locale: Locale,
): Promise<AmountClaim[]> {
  const invoices: Invoice[] = [];
  for (const invoiceId of invoiceIds) invoices.push(await invoiceOf(tx, customer, invoiceId));
  const requests = await requestsTouching(tx, customer, invoiceIds);
  const checked = invoices.map(invoice => ({
    invoice,
    e: checkEligibility(invoice, { now: new Date(at), account: customer.account, requests }),
  }));
  const refused = checked.filter(x => !x.e.eligible);
  if (refused.length) {
    throw new HttpProblem(409, 'invoice-not-eligible', {
      detail: explainReason(refused[0]!.e.reasons[0]!, locale),
      extra: {
        reasons: refused.map(x => ({
          invoiceId: x.invoice.id,
          codes: x.e.reasons.map(r => r.code),
          messages: x.e.reasons.map(r => explainReason(r, locale)),
        })),
      },
    });
  }
  return checked.map(({ invoice, e }) => ({ invoice, gross: toFen(e.unclaimed ?? invoice.amounts.gross) }));
}

/**
 * Creates a Fapiao request exactly once, for bills (`invoiceIds`) or for an amount (`amount`, the bills chosen by the
 * core's `claimsByAmount`). The database decides, so any number of instances agree: the idempotency key is inserted
 * first in the transaction (a concurrent twin waits on it, then finds it taken and replays), and a bill's claims are
 * kept within its amount by a trigger that locks the bill (a request that would take more than is left: 409).
 */
async function createRequest(ctx: CustomerContext): Promise<void> {
  const { req, res, locale, services, customer } = ctx;
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) throw new HttpProblem(400, 'idempotency-key-required');
  const raw = await readJson(req);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpProblem(422, 'validation-failed', { params: { why: 'send an object with invoiceIds and draft' } });
  }
  const input = raw as {
    invoiceIds?: unknown;
    amount?: unknown;
    draft?: unknown;
    saveProfile?: unknown;
    saveAddress?: unknown;
  };
  const hash = hashOf(input);
  const earlier = await replay(ctx, key, hash);
  if (earlier) return sendCreated(res, earlier, true);
  if (input.invoiceIds !== undefined && input.amount !== undefined)
    throw new HttpProblem(422, 'validation-failed', { params: { why: 'send either invoiceIds or amount, not both' } });
  const amount = input.amount === undefined ? undefined : amountOf(input.amount);
  const invoiceIds = amount ? [] : invoiceIdsOf(input);
  const draft = checkedDraft(input.draft, locale, services.delivery, services.draftPolicy);
  const at = services.now();
  const createdAt = new Date(at).toISOString();
  const id = `REQ-${randomUUID().slice(0, 8).toUpperCase()}`;
  let request: FapiaoRequest;
  try {
    request = await services.store.transaction(async tx => {
      await tx.query(
        'insert into idempotency_keys (tenant_id, key, body_hash, request_id, created_at) values ($1, $2, $3, $4, $5)',
        [customer.id, key, hash, id, createdAt],
      );
      const claims = amount
        ? await claimsForAmount(tx, customer, amount, at, locale)
        : await claimsForBills(tx, customer, invoiceIds, at, locale);
      const buyer = buyerFromDraft(draft);
      const taken = requestClaims(claims);
      const plan = planOfClaims(claims, buyer, draft.fapiaoKind);
      if (plan.fapiaos.length === 0) throw new HttpProblem(409, 'nothing-to-invoice');
      const created: FapiaoRequest = {
        id,
        ...taken,
        fapiaoKind: draft.fapiaoKind,
        buyer,
        ...deliveryOf(draft, services.delivery),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        status: 'submitted',
        history: [{ status: 'submitted', at: createdAt }],
        fapiaos: [],
        createdAt,
      };
      await tx.query(
        'insert into fapiao_requests (id, tenant_id, created_at, status, body, locale) values ($1, $2, $3, $4, $5, $6)',
        [id, customer.id, createdAt, 'submitted', JSON.stringify(created), locale],
      );
      // In the order of the bills' ids, whatever the request's: two requests lock shared bills in one order, never
      // each waiting on the other.
      for (const claim of [...claims].sort((a, b) => (a.invoice.id < b.invoice.id ? -1 : 1))) {
        const invoiceId = claim.invoice.id;
        await tx.query('insert into fapiao_request_invoices (tenant_id, request_id, invoice_id) values ($1, $2, $3)', [
          customer.id,
          id,
          invoiceId,
        ]);
        await tx.query(
          'insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ($1, $2, $3, $4)',
          [customer.id, invoiceId, id, claim.gross],
        );
      }
      // The request and its issue job commit together: the queue never misses one, nor takes an uncommitted one.
      await enqueueIssue(tx, customer.id, id, services.now());
      if (input.saveProfile === true) {
        const profile = { ...buyer, ...(created.email ? { email: created.email } : {}) };
        // A full address book does not cost the customer the Fapiao: the request goes in without the profile.
        await insertProfile(tx, customer, profile, createdAt).catch(e => {
          if (!(e instanceof HttpProblem)) throw e;
        });
      }
      if (input.saveAddress === true && created.shipping) {
        const { recipient, phone, address } = created.shipping; // the courier is chosen per request
        await rememberAddress(tx, customer, { recipient, phone, address }, createdAt);
      }
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'idempotency_keys_once')) {
      const twin = await replay(ctx, key, hash);
      if (twin) return sendCreated(res, twin, true);
    }
    // Another request took (part of) these bills between our reading and our claim: the database refused ours.
    if (isCheckViolation(error, 'invoice_claims_within_amount')) {
      throw new HttpProblem(409, 'invoice-not-eligible', {
        detail: explainReason({ code: 'request-pending', params: {} }, locale),
      });
    }
    throw error;
  }
  sendCreated(res, request, false);
}

function sendCreated(res: CustomerContext['res'], request: FapiaoRequest, replayed: boolean): void {
  send(res, replayed ? 200 : 201, request, {
    location: `/api/v1/fapiao-requests/${request.id}`,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
}

/**
 * Sends a request's issued Fapiao by e-mail again, to its address or another (`{ "to": "…" }`), within the core's
 * allowance. The e-mail is recorded on the request before it is sent (so a second click at the same moment finds it
 * and is told to wait) and taken back when SMTP fails (503: nothing counts, nothing is lost).
 */
async function resendEmail(ctx: CustomerContext): Promise<void> {
  const { req, res, params, locale, services, customer } = ctx;
  const raw = await readJson(req);
  const body = raw === null ? {} : raw;
  if (typeof body !== 'object' || Array.isArray(body))
    throw new HttpProblem(422, 'validation-failed', { params: { why: 'send an object, with "to" or without' } });
  const to = (body as { to?: unknown }).to ?? '';
  if (typeof to !== 'string' || to.length > 1000)
    throw new HttpProblem(422, 'validation-failed', { params: { why: 'to must be an e-mail address' } });
  const at = services.now();
  const { request, address, mailer } = await services.store.transaction(async tx => {
    const current = await requestOf(tx, customer, params.id!, { forUpdate: true });
    const check = checkFapiaoEmail(current, to, at);
    if (!check.ok) throw fapiaoEmailProblem(check.error, locale, at);
    // Asked rightly, but this server has no way to send e-mail: said after what the customer can fix.
    const mailer = services.mailer;
    if (!mailer) throw new HttpProblem(503, 'fapiao-email-unavailable', { headers: { 'retry-after': '60' } });
    return { request: await recordFapiaoEmail(tx, customer.id, current, check.to, at), address: check.to, mailer };
  });
  try {
    await mailer.send(await fapiaoMail(request, address, locale, services.issuing.file));
  } catch (error) {
    await services.store.transaction(async tx => {
      const current = await requestOf(tx, customer, request.id, { forUpdate: true });
      const emails = (current.emails ?? []).filter(e => !(e.to === address && e.sentAt === new Date(at).toISOString()));
      await saveRequest(tx, customer.id, { ...current, emails });
    });
    throw new HttpProblem(503, 'fapiao-email-unavailable', {
      headers: { 'retry-after': '60' },
      params: { why: String(error) },
    });
  }
  send(res, 200, request);
}

function fapiaoEmailProblem(error: FapiaoEmailError, locale: Locale, now: number): HttpProblem {
  const message = explainFapiaoEmailError(error, locale);
  const extra = { errors: [{ field: 'to', code: error.code, message }] };
  if (error.code === 'too-many-emails') {
    const wait = Math.max(1, Math.ceil((Date.parse(String(error.params?.at)) - now) / 1000));
    return new HttpProblem(429, 'too-many-emails', {
      detail: message,
      extra,
      headers: { 'retry-after': String(wait) },
    });
  }
  if (error.code === 'not-issued' || error.code === 'reversed')
    return new HttpProblem(409, 'conflict', { detail: message, extra });
  return new HttpProblem(422, 'validation-failed', { detail: message, extra });
}

/**
 * Withdraws a request the seller has not started issuing: it becomes `cancelled` and its bills are free again. The row
 * lock decides against the back office (which skips locked rows): whichever takes the request first wins. Withdrawing
 * a withdrawn request answers it again (a double click, a retry).
 */
async function withdrawRequest({ res, params, locale, services, customer }: CustomerContext): Promise<void> {
  const at = new Date(services.now()).toISOString();
  const request = await services.store.transaction(async tx => {
    const current = await requestOf(tx, customer, params.id!, { forUpdate: true });
    if (current.status === 'cancelled') return current;
    const blocker = withdrawBlocker(current);
    if (blocker) {
      const message = coreMessages(locale).withdrawBlock[blocker];
      throw new HttpProblem(409, 'conflict', {
        detail: message,
        extra: { errors: [{ field: 'request', code: blocker, message }] },
      });
    }
    const next: FapiaoRequest = {
      ...current,
      status: 'cancelled',
      history: [...current.history, { status: 'cancelled', at }],
    };
    await saveRequest(tx, customer.id, next);
    await tx.query('delete from invoice_claims where tenant_id = $2 and request_id = $1', [current.id, customer.id]);
    return next;
  });
  send(res, 200, request);
}

const FILE_TYPES: Readonly<Record<FapiaoFileFormat, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  xml: 'application/xml; charset=utf-8',
};

/** At most this many requests in one ZIP (a year of monthly requests, several times over). */
export const MAX_ARCHIVE_REQUESTS = 100;

/**
 * The accountant's bundle: every issued Fapiao of the given requests (`requests=`, all the customer's own), or of a tax
 * period (`from=` and `to=`, China dates, by the day each Fapiao was issued: red-letter ones in the period they were
 * issued), with the bills' PDFs and the bill ⇄ payment ⇄ Fapiao table; one ZIP, streamed as it is written.
 */
async function downloadArchive({ res, url, locale, services, customer }: CustomerContext): Promise<void> {
  const from = queryParam(url.searchParams, 'from');
  const to = queryParam(url.searchParams, 'to');
  const listed = queryParam(url.searchParams, 'requests');
  const now = new Date(services.now());
  let requests: FapiaoRequest[];
  let period: DatePeriod | undefined;
  if (from !== null || to !== null) {
    const checked = listed === null ? checkPeriod(from ?? '', to ?? '') : 'dates';
    if (typeof checked === 'string')
      throw new HttpProblem(400, 'invalid-query', {
        params: {
          name: 'from, to',
          expected: `two dates YYYY-MM-DD, in order, at most ${MAX_PERIOD_DAYS} days apart (and no requests=)`,
        },
      });
    period = checked;
    const { rows } = await services.store.query<{ body: FapiaoRequest }>(
      `select body from fapiao_requests
        where tenant_id = $1 and jsonb_array_length(body->'fapiaos') > 0 order by created_at, id`,
      [customer.id],
    );
    requests = rows.map(r => r.body).filter(r => r.fapiaos.some(f => inPeriod(f.issuedAt, checked)));
    if (!requests.length)
      throw new HttpProblem(404, 'not-found', { params: { what: 'A Fapiao issued in this period' } });
  } else {
    const ids = [...new Set((listed ?? '').split(',').map(id => id.trim()))].filter(Boolean);
    if (ids.length === 0 || ids.length > MAX_ARCHIVE_REQUESTS || !ids.every(id => /^[\w-]{1,64}$/.test(id)))
      throw new HttpProblem(400, 'invalid-query', {
        params: { name: 'requests', expected: `1 to ${MAX_ARCHIVE_REQUESTS} request ids, comma separated` },
      });
    const { rows } = await services.store.query<{ body: FapiaoRequest }>(
      'select body from fapiao_requests where tenant_id = $1 and id = any($2) order by created_at, id',
      [customer.id, ids],
    );
    // Another customer's id is as unknown as a made-up one: nothing is said about what it holds.
    if (rows.length !== ids.length) throw new HttpProblem(404, 'not-found', { params: { what: 'A Fapiao request' } });
    requests = rows.map(r => r.body);
    if (!requests.some(r => r.fapiaos.length))
      throw new HttpProblem(404, 'not-found', { params: { what: 'An issued Fapiao' } });
  }
  const bills = await services.store.query<{ body: Invoice }>(
    'select body from invoices where tenant_id = $1 and id = any($2)',
    [customer.id, requests.flatMap(r => r.invoiceIds)],
  );
  const within = period;
  await fapiaoArchive(
    res,
    {
      requests,
      now,
      ...(within
        ? { name: `fapiao-${within.from}_${within.to}.zip`, includes: f => inPeriod(f.issuedAt, within) }
        : {}),
      bills: {
        byId: new Map(bills.rows.map(r => [r.body.id, r.body])),
        pdf: invoice => invoicePdf(invoice, customer.name, locale),
      },
    },
    services.issuing.file,
  );
}

export const fapiaoRequestRoutes: readonly Route[] = [
  customerRoute('GET', /^\/api\/v1\/fapiao-files\.zip$/, downloadArchive),
  customerRoute('POST', /^\/api\/v1\/fapiao-requests$/, createRequest),
  customerRoute('GET', /^\/api\/v1\/fapiao-requests$/, async ({ res, services, customer }) => {
    const { rows } = await services.store.query<{ body: FapiaoRequest }>(
      'select body from fapiao_requests where tenant_id = $1 order by created_at desc, id',
      [customer.id],
    );
    send(res, 200, { items: rows.map(r => r.body) });
  }),
  customerRoute('POST', /^\/api\/v1\/fapiao-requests\/(?<id>[^/]+)\/email$/, resendEmail, 'request id'),
  customerRoute('POST', /^\/api\/v1\/fapiao-requests\/(?<id>[^/]+)\/reissue$/, requestReissue, 'request id'),
  customerRoute('POST', /^\/api\/v1\/fapiao-requests\/(?<id>[^/]+)\/withdraw$/, withdrawRequest, 'request id'),
  customerRoute(
    'GET',
    /^\/api\/v1\/fapiao-requests\/(?<id>[^/]+)$/,
    async ({ res, params, services, customer }) =>
      send(res, 200, await requestOf(services.store, customer, params.id!)),
    'request id',
  ),
  customerRoute(
    'GET',
    /^\/api\/v1\/fapiao-requests\/(?<id>[^/]+)\/fapiaos\/(?<number>\d{20})\.(?<format>pdf|ofd|xml)$/,
    async ({ res, params, services, customer }) => {
      const request = await requestOf(services.store, customer, params.id!);
      const fapiao = request.fapiaos.find(f => f.number === params.number);
      if (!fapiao) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao' } });
      const format = params.format as FapiaoFileFormat;
      const bytes = await services.issuing.file(request, fapiao, format);
      return sendFile(res, FILE_TYPES[format], bytes, `${fapiao.number}.${format}`);
    },
    'request id',
  ),
];
