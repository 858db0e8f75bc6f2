import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkEligibility, type FapiaoBalance, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { callApi, NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// The balance over every bill of the customer, computed where all of them are (the browser sees a page at a time).
describe('GET /api/v1/fapiao-balance', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());
  const get = async <T>(path: string, token: string = TOKENS.contoso) =>
    (await (await callApi(server, 'GET', path, undefined, 'en', token)).json()) as T;

  it("adds up the customer's own bills as the request rules see them, per seller and currency", async () => {
    const { items } = await get<{ items: FapiaoBalance[] }>('fapiao-balance');
    const invoices = (await get<{ items: Invoice[] }>('invoices?limit=500')).items;
    const requests = (await get<{ items: FapiaoRequest[] }>('fapiao-requests')).items;
    const eligible = invoices.filter(
      i => checkEligibility(i, { now: new Date(NOW), account: 'registered', requests }).eligible,
    );
    const cny = items.find(b => b.currency === 'CNY')!;
    assert.equal(cny.sellerId, '21vianet-sh');
    assert.equal(
      cny.invoiceable,
      eligible.filter(i => i.currency === 'CNY').reduce((sum, i) => sum + i.amounts.gross, 0),
    );
    const inForce = requests
      .filter(r => ['issued', 'mailed', 'ready-for-pickup'].includes(r.status))
      .flatMap(r => r.fapiaos.filter(f => !f.reversedBy && !f.reverses && f.currency === 'CNY'));
    assert.equal(
      cny.invoiced,
      inForce.reduce((sum, f) => sum + f.gross, 0),
    );
    assert.ok(cny.invoiced > 0 && cny.invoiceable > 0, 'the seed has both');
    for (const b of items)
      for (const [k, v] of Object.entries(b)) if (typeof v === 'number') assert.ok(Number.isSafeInteger(v), k);
  });

  it("has nothing invoiceable for a customer without a Fapiao account, and none of another's bills", async () => {
    const { items } = await get<{ items: FapiaoBalance[] }>('fapiao-balance', TOKENS.fabrikam);
    assert.ok(
      items.every(b => b.invoiceable === 0 && b.invoiced === 0),
      JSON.stringify(items),
    );
    assert.equal((await callApi(server, 'GET', 'fapiao-balance', undefined, 'en', 'nobody')).status, 401);
  });
});
