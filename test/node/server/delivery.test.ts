import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { startServer, TOKENS, type TestServer } from '../helpers/server.js';

// A seller that offers e-mail and SF only: what the form shows comes from the account, and the server holds to it.
let server: TestServer;
before(async () => {
  server = await startServer({ delivery: { kinds: ['electronic', 'paper'], couriers: ['sf'] } });
});
after(async () => server.stop());

const headers = (locale = 'en') => ({
  authorization: `Bearer ${TOKENS.contoso}`,
  'content-type': 'application/json',
  'accept-language': locale,
});
const get = async <T>(path: string): Promise<T> =>
  (await fetch(server.api + path, { headers: headers() })).json() as Promise<T>;
const post = (body: unknown, locale = 'en') =>
  fetch(`${server.api}fapiao-requests`, {
    method: 'POST',
    headers: { ...headers(locale), 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
const requestCount = async () =>
  Number((await server.store.query<{ n: number }>('select count(*)::int as n from fapiao_requests')).rows[0]!.n);

const draft = emptyDraft({ title: '康托索（上海）信息技术有限公司', taxId: '91330106673959654P' });
const paper = { recipient: '王芳', recipientPhone: '021-60506050', postalAddress: '上海市郭守敬路 498 号' };

async function eligibleInvoiceId(): Promise<string> {
  const page = await get<{ items: Invoice[] }>(
    'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&sort=-date&limit=5',
  );
  const taken = new Set((await get<{ items: FapiaoRequest[] }>('fapiao-requests')).items.flatMap(r => r.invoiceIds));
  return page.items.find(i => !taken.has(i.id))!.id;
}

describe('delivery the seller offers', () => {
  it('says what is offered in the account: no pick-up, SF only', async () => {
    const account = await get<{ delivery: unknown }>('fapiao-account');
    assert.deepEqual(account.delivery, { kinds: ['electronic', 'paper'], couriers: ['sf'] });
  });

  it('refuses pick-up and Yunda with 422 under the field, in the language asked, storing nothing', async () => {
    const invoiceIds = [await eligibleInvoiceId()];
    const before = await requestCount();
    const cases = [
      [{ delivery: 'pickup', recipient: '李雷', recipientPhone: '13800138000' }, 'delivery', 'zh-CN', /销售方不提供/],
      [{ delivery: 'paper', courier: 'yunda', ...paper }, 'courier', 'nl', /biedt deze levering niet aan/],
    ] as const;
    for (const [change, field, locale, words] of cases) {
      const response = await post({ invoiceIds, draft: { ...draft, ...change } }, locale);
      assert.equal(response.status, 422);
      const problem = (await response.json()) as { errors: { field: string; code: string; message: string }[] };
      assert.deepEqual(
        problem.errors.map(e => [e.field, e.code]),
        [[field, 'delivery-not-offered']],
      );
      assert.match(problem.errors[0]!.message, words);
    }
    assert.equal(await requestCount(), before);
  });

  it('answers the odd and the huge in delivery fields with 422, and the process stays up', async () => {
    const invoiceIds = [await eligibleInvoiceId()];
    const before = await requestCount();
    for (const change of [
      { delivery: 'drone' },
      { delivery: 'paper', courier: 'dhl', ...paper },
      { delivery: 'paper', courier: ['sf'], ...paper },
      { delivery: 'paper', ...paper, recipient: '王'.repeat(31) },
      { delivery: 'paper', ...paper, recipientPhone: '1'.repeat(21) },
      { delivery: 'paper', ...paper, postalAddress: 'x'.repeat(1_500) },
    ]) {
      const response = await post({ invoiceIds, draft: { ...draft, ...change } });
      assert.equal(response.status, 422, JSON.stringify(change).slice(0, 80));
    }
    // A NUL is refused for the whole body, before any field is read.
    const nul = await post({ invoiceIds, draft: { ...draft, delivery: 'paper', ...paper, recipient: 'a\u0000b' } });
    assert.equal(nul.status, 400);
    const huge = await post({
      invoiceIds,
      draft: { ...draft, delivery: 'paper', ...paper, postalAddress: 'x'.repeat(200_000) },
    });
    assert.equal(huge.status, 413, 'a body beyond the limit is refused before it is read whole');
    assert.equal(await requestCount(), before);
    const ok = await post({ invoiceIds, draft: { ...draft, delivery: 'paper', courier: 'sf', ...paper } });
    assert.equal(ok.status, 201);
    assert.equal(((await ok.json()) as FapiaoRequest).shipping?.courier, 'sf');
  });
});
