import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { backOfficeStep } from '../../../demo/server/issuing/back-office.js';
import { seed } from '../../../demo/server/seed.js';
import { openStore } from '../../../demo/server/store/index.js';
import { MIGRATIONS } from '../../../demo/server/store/migrations.js';
import {
  checkEligibility,
  emptyDraft,
  type FapiaoBalance,
  type FapiaoRequest,
  type Invoice,
} from '../../../src/core/index.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { scriptedProvider } from '../helpers/issuing.js';
import { TOKENS } from '../helpers/server.js';
import { serverContract } from '../suites/server-contract.suite.js';

// The server on a real PostgreSQL, started here: the whole contract suite, then several instances on one database.

let postgres: TestPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(async () => postgres?.stop());

serverContract('PostgreSQL', async () => ({ databaseUrl: await postgres.database('contract') }));

interface Instance {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: string[];
}

/** `node main.js` as an operator runs it: DATABASE_URL, no --demo, no back-office timer. */
function instance(databaseUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, ['.build/demo/server/main.js', '--port=0', '--process-every=0'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /demo page:\s+(http:\/\/\S+)\//.exec(output.join(''))?.[1];
      if (url) resolve({ child, url, output });
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', code => reject(new Error(`exited with ${code}: ${output.join('')}`)));
  });
}
const running: ChildProcess[] = [];
after(() => running.forEach(c => c.kill('SIGKILL')));
async function instances(databaseUrl: string, n: number): Promise<Instance[]> {
  const started = await Promise.all(Array.from({ length: n }, () => instance(databaseUrl)));
  running.push(...started.map(i => i.child));
  return started;
}

const headers = (token: string = TOKENS.contoso) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});
const get = async <T>(base: string, path: string, token?: string): Promise<T> =>
  (await (await fetch(`${base}/api/v1${path}`, { headers: headers(token) })).json()) as T;

