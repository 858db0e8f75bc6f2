import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, type FapiaoDraft, type FapiaoRequest } from '../../../src/core/index.js';
import { backOfficeStep } from '../../../demo/server/issuing/back-office.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { sendStatusEmails } from '../../../demo/server/status-mail.js';
import { callApi, NOW, requestForFreeBill, startServer, type TestServer } from '../helpers/server.js';

// The customer is told by e-mail, over real SMTP and in the language they asked in, when a request is refused (why,
// and that the bills are free again), when a paper Fapiao is sent (courier, waybill) or ready at the branch; nothing
// else, nothing twice, nothing lost to an SMTP failure.
describe('e-mails about a change of status', () => {
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
    await server.reset();
  });

  const step = (at = NOW) =>
    backOfficeStep({ store: server.store, issuing: server.app.issuing, mailer: smtp.mailer }, at);
  const call = (method: string, path: string, body?: unknown, lang?: string) =>
    callApi(server, method, path, body, lang);
  const since = (id: number) => smtp.catcher.messages().filter(m => m.id > id);
  const lastId = () => smtp.catcher.messages()[0]?.id ?? 0;
  const base = emptyDraft({
    title: '康托索（上海）信息技术有限公司',
    taxId: '91330106673959654P',
    email: 'finance@contoso.cn',
  });

  const requested = (draft: FapiaoDraft, lang: string) => requestForFreeBill(server, draft, lang);

  it('says why a request was refused, in its language, once; the seeded history and other changes send nothing', async () => {
    const start = lastId();
    await step(); // the seeded requests' history: no e-mail about it
    assert.deepEqual(since(start), []);
    const request = await requested(base, 'zh-CN');
    await server.admin(`/requests/${request.id}/reject`, { reason: '购买方名称与付款方名称不一致' });
    await step();
    await step();
    const mails = since(start);
    assert.equal(mails.length, 1, mails.map(m => m.subject).join(' | '));
    assert.equal(mails[0]!.subject, `您的发票申请 ${request.id} 未通过`);
    assert.deepEqual(mails[0]!.to, ['finance@contoso.cn']);
    assert.match(mails[0]!.text, /原因：购买方名称与付款方名称不一致/);
    assert.match(mails[0]!.text, /重新申请/);
  });

  it('tells the courier and waybill of a paper Fapiao (to the account’s address), and the branch of a pick-up', async () => {
    const start = lastId();
    const paper = await requested(
      {
        ...base,
        delivery: 'paper',
        courier: 'yunda',
        recipient: '王芳',
        recipientPhone: '021-60506050',
        postalAddress: '上海市浦东新区郭守敬路 498 号',
      },
      'en',
    );
    const pickup = await requested(
      { ...base, delivery: 'pickup', recipient: '李雷', recipientPhone: '13800138000' },
      'nl',
    );
    for (let i = 0; i < 3; i++) await step();
    const mailed = (await (await call('GET', `fapiao-requests/${paper.id}`)).json()) as FapiaoRequest;
    const mails = since(start);
    const about = (id: string) => mails.filter(m => m.subject.includes(id));
    assert.equal(about(paper.id).length, 1);
    assert.equal(about(paper.id)[0]!.subject, `Your paper Fapiao is on its way (request ${paper.id})`);
    assert.deepEqual(about(paper.id)[0]!.to, ['finance@contoso.cn'], 'no e-mail on the request: the account’s');
    assert.match(about(paper.id)[0]!.text, new RegExp(`Yunda.*waybill number ${mailed.tracking!.number}`));
    assert.equal(about(pickup.id).length, 1);
    assert.equal(about(pickup.id)[0]!.subject, `Uw papieren Fapiao ligt klaar (aanvraag ${pickup.id})`);
    assert.match(about(pickup.id)[0]!.text, /科苑路 88 号.*voor 李雷/);
    assert.equal(mails.length, 2, 'nothing about submitted, processing or issued');
  });

  it('tries again after an SMTP failure and then sends it once', async () => {
    const start = lastId();
    const request = await requested(base, 'en');
    await server.admin(`/requests/${request.id}/reject`, { reason: 'wrong title' });
    smtp.failing = true;
    assert.deepEqual(await sendStatusEmails(server.store, smtp.mailer, NOW), { sent: 0, failed: 1 });
    smtp.failing = false;
    assert.deepEqual(
      await sendStatusEmails(server.store, smtp.mailer, NOW + 30_000),
      { sent: 0, failed: 0 },
      'backing off',
    );
    assert.deepEqual(await sendStatusEmails(server.store, smtp.mailer, NOW + 61_000), { sent: 1, failed: 0 });
    assert.deepEqual(await sendStatusEmails(server.store, smtp.mailer, NOW + 10 * 61_000), { sent: 0, failed: 0 });
    assert.equal(since(start).length, 1);
  });

  it('without a smtp.mailer, records nothing to send later', async () => {
    const start = lastId();
    const request = await requested(base, 'en');
    await server.admin(`/requests/${request.id}/reject`, { reason: 'wrong title' });
    await sendStatusEmails(server.store, undefined, NOW);
    await sendStatusEmails(server.store, smtp.mailer, NOW + 61_000);
    assert.deepEqual(since(start), []);
  });
});
