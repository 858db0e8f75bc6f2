import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createApp, type AppOptions } from '../../../demo/server/app.js';
import { openStore, type Store } from '../../../demo/server/store/index.js';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { ADMIN_TOKEN, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// Each hostile input gets a 4xx application/problem+json in the request's language, the process stays up, and
// nothing is stored. Raw requests (node:http) where fetch would normalise what a hostile client sends as is.

let server: TestServer;
const host = () => new URL(server.url);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): Record<string, unknown>;
}

function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: host().hostname, port: host().port, method, path, headers }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (path: string) => `/api/v1${path}`;
const auth = (token: string = TOKENS.contoso, locale = 'zh-CN') => ({
  authorization: `Bearer ${token}`,
  'accept-language': locale,
});
const json = { 'content-type': 'application/json' };
const CJK = /[\u4e00-\u9fff]/;

/** A 4xx problem in Chinese (the request asked for zh-CN), with the request id of its header. */
function assertProblem(answer: Answer, status: number, code: string): Record<string, unknown> {
  assert.equal(answer.status, status, answer.text);
  assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
  const body = answer.json();
  assert.equal(body.code, code);
  assert.equal(body.requestId, answer.headers['x-request-id']);
  return body;
}
const assertChinese = (body: Record<string, unknown>) => assert.match(String(body.detail), CJK, String(body.detail));

