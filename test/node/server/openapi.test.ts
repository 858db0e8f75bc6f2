import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { startServer, TOKENS, type TestServer } from '../helpers/server.js';

// The contract in api/openapi.json, checked against the reference server's real responses.
const spec = JSON.parse(readFileSync('api/openapi.json', 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'openapi.json', components: spec.components });

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => server.stop());

async function call(
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; token?: string } = {},
) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${init.token ?? TOKENS.contoso}`,
      'content-type': 'application/json',
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.arrayBuffer();
  return { status: response.status, type, body };
}

/** A valid draft for an individual's 普票 by e-mail: the body of the requests below. */
const draft = {
  buyerKind: 'individual',
  fapiaoKind: 'ordinary',
  title: '张三',
  delivery: 'electronic',
  email: 'z@example.cn',
};

/** Validates a response against the schema the document gives for that path, method, status and media type. */
function conforms(template: string, method: string, r: { status: number; type: string; body: unknown }) {
  const operation = spec.paths[template]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${template} is documented`);
  const response = operation.responses[String(r.status)];
  assert.ok(response, `${method} ${template} documents status ${r.status}`);
  const media = Object.keys(response.content ?? {}).find(m => r.type.startsWith(m));
  assert.ok(media || !response.content, `${method} ${template} ${r.status} documents ${r.type}`);
  const schema = media ? response.content[media].schema : undefined;
  if (schema && !(r.body instanceof ArrayBuffer)) {
    // Inline schemas refer to components with `#/components/…`: point those at the registered document.
    const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
    const validate = ajv.compile(rooted);
    assert.ok(validate(r.body), `${method} ${template} ${r.status}: ${ajv.errorsText(validate.errors)}`);
  }
}

