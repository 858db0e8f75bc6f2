import type { FapiaoRequest, FapiaoRequestStatus } from '../../../src/core/index.js';
import { trackingNumber } from '../delivery.js';
import { sendQueuedFapiaoEmails } from '../fapiao-mail.js';
import { HttpProblem } from '../http.js';
import type { Mailer } from '../mail.js';
import { advanceReissues, applyReversal } from '../reissue.js';
import { moveRequests, requestIn, saveRequest } from '../request-of.js';
import type { Store } from '../store/index.js';
import { sendStatusEmails } from '../status-mail.js';
import { deliverWebhooks, type WebhookEndpoint } from '../webhooks.js';
import { pruneSettledRecords } from '../retention.js';
import { runIssuingQueue } from './issuing-jobs.js';
import type { IssuingProvider } from './provider.js';
import { iso } from '../instant.js';

/** After issue, the seller's own work: a paper Fapiao is mailed with a waybill number, or laid out for pick-up. */
function nextLogisticsState(r: FapiaoRequest, at: number): FapiaoRequest | undefined {
  if (r.status === 'issued' && r.delivery === 'paper') {
    const courier = r.shipping?.courier ?? 'sf';
    return {
      ...r,
      status: 'mailed',
      tracking: { courier, number: trackingNumber(courier, at, r.id) },
      history: [...r.history, { status: 'mailed', at: iso(at) }],
    };
  }
  if (r.status === 'issued' && r.delivery === 'pickup')
    return { ...r, status: 'ready-for-pickup', history: [...r.history, { status: 'ready-for-pickup', at: iso(at) }] };
  return undefined;
}

/**
 * The simulated logistics, one step: issued paper Fapiao are mailed, pick-ups made ready. `FOR UPDATE SKIP LOCKED`
 * lets any number of instances run it at once: each request is moved by one of them.
 */
export function advanceLogistics(store: Store, at: number): Promise<number> {
  return moveRequests(store, "status = 'issued' and body->>'delivery' in ('paper', 'pickup')", (_tx, request) =>
    nextLogisticsState(request, at),
  );
}

/** Statuses the back office may still refuse: once issued, only a red-letter reversal undoes a Fapiao. */
const REJECTABLE: readonly FapiaoRequestStatus[] = ['submitted', 'processing'];

/**
 * The back office refuses a request: its invoices may be requested again. Issued requests cannot be rejected, nor
 * one the issuing queue has taken: its order may be on its way to the provider, which could issue it as we speak.
 * A request's id is unique within its customer (tenant) only: where two customers have one of that id, the operator
 * names the customer (`tenantId`) and nothing is touched until then.
 */
export async function rejectRequest(
  store: Store,
  id: string,
  reason: string,
  at: number,
  tenantId?: string,
): Promise<FapiaoRequest> {
  return store.transaction(async tx => {
    const tenants = (
      await tx.query<{ tenant_id: string }>(
        'select tenant_id from fapiao_requests where id = $1 and ($2::text is null or tenant_id = $2)',
        [id, tenantId ?? null],
      )
    ).rows.map(r => r.tenant_id);
    if (tenants.length === 0) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
    if (tenants.length > 1)
      throw new HttpProblem(409, 'conflict', {
        detail: `${tenants.length} customers have a request ${id}: name the customer (tenant) too`,
      });
    const tenant = tenants[0]!;
    // The job's row first, then the request's: the queue takes them in that order, so the two never wait on each other.
    const handedOver = (
      await tx.query(
        "select started_at is not null and done_at is null as taken from issuing_jobs where tenant_id = $2 and request_id = $1 and kind = 'issue' for update",
        [id, tenant],
      )
    ).rows.some(j => j.taken === true);
    const r = await requestIn(tx, tenant, id, { forUpdate: true });
    if (!r) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
    if (!REJECTABLE.includes(r.status) || handedOver) {
      throw new HttpProblem(409, 'invalid-transition', { params: { from: r.status, to: 'rejected' } });
    }
    const next: FapiaoRequest = {
      ...r,
      status: 'rejected',
      rejectionReason: reason,
      history: [...r.history, { status: 'rejected', at: iso(at), note: reason }],
    };
    await saveRequest(tx, tenant, next);
    await tx.query('delete from invoice_claims where tenant_id = $2 and request_id = $1', [id, tenant]);
    await tx.query(
      "update issuing_jobs set done_at = $1, outcome = 'rejected' where tenant_id = $3 and request_id = $2 and done_at is null",
      [iso(at), id, tenant],
    );
    return next;
  });
}

/** What one step of the back office needs: the store, the issuing provider and (to send e-Fapiao) a mailer. */
export interface BackOffice {
  readonly store: Store;
  readonly issuing: IssuingProvider;
  readonly mailer?: Mailer | undefined;
  /** Where changes of status are POSTed (none: they are recorded, not sent). */
  readonly webhooks?: WebhookEndpoint | undefined;
}

export interface BackOfficeStepResult {
  /** Requests and reissues that moved on, and orders the provider accepted or settled. */
  readonly moved: number;
  readonly emailed: number;
  /** Webhook events the host acknowledged. */
  readonly notified: number;
  /** Customers e-mailed about a change of status (refused, mailed, ready for pick-up). */
  readonly told: number;
  /** Settled events, sent e-mails and idempotency keys past their keeping time, removed (`retention.ts`). */
  readonly pruned: number;
}

/**
 * One step of the back office: reissues move on (a reversal is queued for the provider), the issuing queue hands
 * over and settles orders, issued paper Fapiao are mailed, then the e-mails that are due go out (with a mailer) and
 * the host hears of every change of status (with a webhook endpoint), and the customer of a refusal, a paper Fapiao
 * sent or one ready for pick-up (with a mailer).
 */
export async function backOfficeStep(office: BackOffice, at: number): Promise<BackOfficeStepResult> {
  const { store, issuing: provider, mailer, webhooks } = office;
  const reissues = await advanceReissues(store, at);
  const queue = await runIssuingQueue({ store, provider, applyReversal }, at);
  const logistics = await advanceLogistics(store, at);
  const emailed = mailer ? (await sendQueuedFapiaoEmails(store, mailer, at, provider.file)).sent : 0;
  const notified = (await deliverWebhooks(store, webhooks, at)).sent;
  const told = (await sendStatusEmails(store, mailer, at)).sent;
  const { events, emails, keys } = await pruneSettledRecords(store, at);
  return {
    moved: reissues + queue.submitted + queue.settled + logistics,
    emailed,
    notified,
    told,
    pruned: events + emails + keys,
  };
}

/** Runs `backOfficeStep` every `everyMs` in this process (no HTTP round trip); returns the stop function. */
export function startIssuingWorker(
  office: BackOffice,
  now: () => number,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow step is never overlapped by the next
    running = true;
    backOfficeStep(office, now())
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
