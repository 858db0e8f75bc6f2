// `npm run bench server`: the reference server under load on loopback (autocannon), on PGlite and on PostgreSQL.
// The server runs in its own process (as in production), the load tool in this one. Bounded: 5 s per figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/node/helpers/postgres.js';
import { startDemoServer } from './demo-server.js';

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TOKEN = 'demo-token-contoso';

async function replayBody(url: string): Promise<string> {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const invoices = (await (await fetch(`${url}/api/v1/invoices?status=paid&limit=100`, { headers })).json()) as {
    items: { id: string }[];
  };
  const requests = (await (await fetch(`${url}/api/v1/fapiao-requests`, { headers })).json()) as {
    items: { invoiceIds: string[] }[];
  };
  const taken = new Set(requests.items.flatMap(r => r.invoiceIds));
  const free = invoices.items.filter(i => !taken.has(i.id));
  const draft = {
    buyerKind: 'individual',
    fapiaoKind: 'ordinary',
    title: '张三',
    delivery: 'electronic',
    email: 'a@b.cn',
  };
  // Whichever invoice the rules accept (paid three days ago or more) becomes the request every replay returns.
  for (const invoice of free) {
    const body = JSON.stringify({ invoiceIds: [invoice.id], draft });
    const r = await fetch(`${url}/api/v1/fapiao-requests`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'bench-replay-key' },
      body,
    });
    if (r.status === 201 || r.status === 200) return body;
  }
  throw new Error('no eligible invoice to replay');
}

async function measure(store: string, url: string) {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const body = await replayBody(url);
  const rows: string[] = [];
  const scenarios: [string, number, Record<string, unknown>][] = [
    ['GET /invoices?limit=50', 10, { url: `${url}/api/v1/invoices?limit=50`, headers }],
    ['GET /invoices?limit=50', 50, { url: `${url}/api/v1/invoices?limit=50`, headers }],
    [
      'POST /fapiao-requests (replay)',
      10,
      {
        url: `${url}/api/v1/fapiao-requests`,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'bench-replay-key' },
        body,
      },
    ],
  ];
  for (const [what, connections, options] of scenarios) {
    await autocannon({ ...options, connections, duration: 1 }); // warm-up
    const r = await autocannon({ ...options, connections, duration: SECONDS });
    rows.push(
      `| ${store} | ${what} | ${connections} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx + r.errors} |`,
    );
  }
  return rows;
}

const rows = [
  '| store | request | connections | req/s | p50 ms | p99 ms | not 2xx |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
const dir = mkdtempSync(join(tmpdir(), 'fapiao-bench-'));
const pglite = await startDemoServer([`--data=${join(dir, 'data')}`]);
try {
  rows.push(...(await measure('PGlite', pglite.url)));
} finally {
  pglite.child.kill('SIGTERM');
}
const postgres = await startPostgres();
try {
  const server = await startDemoServer([], { DATABASE_URL: await postgres.database('bench') });
  try {
    rows.push(...(await measure('PostgreSQL', server.url)));
  } finally {
    server.child.kill('SIGTERM');
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`server under load, ${SECONDS} s per row, 2 cores, loopback:\n`);
console.log(rows.join('\n'));
