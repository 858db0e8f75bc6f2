import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createBillingClient,
  isApiError,
  newIdempotencyKey,
  type ApiError,
  type BillingClient,
} from '../../../src/client/index.js';
import { emptyDraft, type Invoice } from '../../../src/core/index.js';
import { startServer, TOKENS, type TestServer, type TestServerOptions } from '../helpers/server.js';

/**
 * The server's contract as the ky client sees it: every route, the problems, idempotency and the faults. Run on each
 * store (PGlite here, PostgreSQL in test/node/server/postgres.test.ts): the same answers from both.
 */
export function serverContract(storeName: string, options: () => Promise<TestServerOptions>): void {
  describe(`the reference server on ${storeName}, through the client`, () => {
    let server: TestServer;
    let client: BillingClient;
    const clientFor = (
      token: string,
      extra: Parameters<typeof createBillingClient>[0] extends infer O ? Partial<O> : never = {},
    ) => createBillingClient({ baseUrl: server.api, token, backoffLimitMs: 50, ...extra });
    const draft = emptyDraft({
      title: '康托索（上海）信息技术有限公司',
      taxId: '91330106673959654P',
      email: 'finance@contoso.cn',
    });
    const rejectsWith = async (promise: Promise<unknown>, check: (e: ApiError) => void) => {
      try {
        await promise;
      } catch (error) {
        assert.ok(isApiError(error), `expected an ApiError, got ${String(error)}`);
        check(error);
        return;
      }
      assert.fail('expected the call to fail');
    };
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await server.store.query<{ n: number }>(sql, params)).rows[0]?.n);

    /** A paid invoice that is eligible on 2026-11-24 and has no request yet. */
    async function eligibleInvoice(): Promise<Invoice> {
      const page = await client.listInvoices({
        status: ['paid'],
        billingAccount: 'BA-AZURE-CONTOSO',
        sort: '-date',
        limit: 5,
      });
      const requests = await client.listFapiaoRequests();
      const taken = new Set(requests.flatMap(r => r.invoiceIds));
      const invoice = page.items.find(i => !taken.has(i.id));
      assert.ok(invoice);
      return invoice;
    }

    before(async () => {
      server = await startServer(await options());
    });
    after(async () => server.stop());
    beforeEach(async () => {
      await server.reset();
      client = clientFor(TOKENS.contoso);
    });

    describe('invoices over HTTP', () => {
      it('pages through every invoice with the cursor, in order, without repeats', async () => {
        const seen: Invoice[] = [];
        let cursor: string | undefined;
        let total = 0;
        do {
          const page = await client.listInvoices({ limit: 7, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items);
          total = page.total;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.equal(seen.length, total);
        assert.equal(new Set(seen.map(i => i.id)).size, total);
        assert.ok(total >= 48, `${total} invoices for two accounts over two years`);
        const dates = seen.map(i => Date.parse(i.invoiceDate));
        assert.deepEqual(
          dates,
          [...dates].sort((a, b) => b - a),
        );
      });
      it('filters by status, billing account, China date range and number, and sorts by amount', async () => {
        const due = await client.listInvoices({ status: ['due', 'past-due'] });
        assert.ok(due.items.length > 0 && due.items.every(i => ['due', 'past-due'].includes(i.status)));
        const account = await client.listInvoices({ billingAccount: 'BA-M365-CONTOSO', limit: 500 });
        assert.ok(account.items.every(i => i.billingAccount.id === 'BA-M365-CONTOSO'));
        // Invoices are dated the 1st of the month, 10:00 in Shanghai (02:00Z): a China-day range of exactly that day finds them.
        const day = await client.listInvoices({ from: '2026-11-01', to: '2026-11-01' });
        assert.equal(day.total, 2);
        const none = await client.listInvoices({ from: '2026-11-02', to: '2026-11-30' });
        assert.equal(none.total, 0);
        const search = await client.listInvoices({ search: 'azure202610' });
        assert.deepEqual(
          search.items.map(i => i.number),
          ['AZURE20261002'],
        );
        const byAmount = await client.listInvoices({ sort: 'amount', limit: 500 });
        const amounts = byAmount.items.map(i => i.amounts.gross);
        assert.deepEqual(
          amounts,
          [...amounts].sort((a, b) => a - b),
        );
        const paged = [];
        let cursor: string | undefined;
        do {
          const page = await client.listInvoices({ sort: '-amount', limit: 9, ...(cursor ? { cursor } : {}) });
          paged.push(...page.items.map(i => i.amounts.gross));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.deepEqual(paged, [...amounts].reverse());
      });
      it('rejects bad queries with a problem', async () => {
        await rejectsWith(client.listInvoices({ limit: 1000 }), e => {
          assert.equal(e.status, 400);
          assert.equal(e.problem?.code, 'invalid-query');
        });
        await rejectsWith(client.listInvoices({ cursor: 'not-a-cursor' }), e =>
          assert.equal(e.problem?.code, 'invalid-cursor'),
        );
      });
      it("isolates customers: another customer's invoice, PDF and requests are not found", async () => {
        const mine = (await client.listInvoices({ limit: 1 })).items[0]!;
        const other = clientFor(TOKENS.fabrikam);
        await rejectsWith(other.getInvoice(mine.id), e => assert.equal(e.status, 404));
        await rejectsWith(other.download(other.invoicePdfUrl(mine.id)), e => assert.equal(e.status, 404));
        const theirs = await other.listInvoices({ limit: 500 });
        assert.ok(theirs.items.every(i => i.id.includes('FABRIKAM')));
        const otherRequests = await other.listFapiaoRequests();
        assert.equal(otherRequests.length, 0);
        await rejectsWith(clientFor('nobody').listInvoices(), e => assert.equal(e.status, 401));
      });
      it('serves real PDFs for invoices and statements', async () => {
        const invoice = (await client.listInvoices({ limit: 1 })).items[0]!;
        const pdf = await client.download(client.invoicePdfUrl(invoice.id));
        assert.equal(pdf.type, 'application/pdf');
        assert.equal(
          Buffer.from(await pdf.arrayBuffer())
            .subarray(0, 5)
            .toString(),
          '%PDF-',
        );
        const statements = await client.listStatements({ billingAccount: 'BA-M365-CONTOSO' });
        assert.equal(statements.length, 24);
        const st = await client.download(client.statementPdfUrl(statements[0]!.id));
        assert.equal(st.type, 'application/pdf');
      });
      it('reports the Fapiao account state per customer', async () => {
        assert.equal((await client.getFapiaoAccount()).state, 'registered');
        assert.equal((await clientFor(TOKENS.fabrikam).getFapiaoAccount()).state, 'unregistered');
        assert.equal((await clientFor(TOKENS.northwind).getFapiaoAccount()).state, 'pending-activation');
      });
    });

    describe('statements', () => {
      it('balance: each opens where the last closed, closes at opening + charges − payments, and ends at what is due', async () => {
        const invoices = (await client.listInvoices({ limit: 500 })).items;
        for (const account of await client.listBillingAccounts()) {
          const statements = [...(await client.listStatements({ billingAccount: account.id }))].reverse(); // oldest first
          assert.ok(statements.length > 0);
          let previous = 0;
          for (const s of statements) {
            assert.equal(s.openingBalance, previous, `${s.id} opens where the last closed`);
            assert.equal(s.closingBalance, s.openingBalance + s.charges - s.payments, `${s.id} adds up`);
            previous = s.closingBalance;
          }
          const due = invoices
            .filter(i => i.billingAccount?.id === account.id && i.kind === 'invoice')
            .reduce((sum, i) => sum + i.amounts.due, 0);
          assert.equal(previous, due, `${account.id} ends at what its invoices still ask`);
        }
      });
    });

    describe('buyer profiles', () => {
      it('lists the profiles that decode when an older store holds a malformed one (the form stays usable)', async () => {
        await client.createBuyerProfile({ buyerKind: 'individual', title: '张三' });
        await server.store.query(
          "insert into buyer_profiles (id, tenant_id, created_at, body) values ('BP-broken', 'contoso', now(), $1)",
          [JSON.stringify({ buyerKind: 'martian', title: 42 })],
        );
        assert.deepEqual(
          (await client.listBuyerProfiles()).map(p => p.title),
          ['张三'],
        );
      });
      it('creates, lists, updates and deletes, validating the tax ID with the core rules', async () => {
        const created = await client.createBuyerProfile({
          buyerKind: 'enterprise',
          title: '阿里云计算有限公司',
          taxId: '91330106673959654p',
        });
        assert.equal(created.taxId, '91330106673959654P', 'stored normalised');
        assert.deepEqual(
          (await client.listBuyerProfiles()).map(p => p.id),
          [created.id],
        );
        const updated = await client.updateBuyerProfile(created.id, {
          buyerKind: 'enterprise',
          title: '阿里云',
          taxId: '91330106673959654P',
        });
        assert.equal(updated.title, '阿里云');
        await rejectsWith(
          client.createBuyerProfile({ buyerKind: 'enterprise', title: 'X', taxId: '91330106673959654Q' }),
          e => {
            assert.equal(e.status, 422);
            assert.deepEqual(
              e.problem?.errors?.map(x => x.code),
              ['tax-id-checksum'],
            );
          },
        );
        await rejectsWith(clientFor(TOKENS.fabrikam).deleteBuyerProfile(created.id), e => assert.equal(e.status, 404));
        await client.deleteBuyerProfile(created.id);
        assert.equal((await client.listBuyerProfiles()).length, 0);
      });
      it("keeps the customer's default title: one at a time, the customer's own, gone with its profile", async () => {
        const a = await client.createBuyerProfile({
          buyerKind: 'enterprise',
          title: '甲公司',
          taxId: '91330106673959654P',
        });
        const b = await client.createBuyerProfile({ buyerKind: 'individual', title: '王芳' });
        const marked = (list: readonly { id: string; isDefault?: boolean }[]) =>
          list.filter(p => p.isDefault).map(p => p.id);
        assert.deepEqual(marked(await client.setDefaultBuyerProfile!(a.id)), [a.id]);
        assert.deepEqual(marked(await client.setDefaultBuyerProfile!(b.id)), [b.id], 'one default at a time');
        assert.deepEqual(marked(await client.listBuyerProfiles()), [b.id]);
        await rejectsWith(clientFor(TOKENS.fabrikam).setDefaultBuyerProfile!(a.id), e => assert.equal(e.status, 404));
        await rejectsWith(client.setDefaultBuyerProfile!('BP-nope'), e => assert.equal(e.status, 404));
        await client.deleteBuyerProfile(b.id);
        assert.deepEqual(marked(await client.listBuyerProfiles()), [], 'a deleted profile is nobody’s default');
      });
    });

    describe('Fapiao requests', () => {
      it('creates exactly one request per idempotency key, replaying it on repeat', async () => {
        const invoice = await eligibleInvoice();
        const key = newIdempotencyKey();
        const first = await client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: key });
        assert.equal(first.status, 'submitted');
        assert.deepEqual(first.invoiceIds, [invoice.id]);
        const again = await client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: key });
        assert.equal(again.id, first.id);
        await rejectsWith(
          client.createFapiaoRequest(
            { invoiceIds: [invoice.id], draft: { ...draft, note: 'changed' } },
            { idempotencyKey: key },
          ),
          e => assert.equal(e.problem?.code, 'idempotency-key-reused'),
        );
        await rejectsWith(
          client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          e => {
            assert.equal(e.status, 409);
            assert.deepEqual(e.problem?.reasons?.[0]?.codes, ['request-pending']);
          },
        );
        assert.equal(
          await count('select count(*)::int as n from fapiao_request_invoices where invoice_id = $1', [invoice.id]),
          1,
        );
      });
      it('stays single under 12 concurrent duplicate submissions (same key, and different keys)', async () => {
        const invoice = await eligibleInvoice();
        const key = newIdempotencyKey();
        const sameKey = await Promise.all(
          Array.from({ length: 6 }, () =>
            client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: key }),
          ),
        );
        assert.equal(new Set(sameKey.map(r => r.id)).size, 1);
        const other = (
          await client.listInvoices({ status: ['paid'], billingAccount: 'BA-M365-CONTOSO', limit: 3 })
        ).items.find(i => i.id !== invoice.id && !i.id.endsWith('202610'))!;
        const settled = await Promise.allSettled(
          Array.from({ length: 6 }, () =>
            client.createFapiaoRequest({ invoiceIds: [other.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          ),
        );
        assert.equal(settled.filter(s => s.status === 'fulfilled').length, 1);
        assert.ok(settled.every(s => s.status === 'fulfilled' || (isApiError(s.reason) && s.reason.status === 409)));
        assert.equal(
          await count('select count(*)::int as n from fapiao_request_invoices where invoice_id = any($1)', [
            [invoice.id, other.id],
          ]),
          2,
        );
      });
      it('enforces the core rules on the server: draft fields, waiting period, account, void', async () => {
        await rejectsWith(
          client.createFapiaoRequest(
            { invoiceIds: [(await eligibleInvoice()).id], draft: { ...draft, taxId: '123' } },
            { idempotencyKey: newIdempotencyKey() },
          ),
          e => {
            assert.equal(e.status, 422);
            assert.deepEqual(
              e.problem?.errors?.map(x => `${x.field}:${x.code}`),
              ['taxId:tax-id-length'],
            );
          },
        );
        const recent = (await client.listInvoices({ billingAccount: 'BA-M365-CONTOSO', limit: 1 })).items[0]!; // paid yesterday
        await rejectsWith(
          client.createFapiaoRequest({ invoiceIds: [recent.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          e => assert.deepEqual(e.problem?.reasons?.[0]?.codes, ['waiting-period']),
        );
        const voided = (await client.listInvoices({ status: ['void'] })).items[0]!;
        await rejectsWith(
          client.createFapiaoRequest({ invoiceIds: [voided.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          e => assert.deepEqual(e.problem?.reasons?.[0]?.codes, ['void']),
        );
        const fabrikam = clientFor(TOKENS.fabrikam, { locale: 'zh-CN' });
        const paid = (await fabrikam.listInvoices({ status: ['paid'], limit: 1 })).items[0]!;
        await rejectsWith(
          fabrikam.createFapiaoRequest({ invoiceIds: [paid.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          e => {
            assert.deepEqual(e.problem?.reasons?.[0]?.codes, ['no-fapiao-account']);
            assert.match(e.message, /注册发票管理系统/, 'the message follows Accept-Language');
          },
        );
        await rejectsWith(
          client.createFapiaoRequest(
            { invoiceIds: ['INV-FABRIKAM-1-202601'], draft },
            { idempotencyKey: newIdempotencyKey() },
          ),
          e => assert.equal(e.status, 404),
        );
      });
      it('moves requests to issued with real PDF, OFD and XML files; a rejection frees the invoice', async () => {
        const invoice = await eligibleInvoice();
        const created = await client.createFapiaoRequest(
          { invoiceIds: [invoice.id], draft, saveProfile: true },
          { idempotencyKey: newIdempotencyKey() },
        );
        assert.equal((await client.listBuyerProfiles()).length, 1, 'saveProfile stored the title');
        await server.admin('/process-requests');
        assert.equal((await client.getFapiaoRequest(created.id)).status, 'processing');
        await server.admin('/process-requests');
        const issued = await client.getFapiaoRequest(created.id);
        assert.equal(issued.status, 'issued');
        assert.deepEqual(
          issued.history.map(h => h.status),
          ['submitted', 'processing', 'issued'],
        );
        const fapiao = issued.fapiaos[0]!;
        assert.match(fapiao.number, /^\d{20}$/);
        assert.equal(fapiao.gross, invoice.amounts.gross);
        assert.equal(fapiao.net + fapiao.tax, fapiao.gross);
        const files = Object.fromEntries(
          await Promise.all(
            fapiao.files.map(
              async f => [f.format, Buffer.from(await (await client.download(f.url)).arrayBuffer())] as const,
            ),
          ),
        );
        assert.equal(files.pdf!.subarray(0, 5).toString(), '%PDF-');
        assert.equal(files.ofd!.subarray(0, 2).toString(), 'PK');
        assert.match(files.xml!.toString(), new RegExp(`<InvoiceNumber>${fapiao.number}</InvoiceNumber>`));
        const second = await eligibleInvoice();
        const pending = await client.createFapiaoRequest(
          { invoiceIds: [second.id], draft },
          { idempotencyKey: newIdempotencyKey() },
        );
        await server.admin(`/requests/${pending.id}/reject`, { reason: '抬头与付款方不一致' });
        const rejected = await client.getFapiaoRequest(pending.id);
        assert.equal(rejected.rejectionReason, '抬头与付款方不一致');
        const retry = await client.createFapiaoRequest(
          { invoiceIds: [second.id], draft },
          { idempotencyKey: newIdempotencyKey() },
        );
        assert.notEqual(retry.id, pending.id);
      });
    });

    describe('delivery', () => {
      it('offers e-mail, SF or Yunda freight collect, and pick-up at the branch through the account', async () => {
        const account = await client.getFapiaoAccount();
        assert.deepEqual(account.delivery?.kinds, ['electronic', 'paper', 'pickup']);
        assert.deepEqual(account.delivery?.couriers, ['sf', 'yunda']);
        assert.match(account.delivery?.pickup?.address ?? '', /科苑路 88 号/);
      });
      it('keeps the courier and mails with its tracking number; a pick-up becomes ready at the branch', async () => {
        const byYunda = await client.createFapiaoRequest(
          {
            invoiceIds: [(await eligibleInvoice()).id],
            draft: {
              ...draft,
              delivery: 'paper',
              courier: 'yunda',
              recipient: '王芳',
              recipientPhone: '021-60506050',
              postalAddress: '上海市浦东新区郭守敬路 498 号',
            },
          },
          { idempotencyKey: newIdempotencyKey() },
        );
        assert.deepEqual(byYunda.shipping, {
          recipient: '王芳',
          phone: '021-60506050',
          address: '上海市浦东新区郭守敬路 498 号',
          courier: 'yunda',
        });
        assert.equal(byYunda.email, undefined, 'the e-mail of a courier request is not kept');
        const atBranch = await client.createFapiaoRequest(
          {
            invoiceIds: [(await eligibleInvoice()).id],
            draft: { ...draft, delivery: 'pickup', recipient: '李雷', recipientPhone: '13800138000' },
          },
          { idempotencyKey: newIdempotencyKey() },
        );
        assert.equal(atBranch.pickup?.collector, '李雷');
        assert.equal(atBranch.pickup?.phone, '13800138000');
        assert.match(atBranch.pickup?.point.address ?? '', /科苑路 88 号/);
        for (let i = 0; i < 3; i++) await server.admin('/process-requests');
        const mailed = await client.getFapiaoRequest(byYunda.id);
        assert.equal(mailed.status, 'mailed');
        assert.equal(mailed.tracking?.courier, 'yunda');
        assert.match(mailed.tracking?.number ?? '', /^\d{15}$/);
        assert.deepEqual(
          mailed.history.map(h => h.status),
          ['submitted', 'processing', 'issued', 'mailed'],
        );
        const ready = await client.getFapiaoRequest(atBranch.id);
        assert.deepEqual(
          ready.history.map(h => h.status),
          ['submitted', 'processing', 'issued', 'ready-for-pickup'],
        );
        assert.equal(ready.tracking, undefined);
        // Issued is issued: neither bill can be requested again.
        await rejectsWith(
          client.createFapiaoRequest(
            { invoiceIds: [mailed.invoiceIds[0]!], draft },
            { idempotencyKey: newIdempotencyKey() },
          ),
          e => assert.equal(e.status, 409),
        );
      });
    });

    describe('the Fapiao balance', () => {
      it('reads the balance per seller and currency through the client, and a request takes its bill from it', async () => {
        const cny = async () => (await client.getFapiaoBalance!()).find(b => b.currency === 'CNY')!;
        const before = await cny();
        const invoice = await eligibleInvoice();
        await client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: newIdempotencyKey() });
        assert.equal((await cny()).invoiceable, before.invoiceable - invoice.amounts.gross);
      });
    });

    describe('a request by amount', () => {
      it('previews and requests an amount through the client; a refusal says what can be invoiced', async () => {
        const cny = async () => (await client.getFapiaoBalance!()).find(b => b.currency === 'CNY')!;
        const before = await cny();
        const amount = { sellerId: before.sellerId, currency: 'CNY', gross: 23_456 };
        const preview = await client.previewFapiaoPlan!(amount, 'special');
        assert.equal(preview.fapiaos[0]!.fapiaoKind, 'special');
        assert.equal(
          preview.totals.reduce((a, t) => a + t.gross, 0),
          23_456,
        );
        const request = await client.createFapiaoRequest({ amount, draft }, { idempotencyKey: newIdempotencyKey() });
        assert.deepEqual(
          request.invoiceIds,
          preview.fapiaos.flatMap(f => f.lines.map(l => l.invoiceId)),
          'the request takes what the preview showed',
        );
        assert.equal((await cny()).invoiceable, before.invoiceable - 23_456);
        // A preview that comes back malformed twice is an invalid response, not a plan.
        await server.admin('/faults/queue', { kind: 'wrong-shape', path: '/api/v1/fapiao-plan', times: 2 });
        await rejectsWith(client.previewFapiaoPlan!(amount, 'ordinary'), e => assert.equal(e.kind, 'invalid-response'));
        await rejectsWith(client.previewFapiaoPlan!({ ...amount, gross: before.invoiceable }, 'ordinary'), e => {
          assert.equal(e.status, 422);
          assert.equal(e.problem?.code, 'amount-not-invoiceable');
          assert.match(e.problem?.detail ?? '', /can be invoiced now/);
        });
      });
    });

    describe('the address book for paper Fapiao', () => {
      const office = { recipient: '王芳', phone: '021-60506050', address: '上海市浦东新区郭守敬路 498 号' };
      it("creates, lists, updates, deletes and chooses a default, the customer's own only", async () => {
        const a = await client.createShippingAddress!({ ...office, recipient: '  王芳 ' });
        assert.equal(a.recipient, '王芳', 'stored trimmed');
        const b = await client.createShippingAddress!({
          recipient: '李雷',
          phone: '13800138000',
          address: '北京市海淀区',
        });
        const marked = (list: readonly { id: string; isDefault?: boolean }[]) =>
          list.filter(x => x.isDefault).map(x => x.id);
        assert.deepEqual(marked(await client.setDefaultShippingAddress!(b.id)), [b.id]);
        assert.deepEqual(marked(await client.setDefaultShippingAddress!(a.id)), [a.id], 'one default at a time');
        const moved = await client.updateShippingAddress!(a.id, { ...office, address: '上海市徐汇区' });
        assert.equal(moved.address, '上海市徐汇区');
        const other = clientFor(TOKENS.fabrikam);
        assert.deepEqual(await other.listShippingAddresses!(), [], "another customer's book is empty");
        // One at a time: a rejection nobody awaits yet would count as unhandled.
        for (const attempt of [
          () => other.setDefaultShippingAddress!(a.id),
          () => other.updateShippingAddress!(a.id, office),
          () => other.deleteShippingAddress!(a.id),
        ])
          await rejectsWith(attempt(), e => assert.equal(e.status, 404));
        await client.deleteShippingAddress!(a.id);
        assert.deepEqual(
          (await client.listShippingAddresses!()).map(x => [x.id, x.isDefault ?? false]),
          [[b.id, false]],
          'a deleted address is nobody’s default',
        );
      });
      it('checks an address by the form’s rules and names the field the caller sent', async () => {
        await rejectsWith(client.createShippingAddress!({ ...office, phone: 'call me' }), e => {
          assert.equal(e.status, 422);
          assert.deepEqual(
            e.problem?.errors?.map(x => [x.field, x.code]),
            [['phone', 'phone-charset']],
          );
        });
        await rejectsWith(client.createShippingAddress!({ ...office, address: '长'.repeat(200) }), e =>
          assert.deepEqual(
            e.problem?.errors?.map(x => [x.field, x.code]),
            [['address', 'too-long-bytes']],
          ),
        );
        await rejectsWith(client.createShippingAddress!({ ...office, recipient: '' }), e =>
          assert.deepEqual(
            e.problem?.errors?.map(x => x.field),
            ['recipient'],
          ),
        );
        assert.deepEqual(await client.listShippingAddresses!(), [], 'nothing stored');
      });
      it('keeps at most 50, and says so in the customer’s language', async () => {
        for (let i = 0; i < 50; i++) await client.createShippingAddress!({ ...office, address: `上海市 ${i} 号` });
        const zh = clientFor(TOKENS.contoso, { locale: 'zh-CN' });
        await rejectsWith(zh.createShippingAddress!(office), e => {
          assert.equal(e.status, 422);
          assert.match(e.problem?.detail ?? '', /最多可保存 50 个收件地址/);
        });
        assert.equal((await client.listShippingAddresses!()).length, 50);
      });
      it('keeps a paper request’s address when asked, once, without its courier', async () => {
        const paper = (invoiceId: string) =>
          client.createFapiaoRequest(
            {
              invoiceIds: [invoiceId],
              draft: {
                ...draft,
                delivery: 'paper',
                courier: 'sf',
                recipient: office.recipient,
                recipientPhone: office.phone,
                postalAddress: office.address,
              },
              saveAddress: true,
            },
            { idempotencyKey: newIdempotencyKey() },
          );
        await paper((await eligibleInvoice()).id);
        await paper((await eligibleInvoice()).id);
        const book = await client.listShippingAddresses!();
        assert.equal(book.length, 1, 'the same address is kept once');
        assert.deepEqual({ ...book[0], id: undefined }, { ...office, id: undefined });
      });
    });

    describe('e-mail again and reissue', () => {
      it('reissues with corrections through the client: the red-letter Fapiao, the new request, the same answer twice', async () => {
        const invoice = await eligibleInvoice();
        const created = await client.createFapiaoRequest(
          { invoiceIds: [invoice.id], draft },
          { idempotencyKey: newIdempotencyKey() },
        );
        await server.admin('/process-requests');
        await server.admin('/process-requests');
        const corrected = { ...draft, title: '康托索（上海）信息技术有限公司北京分公司' };
        const asked = await client.requestReissue!(created.id, { reason: 'buyer-name', draft: corrected });
        assert.equal(asked.reissue?.step, 'red-letter-confirmation');
        const again = await client.requestReissue!(created.id, { reason: 'buyer-name', draft: corrected });
        assert.deepEqual(again.reissue, asked.reissue, 'the same corrections answer the same reissue');
        for (let i = 0; i < 5; i++) await server.admin('/process-requests');
        const old = await client.getFapiaoRequest(created.id);
        assert.equal(old.status, 'reversed');
        assert.equal(old.reissue?.step, 'done');
        const replacement = await client.getFapiaoRequest(old.reissue!.replacementId!);
        assert.equal(replacement.status, 'issued');
        assert.equal(replacement.buyer.title, corrected.title);
        assert.equal(old.fapiaos.filter(f => f.reverses).length, 1);
        // The bill is invoiced by the new request: no third Fapiao for it.
        await rejectsWith(
          client.createFapiaoRequest({ invoiceIds: [invoice.id], draft }, { idempotencyKey: newIdempotencyKey() }),
          e => assert.equal(e.status, 409),
        );
        await rejectsWith(client.resendFapiaoEmail!(created.id, { to: 'a@b.cn' }), e => assert.equal(e.status, 409));
      });
    });

    describe('faults: the client sorts them into kinds and retries only where safe', () => {
      it('retries a GET through 500, 503 and 429 (Retry-After) and succeeds', async () => {
        await server.admin('/faults/queue', [
          { kind: 'error-500', path: '/api/v1/invoices' },
          { kind: 'rate-limit', path: '/api/v1/invoices', retryAfter: 0 },
        ]);
        const page = await client.listInvoices({ limit: 1 });
        assert.equal(page.items.length, 1);
      });
      it('gives up after the retry limit with kind http and the status', async () => {
        await server.admin('/faults/queue', { kind: 'error-500', path: '/api/v1/invoices', times: 5 });
        await rejectsWith(clientFor(TOKENS.contoso, { retries: 1 }).listInvoices(), e => {
          assert.equal(e.kind, 'http');
          assert.equal(e.status, 500);
          assert.equal(e.retryable, true);
        });
      });
      it('reports a dropped connection as network, truncated JSON and wrong shapes as invalid-response', async () => {
        await server.admin('/faults/queue', { kind: 'drop', path: '/api/v1/fapiao-account', times: 3 });
        await rejectsWith(clientFor(TOKENS.contoso, { retries: 0 }).getFapiaoAccount(), e =>
          assert.equal(e.kind, 'network'),
        );
        // A malformed GET answer is asked once more: one fault is survived, two are reported.
        await server.admin('/faults/queue', { kind: 'malformed', path: '/api/v1/invoices' });
        assert.ok((await client.listInvoices()).items.length > 0);
        await server.admin('/faults/queue', { kind: 'malformed', path: '/api/v1/invoices', times: 2 });
        await rejectsWith(client.listInvoices(), e => assert.equal(e.kind, 'invalid-response'));
        await server.admin('/faults/queue', { kind: 'wrong-shape', path: '/api/v1/invoices', times: 2 });
        await rejectsWith(client.listInvoices(), e => {
          assert.equal(e.kind, 'invalid-response');
          assert.ok(e.issues.some(i => i.path.startsWith('$.items[0]')));
        });
      });
      it('times out and aborts with their own kinds', async () => {
        await server.admin('/faults/queue', { kind: 'delay', path: '/api/v1/fapiao-account', ms: 1500 });
        await rejectsWith(clientFor(TOKENS.contoso, { timeoutMs: 200, retries: 0 }).getFapiaoAccount(), e =>
          assert.equal(e.kind, 'timeout'),
        );
        await server.admin('/faults/queue', { kind: 'delay', path: '/api/v1/fapiao-account', ms: 1500 });
        const controller = new AbortController();
        const call = client.getFapiaoAccount({ signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        await rejectsWith(call, e => assert.equal(e.kind, 'aborted'));
      });
      it('never creates a request twice when the answer to a POST is lost: the retry replays it', async () => {
        const invoice = await eligibleInvoice();
        // The server creates the request, then the connection drops before the answer; then a 500 before handling.
        await server.admin('/faults/queue', [
          { kind: 'drop', path: '/api/v1/fapiao-requests', method: 'POST', afterHandling: true },
          { kind: 'error-500', path: '/api/v1/fapiao-requests', method: 'POST' },
        ]);
        const created = await client.createFapiaoRequest(
          { invoiceIds: [invoice.id], draft },
          { idempotencyKey: newIdempotencyKey() },
        );
        assert.deepEqual(created.invoiceIds, [invoice.id]);
        assert.equal(
          await count(
            "select count(*)::int as n from fapiao_requests where tenant_id = 'contoso' and status = 'submitted'",
          ),
          1,
        );
      });
      it('does not retry a POST that has no idempotency protection (profiles)', async () => {
        await server.admin('/faults/queue', { kind: 'error-500', path: '/api/v1/buyer-profiles', method: 'POST' });
        await rejectsWith(client.createBuyerProfile({ buyerKind: 'individual', title: '张三' }), e =>
          assert.equal(e.status, 500),
        );
        assert.equal((await client.listBuyerProfiles()).length, 0);
      });
    });
  });
}
