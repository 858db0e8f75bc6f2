import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { callApi, NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// A reissue (换开) end to end on the reference server: asked for with corrections, the red-letter confirmation form,
// the red-letter Fapiao reversing the old one (its PDF read back by PDF.js), the new request issuing the corrected one.
describe('reissue (换开) and red-letter reversal', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());
  beforeEach(async () => {
    await server.admin('/clock', { now: new Date(NOW).toISOString() }, 'PUT');
    await server.reset();
  });

  const call = (method: string, path: string, body?: unknown, lang?: string, token?: string) =>
    callApi(server, method, path, body, lang, token);
  const json = async <T>(r: Response | Promise<Response>) => (await (await r).json()) as T;
  const get = (id: string) => json<FapiaoRequest>(call('GET', `fapiao-requests/${id}`));
  const step = () => server.admin('/process-requests');
  const title = '康托索（上海）信息技术有限公司';
  const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });
  const corrected = { ...draft, title };

  async function issuedRequest(change: object = {}): Promise<FapiaoRequest> {
    const page = await json<{ items: Invoice[] }>(
      call('GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=8'),
    );
    const requests = await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'));
    const taken = new Set(requests.items.flatMap(r => r.invoiceIds));
    const invoice = page.items.find(i => !taken.has(i.id))!;
    const created = await json<FapiaoRequest>(
      call('POST', 'fapiao-requests', { invoiceIds: [invoice.id], draft: { ...draft, ...change } }),
    );
    await step();
    await step();
    const issued = await get(created.id);
    assert.ok(['issued', 'mailed', 'ready-for-pickup'].includes(issued.status), issued.status);
    return issued;
  }

  it('reverses the old Fapiao with a red-letter one and issues the corrected one from a new request', async () => {
    const old = await issuedRequest();
    const blue = old.fapiaos[0]!;
    const asked = await call('POST', `fapiao-requests/${old.id}/reissue`, {
      reason: 'buyer-name',
      note: '抬头少了“（上海）信息技术有限公司”',
      draft: corrected,
    });
    assert.equal(asked.status, 202);
    const reissue = ((await asked.json()) as FapiaoRequest).reissue!;
    assert.equal(reissue.step, 'red-letter-confirmation', 'an e-Fapiao has no paper to send back');
    assert.equal(reissue.buyer.title, title);
    // While it runs, the bill stays invoiced: no second request for it.
    assert.equal((await call('POST', 'fapiao-requests', { invoiceIds: old.invoiceIds, draft })).status, 409);

    await step(); // the reversal is handed to the issuing provider
    assert.equal((await get(old.id)).reissue!.step, 'red-letter-confirmation');

    await step(); // the provider confirmed the form and issued the red-letter Fapiao; the new request is queued
    const reversed = await get(old.id);
    assert.equal(reversed.status, 'reversed');
    assert.match(reversed.reissue!.confirmationNumber ?? '', /^\d{20}$/);
    const red = reversed.fapiaos.find(f => f.reverses === blue.number)!;
    assert.deepEqual([red.net, red.tax, red.gross], [-blue.net, -blue.tax, -blue.gross]);
    assert.equal(reversed.fapiaos.find(f => f.number === blue.number)!.reversedBy, red.number);
    const replacementId = reversed.reissue!.replacementId!;
    const replacement = await get(replacementId);
    assert.equal(replacement.replaces, old.id);
    assert.equal(replacement.buyer.title, title);
    assert.deepEqual(replacement.invoiceIds, old.invoiceIds);
    assert.equal(replacement.email, 'finance@contoso.cn', 'it goes where the old one went');
    assert.equal((await call('POST', 'fapiao-requests', { invoiceIds: old.invoiceIds, draft })).status, 409);

    await step(); // the new request is handed over
    await step(); // the new Fapiao is issued
    await step(); // and the reissue is done
    const done = await get(old.id);
    assert.equal(done.reissue!.step, 'done');
    assert.deepEqual(
      done.reissue!.steps.map(s => s.step),
      ['red-letter-confirmation', 'red-letter-fapiao', 'new-fapiao', 'done'],
    );
    const reissued = await get(replacementId);
    assert.equal(reissued.status, 'issued');
    assert.equal(reissued.fapiaos[0]!.gross, blue.gross);

    // The red-letter PDF as PDF.js reads it: negative amounts, 负 in words, what it reverses and the form's number.
    const pdf = Buffer.from(
      await (await call('GET', red.files.find(f => f.format === 'pdf')!.url.replace('/api/v1/', ''))).arrayBuffer(),
    );
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    assert.match(text, new RegExp(`被红冲蓝字数电票号码：${blue.number}`));
    assert.match(text, new RegExp(`红字发票信息确认单编号：${done.reissue!.confirmationNumber}`));
    assert.match(text, /负/);
    const xml = await (await call('GET', red.files.find(f => f.format === 'xml')!.url.replace('/api/v1/', ''))).text();
    assert.match(xml, new RegExp(`<RedLetter><Reverses>${blue.number}</Reverses>`));
    // Done: nothing left to reissue on the old request; the new one can be reissued in its turn.
    assert.equal(
      (
        await call('POST', `fapiao-requests/${old.id}/reissue`, {
          reason: 'other',
          draft: { ...corrected, title: 'X 公司' },
        })
      ).status,
      409,
    );
  });

  it('asks a paper Fapiao back first; the same corrections again answer the same reissue, other ones wait', async () => {
    const old = await issuedRequest({
      delivery: 'pickup',
      recipient: '李雷',
      recipientPhone: '13800138000',
    });
    const body = { reason: 'tax-id', draft: { ...corrected, delivery: 'electronic' } };
    const [a, b] = await Promise.all([1, 2].map(() => call('POST', `fapiao-requests/${old.id}/reissue`, body)));
    assert.deepEqual([a!.status, b!.status].sort(), [200, 202], 'two at once: one reissue, the other answered with it');
    const reissue = ((await a!.json()) as FapiaoRequest).reissue!;
    assert.equal(reissue.step, 'return-paper');
    const other = await call('POST', `fapiao-requests/${old.id}/reissue`, { ...body, reason: 'other' }, 'zh-CN');
    assert.equal(other.status, 409);
    assert.match(((await other.json()) as { detail: string }).detail, /换开正在处理中/);
    await step();
    assert.equal((await get(old.id)).reissue!.step, 'red-letter-confirmation');
    await step();
    await step();
    const replacement = await get((await get(old.id)).reissue!.replacementId!);
    assert.equal(replacement.delivery, 'pickup', 'the corrected Fapiao is collected where the old one was');
    assert.equal(replacement.pickup?.collector, '李雷');
  });

  it('refuses with a 4xx in the language asked: not issued, no change, outside the window, bad input, another customer', async () => {
    const old = await issuedRequest();
    const requests = (await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'))).items;
    const cases: [string, unknown, number, RegExp | string][] = [
      [old.id, { reason: 'nope', draft: corrected }, 422, /reason must be one of/],
      [old.id, { reason: 'other', draft: { ...corrected, taxId: '91330106673959654X' } }, 422, 'taxId'],
      [old.id, { reason: 'other', draft }, 422, /same details needs no reissue/],
      [old.id, { reason: 'other', note: 'x'.repeat(201), draft: corrected }, 422, /note/],
      [old.id, { reason: 'other', note: 'a\u0007b', draft: corrected }, 400, /control characters/],
      [old.id, { reason: 'other', draft: 'title' }, 422, /draft/],
      [old.id, [1, 2, 3], 422, /reason/],
      [
        requests.find(r => r.status === 'rejected')!.id,
        { reason: 'other', draft: corrected },
        409,
        /once the Fapiao is issued/,
      ],
    ];
    for (const [id, body, status, expected] of cases) {
      const r = await call('POST', `fapiao-requests/${id}/reissue`, body);
      assert.equal(r.status, status, JSON.stringify(body).slice(0, 60));
      const problem = (await r.json()) as { detail: string; errors?: { field: string }[] };
      if (typeof expected === 'string') assert.equal(problem.errors?.[0]?.field, expected);
      else assert.match(problem.detail, expected);
    }
    const oldest = requests
      .filter(r => r.status === 'issued' || r.status === 'mailed')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
    const late = await call(
      'POST',
      `fapiao-requests/${oldest.id}/reissue`,
      { reason: 'other', draft: corrected },
      'zh-CN',
    );
    assert.equal(late.status, 409);
    assert.match(
      ((await late.json()) as { detail: string }).detail,
      /^换开须在开票后 180 天内申请（截至\d{4}年\d{1,2}月\d{1,2}日），请联系客服。$/,
    );
    assert.equal(
      (
        await call(
          'POST',
          `fapiao-requests/${old.id}/reissue`,
          { reason: 'other', draft: corrected },
          'en',
          TOKENS.fabrikam,
        )
      ).status,
      404,
    );
    // Nothing of it was stored.
    assert.equal((await get(old.id)).reissue, undefined);
    assert.equal((await get(oldest.id)).reissue, undefined);
  });
});
