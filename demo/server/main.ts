// `npm start`: the reference server with its embedded store, serving the demo page.
// Flags: --port=8080 --data=demo/data --faults=chaos|latency:<ms> --process-every=<seconds> --reset
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { clearDb, openDb } from './db.js';
import { parseFaultFlag } from './faults.js';
import { CUSTOMERS, seed } from './seed.js';

const flags = new Map(
  process.argv.slice(2).map(a => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k as string, v];
  }),
);
const port = Number(flags.get('port') ?? process.env.PORT ?? 8080);
const dataDir = resolve(flags.get('data') ?? process.env.FAPIAO_DATA ?? 'demo/data');
const processEvery = Number(flags.get('process-every') ?? 20);

if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
const started = Date.now();
const db = await openDb(dataDir);
const seeded = await db.query<{ value: string }>("select value from meta where key = 'seeded_at'");
if (flags.has('reset') && seeded.rows.length) await clearDb(db);
if (!seeded.rows.length || flags.has('reset')) {
  await seed(db, Date.now());
  console.log('Seeded the store with demo customers, two years of invoices and Fapiao requests.');
} else {
  console.log(`Using the store in ${dataDir} (seeded ${seeded.rows[0]?.value}); --reset to start over.`);
}
const app = createApp({
  db,
  admin: true,
  staticRoot: resolve('.'),
  faults: parseFaultFlag(flags.get('faults') ?? process.env.FAPIAO_FAULTS),
  ...(flags.has('verbose') ? { log: (line: string) => console.log(line) } : {}),
});
const url = await app.listen(port, flags.get('host') ?? '127.0.0.1');
console.log(`fapiao-kit reference server ready in ${Date.now() - started} ms`);
console.log(`  demo page:  ${url}/`);
console.log(`  API:        ${url}/api/v1/  (OpenAPI: api/openapi.json)`);
console.log(`  tokens:     ${CUSTOMERS.map(c => `${c.token} (${c.account})`).join(', ')}`);
// Move open requests along so the demo shows progress (submitted → processing → issued).
const timer =
  processEvery > 0
    ? setInterval(
        () => void fetch(`${url}/__admin/process-requests`, { method: 'POST' }).catch(() => undefined),
        processEvery * 1000,
      )
    : undefined;
const stop = async () => {
  if (timer) clearInterval(timer);
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