describe('several instances on one PostgreSQL', () => {
  let databaseUrl: string;
  let a: Instance;
  let b: Instance;
  before(async () => {
    databaseUrl = await postgres.database('shared');
    // Two instances start at the same moment on an empty database: the migrations run once, under an advisory lock.
    [a, b] = (await instances(databaseUrl, 2)) as [Instance, Instance];
    const store = await openStore({ databaseUrl });
    const versions = await store.query<{ version: number }>('select version from schema_migrations order by version');
    assert.deepEqual(
      versions.rows.map(r => r.version),
      MIGRATIONS.map(m => m.version),
    );
    await seed(store, Date.now());
    await store.close();
  });

  it('creates one request for 40 concurrent requests for one invoice over both: one 201, the rest 409, no 5xx', async () => {
    const invoices = (await get<{ items: Invoice[] }>(a.url, '/invoices?status=paid&limit=100')).items;
    const requests = (await get<{ items: FapiaoRequest[] }>(a.url, '/fapiao-requests')).items;
    const invoice = invoices.find(
      i => checkEligibility(i, { now: new Date(), account: 'registered', requests }).eligible,
    );
    assert.ok(invoice, 'an eligible invoice');
    const draft = emptyDraft({
      title: '康托索（上海）信息技术有限公司',
      taxId: '91330106673959654P',
      email: 'a@contoso.cn',
    });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const base = i % 2 === 0 ? a.url : b.url;
        const r = await fetch(`${base}/api/v1/fapiao-requests`, {
          method: 'POST',
          headers: { ...headers(), 'idempotency-key': `race-${i}-${invoice.id}` },
          body: JSON.stringify({ invoiceIds: [invoice.id], draft }),
        });
        await r.arrayBuffer();
        return r.status;
      }),
    );
    const tally = statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});
    assert.deepEqual(tally, { 201: 1, 409: 39 });
    for (const base of [a.url, b.url]) {
      const listed = (await get<{ items: FapiaoRequest[] }>(base, '/fapiao-requests')).items;
      assert.equal(listed.filter(r => r.invoiceIds.includes(invoice.id)).length, 1, `${base} lists it once`);
    }
  });

  it('never claims more of a bill than it has when requests by amount race over both instances', async () => {
    const balance = async () =>
      (await get<{ items: FapiaoBalance[] }>(a.url, '/fapiao-balance')).items.find(x => x.currency === 'CNY')!;
    const { invoiceable, sellerId } = await balance();
    const share = Math.floor(invoiceable * 0.4);
    const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'a@contoso.cn' });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const r = await fetch(`${i % 2 === 0 ? a.url : b.url}/api/v1/fapiao-requests`, {
          method: 'POST',
          headers: { ...headers(), 'idempotency-key': `amount-race-${i}` },
          body: JSON.stringify({ amount: { sellerId, currency: 'CNY', gross: share }, draft }),
        });
        await r.arrayBuffer();
        return r.status;
      }),
    );
    const created = statuses.filter(s => s === 201).length;
    assert.ok(created >= 1 && created <= 2, statuses.join());
    assert.ok(
      statuses.every(s => s === 201 || s === 409 || s === 422),
      statuses.join(),
    );
    assert.equal((await balance()).invoiceable, invoiceable - created * share);
    const store = await openStore({ databaseUrl });
    const { rows } = await store.query<{ invoice_id: string; taken: string; gross: string }>(
      'select c.invoice_id, sum(c.gross) as taken, i.gross from invoice_claims c join invoices i on i.id = c.invoice_id group by c.invoice_id, i.gross',
    );
    await store.close();
    for (const r of rows) assert.ok(Number(r.taken) <= Number(r.gross), r.invoice_id);
  });

  it('loses no acknowledged write when an instance is killed with -9 in the middle of a burst', async () => {
    const [victim] = await instances(databaseUrl, 1);
    const acknowledged: string[] = [];
    let killed = false;
    const write = async (i: number) => {
      try {
        const r = await fetch(`${victim!.url}/api/v1/buyer-profiles`, {
          method: 'POST',
          headers: headers(TOKENS.fabrikam),
          body: JSON.stringify({ buyerKind: 'individual', title: `写入 ${i}` }),
        });
        if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
      } catch {
        // the instance died: this write was never acknowledged
      }
      if (acknowledged.length >= 12 && !killed) {
        killed = true;
        victim!.child.kill('SIGKILL');
      }
    };
    for (let batch = 0; batch < 9; batch++)
      await Promise.all(Array.from({ length: 5 }, (_, j) => write(batch * 5 + j)));
    assert.ok(killed && acknowledged.length >= 12, `${acknowledged.length} acknowledged before the kill`);
    const kept = (await get<{ items: { id: string }[] }>(b.url, '/buyer-profiles', TOKENS.fabrikam)).items.map(
      p => p.id,
    );
    for (const id of acknowledged) assert.equal(kept.filter(k => k === id).length, 1, `${id} found exactly once`);
  });

  it('hands each request to the issuing provider once when two back offices run at the same moment', async () => {
    const invoices = (await get<{ items: Invoice[] }>(a.url, '/invoices?status=paid&limit=100', TOKENS.contoso)).items;
    const requests = (await get<{ items: FapiaoRequest[] }>(a.url, '/fapiao-requests')).items;
    const eligible = invoices
      .filter(i => checkEligibility(i, { now: new Date(), account: 'registered', requests }).eligible)
      .slice(0, 12);
    assert.ok(eligible.length >= 6, `${eligible.length} eligible invoices`);
    const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'a@contoso.cn' });
    const created: string[] = [];
    for (const invoice of eligible) {
      const r = await fetch(`${b.url}/api/v1/fapiao-requests`, {
        method: 'POST',
        headers: { ...headers(), 'idempotency-key': `queue-${invoice.id}` },
        body: JSON.stringify({ invoiceIds: [invoice.id], draft }),
      });
      assert.equal(r.status, 201);
      created.push(((await r.json()) as FapiaoRequest).id);
    }
    const provider = scriptedProvider({ now: Date.now });
    const stores = [await openStore({ databaseUrl }), await openStore({ databaseUrl })];
    try {
      for (let round = 0; round < 2; round++)
        await Promise.all(stores.map(store => backOfficeStep({ store, issuing: provider }, Date.now())));
      for (const id of created) {
        assert.equal(provider.calls.filter(c => c === `submit ${id}`).length, 1, `${id} handed over once`);
        const issued = await get<FapiaoRequest>(a.url, `/fapiao-requests/${id}`);
        assert.equal(issued.status, 'issued', id);
        assert.equal(issued.fapiaos.length, 1);
      }
      const emails = await stores[0]!.query<{ n: number }>(
        'select count(*)::int as n from fapiao_emails where request_id = any($1)',
        [created],
      );
      assert.equal(emails.rows[0]!.n, created.length, 'one e-mail queued per issue');
    } finally {
      await Promise.all(stores.map(s => s.close()));
    }
  });
});
