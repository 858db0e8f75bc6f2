import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBillingClient, lazyBillingClient, type BillingClient } from '../../../src/client/index.js';
import { startServer, TOKENS, type TestServer } from '../helpers/server.js';

// The elements' client: the reference client whose HTTP code is fetched on first use. It must offer exactly the calls
// the reference client offers (the elements decide what to show by which optional calls exist) and behave the same.
describe('lazyBillingClient', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  const functionsOf = (client: object) =>
    Object.entries(client)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .filter(k => k !== 'preload')
      .sort();

  it('offers the same calls as the reference client, and the same document URLs without loading anything', () => {
    let loads = 0;
    const options = { baseUrl: 'https://portal.example.cn/api/v1/' };
    const lazy = lazyBillingClient(options, async () => {
      loads++;
      return { createBillingClient };
    });
    assert.deepEqual(functionsOf(lazy), functionsOf(createBillingClient(options)));
    const eager = createBillingClient(options);
    assert.equal(lazy.invoicePdfUrl('INV/1'), eager.invoicePdfUrl('INV/1'));
    assert.equal(lazy.statementPdfUrl('S 1'), eager.statementPdfUrl('S 1'));
    assert.equal(lazy.fapiaoArchiveUrl!(['A', 'B,C']), eager.fapiaoArchiveUrl!(['A', 'B,C']));
    assert.equal(loads, 0);
  });

  it('loads its code once for calls at once, and calls through to the server', async () => {
    let loads = 0;
    const lazy = lazyBillingClient({ baseUrl: server.api, token: TOKENS.contoso }, async () => {
      loads++;
      return { createBillingClient };
    });
    const [page, account] = await Promise.all([lazy.listInvoices({ limit: 2 }), lazy.getFapiaoAccount()]);
    assert.equal(page.items.length, 2);
    assert.equal(account.state, 'registered');
    assert.equal(loads, 1);
    await assert.rejects(lazy.getInvoice('INV-NOPE'), (e: { kind?: string; status?: number }) => e.status === 404);
  });

  it('tries to load its code again after a failed load (the network came back)', async () => {
    let attempt = 0;
    const lazy: BillingClient = lazyBillingClient({ baseUrl: server.api, token: TOKENS.contoso }, async () => {
      if (attempt++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
      return { createBillingClient };
    });
    await assert.rejects(lazy.getFapiaoAccount(), TypeError);
    assert.equal((await lazy.getFapiaoAccount()).state, 'registered');
    assert.equal(attempt, 2);
  });
});
