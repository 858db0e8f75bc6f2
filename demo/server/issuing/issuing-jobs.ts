import {
  planFapiao,
  amountsByBill,
  type FapiaoRequest,
  type Fen,
  type Invoice,
  type IssuedFapiao,
  type PlannedFapiao,
} from '../../../src/core/index.js';
import { queueFapiaoEmail } from '../fapiao-mail.js';
import { requestIn, saveRequest } from '../request-of.js';
import { fapiaoFileLinks } from '../seed.js';
import { LEASE_MS, retryBackoffMs } from '../outbox.js';
import type { Queryable, Store } from '../store/index.js';
import { issueStateProblem, ProviderError, type IssueState, type IssuingProvider } from './provider.js';
import { iso } from '../instant.js';

/**
 * The issuing queue. A request's issue (and a reissue's reversal) is a job in `issuing_jobs`, taken under a lease in a
 * short transaction (`FOR UPDATE SKIP LOCKED`: any number of instances, on PGlite and PostgreSQL), handed to the
 * provider outside any transaction, and settled in another short one. A crash anywhere leaves the job to be taken
 * again when its lease ends; the provider's idempotent `submit` and the settle's check of the job make that one issue.
 */
export const ISSUING_QUEUE = {
  /** Jobs one step takes. */
  batch: 20,
  /** How long a worker holds the jobs it took: one that crashed gives them back after this. */
  leaseMs: LEASE_MS,
  /** How soon to ask again about a pending order when the provider does not say. */
  pollMs: 60_000,
  /** After this many failed calls a job waits for an operator (it stays listed; nothing is lost). */
  maxAttempts: 10,
  /** When a quota-exhausted provider does not say when it renews. */
  quotaPauseMs: 60 * 60_000,
} as const;

export type JobKind = 'issue' | 'reverse';

interface JobRow {
  /** Every query names the tenant with the request's id: ids are unique per tenant only (the keys lead with it). */
  readonly tenant_id: string;
  readonly request_id: string;
  readonly kind: JobKind;
  readonly ref: string | null;
  readonly started_at: string | Date | null;
  readonly attempts: number;
}

/** What the planned Fapiao amount to, kept with the job so the issued ones say exactly what was submitted. */
type PlannedAmounts = Pick<PlannedFapiao, 'currency' | 'net' | 'tax' | 'gross'>;

/** Queues a request's issue in the caller's transaction (the request and its job commit together). */
export async function enqueueIssue(tx: Queryable, tenantId: string, requestId: string, at: number): Promise<void> {
  await tx.query(
    `insert into issuing_jobs (tenant_id, request_id, kind, created_at, next_attempt_at)
     select tenant_id, id, 'issue', $2, $2 from fapiao_requests where tenant_id = $3 and id = $1
     on conflict do nothing`,
    [requestId, iso(at), tenantId],
  );
}

/** Queues the red-letter reversal of a request's Fapiao (a reissue), once. */
export async function enqueueReversal(tx: Queryable, tenantId: string, requestId: string, at: number): Promise<void> {
  // Looked up first (a read waits for no lock): an insert that met the job's row while the queue settles it would wait
  // for that transaction, which waits for the request this one holds.
  const queued = await tx.query(
    "select 1 from issuing_jobs where tenant_id = $2 and request_id = $1 and kind = 'reverse'",
    [requestId, tenantId],
  );
  if (queued.rows.length) return;
  await tx.query(
    `insert into issuing_jobs (tenant_id, request_id, kind, created_at, next_attempt_at)
     select tenant_id, id, 'reverse', $2, $2 from fapiao_requests where tenant_id = $3 and id = $1
     on conflict do nothing`,
    [requestId, iso(at), tenantId],
  );
}

/** How a reversal's answer is applied to its request (the reissue's own module knows the steps). */
export type ApplyReversal = (
  tx: Queryable,
  tenantId: string,
  request: FapiaoRequest,
  state: Extract<IssueState, { state: 'issued' }>,
  at: number,
) => Promise<FapiaoRequest | undefined>;

export interface IssuingQueueDeps {
  readonly store: Store;
  readonly provider: IssuingProvider;
  readonly applyReversal: ApplyReversal;
}

export interface IssuingStepResult {
  /** Orders the provider accepted. */
  readonly submitted: number;
  /** Orders settled: issued, reversed or refused. */
  readonly settled: number;
  /** Calls that failed (tried again later) or waited for a pause. */
  readonly failed: number;
}

