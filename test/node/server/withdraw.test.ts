import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { serverForEachTest, TOKENS } from '../helpers/server.js';

// Withdrawing a request before the seller starts issuing it: cancelled, its bills free again, and the back office
// and the customer never both win.
describe('withdrawing a Fapiao request', () => {
  const api = serverForEachTest();
  const { call, json } = api;
  const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });

  async function submitted(): Promise<FapiaoRequest> {
    const page = await json<{ items: Invoice[] }>(
      call('GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=8'),
    );
    const taken = new Set(
      (await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'))).items.flatMap(r => r.invoiceIds),
    );
    const invoice = page.items.find(i => !taken.has(i.id))!;
    return json<FapiaoRequest>(call('POST', 'fapiao-requests', { invoiceIds: [invoice.id], draft }));
  }

  it('cancels a submitted request and frees its bills; withdrawing again answers the same', async () => {
    const request = await submitted();
    const [a, b] = await Promise.all([1, 2].map(() => call('POST', `fapiao-requests/${request.id}/withdraw`)));
    assert.deepEqual([a!.status, b!.status], [200, 200]);
    const withdrawn = (await a!.json()) as FapiaoRequest;
    assert.equal(withdrawn.status, 'cancelled');
    assert.deepEqual(
      withdrawn.history.map(h => h.status),
      ['submitted', 'cancelled'],
    );
    assert.deepEqual(((await b!.json()) as FapiaoRequest).history, withdrawn.history, 'one withdrawal');
    // The bills can be requested again, and the back office leaves the withdrawn request alone.
    assert.equal((await call('POST', 'fapiao-requests', { invoiceIds: request.invoiceIds, draft })).status, 201);
    await api.server.admin('/process-requests');
    assert.equal((await json<FapiaoRequest>(call('GET', `fapiao-requests/${request.id}`))).status, 'cancelled');
  });

  it('refuses once issuing started or after, in the language asked; another customer gets 404', async () => {
    const request = await submitted();
    await api.server.admin('/process-requests'); // → processing
    const late = await call('POST', `fapiao-requests/${request.id}/withdraw`, undefined, 'zh-CN');
    assert.equal(late.status, 409);
    const problem = (await late.json()) as { detail: string; errors: { code: string }[] };
    assert.match(problem.detail, /开票已开始，无法撤回/);
    assert.equal(problem.errors[0]!.code, 'issuing-started');
    await api.server.admin('/process-requests'); // → issued
    const issued = await call('POST', `fapiao-requests/${request.id}/withdraw`);
    assert.equal(((await issued.json()) as { errors: { code: string }[] }).errors[0]!.code, 'already-issued');
    assert.equal(
      (await call('POST', `fapiao-requests/${request.id}/withdraw`, undefined, 'en', TOKENS.fabrikam)).status,
      404,
    );
    assert.equal((await call('POST', 'fapiao-requests/REQ-NOPE/withdraw')).status, 404);
  });

  it('races the back office fairly: the request ends either withdrawn and never issued, or issued and refused', async () => {
    for (let round = 0; round < 5; round++) {
      const request = await submitted();
      const [withdraw] = await Promise.all([
        call('POST', `fapiao-requests/${request.id}/withdraw`),
        api.server.admin('/process-requests'),
      ]);
      await api.server.admin('/process-requests');
      await api.server.admin('/process-requests');
      const final = await json<FapiaoRequest>(call('GET', `fapiao-requests/${request.id}`));
      if (withdraw.status === 200) {
        assert.equal(final.status, 'cancelled');
        assert.deepEqual(final.fapiaos, []);
      } else {
        assert.equal(withdraw.status, 409);
        assert.equal(final.status, 'issued');
      }
    }
  });
});