async function stored() {
  const n = async (table: string) =>
    Number((await server.store.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);
  return {
    profiles: await n('buyer_profiles'),
    addresses: await n('shipping_addresses'),
    requests: await n('fapiao_requests'),
    claims: await n('invoice_claims'),
    keys: await n('idempotency_keys'),
    registrations: await n('account_registrations'),
    emails: await n('activation_emails'),
  };
}

async function alive() {
  const r = await raw('GET', api('/billing-accounts'), auth());
  assert.equal(r.status, 200, 'the server still answers');
}

async function eligibleInvoice(): Promise<Invoice> {
  const page = (await raw('GET', api('/invoices?status=paid&limit=20&billingAccount=BA-AZURE-CONTOSO'), auth())).json()
    .items as Invoice[];
  const requests = (await raw('GET', api('/fapiao-requests'), auth())).json().items as FapiaoRequest[];
  const taken = new Set(requests.flatMap(r => r.invoiceIds));
  const invoice = page.find(i => !taken.has(i.id));
  assert.ok(invoice);
  return invoice;
}

const draft = emptyDraft({
  title: '康托索（上海）信息技术有限公司',
  taxId: '91330106673959654P',
  email: 'a@contoso.cn',
});

/**
 * A server of its own on an in-memory store, for options the shared one does not have (no --demo, CORS, limits, a
 * failing store); closed after `use` whatever happens.
 */
async function withApp(
  options: Partial<Omit<AppOptions, 'store'>> & { readonly wrap?: (store: Store) => Store },
  use: (url: string) => Promise<void>,
): Promise<void> {
  const { wrap, ...rest } = options;
  const store = await openStore({});
  const app = createApp({ now: Date.now(), logger: () => undefined, ...rest, store: wrap ? wrap(store) : store });
  try {
    await use(await app.listen(0));
  } finally {
    await app.close();
    await store.close();
  }
}

before(async () => {
  server = await startServer();
});
after(async () => server.stop());
beforeEach(async () => server.reset());

describe('hostile request targets and paths', () => {
  for (const target of [
    '//a:99999/',
    '//%zz/',
    '//a:b/',
    '//%00/',
    '/%',
    '/api/v1/invoices/%zz',
    '/api/v1/invoices/%00',
  ]) {
    it(`answers ${JSON.stringify(target)} with a 4xx and stays up`, async () => {
      const before = await stored();
      const r = await raw('GET', target, auth());
      assert.ok(r.status >= 400 && r.status < 500, `${r.status} ${r.text}`);
      assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
      assert.deepEqual(await stored(), before);
      await alive();
    });
  }
  it('refuses a control character or an absurdly long id in the path with 400, in the request language', async () => {
    assertChinese(assertProblem(await raw('GET', api('/invoices/INV%00'), auth()), 400, 'invalid-path'));
    assertProblem(await raw('GET', api(`/invoices/${'x'.repeat(300)}`), auth()), 400, 'invalid-path');
  });
  it('serves only the demo page and the bundles: never the store, the sources or the server', async () => {
    for (const path of [
      '/demo/data/PG_VERSION',
      '/demo/data/pg_wal/000000010000000000000001',
      '/demo/server/app.ts',
      '/demo/index.html',
      '/package.json',
      '/.build/demo/server/main.js',
      '/src/core/index.ts',
      '/node_modules/lit/index.js',
      '/bundle/../package.json',
      '/bundle/%2e%2e/package.json',
      '/dist/core/index.js',
    ]) {
      const r = await raw('GET', path);
      assert.equal(r.status, 404, path);
    }
    assert.equal((await raw('GET', '/bundle/fapiao-kit.min.js')).status, 200);
  });
  it('sends the bundle gzipped to a client that takes gzip, as it is to one that refuses it', async () => {
    const zipped = await raw('GET', '/bundle/fapiao-kit.min.js', { 'accept-encoding': 'br, gzip;q=0.8' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'accept-encoding');
    const plain = await raw('GET', '/bundle/fapiao-kit.min.js', { 'accept-encoding': 'gzip;q=0, identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.text.includes('bill-list'));
    // What a browser gets after decoding is the file itself.
    const decoded = await (await fetch(`http://${host().host}/bundle/fapiao-kit.min.js`)).text();
    assert.equal(decoded, plain.text);
  });
  it('sends a large API answer gzipped to a client that takes gzip, a small one as it is', async () => {
    const list = await raw('GET', api('/invoices?limit=50'), { ...auth(), 'accept-encoding': 'gzip' });
    assert.equal(list.status, 200);
    assert.equal(list.headers['content-encoding'], 'gzip');
    const plain = await raw('GET', api('/invoices?limit=50'), auth());
    assert.equal(plain.headers['content-encoding'], undefined);
    const decoded = await fetch(`http://${host().host}${api('/invoices?limit=50')}`, { headers: auth() });
    assert.deepEqual(await decoded.json(), plain.json());
    const small = await raw('GET', api('/fapiao-account'), { ...auth(), 'accept-encoding': 'gzip' });
    assert.equal(small.headers['content-encoding'], undefined);
  });
});

describe('hostile query parameters', () => {
  const cases: [string, string][] = [
    ['/invoices?from=2026-02-31', 'invalid-query'],
    ['/invoices?to=2026-13-01', 'invalid-query'],
    ['/invoices?from=yesterday', 'invalid-query'],
    ['/invoices?limit=0', 'invalid-query'],
    ['/invoices?limit=1e3', 'invalid-query'],
    ['/invoices?sort=__proto__', 'invalid-query'],
    ['/invoices?status=paid,lost', 'invalid-query'],
    ['/invoices?search=%00', 'invalid-query'],
    [`/invoices?search=${'a'.repeat(5000)}`, 'invalid-query'],
    ['/invoices?cursor=not-a-cursor', 'invalid-cursor'],
    [
      `/invoices?cursor=${Buffer.from('{"s":"-date","k":"2026-99-99","id":"x"}').toString('base64url')}`,
      'invalid-cursor',
    ],
    [
      `/invoices?sort=amount&cursor=${Buffer.from('{"s":"amount","k":"1e400","id":"x"}').toString('base64url')}`,
      'invalid-cursor',
    ],
    [`/invoices?cursor=${Buffer.from('{"s":"amount","k":5,"id":"x"}').toString('base64url')}`, 'invalid-cursor'],
  ];
  for (const [path, code] of cases) {
    it(`${path.slice(0, 60)} → 400 ${code}`, async () => {
      assertChinese(assertProblem(await raw('GET', api(path), auth()), 400, code));
    });
  }
  it('still follows a cursor it issued', async () => {
    const first = (await raw('GET', api('/invoices?limit=2&sort=amount'), auth())).json();
    const next = await raw('GET', api(`/invoices?limit=2&sort=amount&cursor=${String(first.nextCursor)}`), auth());
    assert.equal(next.status, 200);
  });
});

describe('hostile bodies', () => {
  it('refuses a body that is not application/json in UTF-8 (415), so a cross-site form cannot post', async () => {
    const before = await stored();
    const body = JSON.stringify({ buyerKind: 'individual', title: '张三', orderNumber: 'G1', email: 'a@b.cn' });
    for (const path of ['/buyer-profiles', '/shipping-addresses', '/fapiao-account/registration'])
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=gbk']) {
        assertChinese(
          assertProblem(
            await raw('POST', api(path), { ...auth(), 'content-type': type }, body),
            415,
            'unsupported-media-type',
          ),
        );
      }
    assert.deepEqual(await stored(), before);
  });
  it('refuses more than 64 KiB (413), malformed JSON, deep nesting, invalid UTF-8, NUL and lone surrogates (400)', async () => {
    const before = await stored();
    for (const path of ['/buyer-profiles', '/shipping-addresses', '/fapiao-account/registration']) {
      const post = (body: string | Buffer) => raw('POST', api(path), { ...auth(), ...json }, body);
      assertProblem(await post(JSON.stringify({ title: 'x'.repeat(70_000) })), 413, 'payload-too-large');
      assertProblem(await post('{"title": '), 400, 'malformed-json');
      assertProblem(await post(`${'['.repeat(2200)}${']'.repeat(2200)}`), 400, 'malformed-json');
      assertProblem(await post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'malformed-json');
      assertProblem(await post('{"buyerKind":"individual","title":"张\\u0000三"}'), 400, 'invalid-characters');
      assertProblem(await post('{"email":"a@b.cn","orderNumber":"\\ud800"}'), 400, 'invalid-characters');
    }
    assert.deepEqual(await stored(), before);
    await alive();
  });
  it('checks a 60 KB e-mail as too long at once (it took 1.9 s of the event loop), in Chinese', async () => {
    const before = await stored();
    const invoice = await eligibleInvoice();
    const body = JSON.stringify({ invoiceIds: [invoice.id], draft: { ...draft, email: `${'a.'.repeat(30_000)}@x` } });
    const r = await raw(
      'POST',
      api('/fapiao-requests'),
      { ...auth(), ...json, 'idempotency-key': 'hostile-email-1' },
      body,
    );
    const problem = assertProblem(r, 422, 'validation-failed');
    assertChinese(problem);
    assert.deepEqual(
      (problem.errors as { field: string; code: string }[]).map(e => `${e.field}:${e.code}`),
      ['email:too-long-chars'],
    );
    assert.deepEqual(await stored(), before);
  });
  it('refuses control characters in buyer fields with the core rule the form uses (so the Fapiao XML stays well-formed)', async () => {
    const before = await stored();
    const invoice = await eligibleInvoice();
    const body = JSON.stringify({ invoiceIds: [invoice.id], draft: { ...draft, title: '康托索\n有限公司' } });
    const r = await raw(
      'POST',
      api('/fapiao-requests'),
      { ...auth(), ...json, 'idempotency-key': 'hostile-ctrl-1' },
      body,
    );
    const problem = assertProblem(r, 422, 'validation-failed');
    assert.deepEqual(
      (problem.errors as { code: string }[]).map(e => e.code),
      ['control-characters'],
    );
    assert.deepEqual(await stored(), before);
  });
});

describe('buyer profiles', () => {
  it('checks every field as the form does, and keeps at most 50 per customer', async () => {
    const post = (profile: object, token: string = TOKENS.contoso) =>
      raw('POST', api('/buyer-profiles'), { ...auth(token), ...json }, JSON.stringify(profile));
    const partial = await post({
      buyerKind: 'enterprise',
      title: '阿里云',
      taxId: '91330106673959654P',
      address: '杭州',
    });
    assert.deepEqual(
      (assertProblem(partial, 422, 'validation-failed').errors as { field: string }[]).map(e => e.field),
      ['phone', 'bankName', 'bankAccount'],
    );
    for (let i = 0; i < 50; i++)
      assert.equal((await post({ buyerKind: 'individual', title: `买方 ${i}` })).status, 201);
    const refused = assertProblem(await post({ buyerKind: 'individual', title: '第 51 个' }), 422, 'too-many-profiles');
    assertChinese(refused);
    assert.equal((await stored()).profiles, 50);
    // Another customer's limit is their own.
    assert.equal((await post({ buyerKind: 'individual', title: '张三' }, TOKENS.fabrikam)).status, 201);
  });
});

describe('the address book', () => {
  it('refuses what is not an address, in Chinese, and stores nothing', async () => {
    const before = await stored();
    const post = (body: unknown) =>
      raw('POST', api('/shipping-addresses'), { ...auth(), ...json }, JSON.stringify(body));
    const address = { recipient: '王芳', phone: '021-60506050', address: '上海市浦东新区郭守敬路 498 号' };
    for (const body of [
      null,
      [],
      'an address',
      {},
      { ...address, recipient: 42 },
      { ...address, phone: ['021'] },
      { ...address, address: { street: '郭守敬路' } },
      { ...address, address: '路'.repeat(20_000) },
      { ...address, phone: '1'.repeat(5_000) },
    ]) {
      const problem = assertProblem(await post(body), 422, 'validation-failed');
      assertChinese(problem);
    }
    assertProblem(await post({ ...address, recipient: '王\u0007芳' }), 400, 'invalid-characters');
    assert.deepEqual(await stored(), before);
    await alive();
  });
  it("answers another customer's address as unknown, whatever the method", async () => {
    const mine = (await (
      await raw(
        'POST',
        api('/shipping-addresses'),
        { ...auth(), ...json },
        JSON.stringify({ recipient: '王芳', phone: '021-60506050', address: '上海' }),
      )
    ).json()) as { id: string };
    const theirs = auth(TOKENS.fabrikam);
    const body = JSON.stringify({ recipient: '李雷', phone: '13800138000', address: '北京' });
    assertProblem(
      await raw('PUT', api(`/shipping-addresses/${mine.id}`), { ...theirs, ...json }, body),
      404,
      'not-found',
    );
    assertProblem(await raw('DELETE', api(`/shipping-addresses/${mine.id}`), theirs), 404, 'not-found');
    assertProblem(await raw('POST', api(`/shipping-addresses/${mine.id}/default`), theirs), 404, 'not-found');
    assertProblem(await raw('DELETE', api('/shipping-addresses/%E0%A4%A'), auth()), 400, 'invalid-path');
    const list = (await raw('GET', api('/shipping-addresses'), auth())).json() as { items: { address: string }[] };
    assert.deepEqual(
      list.items.map(a => a.address),
      ['上海'],
    );
  });
});

describe('methods, headers and answers', () => {
  it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
    const r = await raw('DELETE', api('/invoices'), auth());
    assertChinese(assertProblem(r, 405, 'method-not-allowed'));
    assert.equal(r.headers.allow, 'GET, HEAD');
    assert.equal((await raw('PATCH', api('/buyer-profiles/BP-1'), auth())).headers.allow, 'PUT, DELETE');
    assertProblem(await raw('GET', api('/nothing-here'), auth()), 404, 'not-found');
  });
  it('answers HEAD like GET without a body', async () => {
    const r = await raw('HEAD', api('/invoices?limit=1'), auth());
    assert.equal(r.status, 200);
    assert.equal(r.text, '');
    assert.match(String(r.headers['content-type']), /application\/json/);
  });
  it('sends security headers and a request id on every answer', async () => {
    for (const r of [await raw('GET', '/'), await raw('GET', api('/invoices'), auth()), await raw('GET', '/nope')]) {
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
      assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    }
    const page = await raw('GET', '/');
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self';/);
  });
  it('sends no CORS headers unless the origin is on the allow-list', async () => {
    const r = await raw('OPTIONS', api('/invoices'), {
      origin: 'https://evil.example',
      'access-control-request-method': 'GET',
    });
    assert.equal(r.headers['access-control-allow-origin'], undefined);
    const plain = await raw('GET', api('/invoices'), { ...auth(), origin: 'https://evil.example' });
    assert.equal(plain.headers['access-control-allow-origin'], undefined);
  });
});

describe('the admin API (--demo only)', () => {
  const adminHeaders = { ...json, 'x-admin-token': ADMIN_TOKEN };
  it('refuses calls without the token, from another site, with a form body, or for another host', async () => {
    const before = await stored();
    const reset = (headers: Record<string, string>) => raw('POST', '/__admin/reset', headers, '{}');
    assertProblem(await reset(json), 403, 'forbidden');
    assertProblem(await reset({ ...json, 'x-admin-token': 'wrong-token-of-the-same-size-xx' }), 403, 'forbidden');
    assertProblem(await reset({ ...adminHeaders, 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
    assertProblem(await reset({ ...adminHeaders, origin: 'https://evil.example' }), 403, 'forbidden');
    assertProblem(await reset({ ...adminHeaders, host: 'evil.example' }), 403, 'forbidden');
    assertProblem(
      await reset({ 'x-admin-token': ADMIN_TOKEN, 'content-type': 'text/plain' }),
      415,
      'unsupported-media-type',
    );
    // A request that did go through (a profile) shows the refused resets changed nothing.
    assert.deepEqual(await stored(), before);
  });
  it('validates fault and clock input (a bad value made every API call fail or hang)', async () => {
    const put = (path: string, body: unknown) => raw('PUT', path, adminHeaders, JSON.stringify(body));
    assertProblem(await put('/__admin/faults', { latencyMs: 1e9 }), 422, 'validation-failed');
    assertProblem(await put('/__admin/faults', { queue: [{ kind: 'explode' }] }), 422, 'validation-failed');
    assertProblem(await put('/__admin/faults', { chaosRate: 'all' }), 422, 'validation-failed');
    assertProblem(await put('/__admin/clock', { now: 'soon' }), 422, 'validation-failed');
    assertProblem(await put('/__admin/customers/C-404/fapiao-account', { state: 'registered' }), 404, 'not-found');
    assertProblem(
      await put('/__admin/customers/contoso/fapiao-account', { state: 'hacked' }),
      422,
      'validation-failed',
    );
    await alive();
  });
  it('cannot reject an issued request (a second Fapiao for the same bill would follow)', async () => {
    const requests = (await raw('GET', api('/fapiao-requests'), auth())).json().items as FapiaoRequest[];
    const issued = requests.find(r => r.status === 'issued');
    assert.ok(issued);
    const r = await raw('POST', `/__admin/requests/${issued.id}/reject`, adminHeaders, '{}');
    assertProblem(r, 409, 'invalid-transition');
    const again = await raw('GET', api(`/fapiao-requests/${issued.id}`), auth());
    assert.equal(again.json().status, 'issued');
  });
  it('does not exist without --demo', async () => {
    await withApp({}, async url => {
      const r = await fetch(`${url}/__admin/reset`, { method: 'POST', headers: adminHeaders, body: '{}' });
      assert.equal(r.status, 404);
    });
  });
});

describe('cross-tenant', () => {
  it('answers 404 for another customer’s invoice, statement, request and Fapiao file', async () => {
    const theirs = (await raw('GET', api('/fapiao-requests'), auth(TOKENS.contoso))).json().items as FapiaoRequest[];
    const issued = theirs.find(r => r.fapiaos.length > 0)!;
    const fab = auth(TOKENS.fabrikam);
    assertProblem(await raw('GET', api(`/invoices/${issued.invoiceIds[0]}`), fab), 404, 'not-found');
    assertProblem(await raw('GET', api(`/invoices/${issued.invoiceIds[0]}/pdf`), fab), 404, 'not-found');
    assertProblem(await raw('GET', api(`/fapiao-requests/${issued.id}`), fab), 404, 'not-found');
    assertProblem(
      await raw('GET', api(issued.fapiaos[0]!.files[0]!.url.replace('/api/v1', '')), fab),
      404,
      'not-found',
    );
    const body = JSON.stringify({ invoiceIds: [issued.invoiceIds[0]], draft });
    const before = await stored();
    const r = await raw(
      'POST',
      api('/fapiao-requests'),
      { ...fab, ...json, 'idempotency-key': 'cross-tenant-1' },
      body,
    );
    assertProblem(r, 404, 'not-found');
    assert.deepEqual(await stored(), before);
  });
});

describe('paper delivery', () => {
  it('keeps the recipient, phone and postal address it validated', async () => {
    const invoice = await eligibleInvoice();
    const paper = {
      ...draft,
      delivery: 'paper',
      email: '',
      recipient: '王芳',
      recipientPhone: '021-60506050',
      postalAddress: '上海市浦东新区郭守敬路 498 号',
    };
    const r = await raw(
      'POST',
      api('/fapiao-requests'),
      { ...auth(), ...json, 'idempotency-key': 'paper-delivery-1' },
      JSON.stringify({ invoiceIds: [invoice.id], draft: paper }),
    );
    assert.equal(r.status, 201, r.text);
    const created = r.json() as unknown as FapiaoRequest;
    assert.deepEqual(created.shipping, {
      recipient: '王芳',
      phone: '021-60506050',
      address: '上海市浦东新区郭守敬路 498 号',
      courier: 'sf',
    });
    assert.equal(created.email, undefined);
  });
});

describe('operations', () => {
  it('logs every 5xx as JSON with the request id it answered with', async () => {
    let failing = false;
    const logs: unknown[] = [];
    const wrap = (store: Store): Store => ({
      ...store,
      query: (sql, params) => (failing ? Promise.reject(new Error('disk on fire')) : store.query(sql, params)),
    });
    await withApp({ wrap, logger: entry => logs.push(entry) }, async url => {
      failing = true;
      const r = await fetch(`${url}/api/v1/invoices`, { headers: { ...auth(), 'accept-language': 'nl' } });
      assert.equal(r.status, 500);
      const problem = (await r.json()) as { requestId: string; detail: string };
      assert.match(problem.detail, /Er ging iets mis/);
      assert.equal(problem.requestId, r.headers.get('x-request-id'));
      const entry = logs.find(e => (e as { requestId: string }).requestId === problem.requestId) as Record<
        string,
        string
      >;
      assert.equal(entry?.level, 'error');
      assert.match(entry.error ?? '', /disk on fire/);
    });
  });

  it('answers browsers of the origins on the CORS allow-list only', async () => {
    await withApp({ corsOrigins: ['https://portal.example'] }, async url => {
      const preflight = await fetch(`${url}/api/v1/fapiao-requests`, {
        method: 'OPTIONS',
        headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      const get = await fetch(`${url}/api/v1/billing-accounts`, { headers: { origin: 'https://portal.example' } });
      assert.equal(get.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /x-request-id/);
      const other = await fetch(`${url}/api/v1/billing-accounts`, { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });
  });

  it('cuts off a client that sends its headers too slowly, and refuses connections beyond the limit', async () => {
    const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnections: 3 };
    await withApp({ limits }, async base => {
      const url = new URL(base);
      const open = () => connect(Number(url.port), url.hostname).resume(); // read, so the server's close is seen
      const closed = (socket: Socket) => new Promise<void>(resolve => socket.once('close', () => resolve()));
      const slow = open();
      slow.write('GET /api/v1/invoices HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // and never the blank line
      await closed(slow); // the test fails on its own timeout if the server keeps the socket
      const sockets = Array.from({ length: 6 }, open);
      const ended = await Promise.all(
        sockets.map(s =>
          Promise.race([closed(s).then(() => true), new Promise(r => setTimeout(() => r(false), 1500))]),
        ),
      );
      assert.ok(ended.filter(Boolean).length >= 3, `connections beyond 3 are refused (${ended.join(',')})`);
      sockets.forEach(s => s.destroy());
    });
  });
});
