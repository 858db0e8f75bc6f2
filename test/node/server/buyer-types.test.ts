import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, parseFapiaoAccount, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { callApi, requestForFreeBill, startServer, type TestServer } from '../helpers/server.js';

// The buyer as the 数电 rules have it, end to end: the four types and the natural-person flag reach the Fapiao's XML.
describe('buyer types and the natural-person flag over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());
  beforeEach(async () => server.reset());

  const call = (method: string, path: string, body?: unknown, lang?: string) =>
    callApi(server, method, path, body, lang);
  async function issued(draft: object): Promise<{ request: FapiaoRequest; xml: string }> {
    const { id } = await requestForFreeBill(server, draft);
    await server.admin('/process-requests');
    await server.admin('/process-requests');
    const request = (await (await call('GET', `fapiao-requests/${id}`)).json()) as FapiaoRequest;
    const xmlUrl = request.fapiaos[0]!.files.find(f => f.format === 'xml')!.url.replace('/api/v1/', '');
    return { request, xml: await (await call('GET', xmlUrl)).text() };
  }

  it('issues to a government or public institution with its type code, no tax ID asked', async () => {
    const { request, xml } = await issued(
      emptyDraft({ buyerKind: 'government', title: '上海市浦东新区财政局', email: 'cw@pudong.example.cn' }),
    );
    assert.equal(request.buyer.buyerKind, 'government');
    assert.match(xml, /<Buyer><Type>02<\/Type><Name>上海市浦东新区财政局<\/Name><\/Buyer>/);
  });

  it('issues to a natural person under their own tax ID, flagged in the XML', async () => {
    const { request, xml } = await issued(
      emptyDraft({
        buyerKind: 'individual',
        naturalPerson: true,
        title: '张三',
        taxId: '11010519491231002X',
        email: 'zhangsan@example.cn',
      }),
    );
    assert.deepEqual(request.buyer, {
      buyerKind: 'individual',
      title: '张三',
      taxId: '11010519491231002X',
      naturalPerson: true,
    });
    assert.match(
      xml,
      /<Buyer><Type>03<\/Type><NaturalPerson>Y<\/NaturalPerson><Name>张三<\/Name><TaxId>11010519491231002X<\/TaxId>/,
    );
  });

  it('refuses a natural person without a tax ID, and a special VAT Fapiao for anyone but an enterprise, in Chinese', async () => {
    const page = (await (await call('GET', 'invoices?status=paid&limit=50')).json()) as { items: Invoice[] };
    const before = ((await (await call('GET', 'fapiao-requests')).json()) as { items: unknown[] }).items.length;
    for (const [draft, code] of [
      [
        emptyDraft({ buyerKind: 'individual', naturalPerson: true, title: '张三', email: 'a@b.cn' }),
        'natural-person-tax-id',
      ],
      [
        emptyDraft({ buyerKind: 'other', fapiaoKind: 'special', title: '某协会', email: 'a@b.cn' }),
        'special-requires-enterprise',
      ],
    ] as const) {
      const r = await call('POST', 'fapiao-requests', { invoiceIds: [page.items[0]!.id], draft }, 'zh-CN');
      assert.equal(r.status, 422);
      const problem = (await r.json()) as { errors: { code: string; message: string }[] };
      assert.ok(
        problem.errors.some(e => e.code === code),
        JSON.stringify(problem.errors),
      );
      assert.match(problem.errors.find(e => e.code === code)!.message, /[\u4e00-\u9fff]/);
    }
    assert.equal(((await (await call('GET', 'fapiao-requests')).json()) as { items: unknown[] }).items.length, before);
  });
});

