import type { CaughtMail } from '../mail-catcher.js';
import { isIsoInstant } from '../../../src/core/index.js';
import type { FaultKind, FaultState, QueuedFault } from '../faults.js';
import { HttpProblem, readJson, send } from '../http.js';
import { backOfficeStep, rejectRequest } from '../issuing/back-office.js';
import { issuingQueueState, resumeIssuing } from '../issuing/issuing-jobs.js';
import { setStockNotice, stockNotice } from '../notices.js';
import type { Context, Route } from './route.js';

/** What the demo's admin API may change besides the store. */
export interface AdminControls {
  readonly faults: FaultState;
  setClock(at: number | undefined): void;
  /** A customer's data changed outside the API (cached look-ups must go). */
  customersChanged(): void;
  /** Empties and seeds the store again. */
  reset(): Promise<void>;
  /** What the local SMTP catcher received, newest first (when `npm start` runs one). */
  mailbox?(): readonly CaughtMail[];
}

const FAULT_KINDS: readonly FaultKind[] = [
  'error-500',
  'error-503',
  'rate-limit',
  'drop',
  'malformed',
  'wrong-shape',
  'delay',
];
const ACCOUNT_STATES = ['registered', 'pending-activation', 'unregistered'] as const;

const invalid = (why: string) => new HttpProblem(422, 'validation-failed', { params: { why } });

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalid(`${name} must be an integer ${min}–${max}`);
  return value;
}

