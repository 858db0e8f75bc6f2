import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEligibility,
  claimsByAmount,
  emptyDraft,
  type FapiaoBalance,
  type FapiaoRequest,
  type Invoice,
  type PlanPreview,
} from '../../../src/core/index.js';
import { NOW, serverForEachTest, TOKENS } from '../helpers/server.js';

// A request by amount (Alibaba's InvoiceByAmount, Tencent's 按输入金额): the server picks the bills, oldest payment
// first, the last one in part; the rest of that bill stays open to another request, and no bill is ever claimed for
// more than its amount.
describe('requests by amount', () => {
  const api = serverForEachTest();
  const { call, json } = api;
  const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
  const SELLER = '21vianet-sh';
  const amount = (gross: number) => ({ sellerId: SELLER, currency: 'CNY', gross });
  const balance = async () =>
    (await json<{ items: FapiaoBalance[] }>(call('GET', 'fapiao-balance'))).items.find(b => b.currency === 'CNY')!;
  const requests = async () => (await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'))).items;
  const bills = async () => (await json<{ items: Invoice[] }>(call('GET', 'invoices?limit=500'))).items;

  it("previews what the core's rule takes of the customer's bills, the last one in part, to the fen", async () => {
    const { invoiceable } = await balance();
    assert.ok(invoiceable > 20_000, `the seed has ${invoiceable} fen to invoice`);
    const gross = Math.floor(invoiceable / 2) + 1;
    const preview = await json<PlanPreview>(call('GET', `fapiao-plan?sellerId=${SELLER}&currency=CNY&gross=${gross}`));
    const expected = claimsByAmount(await bills(), amount(gross), {
      now: new Date(NOW),
      account: 'registered',
      requests: await requests(),
    });
    assert.ok(expected.ok);
    const lines = preview.fapiaos.flatMap(f => f.lines);
    assert.deepEqual(
      lines.map(l => [l.invoiceId, l.gross]),
      expected.claims.map(c => [c.invoice.id, c.gross]),
    );
    assert.equal(
      preview.totals.reduce((a, t) => a + t.gross, 0),
      gross,
    );
    assert.ok(lines.every(l => l.net + l.tax === l.gross));
    assert.ok(!('buyer' in preview.fapiaos[0]!), 'a preview has no buyer yet');
  });

  it('takes the amount from the balance, issues it to the fen, and leaves the rest of the last bill open', async () => {
    const before = await balance();
    const gross = 12_345;
    const created = await call('POST', 'fapiao-requests', { amount: amount(gross), draft });
    assert.equal(created.status, 201);
    const request = (await created.json()) as FapiaoRequest;
    const after = await balance();
    assert.equal(after.invoiceable, before.invoiceable - gross);

    // The partly taken bill is eligible for its rest, and a request for that bill takes exactly that.
    const partial = request.invoiceIds.at(-1)!;
    const taken = request.amounts?.at(-1);
    assert.ok(taken !== undefined, 'the last bill is taken in part');
    const bill = (await bills()).find(b => b.id === partial)!;
    const e = checkEligibility(bill, { now: new Date(NOW), account: 'registered', requests: await requests() });
    assert.equal(e.eligible, true);
    assert.equal(e.unclaimed, bill.amounts.gross - taken);
    const rest = await json<FapiaoRequest>(call('POST', 'fapiao-requests', { invoiceIds: [partial], draft }));
    assert.deepEqual(rest.amounts, [bill.amounts.gross - taken]);
    // Now nothing is left of it: a third request is refused, in Chinese when asked in Chinese.
    const third = await call('POST', 'fapiao-requests', { invoiceIds: [partial], draft }, 'zh-CN');
    assert.equal(third.status, 409);
    assert.match(((await third.json()) as { detail: string }).detail, /申请/);

    // Issued to the fen: the Fapiao add up to the amount asked.
    await api.server.admin('/process-requests');
    await api.server.admin('/process-requests');
    const issued = (await requests()).find(r => r.id === request.id)!;
    assert.equal(issued.status, 'issued');
    assert.equal(
      issued.fapiaos.reduce((a, f) => a + f.gross, 0),
      gross,
    );
    assert.ok(issued.fapiaos.every(f => f.net + f.tax === f.gross));
  });

  it('gives the amount back when the request is withdrawn', async () => {
    const before = await balance();
    const request = await json<FapiaoRequest>(call('POST', 'fapiao-requests', { amount: amount(5_000), draft }));
    assert.equal((await balance()).invoiceable, before.invoiceable - 5_000);
    assert.equal((await call('POST', `fapiao-requests/${request.id}/withdraw`)).status, 200);
    assert.equal((await balance()).invoiceable, before.invoiceable);
  });

  it('refuses more than can be invoiced, in the language asked, saying how much can be', async () => {
    const { invoiceable } = await balance();
    const stored = (await requests()).length;
    for (const [lang, words] of [
      ['zh-CN', /当前最多可开票/],
      ['en', /At most .* can be invoiced now/],
      ['nl', /hoogstens .* worden gefactureerd/],
    ] as const) {
      const refused = await call('POST', 'fapiao-requests', { amount: amount(invoiceable + 1), draft }, lang);
      assert.equal(refused.status, 422);
      const problem = (await refused.json()) as { detail: string; invoiceable: number; errors: { code: string }[] };
      assert.match(problem.detail, words);
      assert.equal(problem.invoiceable, invoiceable);
      assert.equal(problem.errors[0]!.code, 'amount-above-invoiceable');
    }
    const preview = await call('GET', `fapiao-plan?sellerId=${SELLER}&currency=CNY&gross=${invoiceable + 1}`);
    assert.equal(preview.status, 422);
    assert.equal((await requests()).length, stored, 'nothing stored');
    assert.equal((await balance()).invoiceable, invoiceable);
  });

  it('answers odd, huge, malformed and cross-tenant amounts with a 4xx and stores nothing', async () => {
    const before = (await requests()).length;
    const odd: unknown[] = [
      0,
      -100,
      1.5,
      '100',
      null,
      [],
      { sellerId: SELLER, currency: 'CNY' },
      { sellerId: SELLER, currency: 'cny', gross: 100 },
      { sellerId: SELLER, currency: 'CNY', gross: 1e300 },
      { sellerId: SELLER, currency: 'CNY', gross: 0 },
      { sellerId: SELLER, currency: 'CNY', gross: -1 },
      { sellerId: SELLER, currency: 'CNY', gross: 100.5 },
      { sellerId: 'x'.repeat(10_000), currency: 'CNY', gross: 100 },
      { sellerId: 42, currency: 'CNY', gross: 100 },
      { sellerId: 'nobody', currency: 'CNY', gross: 100 },
      { sellerId: SELLER, currency: 'USD', gross: 100 },
    ];
    for (const value of odd) {
      const r = await call('POST', 'fapiao-requests', { amount: value, draft });
      assert.equal(r.status, 422, JSON.stringify(value)?.slice(0, 80));
      assert.ok(((await r.json()) as { detail: string }).detail.length > 0);
    }
    const both = await call('POST', 'fapiao-requests', { amount: amount(100), invoiceIds: ['x'], draft });
    assert.equal(both.status, 422);
    for (const query of [
      '',
      'gross=',
      'gross=abc',
      'gross=-1',
      'gross=1e3',
      `gross=${'9'.repeat(30)}`,
      'gross=1&fapiaoKind=x',
    ])
      assert.equal((await call('GET', `fapiao-plan?${query}`)).status, 400, query);
    // Another customer (no Fapiao account) has nothing to invoice, and never Contoso's bills.
    const fabrikam = await call('POST', 'fapiao-requests', { amount: amount(100), draft }, 'en', TOKENS.fabrikam);
    assert.equal(fabrikam.status, 422);
    assert.equal(((await fabrikam.json()) as { invoiceable: number }).invoiceable, 0);
    assert.equal((await call('GET', 'fapiao-plan?gross=100', undefined, 'en', 'nobody')).status, 401);
    assert.equal((await requests()).length, before, 'nothing stored');
  });

  it('replays a retried request by amount with the same key, and takes the amount once', async () => {
    const before = await balance();
    const send = () =>
      fetch(`${api.server.api}fapiao-requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKENS.contoso}`,
          'content-type': 'application/json',
          'idempotency-key': 'amount-retry-0001',
        },
        body: JSON.stringify({ amount: amount(7_777), draft }),
      });
    const [a, b] = await Promise.all([send(), send()]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 201]);
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as FapiaoRequest[];
    assert.equal(ra!.id, rb!.id);
    assert.equal((await balance()).invoiceable, before.invoiceable - 7_777);
  });

  it('never takes more than the bills have when many requests by amount come at once', async () => {
    const { invoiceable } = await balance();
    const share = Math.floor(invoiceable * 0.4);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', 'fapiao-requests', { amount: amount(share), draft })),
    );
    const statuses = answers.map(a => a.status);
    assert.equal(statuses.filter(s => s === 201).length, 2, statuses.join());
    assert.ok(
      statuses.every(s => s === 201 || s === 409 || s === 422),
      statuses.join(),
    );
    assert.equal((await balance()).invoiceable, invoiceable - 2 * share);
    const { rows } = await api.server.store.query<{ invoice_id: string; taken: string; gross: string }>(
      'select c.invoice_id, sum(c.gross) as taken, i.gross from invoice_claims c join invoices i on i.id = c.invoice_id group by c.invoice_id, i.gross',
    );
    for (const r of rows) assert.ok(Number(r.taken) <= Number(r.gross), r.invoice_id);
  });

  it('refuses in the database a claim beyond what a bill has left, whoever asks', async () => {
    const request = await json<FapiaoRequest>(call('POST', 'fapiao-requests', { amount: amount(1_000), draft }));
    const bill = request.invoiceIds[0]!;
    await assert.rejects(
      api.server.store.query(
        "insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ('contoso', $1, 'REQ-X', 10000000)",
        [bill],
      ),
      /invoice_claims_within_amount/,
    );
    await assert.rejects(
      api.server.store.query(
        "insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ('contoso', $1, 'REQ-Y', 0)",
        [bill],
      ),
      /invoice_claims_within_amount/,
    );
    // What is left fits exactly, and then not one fen more.
    const claim = (request: string, gross: number) =>
      api.server.store.query(
        "insert into invoice_claims (tenant_id, invoice_id, request_id, gross) values ('contoso', $1, $2, $3)",
        [bill, request, gross],
      );
    const gross = Number(
      (await api.server.store.query<{ gross: string }>('select gross from invoices where id = $1', [bill])).rows[0]!
        .gross,
    );
    await claim('REQ-Z', gross - 1_000);
    await assert.rejects(claim('REQ-W', 1), /invoice_claims_within_amount/);
  });
});
