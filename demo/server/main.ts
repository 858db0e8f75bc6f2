// `npm start` runs this with --demo: the reference server with its embedded store, serving the demo page.
//
//   --port=8080            PORT
//   --host=127.0.0.1       the demo's admin API answers on a loopback host only
//   --data=demo/data       FAPIAO_DATA: the PGlite directory (one process at a time)
//   DATABASE_URL=postgres://…   a shared PostgreSQL instead (any number of instances)
//   --demo                 the admin API, the demo page's switches and the seeded demo customers
//   --faults=chaos|latency:<ms>   --process-every=<seconds> (0: off)   --reset   --verbose (log every request)
//   --cors=https://portal.example,https://other.example   origins allowed to call the API from a browser
//   --smtp=host:port       SMTP_URL=smtp://user:password@host:port   where e-mails go (activation links); with --demo
//                          and none given, a local SMTP catcher runs in this process and the demo page shows its mailbox
//   --mail-from=…          MAIL_FROM: the sender (default "fapiao-kit" <fapiao@localhost>)
//   --public-url=…         PUBLIC_URL: the address customers reach this server at, for links in e-mails
//   --delivery=electronic,paper,pickup   how Fapiao reach customers (default all three: e-mail, SF or Yunda freight
//                          collect, pick-up at the Shanghai branch)
//   --special-buyer-details=required|optional   whether a 专票 buyer must give the registered address and phone and
//                          the bank and account (default required; the 数电 platform itself makes them optional)
//   --webhook-url=https://portal.example/hooks   WEBHOOK_URL: every change of a request's status is POSTed there,
//                          signed (Standard Webhooks) with WEBHOOK_SECRET=whsec_… (an environment variable only: a
//                          flag would show in the process list)
//   --stock-notice=YYYY-MM-DD   tell customers Fapiao stock is short and from which day issuing resumes
//                          (the demo's admin API sets and clears it too: PUT /__admin/notice)
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { deliveryOptionsOf } from './delivery.js';
import { parseFaultFlag } from './faults.js';
import { startIssuingWorker } from './issuing/back-office.js';
import { smtpMailer } from './mail.js';
import { webhookKey } from './webhooks.js';
import { setStockNotice, stockNotice } from './notices.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';
import { CUSTOMERS, seed } from './seed.js';
import { clearStore, openStore, StoreLockedError } from './store/index.js';

const flags = new Map(
  process.argv.slice(2).map(a => {
    const flag = a.replace(/^--/, '');
    const at = flag.indexOf('='); // the first one: a URL's query has its own
    return at < 0 ? [flag, 'true'] : [flag.slice(0, at), flag.slice(at + 1)];
  }),
);
const demo = flags.has('demo');
const port = Number(flags.get('port') ?? process.env.PORT ?? 8080);
const host = flags.get('host') ?? '127.0.0.1';
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(flags.get('data') ?? process.env.FAPIAO_DATA ?? 'demo/data');
const processEvery = Number(flags.get('process-every') ?? 20);
const delivery = flags.get('delivery') ? deliveryOptionsOf(flags.get('delivery')!) : undefined;
if (typeof delivery === 'string') {
  console.error(`--delivery: ${delivery}`);
  process.exit(2);
}

const specialBuyerDetails = flags.get('special-buyer-details') ?? 'required';
if (specialBuyerDetails !== 'required' && specialBuyerDetails !== 'optional') {
  console.error('--special-buyer-details: use required or optional');
  process.exit(2);
}

