import type { Store } from './store/index.js';
import { iso } from './instant.js';

/**
 * How long the store keeps what it is done with. A status change's event stays until its webhook and its e-mail
 * are settled (sent, skipped or given up) and then this long, for an operator to look into a delivery; a sent e-Fapiao
 * e-mail's row likewise (the request keeps its own record of every e-mail). Without this these tables only grow.
 */
export const RETENTION = {
  settledEventsDays: 90,
  sentEmailsDays: 90,
  /**
   * A Fapiao request's idempotency key answers a retry with the request it made for this long (Stripe keeps theirs a
   * day); a key sent again after it makes a new request. A draft's key lives in the tab's session storage.
   */
  idempotencyKeysDays: 30,
  /** Rows removed per table per step: each step's transaction stays short, and a backlog goes over a few steps. */
  batch: 1_000,
} as const;

const DAY_MS = 86_400_000;

/** Removes what the store has been done with for longer than `RETENTION` says; returns how many rows went. */
export async function pruneSettledRecords(
  store: Store,
  at: number,
): Promise<{ events: number; emails: number; keys: number }> {
  const events = await store.query(
    `delete from request_events where (tenant_id, id) in (
       select tenant_id, id from request_events
        where webhook_state <> 'pending' and mail_state <> 'pending' and at < $1
        order by at limit $2)`,
    [iso(at - RETENTION.settledEventsDays * DAY_MS), RETENTION.batch],
  );
  const emails = await store.query(
    `delete from fapiao_emails where (tenant_id, id) in (
       select tenant_id, id from fapiao_emails where sent_at is not null and sent_at < $1 order by sent_at limit $2)`,
    [iso(at - RETENTION.sentEmailsDays * DAY_MS), RETENTION.batch],
  );
  const keys = await store.query(
    `delete from idempotency_keys where (tenant_id, key) in (
       select tenant_id, key from idempotency_keys where created_at < $1 order by created_at limit $2)`,
    [iso(at - RETENTION.idempotencyKeysDays * DAY_MS), RETENTION.batch],
  );
  return { events: events.rowCount, emails: emails.rowCount, keys: keys.rowCount };
}
