import { createHmac } from 'node:crypto';
import type { FapiaoRequestStatus } from '../../src/core/index.js';
import { LEASE_MS, retryBackoffMs, takeUnderLease } from './outbox.js';
import type { Store } from './store/index.js';
import { iso } from './instant.js';

/**
 * Webhooks to the host: every change of a request's status (recorded by a trigger in `request_events`) is POSTed to
 * the operator's endpoint, signed as Standard Webhooks has it (https://www.standardwebhooks.com: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with a `whsec_` secret),
 * so a host verifies with any Standard Webhooks library. At least once, in order of the events' ids when all goes
 * well; the id is stable across retries, for the host to drop repeats.
 */
export interface WebhookEndpoint {
  /** http(s) URL the events are POSTed to. */
  readonly url: string;
  /** `whsec_` and the key in base64 (at least 24 bytes), as Standard Webhooks libraries generate it. */
  readonly secret: string;
}

export const WEBHOOK_DELIVERY = {
  batch: 20,
  /** A host that does not answer in this time is tried again later. */
  timeoutMs: 10_000,
  /** After this many failed attempts an event is left (`failed`): the host can still read the request. */
  maxAttempts: 10,
} as const;

/** The endpoint's key, or why the configuration is not usable (checked at start, never at the first event). */
export function webhookKey(endpoint: WebhookEndpoint): Buffer | string {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return 'the webhook URL is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the webhook URL must be http or https';
  if (url.username || url.password) return 'the webhook URL must not carry credentials';
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(endpoint.secret);
  const key = match ? Buffer.from(match[1]!, 'base64') : undefined;
  if (!key || key.length < 24) return 'the webhook secret must be whsec_ and at least 24 bytes in base64';
  return key;
}

/** The Standard Webhooks signature header of one delivery. */
export function signWebhook(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface RequestStatusEvent {
  readonly type: 'fapiao_request.status_changed';
  /** When the status changed (ISO instant). */
  readonly timestamp: string;
  readonly data: {
    readonly id: string;
    readonly customerId: string;
    readonly status: FapiaoRequestStatus;
    readonly previousStatus: FapiaoRequestStatus | null;
    /** Increases with every event: a host that receives two out of order keeps the later one. */
    readonly sequence: number;
  };
}

interface EventRow {
  readonly id: string;
  readonly request_id: string;
  readonly tenant_id: string;
  readonly status: FapiaoRequestStatus;
  readonly previous_status: FapiaoRequestStatus | null;
  readonly at: string | Date;
  readonly attempts: number;
}

/**
 * Delivers the due events to the endpoint (none configured: they are marked skipped, so an endpoint configured later
 * starts with what happens from then on). Taken under a lease in a short transaction, POSTed outside any.
 */
export async function deliverWebhooks(
  store: Store,
  endpoint: WebhookEndpoint | undefined,
  at: number,
): Promise<{ sent: number; failed: number }> {
  if (!endpoint) {
    await store.query("update request_events set webhook_state = 'skipped' where webhook_state = 'pending'");
    return { sent: 0, failed: 0 };
  }
  const key = webhookKey(endpoint);
  if (typeof key === 'string') throw new TypeError(key);
  const taken = await takeUnderLease<EventRow>(
    store,
    {
      sql: `select id, request_id, tenant_id, status, previous_status, at, attempts from request_events
        where webhook_state = 'pending' and next_attempt_at <= $1
        order by id limit $2 for update skip locked`,
      params: [iso(at), WEBHOOK_DELIVERY.batch],
    },
    { table: 'request_events', column: 'next_attempt_at', until: at + LEASE_MS },
  );
  let sent = 0;
  let failed = 0;
  for (const row of taken) {
    const event: RequestStatusEvent = {
      type: 'fapiao_request.status_changed',
      timestamp: new Date(row.at).toISOString(),
      data: {
        id: row.request_id,
        customerId: row.tenant_id,
        status: row.status,
        previousStatus: row.previous_status,
        sequence: Number(row.id),
      },
    };
    const problem = await post(endpoint.url, key, `evt_${row.id}`, JSON.stringify(event));
    if (problem === undefined) {
      sent++;
      await store.query("update request_events set webhook_state = 'sent', sent_at = $1 where id = $2", [
        iso(at),
        row.id,
      ]);
      continue;
    }
    failed++;
    const attempts = row.attempts + 1;
    await store.query(
      'update request_events set attempts = $1, next_attempt_at = $2, last_error = $3, webhook_state = $4 where id = $5',
      [
        attempts,
        iso(at + retryBackoffMs(row.attempts)),
        problem.slice(0, 500),
        attempts >= WEBHOOK_DELIVERY.maxAttempts ? 'failed' : 'pending',
        row.id,
      ],
    );
  }
  return { sent, failed };
}

/** One delivery: `undefined` when the host answered 2xx, otherwise what went wrong. Redirects are not followed. */
async function post(url: string, key: Buffer, id: string, body: string): Promise<string | undefined> {
  // The signature's time is the wall clock of this attempt: hosts check it against theirs (replay protection).
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_DELIVERY.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'fapiao-kit-webhooks',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(key, id, timestamp, body),
      },
      body,
    });
    await response.body?.cancel();
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return String(error instanceof Error ? `${error.name}: ${error.message}` : error);
  }
}
