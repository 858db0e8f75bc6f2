import { planFapiao, type FapiaoRequest, type FapiaoRequestStatus, type Invoice } from '../../src/core/index.js';
import { trackingNumber } from './delivery.js';
import { queueFapiaoEmail, sendQueuedFapiaoEmails } from './fapiao-mail.js';
import { HttpProblem } from './http.js';
import { advanceReissues } from './reissue.js';
import type { Mailer } from './mail.js';
import { fapiaoFileLinks } from './seed.js';
import type { Store } from './store/index.js';

/** How many requests one step of the worker takes (each instance takes its own, locked, batch). */
const BATCH = 50;

/** A 20-digit 数电 number: year, then digits from the clock and the request, unique per request and position. */
function fapiaoNumber(at: number, index: number, requestId: string): string {
  const request = requestId.replace(/\D/g, '').padStart(4, '0').slice(-4);
  return `26${String(at).slice(-12)}${String(index).padStart(2, '0')}${request}`.slice(0, 20).padEnd(20, '0');
}

function nextState(r: FapiaoRequest, invoices: readonly Invoice[], at: number): FapiaoRequest | undefined {
  const when = new Date(at).toISOString();
  if (r.status === 'submitted')
    return { ...r, status: 'processing', history: [...r.history, { status: 'processing', at: when }] };
  if (r.status === 'processing') {
    const plan = planFapiao(invoices, r.buyer, { fapiaoKind: r.fapiaoKind });
    const fapiaos = plan.fapiaos.map((f, i) => {
      const number = fapiaoNumber(at, i, r.id);
      return {
        number,
        kind: r.fapiaoKind,
        issuedAt: when,
        currency: f.currency,
        net: f.net,
        tax: f.tax,
        gross: f.gross,
        files: fapiaoFileLinks(r.id, number),
      };
    });
    return { ...r, status: 'issued', fapiaos, history: [...r.history, { status: 'issued', at: when }] };
  }
  if (r.status === 'issued' && r.delivery === 'paper') {
    const courier = r.shipping?.courier ?? 'sf';
    return {
      ...r,
      status: 'mailed',
      tracking: { courier, number: trackingNumber(courier, at, r.id) },
      history: [...r.history, { status: 'mailed', at: when }],
    };
  }
  if (r.status === 'issued' && r.delivery === 'pickup')
    return { ...r, status: 'ready-for-pickup', history: [...r.history, { status: 'ready-for-pickup', at: when }] };
  return undefined;
}

/**
 * The simulated back office, one step: every open request moves on (submitted → processing → issued [→ mailed with
 * a tracking number, or → ready for pick-up]). `FOR UPDATE SKIP LOCKED` lets any number of instances run it at once: each request is moved by one of them.
 */
export async function advanceRequests(store: Store, at: number): Promise<number> {
  return store.transaction(async tx => {
    const { rows } = await tx.query<{ body: FapiaoRequest }>(
      `select body from fapiao_requests
        where status in ('submitted', 'processing') or (status = 'issued' and body->>'delivery' in ('paper', 'pickup'))
        order by created_at, id limit $1 for update skip locked`,
      [BATCH],
    );
    let moved = 0;
    for (const { body: request } of rows) {
      const invoices =
        request.status === 'processing'
          ? (
              await tx.query<{ body: Invoice }>('select body from invoices where id = any($1)', [request.invoiceIds])
            ).rows.map(x => x.body)
          : [];
      const next = nextState(request, invoices, at);
      if (!next) continue;
      await tx.query('update fapiao_requests set status = $1, body = $2 where id = $3', [
        next.status,
        JSON.stringify(next),
        request.id,
      ]);
      // The e-Fapiao e-mail is queued with the issue: both commit, or neither.
      if (next.status === 'issued') await queueFapiaoEmail(tx, next, at);
      moved++;
    }
    return moved;
  });
}

/** Statuses the back office may still refuse: once issued, only a red-letter reversal undoes a Fapiao. */
const REJECTABLE: readonly FapiaoRequestStatus[] = ['submitted', 'processing'];

/** The back office refuses a request: its invoices may be requested again. Issued requests cannot be rejected. */
export async function rejectRequest(store: Store, id: string, reason: string, at: number): Promise<FapiaoRequest> {
  return store.transaction(async tx => {
    const row = (
      await tx.query<{ body: FapiaoRequest }>('select body from fapiao_requests where id = $1 for update', [id])
    ).rows[0];
    if (!row) throw new HttpProblem(404, 'not-found', { params: { what: 'The Fapiao request' } });
    const r = row.body;
    if (!REJECTABLE.includes(r.status)) {
      throw new HttpProblem(409, 'invalid-transition', { params: { from: r.status, to: 'rejected' } });
    }
    const next: FapiaoRequest = {
      ...r,
      status: 'rejected',
      rejectionReason: reason,
      history: [...r.history, { status: 'rejected', at: new Date(at).toISOString(), note: reason }],
    };
    await tx.query('update fapiao_requests set status = $1, body = $2 where id = $3', [
      'rejected',
      JSON.stringify(next),
      id,
    ]);
    await tx.query('delete from invoice_claims where request_id = $1', [id]);
    return next;
  });
}

/** One step of the back office: requests move on, then the e-mails that are due go out (when there is a mailer). */
export async function backOfficeStep(
  store: Store,
  at: number,
  mailer: Mailer | undefined,
): Promise<{ moved: number; emailed: number }> {
  // Reissues first: a reversal opens its replacement request, which the same step then moves on.
  const moved = (await advanceReissues(store, at)) + (await advanceRequests(store, at));
  const emailed = mailer ? (await sendQueuedFapiaoEmails(store, mailer, at)).sent : 0;
  return { moved, emailed };
}

/** Runs `backOfficeStep` every `everyMs` in this process (no HTTP round trip); returns the stop function. */
export function startIssuingWorker(
  store: Store,
  now: () => number,
  everyMs: number,
  onError: (error: unknown) => void,
  mailer?: Mailer,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow step is never overlapped by the next
    running = true;
    backOfficeStep(store, now(), mailer)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