/** One pass of the queue: takes the jobs that are due (unless the provider paused them) and moves each one on. */
export async function runIssuingQueue(deps: IssuingQueueDeps, at: number): Promise<IssuingStepResult> {
  let pause = await currentPause(deps.store, deps.provider.name, at);
  if (pause?.kind === 'login-required') return { submitted: 0, settled: 0, failed: 0 };
  const jobs = await takeJobs(deps.store, at, { submitsPaused: pause !== undefined });
  let submitted = 0;
  let settled = 0;
  let failed = 0;
  for (const job of jobs) {
    // A pause that began during this pass: the rest of the batch waits for it too (its lease given back).
    if (pause && (pause.kind === 'login-required' || job.ref === null)) {
      await deps.store.query(
        'update issuing_jobs set next_attempt_at = $1 where tenant_id = $4 and request_id = $2 and kind = $3',
        [pause.until ?? iso(at), job.request_id, job.kind, job.tenant_id],
      );
      continue;
    }
    try {
      if (job.ref === null) {
        if (await submit(deps, job, at)) submitted++;
      } else {
        const state = await deps.provider.status(job.ref);
        if (await settle(deps, job.ref, state, at)) settled++;
      }
    } catch (error) {
      failed++;
      pause = (await deferAfterFailure(deps, job, error, at)) ?? pause;
    }
  }
  return { submitted, settled, failed };
}

/** Takes the due jobs under a lease; an issue's request goes to `processing` as it is taken (withdrawing ends there). */
async function takeJobs(store: Store, at: number, { submitsPaused }: { submitsPaused: boolean }): Promise<JobRow[]> {
  return store.transaction(async tx => {
    const { rows } = await tx.query<JobRow>(
      `select tenant_id, request_id, kind, ref, started_at, attempts from issuing_jobs
        where done_at is null and next_attempt_at <= $1 and attempts < $2 ${submitsPaused ? 'and ref is not null' : ''}
        order by next_attempt_at, tenant_id, request_id limit $3 for update skip locked`,
      [iso(at), ISSUING_QUEUE.maxAttempts, ISSUING_QUEUE.batch],
    );
    const taken: JobRow[] = [];
    for (const job of rows) {
      if (job.kind === 'issue' && job.ref === null) {
        const request = await requestIn(tx, job.tenant_id, job.request_id, { forUpdate: true });
        if (request?.status === 'submitted') {
          const next = {
            ...request,
            status: 'processing' as const,
            history: [...request.history, { status: 'processing' as const, at: iso(at) }],
          };
          await saveRequest(tx, job.tenant_id, next);
        } else if (request?.status !== 'processing') {
          // Withdrawn or rejected before issuing started: nothing to hand over.
          await finish(tx, job, at, request?.status ?? 'gone');
          continue;
        }
      }
      const startedAt = job.started_at === null ? at : new Date(job.started_at).getTime();
      await tx.query(
        'update issuing_jobs set next_attempt_at = $1, started_at = $2 where tenant_id = $5 and request_id = $3 and kind = $4',
        [iso(at + ISSUING_QUEUE.leaseMs), iso(startedAt), job.request_id, job.kind, job.tenant_id],
      );
      taken.push({ ...job, started_at: iso(startedAt) });
    }
    return taken;
  });
}

async function finish(
  tx: Queryable,
  job: Pick<JobRow, 'tenant_id' | 'request_id' | 'kind'>,
  at: number,
  outcome: string,
) {
  await tx.query(
    'update issuing_jobs set done_at = $1, outcome = $2 where tenant_id = $5 and request_id = $3 and kind = $4',
    [iso(at), outcome, job.request_id, job.kind, job.tenant_id],
  );
}

/** Hands the order to the provider and keeps its reference; the next pass asks where it stands. */
async function submit(deps: IssuingQueueDeps, job: JobRow, at: number): Promise<boolean> {
  const { store, provider } = deps;
  const request = (await requestIn(store, job.tenant_id, job.request_id))!;
  const startedAt = new Date(job.started_at!).getTime();
  let ref: string;
  let plan: PlannedAmounts[] | null = null;
  if (job.kind === 'issue') {
    const invoices = (
      await store.query<{ body: Invoice }>('select body from invoices where tenant_id = $2 and id = any($1)', [
        request.invoiceIds,
        job.tenant_id,
      ])
    ).rows.map(r => r.body);
    const fapiaos = planFapiao(invoices, request.buyer, {
      fapiaoKind: request.fapiaoKind,
      amounts: amountsByBill(request),
    }).fapiaos;
    plan = fapiaos.map(({ currency, net, tax, gross }) => ({ currency, net, tax, gross }));
    ({ ref } = await provider.submit({ id: request.id, at: startedAt, request, fapiaos }));
  } else {
    const fapiaos = request.fapiaos.filter(f => !f.reversedBy && !f.reverses);
    ({ ref } = await provider.reverse({ id: request.id, at: startedAt, request, fapiaos }));
  }
  await store.query(
    `update issuing_jobs set ref = $1, plan = $2, next_attempt_at = $3, attempts = 0, last_error = null
      where tenant_id = $6 and request_id = $4 and kind = $5 and done_at is null`,
    [ref, plan === null ? null : JSON.stringify(plan), iso(at), job.request_id, job.kind, job.tenant_id],
  );
  return true;
}