// The 数电 platform makes a 专票 buyer's address, phone, bank and account optional; the seller decides (market.md §2.3).
describe("a 专票's address and bank as the seller's policy", () => {
  const special = emptyDraft({
    fapiaoKind: 'special',
    title: '阿里云计算有限公司',
    taxId: '91330106673959654P',
    email: 'finance@example.cn',
  });
  /** Asks for a Fapiao with `draft` on a paid bill of the seed, in `lang`: the answer as sent. */
  async function requestWith(server: TestServer, draft: object, lang: string) {
    const page = (await (await callApi(server, 'GET', 'invoices?status=paid&limit=50')).json()) as { items: Invoice[] };
    return callApi(server, 'POST', 'fapiao-requests', { invoiceIds: [page.items[0]!.id], draft }, lang);
  }
  /** Saves a profile that gives one of the four details (the phone). */
  const saveProfileWithPhoneOnly = (server: TestServer) =>
    callApi(server, 'POST', 'buyer-profiles', {
      buyerKind: 'enterprise',
      title: '阿里云计算有限公司',
      taxId: '91330106673959654P',
      phone: '0571-85022088',
    });
  async function withPolicy(
    specialBuyerDetails: 'required' | 'optional',
    check: (server: TestServer) => Promise<void>,
  ) {
    const server = await startServer({ draftPolicy: { specialBuyerDetails } });
    try {
      await check(server);
    } finally {
      await server.stop();
    }
  }

  it("tells the form the seller's terms in the account, and refuses a 专票 without them by default, in Chinese", () =>
    withPolicy('required', async server => {
      const account = parseFapiaoAccount(await (await callApi(server, 'GET', 'fapiao-account')).json());
      assert.ok(account.ok);
      assert.deepEqual(account.value.draftPolicy, { specialBuyerDetails: 'required' });
      assert.equal(account.value.issueWithinWorkingDays, 2, "the seller's issuing time, 21Vianet's by default");
      const r = await requestWith(server, special, 'zh-CN');
      assert.equal(r.status, 422);
      const problem = (await r.json()) as { errors: { field: string; code: string; message: string }[] };
      assert.deepEqual(
        problem.errors.map(e => `${e.field}:${e.code}`),
        ['address:required', 'phone:required', 'bankName:required', 'bankAccount:required'],
      );
      assert.equal(problem.errors[0]!.message, '请填写注册地址。');
      // A profile with one of the four is refused the same way.
      const profile = await saveProfileWithPhoneOnly(server);
      assert.equal(profile.status, 422);
    }));

  it('issues a 专票 with what was given when the seller makes them optional, and still checks what is given', () =>
    withPolicy('optional', async server => {
      const account = parseFapiaoAccount(await (await callApi(server, 'GET', 'fapiao-account')).json());
      assert.ok(account.ok);
      assert.deepEqual(account.value.draftPolicy, { specialBuyerDetails: 'optional' });
      const { id } = await requestForFreeBill(server, { ...special, phone: '0571-85022088' });
      await server.admin('/process-requests');
      await server.admin('/process-requests');
      const request = (await (await callApi(server, 'GET', `fapiao-requests/${id}`)).json()) as FapiaoRequest;
      assert.equal(request.status, 'issued');
      assert.equal(request.fapiaoKind, 'special');
      assert.deepEqual(request.buyer, {
        buyerKind: 'enterprise',
        title: '阿里云计算有限公司',
        taxId: '91330106673959654P',
        phone: '0571-85022088',
      });
      const xmlUrl = request.fapiaos[0]!.files.find(f => f.format === 'xml')!.url.replace('/api/v1/', '');
      const xml = await (await callApi(server, 'GET', xmlUrl)).text();
      assert.match(xml, /<TaxId>91330106673959654P<\/TaxId><Address>0571-85022088<\/Address><\/Buyer>/);

      const bad = await requestWith(server, { ...special, bankAccount: 'ABC' }, 'nl');
      assert.equal(bad.status, 422);
      const problem = (await bad.json()) as { errors: { field: string; code: string }[] };
      assert.deepEqual(
        problem.errors.map(e => `${e.field}:${e.code}`),
        ['bankAccount:account-charset'],
      );
      const profile = await saveProfileWithPhoneOnly(server);
      assert.equal(profile.status, 201);
    }));
});