describe('api/openapi.json matches the server', () => {
  it('is an OpenAPI 3.1 document whose schemas compile', () => {
    assert.equal(spec.openapi, '3.1.0');
    for (const name of Object.keys(spec.components.schemas)) ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  });
  it('documents every read endpoint as it answers', async () => {
    const invoices = await call('GET', '/invoices?limit=3&sort=-amount');
    conforms('/invoices', 'GET', invoices);
    const id = (invoices.body as { items: { id: string }[] }).items[0]!.id;
    conforms('/invoices/{id}', 'GET', await call('GET', `/invoices/${id}`));
    conforms('/invoices/{id}/pdf', 'GET', await call('GET', `/invoices/${id}/pdf`));
    conforms('/billing-accounts', 'GET', await call('GET', '/billing-accounts'));
    const statements = await call('GET', '/statements');
    conforms('/statements', 'GET', statements);
    conforms(
      '/statements/{id}/pdf',
      'GET',
      await call('GET', `/statements/${(statements.body as { items: { id: string }[] }).items[0]!.id}/pdf`),
    );
    conforms('/fapiao-account', 'GET', await call('GET', '/fapiao-account'));
    // Registration: the form's problems, and (this server has no mailer) the 503 that keeps the registration.
    const registration = (body: unknown) =>
      call('POST', '/fapiao-account/registration', { body, token: TOKENS.fabrikam });
    conforms('/fapiao-account/registration', 'POST', await registration({ orderNumber: '', email: 'x' }));
    const bill = (await call('GET', '/invoices?limit=1', { token: TOKENS.fabrikam })).body as {
      items: { number: string }[];
    };
    conforms(
      '/fapiao-account/registration',
      'POST',
      await registration({ orderNumber: bill.items[0]!.number, email: 'a@b.cn' }),
    );
    conforms('/fapiao-account', 'GET', await call('GET', '/fapiao-account', { token: TOKENS.fabrikam }));
    conforms('/fapiao-account/activation-email', 'POST', await call('POST', '/fapiao-account/activation-email'));
    const requests = await call('GET', '/fapiao-requests');
    conforms('/fapiao-requests', 'GET', requests);
    const issued = (requests.body as { items: { id: string; fapiaos: { files: { url: string }[] }[] }[] }).items.find(
      r => r.fapiaos.length,
    )!;
    conforms('/fapiao-requests/{id}', 'GET', await call('GET', `/fapiao-requests/${issued.id}`));
    for (const file of issued.fapiaos[0]!.files) {
      conforms(
        '/fapiao-requests/{id}/fapiaos/{number}.{format}',
        'GET',
        await call('GET', file.url.replace('/api/v1', '')),
      );
    }
  });
  it("documents the issuing provider's callback (the simulation polls, so it has none)", async () => {
    const answer = await call('POST', '/issuing/callback', { body: { ref: 'x' }, token: 'none' });
    assert.equal(answer.status, 404);
    conforms('/issuing/callback', 'POST', answer);
  });
  it('documents the Fapiao balance as it answers', async () => {
    conforms('/fapiao-balance', 'GET', await call('GET', '/fapiao-balance'));
    conforms('/fapiao-balance', 'GET', await call('GET', '/fapiao-balance', { token: 'nobody' }));
  });
  it('documents the preview and the request by amount as they answer', async () => {
    conforms('/fapiao-plan', 'GET', await call('GET', '/fapiao-plan?sellerId=21vianet-sh&currency=CNY&gross=12345'));
    conforms('/fapiao-plan', 'GET', await call('GET', '/fapiao-plan?gross=x'));
    conforms('/fapiao-plan', 'GET', await call('GET', '/fapiao-plan?sellerId=21vianet-sh&gross=999999999999'));
    conforms('/fapiao-plan', 'GET', await call('GET', '/fapiao-plan?gross=1', { token: 'nobody' }));
    const byAmount = (gross: number, key: string) =>
      call('POST', '/fapiao-requests', {
        body: { amount: { sellerId: '21vianet-sh', currency: 'CNY', gross }, draft },
        headers: { 'idempotency-key': key },
      });
    const created = await byAmount(12_345, 'contract-amount-key-1');
    assert.equal(created.status, 201);
    assert.ok((created.body as { amounts?: number[] }).amounts, 'the last bill is taken in part');
    conforms('/fapiao-requests', 'POST', created);
    const refused = await byAmount(999_999_999_999, 'contract-amount-key-2');
    assert.equal(refused.status, 422);
    conforms('/fapiao-requests', 'POST', refused);
  });
  it("documents the accountant's bundle of a period as it answers", async () => {
    conforms('/fapiao-files.zip', 'GET', await call('GET', '/fapiao-files.zip?from=2026-01-01&to=2026-12-31'));
    conforms('/fapiao-files.zip', 'GET', await call('GET', '/fapiao-files.zip?from=2026-12-31&to=2026-01-01'));
    conforms('/fapiao-files.zip', 'GET', await call('GET', '/fapiao-files.zip?from=2020-01-01&to=2020-01-31'));
  });
  it('documents the address book as it answers', async () => {
    const office = { recipient: '王芳', phone: '021-60506050', address: '上海市浦东新区郭守敬路 498 号' };
    const created = await call('POST', '/shipping-addresses', { body: office });
    conforms('/shipping-addresses', 'POST', created);
    const id = (created.body as { id: string }).id;
    conforms(
      '/shipping-addresses',
      'POST',
      await call('POST', '/shipping-addresses', { body: { ...office, phone: '?' } }),
    );
    conforms('/shipping-addresses/{id}/default', 'POST', await call('POST', `/shipping-addresses/${id}/default`));
    conforms('/shipping-addresses', 'GET', await call('GET', '/shipping-addresses'));
    conforms('/shipping-addresses/{id}', 'PUT', await call('PUT', `/shipping-addresses/${id}`, { body: office }));
    conforms('/shipping-addresses/{id}', 'DELETE', await call('DELETE', `/shipping-addresses/${id}`));
    conforms('/shipping-addresses/{id}', 'DELETE', await call('DELETE', `/shipping-addresses/${id}`));
  });
  it('documents writes and their problems', async () => {
    const profile = await call('POST', '/buyer-profiles', { body: { buyerKind: 'individual', title: '张三' } });
    conforms('/buyer-profiles', 'POST', profile);
    conforms('/buyer-profiles', 'GET', await call('GET', '/buyer-profiles'));
    const id = (profile.body as { id: string }).id;
    conforms(
      '/buyer-profiles/{id}',
      'PUT',
      await call('PUT', `/buyer-profiles/${id}`, { body: { buyerKind: 'individual', title: '李四' } }),
    );
    conforms(
      '/buyer-profiles',
      'POST',
      await call('POST', '/buyer-profiles', { body: { buyerKind: 'enterprise', title: 'X', taxId: '1' } }),
    );
    conforms('/buyer-profiles/{id}', 'DELETE', await call('DELETE', `/buyer-profiles/${id}`));
    const paid = (await call('GET', '/invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=2')).body as {
      items: { id: string }[];
    };
    const body = { invoiceIds: [paid.items[1]!.id], draft }; // [0] already has a seeded request
    const created = await call('POST', '/fapiao-requests', {
      body,
      headers: { 'idempotency-key': 'contract-test-key-1' },
    });
    assert.equal(created.status, 201);
    conforms('/fapiao-requests', 'POST', created);
    conforms(
      '/fapiao-requests',
      'POST',
      await call('POST', '/fapiao-requests', { body, headers: { 'idempotency-key': 'contract-test-key-1' } }),
    );
    conforms(
      '/fapiao-requests',
      'POST',
      await call('POST', '/fapiao-requests', { body, headers: { 'idempotency-key': 'contract-test-key-2' } }),
    );
    conforms('/fapiao-requests', 'POST', await call('POST', '/fapiao-requests', { body }));
    conforms(
      '/fapiao-requests',
      'POST',
      await call('POST', '/fapiao-requests', {
        body: { ...body, draft: { ...draft, email: 'x' } },
        headers: { 'idempotency-key': 'contract-test-key-3' },
      }),
    );
    conforms('/invoices', 'GET', await call('GET', '/invoices?limit=0'));
    conforms('/invoices/{id}', 'GET', await call('GET', '/invoices/nope'));
    conforms('/invoices', 'GET', await call('GET', '/invoices', { token: 'wrong' }));
  });
});
