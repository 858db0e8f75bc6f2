import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { renderFapiaoFile } from '../../../demo/server/issuing/simulated-provider.js';
import { sendQueuedFapiaoEmails } from '../../../demo/server/fapiao-mail.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { callApi, NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// The e-Fapiao e-mail end to end: issued by the back office, queued with the issue, sent over real SMTP (nodemailer to
// a catcher) with the files attached, in the language the customer asked in; then sent again on request.
describe('e-Fapiao e-mails over real SMTP', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
    server = await startServer({ mailer: smtp.mailer });
  });
  after(async () => {
    await server.stop();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.failing = false;
    await server.admin('/clock', { now: new Date(NOW).toISOString() }, 'PUT');
    await server.reset();
  });

  const call = (method: string, path: string, body?: unknown, lang?: string, token?: string) =>
    callApi(server, method, path, body, lang, token);
  const json = async <T>(r: Response | Promise<Response>) => (await (await r).json()) as T;
  const lastId = () => smtp.catcher.messages()[0]?.id ?? 0;
  const emailCount = async () =>
    Number((await server.store.query<{ n: number }>('select count(*)::int as n from fapiao_emails')).rows[0]!.n);

  async function issuedRequest(lang: string, email = 'finance@contoso.cn'): Promise<FapiaoRequest> {
    const page = await json<{ items: Invoice[] }>(
      call('GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=5'),
    );
    const taken = new Set(
      (await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'))).items.flatMap(r => r.invoiceIds),
    );
    const invoice = page.items.find(i => !taken.has(i.id))!;
    const draft = emptyDraft({ title: '康托索（上海）信息技术有限公司', taxId: '91330106673959654P', email });
    const created = await json<FapiaoRequest>(
      call('POST', 'fapiao-requests', { invoiceIds: [invoice.id], draft }, lang),
    );
    await server.admin('/process-requests'); // → processing
    await server.admin('/process-requests'); // → issued, e-mail queued and sent
    return json<FapiaoRequest>(call('GET', `fapiao-requests/${created.id}`));
  }

  it('sends the e-Fapiao once on issue, in the language asked in, with PDF, OFD and XML attached', async () => {
    const before = lastId();
    const request = await issuedRequest('zh-CN');
    assert.equal(request.status, 'issued');
    const mail = await smtp.catcher.waitFor(m => m.id > before && m.to.includes('finance@contoso.cn'));
    assert.equal(mail.subject, `您的电子发票已开具（申请 ${request.id}）`);
    assert.equal(mail.language, 'zh-CN');
    const number = request.fapiaos[0]!.number;
    assert.match(mail.text, new RegExp(`发票号码 ${number}，价税合计 ¥[\\d,]+\\.\\d\\d`));
    assert.deepEqual(
      mail.attachments.map(a => [a.filename, a.head]),
      [
        [`${number}.pdf`, '%PDF-'],
        [`${number}.ofd`, 'PK\u0003\u0004\u0014'],
        [`${number}.xml`, '<?xml'],
      ],
    );
    assert.deepEqual(
      request.emails?.map(e => e.to),
      ['finance@contoso.cn'],
      'the request says where it went',
    );
    // Another step sends nothing again.
    await server.admin('/process-requests');
    await new Promise(r => setTimeout(r, 200));
    assert.equal(smtp.catcher.messages().filter(m => m.id > before).length, 1);
  });

  it('sends one e-mail to every address the customer listed, however they separated them', async () => {
    const before = lastId();
    const request = await issuedRequest('en', 'finance@contoso.cn；boss@contoso.cn、 finance@contoso.cn');
    assert.equal(request.email, 'finance@contoso.cn, boss@contoso.cn');
    const mail = await smtp.catcher.waitFor(m => m.id > before && m.to.includes('boss@contoso.cn'));
    assert.deepEqual([...mail.to].sort(), ['boss@contoso.cn', 'finance@contoso.cn']);
    assert.equal(smtp.catcher.messages().filter(m => m.id > before).length, 1, 'one e-mail, both recipients');
  });

  it('keeps a queued e-mail through an SMTP failure and sends it on a later step; a paper request gets none', async () => {
    smtp.failing = true;
    const before = lastId();
    const request = await issuedRequest('nl');
    assert.equal(request.emails, undefined, 'not sent yet');
    const row = (
      await server.store.query<{ attempts: number; last_error: string }>(
        'select attempts, last_error from fapiao_emails where request_id = $1',
        [request.id],
      )
    ).rows[0]!;
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /421/);
    smtp.failing = false;
    // Not before its back-off: a step now sends nothing.
    assert.deepEqual(await sendQueuedFapiaoEmails(server.store, smtp.mailer, NOW, renderFapiaoFile), {
      sent: 0,
      failed: 0,
    });
    assert.deepEqual(await sendQueuedFapiaoEmails(server.store, smtp.mailer, NOW + 61_000, renderFapiaoFile), {
      sent: 1,
      failed: 0,
    });
    const mail = await smtp.catcher.waitFor(m => m.id > before);
    assert.equal(mail.subject, `Uw e-Fapiao is uitgegeven (aanvraag ${request.id})`);
    const queued = await emailCount();
    const page = await json<{ items: Invoice[] }>(
      call('GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=8'),
    );
    const taken = new Set(
      (await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'))).items.flatMap(r => r.invoiceIds),
    );
    const paper = {
      ...emptyDraft({ title: '康托索', taxId: '91330106673959654P' }),
      delivery: 'paper',
      recipient: '王芳',
      recipientPhone: '021-60506050',
      postalAddress: '上海市郭守敬路 498 号',
    };
    await call('POST', 'fapiao-requests', { invoiceIds: [page.items.find(i => !taken.has(i.id))!.id], draft: paper });
    await server.admin('/process-requests');
    await server.admin('/process-requests');
    assert.equal(await emailCount(), queued, 'no e-mail queued for a courier delivery');
  });

  it('sends it again on request, to another address too, at most once a minute (429 with the time), and says why not', async () => {
    const request = await issuedRequest('en');
    const before = lastId();
    const atOnce = await call('POST', `fapiao-requests/${request.id}/email`, {}, 'en');
    assert.equal(atOnce.status, 429, 'the e-mail of the issue went a moment ago');
    await server.admin('/clock', { now: new Date(NOW + 120_000).toISOString() }, 'PUT');
    const again = await call('POST', `fapiao-requests/${request.id}/email`, { to: 'ap@contoso.cn' }, 'en');
    assert.equal(again.status, 200);
    const updated = (await again.json()) as FapiaoRequest;
    assert.deepEqual(
      updated.emails?.map(e => e.to),
      ['finance@contoso.cn', 'ap@contoso.cn'],
    );
    const mail = await smtp.catcher.waitFor(m => m.id > before && m.to.includes('ap@contoso.cn'));
    assert.equal(mail.attachments.length, 3);
    // Two clicks at once: one e-mail, the other told when it may go.
    const twice = await Promise.all([1, 2].map(() => call('POST', `fapiao-requests/${request.id}/email`, {}, 'zh-CN')));
    assert.deepEqual(
      twice.map(r => r.status),
      [429, 429],
    );
    const problem = (await twice[0]!.json()) as { detail: string; errors: { field: string; code: string }[] };
    assert.match(problem.detail, /发送次数过多/);
    assert.deepEqual(
      problem.errors.map(e => [e.field, e.code]),
      [['to', 'too-many-emails']],
    );
    assert.ok(Number(twice[0]!.headers.get('retry-after')) > 0);
    await server.admin('/clock', { now: new Date(NOW + 240_000).toISOString() }, 'PUT');
    const both = await Promise.all([1, 2].map(() => call('POST', `fapiao-requests/${request.id}/email`, {})));
    assert.deepEqual(both.map(r => r.status).sort(), [200, 429], 'two at once: one sends, one waits');
  });

  it('answers the odd, the malformed and the cross-tenant with 4xx in the language asked, and loses nothing on SMTP failure', async () => {
    const request = await issuedRequest('en');
    const cases: [unknown, number, string][] = [
      [{ to: 'not-an-address' }, 422, 'email'],
      [{ to: `${'a'.repeat(300)}@b.cn` }, 422, 'too-long-chars'],
      [{ to: 42 }, 422, ''],
      [[1, 2], 422, ''],
    ];
    for (const [body, status, code] of cases) {
      const r = await call('POST', `fapiao-requests/${request.id}/email`, body, 'nl');
      assert.equal(r.status, status, JSON.stringify(body));
      const problem = (await r.json()) as { errors?: { code: string }[] };
      if (code) assert.equal(problem.errors?.[0]?.code, code);
    }
    assert.equal((await call('POST', `fapiao-requests/${request.id}/email`, {}, 'en', TOKENS.fabrikam)).status, 404);
    assert.equal((await call('POST', 'fapiao-requests/REQ-NOPE/email', {})).status, 404);
    const pending = await json<{ items: FapiaoRequest[] }>(call('GET', 'fapiao-requests'));
    const rejected = pending.items.find(r => r.status === 'rejected')!;
    const notIssued = await call('POST', `fapiao-requests/${rejected.id}/email`, { to: 'a@b.cn' }, 'zh-CN');
    assert.equal(notIssued.status, 409);
    assert.match(((await notIssued.json()) as { detail: string }).detail, /发票开具后才能发送邮件/);
    const reversed = pending.items.find(r => r.status === 'reversed')!;
    assert.equal((await call('POST', `fapiao-requests/${reversed.id}/email`, { to: 'a@b.cn' })).status, 409);
    // SMTP down: 503, and the attempt is not counted (the next one may go at once).
    smtp.failing = true;
    await server.admin('/clock', { now: new Date(NOW + 120_000).toISOString() }, 'PUT');
    const down = await call('POST', `fapiao-requests/${request.id}/email`, {}, 'en');
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), '60');
    assert.equal((await json<FapiaoRequest>(call('GET', `fapiao-requests/${request.id}`))).emails?.length, 1);
    smtp.failing = false;
    assert.equal((await call('POST', `fapiao-requests/${request.id}/email`, {})).status, 200);
  });
});
