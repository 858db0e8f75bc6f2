import { expect, fixture, html } from '@open-wc/testing';
import '../../../helpers/define.js';
import { admin } from '../../../helpers/admin.js';
import { loaded, statusOf, type LoadStatus } from '../../../helpers/harness.js';
import type { BillListElement, FapiaoAccountElement } from '../../../../src/elements/index.js';

// Against the real reference server (mounted on this origin by web-test-runner.config.mjs), through the real ky client.
const NOW = new Date('2026-11-24T12:00:00+08:00');

async function waitFor(el: BillListElement, kind: LoadStatus) {
  await loaded(el);
  expect(statusOf(el)).to.equal(kind);
}

describe('<bill-list> with the reference server', () => {
  beforeEach(async () => {
    await admin('/reset');
  });
  it("loads the customer's bills over HTTP with their Fapiao states", async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" api-base="/api/v1/" token="demo-token-contoso" range="12" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'ready');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(25, '12 months × 2 accounts, plus a credit note');
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('Available from Nov 26, 2026'); // paid yesterday in the seed
    expect(text).to.contain('Issued');
    expect(text).to.contain('not fully paid');
    await expect(el).to.be.accessible();
  });
  it('shows an error on a 500 and recovers with retry', async () => {
    await admin('/faults/queue', { kind: 'error-500', path: '/api/v1/invoices', times: 3 });
    const el = await fixture<BillListElement>(
      html`<bill-list lang="zh-CN" api-base="/api/v1/" token="demo-token-contoso" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('服务暂时出现问题，请稍后重试。');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitFor(el, 'ready');
  });
  it('reports malformed JSON as an invalid response (after asking once more)', async () => {
    await admin('/faults/queue', { kind: 'malformed', path: '/api/v1/invoices', times: 2 });
    const el = await fixture<BillListElement>(
      html`<bill-list lang="nl" api-base="/api/v1/" token="demo-token-contoso" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('onverwacht formaat');
  });
  it('keeps the bills when the Fapiao account answer is malformed: a notice with its own retry, nothing offered', async () => {
    // The client retries a malformed answer once; both attempts fail here.
    await admin('/faults/queue', { kind: 'malformed', path: '/api/v1/fapiao-account', times: 2 });
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" api-base="/api/v1/" token="demo-token-contoso" range="12" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'ready');
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(25, 'the bills stay');
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.textContent).to.contain('their Fapiao status could not be loaded');
    expect(el.shadowRoot!.querySelectorAll('[part="fapiao-button"]').length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('tbody input[type="checkbox"]').length).to.equal(0, 'nothing to tick');
    expect(el.shadowRoot!.querySelector('.fapiao.unknown')!.textContent).to.equal('Fapiao status not loaded');
    await expect(el).to.be.accessible();
    notice.querySelector('button')!.click();
    await waitFor(el, 'ready');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="fapiao-button"]').length).to.be.above(0);
  });
  it('keeps what it showed when a refresh of the requests fails, and takes the accounts from the bills', async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" api-base="/api/v1/" token="demo-token-contoso" range="12" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'ready');
    const before = el.shadowRoot!.querySelectorAll('[part="fapiao-button"]').length;
    await admin('/faults/queue', { kind: 'error-500', path: '/api/v1/fapiao-requests', times: 3 });
    await admin('/faults/queue', { kind: 'error-500', path: '/api/v1/billing-accounts', times: 3 });
    await el.reload();
    await waitFor(el, 'ready');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null, 'the earlier requests stand in');
    expect(el.shadowRoot!.querySelectorAll('[part="fapiao-button"]').length).to.equal(before);
    const accounts = [...el.shadowRoot!.querySelectorAll('select option')].map(o => o.textContent!.trim());
    expect(accounts.join(' ')).to.contain('Microsoft 365');
  });
  it('says once, above the bills, that a Fapiao account is needed, and registers it there; rows say only their own', async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list lang="zh-CN" api-base="/api/v1/" token="demo-token-fabrikam" range="12" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'ready');
    const banner = el.shadowRoot!.querySelectorAll('[part="account-banner"]');
    expect(banner.length).to.equal(1);
    // The reference client registers: <fapiao-account> in the banner (fapiao-account-server.test.ts goes through it).
    const account = banner[0]!.querySelector<FapiaoAccountElement>('fapiao-account')!;
    await loaded(account);
    expect(account.shadowRoot!.textContent).to.contain('申请发票需要先注册发票账户');
    expect(account.shadowRoot!.querySelector('input[name="orderNumber"]')).to.not.equal(null);
    const rowsText = [...el.shadowRoot!.querySelectorAll('tbody tr')].map(r => r.textContent!).join('');
    expect(rowsText).to.not.contain('注册');
    expect(el.shadowRoot!.querySelectorAll('tbody input[type="checkbox"]').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('.toolbar button.action')).to.equal(
      null,
      'nothing offered that cannot be done',
    );
    await expect(el).to.be.accessible();
  });
  it('tells a customer whose account waits for activation what the 21Vianet process asks (the e-mail link, 24 hours)', async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" api-base="/api/v1/" token="demo-token-northwind" range="12" .now=${NOW}></bill-list>`,
    );
    await waitFor(el, 'ready');
    const account = el.shadowRoot!.querySelector<FapiaoAccountElement>('[part="account-banner"] fapiao-account')!;
    await loaded(account);
    // Registered in the seed two days ago: its link expired, and a new one is a click away.
    expect(account.shadowRoot!.textContent).to.contain('The activation link sent to ap@northwind.cn has expired');
    expect(account.shadowRoot!.textContent).to.contain('Resend the activation e-mail');
    expect(el.shadowRoot!.querySelector('tbody')!.textContent).to.not.contain('activation');
  });
  it('shows statements for the account, with PDF links', async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list
        lang="en"
        api-base="/api/v1/"
        token="demo-token-contoso"
        view="statements"
        .now=${NOW}
      ></bill-list>`,
    );
    await waitFor(el, 'ready');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.length).to.be.above(0);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).to.match(/^\/api\/v1\/statements\/[^/]+\/pdf$/);
    await expect(el).to.be.accessible();
  });
});