/** A queued fault as the fault injector understands it; anything else is refused (it made every call hang). */
function fault(value: unknown): QueuedFault {
  const f = (value ?? {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || !FAULT_KINDS.includes(f.kind as FaultKind))
    throw invalid(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/api/') || f.path.length > 200))
    throw invalid('path must start with /api/');
  if (f.method !== undefined && !['GET', 'POST', 'PUT', 'DELETE'].includes(String(f.method).toUpperCase()))
    throw invalid('method must be GET, POST, PUT or DELETE');
  return {
    kind: f.kind as FaultKind,
    ...(f.path !== undefined ? { path: f.path as string } : {}),
    ...(f.method !== undefined ? { method: String(f.method).toUpperCase() } : {}),
    times: integer(f.times, 'times', 1, 1000, 1),
    ...(f.ms !== undefined ? { ms: integer(f.ms, 'ms', 0, 30_000, 1000) } : {}),
    ...(f.retryAfter !== undefined ? { retryAfter: integer(f.retryAfter, 'retryAfter', 0, 60, 1) } : {}),
    ...(f.afterHandling === true ? { afterHandling: true } : {}),
  };
}

function faultList(value: unknown): QueuedFault[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 100) throw invalid('at most 100 faults');
  return list.map(fault);
}

const objectBody = async (ctx: Context): Promise<Record<string, unknown>> => {
  const body = await readJson(ctx.req);
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalid('send a JSON object');
  return body as Record<string, unknown>;
};

const admin = (
  method: Route['method'],
  path: RegExp,
  handle: (ctx: Context) => Promise<void>,
  what?: string,
): Route => ({
  method,
  path,
  auth: 'admin',
  handle,
  ...(what ? { what } : {}),
});

/**
 * The demo's switches (faults, clock, reset, back office). Mounted only with `--demo`; the app checks the admin token,
 * same-origin and a loopback host before any of these run. Every change goes through the same rules as the API.
 */
export function adminRoutes(controls: AdminControls): readonly Route[] {
  const { faults } = controls;
  return [
    admin('GET', /^\/__admin\/faults$/, async ({ res }) => send(res, 200, faults)),
    // The operator's stock-shortage notice: {expectedIssueDate?, message?} sets it, null clears it.
    admin('PUT', /^\/__admin\/notice$/, async ctx => {
      const body = await readJson(ctx.req);
      if (body === null) {
        await setStockNotice(ctx.services.store, undefined);
        return send(ctx.res, 200, { notice: null });
      }
      if (typeof body !== 'object' || Array.isArray(body)) throw invalid('send a JSON object or null');
      const notice = stockNotice(body as Record<string, unknown>);
      if (typeof notice === 'string') throw invalid(notice);
      await setStockNotice(ctx.services.store, notice);
      send(ctx.res, 200, { notice });
    }),
    admin('GET', /^\/__admin\/mailbox$/, async ({ res }) => send(res, 200, { items: controls.mailbox?.() ?? [] })),
    admin('PUT', /^\/__admin\/faults$/, async ctx => {
      const body = await objectBody(ctx);
      const latencyMs = integer(body.latencyMs, 'latencyMs', 0, 10_000, 0);
      const chaos = body.chaosRate ?? 0;
      if (typeof chaos !== 'number' || !(chaos >= 0 && chaos <= 1)) throw invalid('chaosRate must be 0–1');
      const queue = body.queue === undefined ? [] : faultList(body.queue);
      Object.assign(faults, { latencyMs, chaosRate: chaos, queue });
      send(ctx.res, 200, faults);
    }),
    admin('POST', /^\/__admin\/faults\/queue$/, async ctx => {
      const added = faultList(await readJson(ctx.req));
      if (faults.queue.length + added.length > 100) throw invalid('at most 100 queued faults');
      faults.queue.push(...added);
      send(ctx.res, 200, faults);
    }),
    admin('PUT', /^\/__admin\/clock$/, async ctx => {
      const body = await objectBody(ctx);
      if (body.now !== undefined && body.now !== null && (typeof body.now !== 'string' || !isIsoInstant(body.now)))
        throw invalid('now must be an ISO 8601 instant or null');
      controls.setClock(typeof body.now === 'string' ? Date.parse(body.now) : undefined);
      send(ctx.res, 200, { now: new Date(ctx.services.now()).toISOString() });
    }),
    admin('POST', /^\/__admin\/reset$/, async ({ res, services }) => {
      await controls.reset();
      Object.assign(faults, { latencyMs: 0, chaosRate: 0, queue: [] });
      send(res, 200, { reset: true, now: new Date(services.now()).toISOString() });
    }),
    admin('POST', /^\/__admin\/process-requests$/, async ({ res, services }) =>
      send(res, 200, await backOfficeStep(services, services.now())),
    ),
    admin('GET', /^\/__admin\/issuing$/, async ({ res, services }) =>
      send(res, 200, await issuingQueueState(services.store, services.issuing.name, services.now())),
    ),
    admin('POST', /^\/__admin\/issuing\/resume$/, async ({ res, services }) =>
      send(res, 200, { resumed: await resumeIssuing(services.store, services.issuing.name) }),
    ),
    admin(
      'POST',
      /^\/__admin\/requests\/(?<id>[^/]+)\/reject$/,
      async ctx => {
        const body = await objectBody(ctx);
        const reason = body.reason ?? '信息有误';
        if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 200)
          throw invalid('reason must be a text of 1–200 characters');
        const tenant = body.tenant;
        if (tenant !== undefined && (typeof tenant !== 'string' || tenant.length > 200))
          throw invalid('tenant must be a customer id');
        const { services } = ctx;
        send(ctx.res, 200, await rejectRequest(services.store, ctx.params.id!, reason.trim(), services.now(), tenant));
      },
      'request id',
    ),
    admin(
      'PUT',
      /^\/__admin\/customers\/(?<id>[^/]+)\/fapiao-account$/,
      async ctx => {
        const body = await objectBody(ctx);
        const state = body.state ?? 'registered';
        if (!ACCOUNT_STATES.includes(state as (typeof ACCOUNT_STATES)[number]))
          throw invalid(`state must be one of ${ACCOUNT_STATES.join(', ')}`);
        const { rowCount } = await ctx.services.store.query(
          'update customers set fapiao_account_state = $1 where id = $2',
          [state, ctx.params.id],
        );
        if (!rowCount) throw new HttpProblem(404, 'not-found', { params: { what: 'The customer' } });
        controls.customersChanged();
        send(ctx.res, 200, { ok: true });
      },
      'customer id',
    ),
  ];
}