const started = Date.now();
let store;
try {
  store = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
} catch (error) {
  if (error instanceof StoreLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const where = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : dataDir;
if (demo) {
  const seeded = await store.query<{ value: string }>("select value from meta where key = 'seeded_at'");
  if (flags.has('reset') && seeded.rows.length) await clearStore(store);
  if (!seeded.rows.length || flags.has('reset')) {
    await seed(store, Date.now());
    console.log('Seeded the store with demo customers, two years of invoices and Fapiao requests.');
  } else {
    console.log(`Using the store in ${where} (seeded ${seeded.rows[0]?.value}); --reset to start over.`);
  }
}
if (flags.get('stock-notice')) {
  // --stock-notice=2026-12-03: customers are told Fapiao stock is short and when issuing resumes.
  const notice = stockNotice({ expectedIssueDate: flags.get('stock-notice') });
  if (typeof notice === 'string') {
    console.error(`--stock-notice: ${notice}`);
    process.exit(2);
  }
  await setStockNotice(store, notice);
}
const adminToken = demo ? randomBytes(24).toString('base64url') : undefined;
const smtpUrl = flags.get('smtp')
  ? new URL(`smtp://${flags.get('smtp')}`)
  : process.env.SMTP_URL
    ? new URL(process.env.SMTP_URL)
    : undefined;
const catcher: MailCatcher | undefined = !smtpUrl && demo ? await startMailCatcher() : undefined;
const mailer =
  smtpUrl || catcher
    ? smtpMailer({
        host: smtpUrl?.hostname ?? '127.0.0.1',
        port: smtpUrl ? Number(smtpUrl.port || 25) : catcher!.port,
        from: flags.get('mail-from') ?? process.env.MAIL_FROM ?? '"fapiao-kit" <fapiao@localhost>',
        ...(smtpUrl?.username
          ? { user: decodeURIComponent(smtpUrl.username), password: decodeURIComponent(smtpUrl.password) }
          : {}),
      })
    : undefined;
const publicUrl = flags.get('public-url') ?? process.env.PUBLIC_URL;
const webhookUrl = flags.get('webhook-url') ?? process.env.WEBHOOK_URL;
const webhooks = webhookUrl ? { url: webhookUrl, secret: process.env.WEBHOOK_SECRET ?? '' } : undefined;
const webhookProblem = webhooks && webhookKey(webhooks);
if (typeof webhookProblem === 'string') {
  console.error(`--webhook-url: ${webhookProblem} (WEBHOOK_SECRET)`);
  process.exit(2);
}
const app = createApp({
  store,
  ...(adminToken ? { demo: { adminToken, ...(catcher ? { mailbox: catcher.messages } : {}) } } : {}),
  ...(mailer ? { mailer } : {}),
  ...(publicUrl ? { publicUrl } : {}),
  ...(delivery ? { delivery } : {}),
  draftPolicy: { specialBuyerDetails },
  ...(webhooks ? { webhooks } : {}),
  staticRoot: resolve('.'),
  faults: parseFaultFlag(flags.get('faults') ?? process.env.FAPIAO_FAULTS),
  logRequests: flags.has('verbose'),
  corsOrigins: (flags.get('cors') ?? process.env.FAPIAO_CORS ?? '').split(',').filter(Boolean),
});
const url = await app.listen(port, host);
console.log(`fapiao-kit reference server ready in ${Date.now() - started} ms (store: ${store.kind}, ${where})`);
console.log(`  demo page:  ${url}/`);
console.log(`  API:        ${url}/api/v1/  (OpenAPI: api/openapi.json)`);
if (catcher) console.log(`  e-mail:     a local SMTP catcher on port ${catcher.port}; the demo page shows its mailbox`);
else if (!mailer)
  console.log('  e-mail:     none configured (--smtp=host:port): registering a Fapiao account answers 503');
if (demo) {
  console.log(`  tokens:     ${CUSTOMERS.map(c => `${c.token} (${c.account})`).join(', ')}`);
  console.log('  --demo:     the admin API is on for this page only; never expose this server to a network.');
}
// The back office in this process: the issuing queue hands requests to the provider (the simulation) and records what
// it issued, paper Fapiao are mailed, the e-Fapiao e-mails sent.
const stopWorker =
  processEvery > 0
    ? startIssuingWorker({ store, issuing: app.issuing, mailer, webhooks }, app.now, processEvery * 1000, error =>
        console.error(
          JSON.stringify({ time: new Date().toISOString(), level: 'error', worker: 'issuing', error: String(error) }),
        ),
      )
    : () => undefined;
const stop = async () => {
  stopWorker();
  mailer?.close();
  await catcher?.close();
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