/**
 * Applies what the provider says about an order (its answer to a poll, or a callback): pending waits; issued records
 * the Fapiao on the request, queues its e-mail and ends the job; refused rejects the request with the platform's
 * words. The job's row lock makes a poll and a callback (or two callbacks) settle it once. Returns whether this
 * call settled it.
 */
export async function settle(deps: IssuingQueueDeps, ref: string, state: IssueState, at: number): Promise<boolean> {
  return deps.store.transaction(async tx => {
    const job = (
      await tx.query<JobRow & { plan: PlannedAmounts[] | null; fapiao_count: number }>(
        `select j.tenant_id, request_id, kind, ref, started_at, attempts, plan,
                case when kind = 'issue' then jsonb_array_length(plan)
                     else (select count(*)::int from jsonb_array_elements(r.body->'fapiaos') f
                            where f->>'reversedBy' is null and f->>'reverses' is null) end as fapiao_count
           from issuing_jobs j join fapiao_requests r on r.tenant_id = j.tenant_id and r.id = j.request_id
          where ref = $1 and done_at is null for update of j`,
        [ref],
      )
    ).rows[0];
    if (!job) return false; // settled already (a duplicate callback, or a poll that lost to one)
    // An answer that does not fit the order is the provider's fault: nothing changes, the job is asked again later.
    const problem = issueStateProblem(state, state.state === 'issued' ? job.fapiao_count : undefined);
    if (problem) throw new ProviderError('unavailable', `the provider's answer is not usable (${problem})`);
    if (state.state === 'pending') {
      await tx.query('update issuing_jobs set next_attempt_at = $1 where tenant_id = $3 and ref = $2', [
        iso(Math.max(at, state.retryAt ?? at + ISSUING_QUEUE.pollMs)),
        ref,
        job.tenant_id,
      ]);
      return false;
    }
    const request = (await requestIn(tx, job.tenant_id, job.request_id, { forUpdate: true }))!;
    const next =
      job.kind === 'reverse'
        ? state.state === 'issued'
          ? await deps.applyReversal(tx, job.tenant_id, request, state, at)
          : undefined
        : issueOutcome(request, job.plan ?? [], state, at);
    if (next) {
      await saveRequest(tx, job.tenant_id, next);
      if (next.status === 'rejected')
        await tx.query('delete from invoice_claims where tenant_id = $2 and request_id = $1', [next.id, job.tenant_id]);
      if (next.status === 'issued') await queueFapiaoEmail(tx, job.tenant_id, next, at);
    }
    // An answer the request can no longer take (it left the step that waited for it) is kept for an operator.
    const unrecorded =
      next || (job.kind === 'reverse' && state.state === 'refused')
        ? null
        : `${state.state} while the request was ${request.status}`;
    await tx.query(
      'update issuing_jobs set done_at = $1, outcome = $2, last_error = $3 where tenant_id = $5 and ref = $4',
      [
        iso(at),
        unrecorded ? 'unrecorded' : state.state,
        (unrecorded ?? (state.state === 'refused' ? state.reason : null))?.slice(0, 500) ?? null,
        ref,
        job.tenant_id,
      ],
    );
    return true;
  });
}

/** The request after its issue's answer: the Fapiao as issued, or rejected with the platform's reason. */
function issueOutcome(
  request: FapiaoRequest,
  plan: readonly PlannedAmounts[],
  state: Exclude<IssueState, { state: 'pending' }>,
  at: number,
): FapiaoRequest | undefined {
  if (request.status !== 'processing') return undefined;
  if (state.state === 'refused')
    return {
      ...request,
      status: 'rejected',
      rejectionReason: state.reason,
      history: [...request.history, { status: 'rejected', at: iso(at), note: state.reason }],
    };
  const fapiaos: IssuedFapiao[] = state.fapiaos.map((issued, i) => {
    const amounts = plan[i]!;
    return {
      number: issued.number,
      kind: request.fapiaoKind,
      issuedAt: issued.issuedAt,
      currency: amounts.currency,
      net: amounts.net as Fen,
      tax: amounts.tax as Fen,
      gross: amounts.gross as Fen,
      files: fapiaoFileLinks(request.id, issued.number),
    };
  });
  return { ...request, status: 'issued', fapiaos, history: [...request.history, { status: 'issued', at: iso(at) }] };
}

