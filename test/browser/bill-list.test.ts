import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/define.js';
import type { BillListElement, FapiaoRequestEvent, BillPdfRequestEvent } from '../../src/elements/index.js';
import { ApiError } from '../../src/core/api/index.js';
import type { Invoice } from '../../src/core/index.js';
import { makeInvoice } from '../helpers/invoices.js';
import { FixtureClient } from '../helpers/fixture-client.js';

const NOW = new Date('2026-11-24T12:00:00+08:00');
const invoices: Invoice[] = [
  makeInvoice({ id: 'A', number: 'INV-A', invoiceDate: '2026-11-01T10:00:00+08:00', gross: 123450, tax: 6988, paidAt: '2026-11-05T10:00:00+08:00' }),
  makeInvoice({ id: 'B', number: 'INV-B', invoiceDate: '2026-10-01T10:00:00+08:00', gross: 10000, paidAt: '2026-11-23T09:00:00+08:00' }),
  makeInvoice({ id: 'C', number: 'INV-C', invoiceDate: '2026-09-01T10:00:00+08:00', status: 'due', due: 10000, payments: [] }),
  makeInvoice({ id: 'D', number: 'INV-D', invoiceDate: '2026-08-01T10:00:00+08:00', gross: 50000, tax: 2830, documents: [{ kind: 'invoice', url: 'javascript:alert(1)' }] }),
  makeInvoice({ id: 'E', number: 'INV-E', invoiceDate: '2026-07-01T10:00:00+08:00', documents: [{ kind: 'invoice', url: '/files/E.pdf' }] }),
];
const requests = [{ id: 'R1', invoiceIds: ['E'], status: 'issued' } as never];

async function render(client = new FixtureClient(invoices, { state: 'registered' }, requests), lang = 'zh-CN') {
  const el = await fixture<BillListElement>(html`<bill-list lang=${lang} .client=${client} .now=${NOW}></bill-list>`);
  await waitForState(el, 'ready');
  return el;
}
async function waitForState(el: BillListElement, kind: string) {
  await el.updateComplete; // let a pending property change start its load first
  for (let i = 0; i < 100 && el._state.kind !== kind; i++) await new Promise(r => setTimeout(r, 10));
  await el.updateComplete;
  expect(el._state.kind).to.equal(kind);
}
const rows = (el: BillListElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
const cell = (row: HTMLTableRowElement, column: number) => row.children[column]!.textContent!.replace(/\s+/g, ' ').trim();

describe('<bill-list>', () => {
  it('shows number, dates, amount in CNY for the locale, status and the Fapiao state with its reason', async () => {
    const el = await render();
    const [a, b, c] = rows(el);
    expect(cell(a!, 0)).to.equal('INV-A');
    expect(cell(a!, 1)).to.equal('2026年11月1日');
    expect(cell(a!, 4)).to.equal('¥1,234.50');
    expect(cell(a!, 5)).to.equal('已付款');
    expect(cell(a!, 6)).to.contain('可申请');
    expect(cell(b!, 6)).to.equal('2026年11月26日 起可申请'); // paid 23 Nov in Shanghai: from the 26th
    expect(cell(c!, 6)).to.contain('账单尚未付清');
    expect(cell(rows(el)[4]!, 6)).to.equal('已开具');
    await expect(el).to.be.accessible();
  });
  it('follows lang: the same bills in Dutch and English', async () => {
    const el = await render(undefined, 'nl');
    expect(cell(rows(el)[0]!, 4)).to.match(/^CN¥\s1\.234,50$/);
    expect(cell(rows(el)[0]!, 1)).to.equal('1 nov. 2026');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(cell(rows(el)[1]!, 6)).to.equal('Available from Nov 26, 2026');
  });
  it('filters by status and search, reflecting them as attributes for deep links', async () => {
    const el = await render();
    el.status = 'due';
    await waitForState(el, 'ready');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-C']);
    expect(el.getAttribute('status')).to.equal('due');
    el.status = '';
    el.search = 'inv-b';
    await waitForState(el, 'ready');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-B']);
    expect(el.getAttribute('search')).to.equal('inv-b');
  });
  it('sorts by amount from the header, by keyboard, with aria-sort', async () => {
    const el = await render();
    const amountButton = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.sort')[1]!;
    amountButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'ready');
    expect(el.sort).to.equal('-amount');
    expect(el.shadowRoot!.querySelector('th.amount')!.getAttribute('aria-sort')).to.equal('descending');
    // Ties (10,000 fen) follow the id in the same direction, as the API does.
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-A', 'INV-D', 'INV-E', 'INV-C', 'INV-B']);
  });
  it('shows a localised error with a retry that works, and is accessible then', async () => {
    const client = new FixtureClient(invoices);
    client.failNext = [new ApiError('timeout', 'slow')];
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .client=${client} .now=${NOW}></bill-list>`);
    await waitForState(el, 'error');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The server took too long to answer');
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitForState(el, 'ready');
    expect(rows(el).length).to.equal(5);
  });
  it('never lets an older, slower answer overwrite a newer one', async () => {
    const client = new FixtureClient(invoices);
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .client=${client} .now=${NOW}></bill-list>`);
    await waitForState(el, 'ready');
    client.delays = [200, 0];
    el.status = 'paid';
    await el.updateComplete;
    el.status = 'due';
    await new Promise(r => setTimeout(r, 300));
    await el.updateComplete;
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-C']);
  });
  it('is accessible while loading and when empty', async () => {
    const client = new FixtureClient([]);
    client.delays = [300];
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .client=${client} .now=${NOW}></bill-list>`);
    expect(el._state.kind).to.equal('loading');
    await expect(el).to.be.accessible();
    await waitForState(el, 'ready');
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No bills match');
    await expect(el).to.be.accessible();
  });
  it('fires fapiao-request for an eligible bill and a cancelable bill-pdf-request; unsafe links are not rendered', async () => {
    const el = await render(undefined, 'en');
    const button = rows(el)[0]!.querySelector<HTMLButtonElement>('button.action')!;
    setTimeout(() => button.click());
    const request = (await oneEvent(el, 'fapiao-request')) as FapiaoRequestEvent;
    expect(request.detail.invoices.map(i => i.id)).to.deep.equal(['A']);
    expect(request.composed && request.bubbles && request.cancelable).to.equal(true);
    expect(rows(el)[1]!.querySelector('button.action'), 'no button in the waiting period').to.equal(null);
    expect(rows(el)[3]!.querySelector('a'), 'javascript: link dropped').to.equal(null);
    const link = rows(el)[4]!.querySelector('a')!;
    el.addEventListener('bill-pdf-request', e => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const pdf = (await oneEvent(el, 'bill-pdf-request')) as BillPdfRequestEvent;
    expect(pdf.detail.url).to.equal('/files/E.pdf');
  });
  it('uses host-held invoices without fetching', async () => {
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .invoices=${invoices} .now=${NOW} sort="amount"></bill-list>`);
    await waitForState(el, 'ready');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-B', 'INV-C', 'INV-E', 'INV-D', 'INV-A']);
  });
});
