import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pruneSettledRecords, RETENTION } from '../../../demo/server/retention.js';
import { emptyDraft } from '../../../src/core/index.js';
import { NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// The outboxes keep what they are done with for a while, then the back office's step removes it: the tables stop
// growing with every change of status and every e-mail, and nothing still to be delivered goes.
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => server.stop());

const DAY = 86_400_000;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.store.query<{ n: string }>(sql, params)).rows[0]!.n);

/** A customer of the seed and one of its requests, for rows that belong to them. */
async function aSeededRequest(): Promise<{ tenant: string; request: string }> {
  const { store } = server;
  const tenant = (await store.query<{ id: string }>('select id from customers order by id limit 1')).rows[0]!.id;
  const request = (
    await store.query<{ id: string }>('select id from fapiao_requests where tenant_id = $1 limit 1', [tenant])
  ).rows[0]!.id;
  return { tenant, request };
}

describe('keeping settled records for a while only', () => {
  it('removes settled events and sent e-mails past their time; keeps what is pending or recent', async () => {
    const { store } = server;
    const { tenant, request } = await aSeededRequest();
    const old = new Date(NOW - (RETENTION.settledEventsDays + 1) * DAY).toISOString();
    const recent = new Date(NOW - (RETENTION.settledEventsDays - 1) * DAY).toISOString();
    const event = (at: string, webhook: string, mail: string) =>
      store.query(
        `insert into request_events (tenant_id, request_id, status, at, next_attempt_at, webhook_state, mail_state)
         values ($1, $2, 'issued', $3, $3, $4, $5) returning id`,
        [tenant, request, at, webhook, mail],
      );
    const kept = [
      await event(old, 'pending', 'sent'), // the host has not had it yet
      await event(old, 'sent', 'pending'), // nor the customer
      await event(recent, 'sent', 'sent'), // settled, but recently
    ].map(r => String((r.rows[0] as { id: string }).id));
    const gone = [await event(old, 'sent', 'sent'), await event(old, 'failed', 'skipped')].map(r =>
      String((r.rows[0] as { id: string }).id),
    );
    const email = (sentAt: string | null) =>
      store.query(
        `insert into fapiao_emails (tenant_id, request_id, recipient, locale, queued_at, next_attempt_at, sent_at)
         values ($1, $2, 'a@example.cn', 'zh-CN', $3, $3, $4) returning id`,
        [tenant, request, old, sentAt],
      );
    const oldSent = String(((await email(old)).rows[0] as { id: string }).id);
    const unsent = String(((await email(null)).rows[0] as { id: string }).id);
    const recentSent = String(((await email(recent)).rows[0] as { id: string }).id);

    const removed = await pruneSettledRecords(store, NOW);
    assert.ok(removed.events >= 2 && removed.emails >= 1, JSON.stringify(removed));
    const ids = async (table: string, list: string[]) =>
      (await store.query<{ id: string }>(`select id from ${table} where id = any($1)`, [list])).rows
        .map(r => String(r.id))
        .sort();
    assert.deepEqual(await ids('request_events', [...kept, ...gone]), [...kept].sort());
    assert.deepEqual(await ids('fapiao_emails', [oldSent, unsent, recentSent]), [unsent, recentSent].sort());
    // Nothing settled and old is left; the requests themselves are untouched.
    assert.equal(
      await count(
        `select count(*) as n from request_events
          where webhook_state <> 'pending' and mail_state <> 'pending' and at < $1`,
        [new Date(NOW - RETENTION.settledEventsDays * DAY).toISOString()],
      ),
      0,
    );
    assert.equal(
      await count('select count(*) as n from fapiao_requests where tenant_id = $1 and id = $2', [tenant, request]),
      1,
    );
  });

  it('forgets an idempotency key after its time: a retry within it replays, after it makes a new request', async () => {
    const { store } = server;
    const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
    const body = { amount: { sellerId: '21vianet-sh', currency: 'CNY', gross: 10_000 }, draft };
    const post = (key: string) =>
      fetch(`${server.api}fapiao-requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKENS.contoso}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
    const key = `retention-${Date.now()}`;
    const first = await post(key);
    assert.equal(first.status, 201);
    const made = ((await first.json()) as { id: string }).id;
    await pruneSettledRecords(store, NOW + (RETENTION.idempotencyKeysDays - 1) * DAY);
    const again = await post(key);
    assert.equal(again.status, 200, 'within its time: the same request');
    assert.equal(((await again.json()) as { id: string }).id, made);
    await pruneSettledRecords(store, NOW + (RETENTION.idempotencyKeysDays + 1) * DAY);
    assert.equal(await count('select count(*) as n from idempotency_keys where key = $1', [key]), 0);
    const later = await post(key);
    assert.equal(later.status, 201, 'after it: a new request');
    assert.notEqual(((await later.json()) as { id: string }).id, made);
  });

  it('runs in the back office’s step, a batch at a time', async () => {
    const { store } = server;
    const { tenant, request } = await aSeededRequest();
    const old = new Date(NOW - 10 * 365 * DAY).toISOString();
    await server.admin('/process-requests'); // whatever the seed left to settle or remove
    // Older than anything else, so a step removes these first: a batch of them, then the rest.
    await store.query(
      `insert into request_events (tenant_id, request_id, status, previous_status, at, next_attempt_at, webhook_state, mail_state)
       select $1, $2, 'issued', 'retention-test', $3, $3, 'sent', 'sent' from generate_series(1, $4::int)`,
      [tenant, request, old, RETENTION.batch + 10],
    );
    const left = () => count("select count(*) as n from request_events where previous_status = 'retention-test'");
    const first = (await server.admin('/process-requests')) as { pruned: number };
    assert.ok(first.pruned >= RETENTION.batch);
    assert.equal(await left(), 10, 'one batch per step');
    await server.admin('/process-requests');
    assert.equal(await left(), 0, 'the rest in the next');
    assert.deepEqual(server.logs, []);
  });
});
