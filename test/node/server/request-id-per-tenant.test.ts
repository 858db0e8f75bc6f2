import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, toFen, type FapiaoRequest } from '../../../src/core/index.js';
import { ADMIN_TOKEN, callApi, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// A request's id is unique within its customer (tenant) only: every key leads with the tenant, and ids are 8 random hex
// digits, so across many customers two will share one. Every step the server takes on a request (issuing, e-mail,
// withdrawal, an operator's rejection) names the tenant with the id, so another customer's request of the same id is
// never read, changed or mailed. Before, `where id = $1` rewrote both rows with one customer's request.
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => server.stop());

const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });

/** Contoso asks for ¥123.45 of its bills; Fabrikam's request of the same id is written beside it, as the store keeps it. */
async function requestWithTwin(): Promise<{ id: string; contoso: string; fabrikam: string; twin: FapiaoRequest }> {
  const created = await callApi(server, 'POST', 'fapiao-requests', {
    amount: { sellerId: '21vianet-sh', currency: 'CNY', gross: 12_345 },
    draft,
  });
  assert.equal(created.status, 201);
  const request = (await created.json()) as FapiaoRequest;
  const { rows } = await server.store.query<{ tenant_id: string }>(
    'select tenant_id from fapiao_requests where id = $1',
    [request.id],
  );
  const contoso = rows[0]!.tenant_id;
  const fabrikam = (
    await server.store.query<{ id: string }>('select id from customers where id <> $1 order by id limit 1', [contoso])
  ).rows[0]!.id;
  const twin: FapiaoRequest = {
    ...request,
    invoiceIds: ['FAB-BILL-1'],
    amounts: [toFen(100)],
    buyer: { ...request.buyer, title: 'Fabrikam 北京' },
    email: 'ap@fabrikam.example',
  };
  await server.store.query(
    'insert into fapiao_requests (id, tenant_id, created_at, status, body, locale) values ($1, $2, $3, $4, $5, $6)',
    [request.id, fabrikam, request.createdAt, 'submitted', JSON.stringify(twin), 'en'],
  );
  return { id: request.id, contoso, fabrikam, twin };
}

async function stored(tenant: string, id: string) {
  const { rows } = await server.store.query<{ status: string; body: FapiaoRequest }>(
    'select status, body from fapiao_requests where tenant_id = $1 and id = $2',
    [tenant, id],
  );
  return rows[0]!;
}

describe("a request id another customer's request has too", () => {
  it("is issued and e-mailed for its own customer only; the other's request stays as it was", async () => {
    const { id, contoso, fabrikam, twin } = await requestWithTwin();
    for (let i = 0; i < 4; i++) await server.admin('/process-requests');
    const mine = (await (await callApi(server, 'GET', `fapiao-requests/${id}`)).json()) as FapiaoRequest;
    assert.equal(mine.status, 'issued');
    assert.equal(mine.buyer.title, '康托索');
    assert.deepEqual(await stored(fabrikam, id), { status: 'submitted', body: twin });
    const jobs = await server.store.query<{ tenant_id: string }>(
      'select tenant_id from issuing_jobs where request_id = $1',
      [id],
    );
    assert.deepEqual(
      jobs.rows.map(r => r.tenant_id),
      [contoso],
      'one issuing job, the requesting customer’s',
    );
    const emails = await server.store.query<{ tenant_id: string; recipient: string }>(
      'select tenant_id, recipient from fapiao_emails where request_id = $1',
      [id],
    );
    assert.deepEqual(emails.rows, [{ tenant_id: contoso, recipient: 'finance@contoso.cn' }]);
    // Fabrikam's own view: its request, not Contoso's.
    const theirs = await callApi(server, 'GET', `fapiao-requests/${id}`, undefined, 'en', TOKENS.fabrikam);
    assert.equal(((await theirs.json()) as FapiaoRequest).buyer.title, 'Fabrikam 北京');
  });

  it('is withdrawn for its own customer only', async () => {
    const { id, fabrikam, twin } = await requestWithTwin();
    const withdrawn = await callApi(server, 'POST', `fapiao-requests/${id}/withdraw`, {});
    assert.equal(withdrawn.status, 200);
    assert.equal(((await withdrawn.json()) as FapiaoRequest).status, 'cancelled');
    assert.deepEqual(await stored(fabrikam, id), { status: 'submitted', body: twin });
  });

  it('is rejected by an operator only once the customer is named, and only that one', async () => {
    const { id, contoso, fabrikam, twin } = await requestWithTwin();
    const reject = (body: unknown) =>
      fetch(`${server.url}/__admin/requests/${id}/reject`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN },
        body: JSON.stringify(body),
      });
    const ambiguous = await reject({ reason: '信息有误' });
    assert.equal(ambiguous.status, 409);
    assert.equal((await stored(contoso, id)).status, 'submitted', 'nothing touched');
    assert.equal((await reject({ reason: '信息有误', tenant: 42 })).status, 422);
    assert.equal((await reject({ reason: '信息有误', tenant: 'nobody' })).status, 404);
    const rejected = await reject({ reason: '信息有误', tenant: contoso });
    assert.equal(rejected.status, 200);
    assert.equal((await stored(contoso, id)).status, 'rejected');
    assert.deepEqual(await stored(fabrikam, id), { status: 'submitted', body: twin });
    assert.deepEqual(server.logs, []);
  });
});
