import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Webhook } from 'standardwebhooks';
import { emptyDraft } from '../../../src/core/index.js';
import { createApp } from '../../../demo/server/app.js';
import { backOfficeStep } from '../../../demo/server/issuing/back-office.js';
import { deliverWebhooks, WEBHOOK_DELIVERY, type RequestStatusEvent } from '../../../demo/server/webhooks.js';
import { callApi, NOW, requestForFreeBill, startServer, type TestServer } from '../helpers/server.js';

const MINUTE = 60_000;
const spec = JSON.parse(readFileSync('api/openapi.json', 'utf8'));
const validEvent = new Ajv2020({ strict: false, validateFormats: false }).compile(
  spec.components.schemas.RequestStatusEvent,
);
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

interface Received {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The host's endpoint: a real HTTP server that records what it gets and answers what the test tells it to. */
async function startHost() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      const status = answers.shift() ?? 204;
      res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:9/elsewhere' } : {}).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks?source=fapiao`, received, answers, close: () => server.close() };
}

// Webhooks to the host: every change of a request's status, whichever code path made it, signed so that a Standard
// Webhooks library verifies it, delivered at least once with a stable id.
describe('webhooks to the host', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  let server: TestServer;
  before(async () => {
    host = await startHost();
    server = await startServer({ webhooks: { url: host.url, secret: SECRET } });
  });
  after(async () => {
    await server.stop();
    host.close();
  });
  beforeEach(async () => {
    await server.reset();
    // The seeded history is not news: only what these tests do is sent.
    await server.store.query("update request_events set webhook_state = 'skipped'");
    host.received.length = 0;
    host.answers.length = 0;
  });

  const office = () => ({
    store: server.store,
    issuing: server.app.issuing,
    webhooks: { url: host.url, secret: SECRET },
  });
  const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);
  const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
  const verified = (r: Received) => new Webhook(SECRET).verify(r.body, r.headers) as RequestStatusEvent;

  const requested = () => requestForFreeBill(server, draft);

  it('tells the host of every change of status, signed so that a Standard Webhooks library verifies it', async () => {
    const issued = await requested();
    const withdrawn = await requested();
    assert.equal((await call('POST', `fapiao-requests/${withdrawn.id}/withdraw`)).status, 200);
    const first = await backOfficeStep(office(), NOW);
    await backOfficeStep(office(), NOW);
    assert.ok(first.notified >= 3);
    const events = host.received.map(verified);
    const of = (id: string) => events.filter(e => e.data.id === id).map(e => [e.data.previousStatus, e.data.status]);
    assert.deepEqual(of(issued.id), [
      [null, 'submitted'],
      ['submitted', 'processing'],
      ['processing', 'issued'],
    ]);
    assert.deepEqual(of(withdrawn.id), [
      [null, 'submitted'],
      ['submitted', 'cancelled'],
    ]);
    const sequences = events.map(e => e.data.sequence);
    assert.deepEqual(
      sequences,
      [...sequences].sort((a, b) => a - b),
      'in order when all goes well',
    );
    for (const e of events) {
      assert.ok(validEvent(e), `as api/openapi.json's webhooks say: ${JSON.stringify(validEvent.errors)}`);
      assert.equal(e.type, 'fapiao_request.status_changed');
      assert.equal(e.data.customerId, 'contoso');
      assert.equal(e.timestamp, new Date(NOW).toISOString(), "when it changed, by the app's clock");
    }
    assert.equal(new Set(host.received.map(r => r.headers['webhook-id'])).size, events.length, 'an id per event');
    assert.throws(() =>
      new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(
        host.received[0]!.body,
        host.received[0]!.headers,
      ),
    );
    await backOfficeStep(office(), NOW + MINUTE);
    assert.equal(host.received.length, events.length, 'each sent once');
  });

  it('sends again, with the same id, until the host answers 2xx; a redirect is not followed', async () => {
    await requested();
    host.answers.push(500, 302);
    await deliverWebhooks(server.store, office().webhooks, NOW); // 500
    assert.equal(host.received.length, 1);
    await deliverWebhooks(server.store, office().webhooks, NOW + 30_000);
    assert.equal(host.received.length, 1, 'backing off');
    await deliverWebhooks(server.store, office().webhooks, NOW + MINUTE); // 302: not followed
    await deliverWebhooks(server.store, office().webhooks, NOW + 4 * MINUTE); // 204
    const ids = host.received.map(r => r.headers['webhook-id']);
    assert.deepEqual(ids, [ids[0], ids[0], ids[0]]);
    const row = (
      await server.store.query<{ webhook_state: string; attempts: number; last_error: string }>(
        "select webhook_state, attempts, last_error from request_events where webhook_state <> 'skipped'",
      )
    ).rows[0]!;
    assert.deepEqual([row.webhook_state, row.attempts, row.last_error], ['sent', 2, 'HTTP 302']);
  });

  it('gives up after ten failed attempts and keeps why', async () => {
    await requested();
    host.answers.push(...Array(WEBHOOK_DELIVERY.maxAttempts).fill(503));
    let at = NOW;
    for (let i = 0; i < WEBHOOK_DELIVERY.maxAttempts + 2; i++, at += 61 * MINUTE)
      await deliverWebhooks(server.store, office().webhooks, at);
    assert.equal(host.received.length, WEBHOOK_DELIVERY.maxAttempts);
    const row = (
      await server.store.query<{ webhook_state: string; last_error: string }>(
        "select webhook_state, last_error from request_events where webhook_state <> 'skipped'",
      )
    ).rows[0]!;
    assert.deepEqual([row.webhook_state, row.last_error], ['failed', 'HTTP 503']);
  });

  it('without an endpoint records the events and sends none, then or later', async () => {
    await requested();
    await deliverWebhooks(server.store, undefined, NOW);
    await deliverWebhooks(server.store, office().webhooks, NOW + MINUTE);
    assert.equal(host.received.length, 0);
    const states = await server.store.query<{ webhook_state: string }>(
      "select webhook_state from request_events where status = 'submitted' order by id desc limit 1",
    );
    assert.equal(states.rows[0]!.webhook_state, 'skipped');
  });

  it('refuses an endpoint it could not sign for or should not call, at start', () => {
    for (const webhooks of [
      { url: 'ftp://portal.example/hooks', secret: SECRET },
      { url: 'https://user:pw@portal.example/hooks', secret: SECRET },
      { url: 'not a url', secret: SECRET },
      { url: 'https://portal.example/hooks', secret: 'whsec_c2hvcnQ=' },
      { url: 'https://portal.example/hooks', secret: '' },
    ])
      assert.throws(() => createApp({ store: server.store, webhooks }), TypeError, JSON.stringify(webhooks));
  });
});