/** A failed call: the provider's pause, or the next attempt after a back-off. Nothing about the request changes. */
async function deferAfterFailure(
  deps: IssuingQueueDeps,
  job: JobRow,
  error: unknown,
  at: number,
): Promise<IssuingPause | undefined> {
  const message = String(error instanceof Error ? error.message : error).slice(0, 500);
  const providerError = error instanceof ProviderError ? error : undefined;
  return deps.store.transaction(async tx => {
    if (providerError && providerError.kind !== 'unavailable') {
      const until =
        providerError.kind === 'quota-exhausted' ? (providerError.retryAt ?? at + ISSUING_QUEUE.quotaPauseMs) : null;
      await tx.query(
        `insert into issuing_pauses (provider, kind, reason, since, until) values ($1, $2, $3, $4, $5)
         on conflict (provider) do update set kind = excluded.kind, reason = excluded.reason, until = excluded.until`,
        [deps.provider.name, providerError.kind, message, iso(at), until === null ? null : iso(until)],
      );
      // Waiting is not failing: the attempt does not count, and the job is due again when the pause ends.
      await tx.query(
        'update issuing_jobs set next_attempt_at = $1, last_error = $2 where tenant_id = $5 and request_id = $3 and kind = $4',
        [iso(until ?? at), message, job.request_id, job.kind, job.tenant_id],
      );
      return { kind: providerError.kind, reason: message, since: iso(at), until: until === null ? null : iso(until) };
    }
    await tx.query(
      `update issuing_jobs set attempts = attempts + 1, next_attempt_at = $1, last_error = $2
        where tenant_id = $5 and request_id = $3 and kind = $4`,
      [iso(at + retryBackoffMs(job.attempts)), message, job.request_id, job.kind, job.tenant_id],
    );
    return undefined;
  });
}

export interface IssuingPause {
  readonly kind: 'quota-exhausted' | 'login-required';
  readonly reason: string;
  readonly since: string;
  readonly until: string | null;
}

/** The provider's pause in force at `at`, if any (a quota pause ends by itself). */
export async function currentPause(store: Queryable, provider: string, at: number): Promise<IssuingPause | undefined> {
  const row = (
    await store.query<{
      kind: IssuingPause['kind'];
      reason: string;
      since: string | Date;
      until: string | Date | null;
    }>('select kind, reason, since, until from issuing_pauses where provider = $1', [provider])
  ).rows[0];
  if (!row || (row.until !== null && new Date(row.until).getTime() <= at)) return undefined;
  return {
    kind: row.kind,
    reason: row.reason,
    since: new Date(row.since).toISOString(),
    until: row.until === null ? null : new Date(row.until).toISOString(),
  };
}

/** An operator's "resume": the provider's pause ends now (after the seller logged in again, say). */
export async function resumeIssuing(store: Queryable, provider: string): Promise<boolean> {
  return (await store.query('delete from issuing_pauses where provider = $1', [provider])).rowCount > 0;
}

/** The queue as an operator sees it: open jobs by state, the ones that need a hand, and the pause. */
export async function issuingQueueState(store: Queryable, provider: string, at: number) {
  const counts = (
    await store.query<{ waiting: string; with_provider: string; stuck: string }>(
      `select count(*) filter (where ref is null and attempts < $1) as waiting,
              count(*) filter (where ref is not null and attempts < $1) as with_provider,
              count(*) filter (where attempts >= $1) as stuck
         from issuing_jobs where done_at is null`,
      [ISSUING_QUEUE.maxAttempts],
    )
  ).rows[0]!;
  const stuck = (
    await store.query<{ request_id: string; kind: JobKind; last_error: string | null }>(
      'select request_id, kind, last_error from issuing_jobs where done_at is null and attempts >= $1 order by request_id limit 100',
      [ISSUING_QUEUE.maxAttempts],
    )
  ).rows.map(r => ({ requestId: r.request_id, kind: r.kind, lastError: r.last_error }));
  return {
    provider,
    pause: (await currentPause(store, provider, at)) ?? null,
    jobs: { waiting: Number(counts.waiting), withProvider: Number(counts.with_provider), stuck: Number(counts.stuck) },
    stuck,
  };
}
