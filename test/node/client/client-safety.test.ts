import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { inspect } from 'node:util';
import { createBillingClient, isApiError, type ApiError } from '../../../src/client/index.js';

// The client against two plain HTTP servers: the API's origin and another one a document URL may name.

const TOKEN = 'secret-token-that-must-not-leak';
interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
}

async function listen(answer: (path: string, seen: number) => { status: number; headers?: Record<string, string> }) {
  const seen: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const { status, headers = {} } = answer(req.url ?? '', seen.length);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(status < 300 ? JSON.stringify({ items: [] }) : JSON.stringify({ code: 'x', title: 'x', status }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise(r => server.close(r)) };
}

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(isApiError(error), String(error));
    return error;
  }
  return assert.fail('expected a failure');
};

let api: Awaited<ReturnType<typeof listen>>;
let other: Awaited<ReturnType<typeof listen>>;
before(async () => {
  api = await listen(path =>
    /^\/api\/v1\/invoices(\?|$)/.test(path)
      ? { status: 503, headers: { 'retry-after': '3600' } }
      : path.startsWith('/api/v1/billing-accounts')
        ? { status: 429, headers: { 'retry-after': 'Fri, 01 Jan 2099 00:00:00 GMT' } }
        : { status: 200 },
  );
  other = await listen(() => ({ status: 200 }));
});
after(async () => {
  await api.close();
  await other.close();
});

describe('the client keeps its credentials to itself', () => {
  it('sends the bearer token with documents on the API origin only', async () => {
    const client = createBillingClient({ baseUrl: `${api.url}/api/v1/`, token: TOKEN, retries: 0 });
    await client.download('/api/v1/invoices/INV-1/pdf');
    await client.download(`${api.url}/api/v1/invoices/INV-2/pdf`);
    await client.download(`${other.url}/files/INV-3.pdf`);
    assert.equal(api.seen.find(r => r.path.endsWith('INV-1/pdf'))?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(api.seen.find(r => r.path.endsWith('INV-2/pdf'))?.headers.authorization, `Bearer ${TOKEN}`);
    const foreign = other.seen.find(r => r.path.endsWith('INV-3.pdf'));
    assert.ok(foreign, 'the other origin was asked');
    assert.equal(foreign.headers.authorization, undefined);
  });
  it('refuses document links that only look relative', async () => {
    const client = createBillingClient({ baseUrl: `${api.url}/api/v1/`, token: TOKEN, retries: 0 });
    for (const url of ['/\\evil.example/x.pdf', '//evil.example/x.pdf', 'javascript:alert(1)'])
      assert.equal((await failure(client.download(url))).kind, 'invalid-response', url);
  });
  it('never shows the token when an error is inspected or logged', async () => {
    const client = createBillingClient({ baseUrl: `${api.url}/api/v1/`, token: TOKEN, retries: 0 });
    const error = await failure(client.listBillingAccounts());
    const printed = inspect(error, { depth: 10, showHidden: true });
    assert.doesNotMatch(printed, new RegExp(TOKEN));
    assert.doesNotMatch(JSON.stringify(error), new RegExp(TOKEN));
  });
});

describe('Retry-After is capped and the caller can stop the wait', () => {
  it('reads seconds or an HTTP-date, at most 60 s', async () => {
    const client = createBillingClient({ baseUrl: `${api.url}/api/v1/`, token: TOKEN, retries: 0 });
    const error = await failure(client.listBillingAccounts());
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfter, 60, 'a date in 2099 is waited for 60 s at most');
  });
  it('gives up the wait when the caller aborts (an hour-long Retry-After is not waited out)', async () => {
    const client = createBillingClient({ baseUrl: `${api.url}/api/v1/`, token: TOKEN, retries: 1 });
    const abort = new AbortController();
    const pending = client.listInvoices({}, { signal: abort.signal }).catch(e => e as ApiError);
    // The first answer (503, Retry-After: 3600) has arrived once the server saw the request; then the caller leaves.
    while (!api.seen.some(r => /^\/api\/v1\/invoices(\?|$)/.test(r.path))) await new Promise(r => setTimeout(r, 10));
    abort.abort();
    const error = await pending;
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'aborted');
  });
});
