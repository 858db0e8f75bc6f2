import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smtpMailer } from '../../../demo/server/mail.js';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../../demo/server/mail-catcher.js';
import { NOW, startServer, TOKENS, type TestServer } from '../helpers/server.js';

// Registering a Fapiao account end to end: the API, a real SMTP catcher the server sends to through nodemailer, the
// activation link read from the e-mail and opened like a browser does. fabrikam starts unregistered, northwind
// pending (without a link: seeded), contoso registered.
describe('Fapiao account registration and activation, e-mail over real SMTP', () => {
  let server: TestServer;
  let catcher: MailCatcher;
  let mailer: ReturnType<typeof smtpMailer>;
  let orderNumber: string;

  before(async () => {
    catcher = await startMailCatcher();
    mailer = smtpMailer({ host: '127.0.0.1', port: catcher.port, from: '"fapiao-kit test" <fapiao@test.local>' });
    server = await startServer({ mailer });
    const bills = (await (await call('GET', 'invoices?limit=1', TOKENS.fabrikam)).json()) as {
      items: { number: string }[];
    };
    orderNumber = bills.items[0]!.number;
  });
  after(async () => {
    mailer.close();
    await server.stop();
    await catcher.close();
  });
  beforeEach(async () => {
    // The clock first: the seed is made at the server's time.
    await server.admin('/clock', { now: new Date(NOW).toISOString() }, 'PUT');
    await server.reset();
  });

  function call(method: string, path: string, token: string, body?: unknown, lang = 'en') {
    return fetch(server.api + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': lang,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }
  const account = async (token: string) => (await (await call('GET', 'fapiao-account', token)).json()) as any;
  const linkIn = (mail: CaughtMail) => /https?:\/\/\S+\/fapiao-account\/activate\?\S+/.exec(mail.text)?.[0] ?? '';
  const mailTo = (address: string, after = 0) => catcher.waitFor(m => m.to.includes(address) && m.id > after, 5_000);
  const lastId = () => catcher.messages()[0]?.id ?? 0;
  /** Opens the link as a browser does, then presses the page's button (a form POST with the token). */
  async function activate(link: string): Promise<{ page: Response; done: Response }> {
    const page = await fetch(link);
    const token = new URL(link).searchParams.get('token') ?? '';
    const done = await fetch(new URL('/fapiao-account/activate?lang=en', link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    return { page, done };
  }

  it('registers, sends the activation link by e-mail in the customer language, and activates only on the button', async () => {
    const before = lastId();
    const r = await call(
      'POST',
      'fapiao-account/registration',
      TOKENS.fabrikam,
      {
        orderNumber: ` ${orderNumber.toLowerCase()} `,
        email: 'finance@fabrikam.example',
      },
      'zh-CN',
    );
    assert.equal(r.status, 202);
    const pending = await r.json();
    assert.equal(pending.state, 'pending-activation');
    assert.equal(pending.email, 'finance@fabrikam.example');
    assert.equal(pending.activationExpiresAt, new Date(NOW + 24 * 3_600_000).toISOString());
    assert.ok(Date.parse(pending.nextEmailAt) > NOW, 'the next e-mail only in a minute');

    const mail = await mailTo('finance@fabrikam.example', before);
    assert.equal(mail.subject, '请激活您的发票账户');
    assert.equal(mail.language, 'zh-CN');
    assert.match(mail.text, /北京时间/);
    const link = linkIn(mail);
    assert.ok(link.startsWith(server.url), link);

    // Opening the link (what a mail scanner does) changes nothing.
    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<button type="submit">激活账户<\/button>/);
    assert.equal((await account(TOKENS.fabrikam)).state, 'pending-activation');

    const { done } = await activate(link);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /account is active/);
    const active = await account(TOKENS.fabrikam);
    assert.deepEqual([active.state, active.email], ['registered', 'finance@fabrikam.example']);
    // The link works once.
    assert.equal((await activate(link)).done.status, 404);
  });

  it('explains every problem with the form in the language asked, and stores nothing', async () => {
    const bad = await call(
      'POST',
      'fapiao-account/registration',
      TOKENS.fabrikam,
      { orderNumber: '订单', email: 'x@' },
      'nl',
    );
    assert.equal(bad.status, 422);
    const body = await bad.json();
    assert.deepEqual(
      body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [
        ['orderNumber', 'order-number-format'],
        ['email', 'email'],
      ],
    );
    assert.match(body.errors[1].message, /geen e-mailadres/);
    const unknown = await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, {
      orderNumber: 'NOSUCHORDER1',
      email: 'a@b.cn',
    });
    assert.equal(unknown.status, 422);
    assert.equal((await unknown.json()).errors[0].code, 'order-number-unknown');
    // Another customer's order number is unknown too (no way to probe other tenants' bills).
    const contosoBills = (await (await call('GET', 'invoices?limit=1', TOKENS.contoso)).json()) as any;
    const foreign = await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, {
      orderNumber: contosoBills.items[0].number,
      email: 'a@b.cn',
    });
    assert.equal((await foreign.json()).errors[0].code, 'order-number-unknown');
    for (const hostile of [
      { orderNumber, email: 'a@b.cn\r\nBcc: everyone@example.com' },
      { orderNumber, email: ['a@b.cn'] },
      { orderNumber: 42, email: 'a@b.cn' },
      { orderNumber: 'A'.repeat(10_000), email: 'a@b.cn' },
      'null',
      '[]',
    ]) {
      const r = await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, hostile);
      assert.equal(r.status, 422, JSON.stringify(hostile).slice(0, 80));
    }
    const huge = await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, {
      orderNumber,
      email: 'x'.repeat(70_000),
    });
    assert.equal(huge.status, 413);
    assert.equal((await account(TOKENS.fabrikam)).state, 'unregistered');
    assert.equal(catcher.messages().filter(m => m.to.includes('a@b.cn')).length, 0, 'no e-mail went out');
    const registered = await call('POST', 'fapiao-account/registration', TOKENS.contoso, {
      orderNumber,
      email: 'a@b.cn',
    });
    assert.equal(registered.status, 409);
    assert.equal((await registered.json()).errors[0].code, 'already-registered');
  });

  it('resends at most once a minute and five times a day, saying when; a new e-mail replaces the old link', async () => {
    const first = lastId();
    assert.equal(
      (await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, { orderNumber, email: 'a@fabrikam.example' }))
        .status,
      202,
    );
    const oldLink = linkIn(await mailTo('a@fabrikam.example', first));
    const tooSoon = await call('POST', 'fapiao-account/activation-email', TOKENS.fabrikam, undefined, 'zh-CN');
    assert.equal(tooSoon.status, 429);
    assert.equal(tooSoon.headers.get('retry-after'), '60');
    assert.match((await tooSoon.json()).detail, /激活邮件发送次数过多，请于2026年11月24日.*12:01/);

    let at = NOW;
    for (let i = 2; i <= 5; i++) {
      at += 61_000;
      await server.admin('/clock', { now: new Date(at).toISOString() }, 'PUT');
      const before = lastId();
      assert.equal((await call('POST', 'fapiao-account/activation-email', TOKENS.fabrikam)).status, 202, `e-mail ${i}`);
      await mailTo('a@fabrikam.example', before);
    }
    at += 61_000;
    await server.admin('/clock', { now: new Date(at).toISOString() }, 'PUT');
    const sixth = await call('POST', 'fapiao-account/activation-email', TOKENS.fabrikam);
    assert.equal(sixth.status, 429, 'the sixth in 24 hours');
    assert.equal(Number(sixth.headers.get('retry-after')), (NOW + 86_400_000 - at) / 1000);
    assert.equal((await account(TOKENS.fabrikam)).nextEmailAt, new Date(NOW + 86_400_000).toISOString());

    // Two clicks at once after the minute: one e-mail, the other click told to wait.
    const box = catcher.messages().filter(m => m.to.includes('a@fabrikam.example')).length;
    await server.admin('/clock', { now: new Date(NOW + 86_400_000 + 1_000).toISOString() }, 'PUT');
    const both = await Promise.all([1, 2].map(() => call('POST', 'fapiao-account/activation-email', TOKENS.fabrikam)));
    assert.deepEqual(both.map(r => r.status).sort(), [202, 429]);
    await mailTo('a@fabrikam.example', lastId() - 1);
    await new Promise(r => setTimeout(r, 300));
    assert.equal(catcher.messages().filter(m => m.to.includes('a@fabrikam.example')).length, box + 1);

    // The first link stopped working when the next one was sent; the newest works.
    assert.equal((await activate(oldLink)).done.status, 404);
    const newest = catcher.messages().find(m => m.to.includes('a@fabrikam.example'))!;
    assert.equal((await activate(linkIn(newest))).done.status, 200);
  });

  it('says when a link expired (24 hours), and another customer can neither see nor use a registration', async () => {
    const before = lastId();
    await call('POST', 'fapiao-account/registration', TOKENS.fabrikam, { orderNumber, email: 'late@fabrikam.example' });
    const link = linkIn(await mailTo('late@fabrikam.example', before));
    // Northwind registered in the seed and its link expired: it resends to its own address, not to another's.
    const seeded = await account(TOKENS.northwind);
    assert.deepEqual([seeded.email, Date.parse(seeded.activationExpiresAt) < NOW], ['ap@northwind.cn', true]);
    const before2 = lastId();
    assert.equal((await call('POST', 'fapiao-account/activation-email', TOKENS.northwind)).status, 202);
    assert.ok(linkIn(await mailTo('ap@northwind.cn', before2)));
    assert.equal((await call('POST', 'fapiao-account/activation-email', TOKENS.contoso)).status, 409);

    await server.admin('/clock', { now: new Date(NOW + 24 * 3_600_000).toISOString() }, 'PUT');
    const page = await fetch(link);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /has expired/);
    assert.equal((await activate(link)).done.status, 410);
    assert.equal((await account(TOKENS.fabrikam)).state, 'pending-activation');

    for (const token of ['', 'x', 'a'.repeat(43), '<script>', 'a'.repeat(5_000)]) {
      const r = await fetch(`${server.url}/fapiao-account/activate?token=${encodeURIComponent(token)}`);
      assert.equal(r.status, 404, token.slice(0, 20));
      assert.doesNotMatch(await r.text(), /<script>/);
    }
    const wrongType = await fetch(`${server.url}/fapiao-account/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(wrongType.status, 415);
    assert.deepEqual(server.logs, [], 'no 5xx');
  });

  it("shows the operator's stock-shortage notice in every customer's account until its day has passed in China", async () => {
    const set = (body: unknown) =>
      fetch(`${server.url}/__admin/notice`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-admin-token': 'test-admin-token-0123456789' },
        body: JSON.stringify(body),
      });
    assert.equal((await account(TOKENS.contoso)).notices, undefined);
    assert.equal((await set({ expectedIssueDate: '2026-11-30', message: '年底开票量大，请耐心等待。' })).status, 200);
    for (const token of [TOKENS.contoso, TOKENS.fabrikam])
      assert.deepEqual((await account(token)).notices, [
        { kind: 'stock-shortage', expectedIssueDate: '2026-11-30', message: '年底开票量大，请耐心等待。' },
      ]);
    // The last day it applies is 30 November in China: gone from 1 December 00:00 Shanghai (16:00 UTC the day before).
    await server.admin('/clock', { now: '2026-11-30T15:59:59Z' }, 'PUT');
    assert.equal((await account(TOKENS.contoso)).notices.length, 1);
    await server.admin('/clock', { now: '2026-11-30T16:00:00Z' }, 'PUT');
    assert.equal((await account(TOKENS.contoso)).notices, undefined);
    for (const bad of [
      { expectedIssueDate: '2026-02-30' },
      { expectedIssueDate: 20261201 },
      { message: 'x'.repeat(501) },
      [],
    ])
      assert.equal((await set(bad)).status, 422, JSON.stringify(bad).slice(0, 40));
    assert.equal((await set(null)).status, 200);
    await server.admin('/clock', { now: new Date(NOW).toISOString() }, 'PUT');
    assert.equal((await account(TOKENS.contoso)).notices, undefined, 'cleared');
  });

  it('keeps the registration when the e-mail cannot be sent, and lets the customer ask again at once', async () => {
    const down = await startServer({
      mailer: smtpMailer({ host: '127.0.0.1', port: 9, from: 'x@test.local' }), // nothing listens on port 9
      logger: () => undefined,
    });
    try {
      const r = await fetch(`${down.api}fapiao-account/registration`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.fabrikam}`, 'content-type': 'application/json' },
        body: JSON.stringify({ orderNumber, email: 'a@fabrikam.example' }),
      });
      assert.equal(r.status, 503);
      assert.match((await r.json()).detail, /registration is kept/);
      const state = (await (
        await fetch(`${down.api}fapiao-account`, { headers: { authorization: `Bearer ${TOKENS.fabrikam}` } })
      ).json()) as any;
      assert.equal(state.state, 'pending-activation');
      assert.equal(state.nextEmailAt, undefined, 'a failed e-mail does not count');
    } finally {
      await down.stop();
    }
  });
});
