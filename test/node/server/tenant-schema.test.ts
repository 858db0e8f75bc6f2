import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../../demo/server/store/index.js';
import { SHARED_TABLES } from '../../../demo/server/store/migrations.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

/**
 * What a store distributed by tenant (Citus and the like) asks of a schema, read from the live catalogue: every table
 * but the shared ones has `tenant_id`, not null; every primary key and unique index includes it; every foreign key
 * between tenant tables links by it on both sides. A table or key added without the tenant fails here.
 */
async function tenantProblems(store: Store): Promise<string[]> {
  const shared = new Set<string>(SHARED_TABLES);
  const problems: string[] = [];
  const tables = (
    await store.query<{ name: string; tenant: string | null }>(
      `select c.relname as name, a.attnotnull::text as tenant
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = current_schema() and c.relkind in ('r', 'p')`,
    )
  ).rows;
  for (const t of tables) {
    if (shared.has(t.name)) continue;
    if (t.tenant === null) problems.push(`${t.name} has no tenant_id`);
    else if (t.tenant !== 'true') problems.push(`${t.name}.tenant_id may be null`);
  }
  const keys = (
    await store.query<{ table: string; index: string; columns: string[] }>(
      `select t.relname as table, i.relname as index,
              array(select a.attname from unnest(x.indkey) with ordinality k(num, ord) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.num order by k.ord)::text[] as columns
         from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and x.indisunique`,
    )
  ).rows;
  for (const k of keys)
    if (!shared.has(k.table) && !k.columns.includes('tenant_id'))
      problems.push(`${k.table}: unique ${k.index} (${k.columns.join(', ')}) leaves out tenant_id`);
  const links = (
    await store.query<{ name: string; table: string; target: string; columns: string[]; targets: string[] }>(
      `select c.conname as name, t.relname as table, r.relname as target,
              array(select a.attname from unnest(c.conkey) with ordinality k(num, ord) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.num order by k.ord)::text[] as columns,
              array(select a.attname from unnest(c.confkey) with ordinality k(num, ord) join pg_attribute a on a.attrelid = r.oid and a.attnum = k.num order by k.ord)::text[] as targets
         from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and c.contype = 'f'`,
    )
  ).rows;
  for (const l of links)
    if (!shared.has(l.target) && !(l.columns.includes('tenant_id') && l.targets.includes('tenant_id')))
      problems.push(`${l.table}: ${l.name} → ${l.target} does not link by tenant_id`);
  return problems;
}

async function checkStore(store: Store): Promise<void> {
  assert.deepEqual(await tenantProblems(store), []);
  // The check can fail: a table without the tenant, and a key that leaves it out, are both named.
  await store.exec('create table tenantless (id text primary key)');
  await store.exec('create unique index seen_once on request_events (request_id, id)');
  assert.deepEqual((await tenantProblems(store)).sort(), [
    'request_events: unique seen_once (request_id, id) leaves out tenant_id',
    'tenantless has no tenant_id',
    'tenantless: unique tenantless_pkey (id) leaves out tenant_id',
  ]);
  await store.exec('drop table tenantless; drop index seen_once');
}

describe('the schema keeps every tenant row keyed by its tenant', () => {
  it('moves a store an older version left (customer_id, claims without a tenant) to tenant_id, keeping every row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fapiao-kit-tenant-'));
    try {
      const old = await openStore({ dataDir, upTo: 10 });
      const at = '2026-11-24T04:00:00Z';
      for (const sql of [
        "insert into customers (id, name, token, fapiao_account_state) values ('acme', 'Acme', 't-acme', 'registered')",
        "insert into invoices (id, customer_id, billing_account_id, number, invoice_date, gross, status, body) values ('INV-A', 'acme', 'BA', 'A', '2026-11-01', 10000, 'paid', '{}')",
        `insert into fapiao_requests (id, customer_id, created_at, status, body) values ('REQ-A', 'acme', '${at}', 'issued', '{"history":[]}')`,
        "insert into fapiao_request_invoices (request_id, invoice_id) values ('REQ-A', 'INV-A')",
        "insert into invoice_claims (invoice_id, request_id, gross) values ('INV-A', 'REQ-A', 6000)",
        `insert into fapiao_emails (request_id, recipient, locale, queued_at, next_attempt_at) values ('REQ-A', 'a@acme.cn', 'en', '${at}', '${at}')`,
        `insert into issuing_jobs (request_id, kind, created_at, next_attempt_at) values ('REQ-A', 'issue', '${at}', '${at}')`,
      ])
        await old.exec(sql);
      await old.close();
      const store = await openStore({ dataDir });
      try {
        for (const table of [
          'invoices',
          'fapiao_requests',
          'fapiao_request_invoices',
          'invoice_claims',
          'fapiao_emails',
          'issuing_jobs',
          'request_events',
        ])
          assert.deepEqual(
            (await store.query<{ tenant_id: string }>(`select distinct tenant_id from ${table}`)).rows,
            [{ tenant_id: 'acme' }],
            table,
          );
        // The claim is still counted: what is left of the bill can be claimed, no more.
        await store.exec(
          "insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ('acme', 'INV-A', 'REQ-B', 4000)",
        );
        await assert.rejects(
          store.exec(
            "insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ('acme', 'INV-A', 'REQ-C', 1)",
          ),
          /invoice_claims_within_amount/,
        );
        assert.deepEqual(await tenantProblems(store), []);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('on PGlite', async () => {
    const store = await openStore({});
    try {
      await checkStore(store);
    } finally {
      await store.close();
    }
  });

  describe('on PostgreSQL', () => {
    let postgres: TestPostgres;
    before(async () => {
      postgres = await startPostgres();
    });
    after(async () => postgres?.stop());
    it('after every migration', async () => {
      const store = await openStore({ databaseUrl: await postgres.database('tenants') });
      try {
        await checkStore(store);
      } finally {
        await store.close();
      }
    });
  });
});
