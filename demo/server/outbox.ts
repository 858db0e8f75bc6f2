import type { Store } from './store/index.js';

// What the server's outboxes share (the e-Fapiao e-mail, webhooks, status e-mails, the issuing queue): rows taken under
// a lease in a short transaction, the work done outside any, failures tried again after a growing wait.

/** How long a worker holds what it took: one that crashed gives it back after this. */
export const LEASE_MS = 5 * 60_000;

/** 1, 2, 4 … 60 minutes before the next attempt, after `attempts` failed ones. */
export const retryBackoffMs = (attempts: number): number => Math.min(60, 2 ** attempts) * 60_000;

/**
 * Takes the rows `select` finds (it must end in `FOR UPDATE SKIP LOCKED`: several instances share the outbox) and
 * moves their `leaseColumn` to the end of the lease in the same short transaction, so no other worker takes them
 * while this one works outside it.
 */
export async function takeUnderLease<T extends { readonly id: string }>(
  store: Store,
  select: { readonly sql: string; readonly params: readonly unknown[] },
  lease: { readonly table: 'fapiao_emails' | 'request_events'; readonly column: string; readonly until: number },
): Promise<T[]> {
  return store.transaction(async tx => {
    const { rows } = await tx.query<T>(select.sql, select.params);
    if (rows.length)
      await tx.query(`update ${lease.table} set ${lease.column} = $1 where id = any($2)`, [
        new Date(lease.until).toISOString(),
        rows.map(r => r.id),
      ]);
    return rows;
  });
}
