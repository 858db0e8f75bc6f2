import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../helpers/define.js';
import { loaded, statusOf, until, type LoadStatus } from '../../../helpers/harness.js';
import type {
  BillListElement,
  FapiaoRequestEvent,
  BillPdfRequestEvent,
  BillExportEvent,
} from '../../../../src/elements/index.js';
import { ApiError } from '../../../../src/client/index.js';
import type { Invoice } from '../../../../src/core/index.js';
import { makeInvoice } from '../../../helpers/invoices.js';
import { FixtureClient } from '../../../helpers/fixture-client.js';

const NOW = new Date('2026-11-24T12:00:00+08:00');
const invoices: Invoice[] = [
  makeInvoice({
    id: 'A',
    number: 'INV-A',
    invoiceDate: '2026-11-01T10:00:00+08:00',
    gross: 123450,
    tax: 6988,
    paidAt: '2026-11-05T10:00:00+08:00',
  }),
  makeInvoice({
    id: 'B',
    number: 'INV-B',
    invoiceDate: '2026-10-01T10:00:00+08:00',
    gross: 10000,
    paidAt: '2026-11-23T09:00:00+08:00',
  }),
  makeInvoice({
    id: 'C',
    number: 'INV-C',
    invoiceDate: '2026-09-01T10:00:00+08:00',
    status: 'due',
    due: 10000,
    payments: [],
  }),
  makeInvoice({
    id: 'D',
    number: 'INV-D',
    invoiceDate: '2026-08-01T10:00:00+08:00',
    gross: 50000,
    tax: 2830,
    documents: [{ kind: 'invoice', url: 'javascript:alert(1)' }],
  }),
  makeInvoice({
    id: 'E',
    number: 'INV-E',
    invoiceDate: '2026-07-01T10:00:00+08:00',
    documents: [{ kind: 'invoice', url: '/files/E.pdf' }],
  }),
];
const requests = [
  {
    id: 'R1',
    invoiceIds: ['E'],
    status: 'issued',
    fapiaos: [
      {
        number: '26312000000012345678',
        files: [
          { format: 'ofd', url: '/files/F1.ofd' },
          { format: 'pdf', url: '/files/F1.pdf' },
        ],
      },
    ],
  } as never,
];

async function render(client = new FixtureClient(invoices, { state: 'registered' }, requests), lang = 'zh-CN') {
  const el = await fixture<BillListElement>(html`<bill-list lang=${lang} .client=${client} .now=${NOW}></bill-list>`);
  await waitForState(el, 'ready');
  return el;
}
async function waitForState(el: BillListElement, kind: LoadStatus) {
  await loaded(el);
  expect(statusOf(el)).to.equal(kind);
}
const rows = (el: BillListElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
/** Text of a column, counted as the user sees them: 0 is the invoice number (the tick box column before it is skipped). */
const cell = (row: HTMLTableRowElement, column: number) =>
  row.children[column + 1]!.textContent!.replace(/\s+/g, ' ').trim();

/**
 * A <bill-list> with a long host array as it is right after its first render, before any task has run: so before the
 * rest of the array is validated (the words are loaded beforehand, so that render is the list's own). The warnings of
 * malformed entries stay out of the log until `done()`, which removes the list.
 */
async function longListJustRendered(
  entries: unknown[],
  attributes: Record<string, string> = {},
): Promise<{ el: BillListElement; done: () => void }> {
  await fixture(html`<bill-list lang="en" .invoices=${invoices} .now=${NOW}></bill-list>`);
  const el = document.createElement('bill-list') as BillListElement;
  Object.assign(el, { invoices: entries, now: NOW });
  for (const [name, value] of Object.entries({ lang: 'en', ...attributes })) el.setAttribute(name, value);
  const warn = console.warn;
  console.warn = () => {};
  const done = () => {
    el.remove();
    console.warn = warn;
  };
  document.body.append(el);
  await el.updateComplete;
  return { el, done };
}

describe('<bill-list>', () => {
  it('shows number, dates, amount in CNY for the locale, status and the Fapiao state with its reason', async () => {
    const el = await render();
    const [a, b, c] = rows(el);
    expect(cell(a!, 0)).to.equal('INV-A');
    expect(cell(a!, 1)).to.equal('2026年11月1日');
    expect(cell(a!, 4)).to.equal('¥1,234.50');
    expect(cell(a!, 5)).to.equal('已付款');
    expect(cell(a!, 6)).to.contain('可申请');
    // Paid 23 Nov in Shanghai: from the 26th, and why it waits.
    expect(cell(b!, 6)).to.equal('2026年11月26日起可申请付款记录约需 3 天同步到开票系统。');
    expect(cell(c!, 6)).to.contain('账单尚未付清');
    expect(cell(rows(el)[4]!, 6)).to.equal('已开具发票 PDF');
    await expect(el).to.be.accessible();
  });
  it('says what is left of a bill a request by amount took part of, offers it, and counts only that', async () => {
    // A (¥1,234.50): ¥1,000.00 of it taken by a request by amount under way.
    const partial = { id: 'R2', invoiceIds: ['A'], amounts: [100000], status: 'processing', fapiaos: [] } as never;
    const el = await render(new FixtureClient(invoices, { state: 'registered' }, [...requests, partial]));
    const a = rows(el)[0]!;
    expect(cell(a, 6)).to.equal('可申请其中¥234.50尚可申请开票，其余已申请。 申请发票');
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="summary"] button')];
    expect(items[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('可申请 ¥734.50 2 张账单');
    await expect(el).to.be.accessible();
  });
  it('sums what can be invoiced now, from when, and what is issued, in fen, and filters by a state from there', async () => {
    const el = await render();
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="summary"] button')];
    const text = (b: HTMLElement) => b.textContent!.replace(/\s+/g, ' ').trim();
    // A (¥1,234.50) and D (¥500.00) now; B from the 26th; E issued; nothing under way, so no "requested".
    expect(items.map(text)).to.deep.equal([
      '可申请 ¥1,734.50 2 张账单',
      '2026年11月26日起可申请 ¥100.00 1 张账单',
      '已开具 ¥100.00 1 张账单',
    ]);
    items[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.getAttribute('fapiao-state')).to.equal('eligible');
    expect(items[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-A', 'INV-D']);
    // The summary still counts every bill of the period, so the way back is in view; so is "clear filters".
    expect(text(items[2]!)).to.equal('已开具 ¥100.00 1 张账单');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.clear-filters')!.click();
    await el.updateComplete;
    expect(el.fapiaoState).to.equal('');
    expect(rows(el).length).to.equal(5);
    await expect(el).to.be.accessible();
  });
  it("keeps a bill's checks across a sort, and checks again when time moves or the requests change", async () => {
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" .invoices=${invoices} .fapiaoRequests=${[]} .now=${NOW}></bill-list>`,
    );
    await loaded(el);
    const stateOf = (id: string) =>
      cell(
        rows(el).find(r => r.dataset.id === id)!,
        6,
      );
    expect(stateOf('B')).to.match(/^Available from Nov 26, 2026/);
    el.sort = 'amount';
    await loaded(el);
    expect(stateOf('B')).to.match(/^Available from Nov 26, 2026/);
    el.now = new Date('2026-11-26T09:00:00+08:00');
    await loaded(el);
    expect(stateOf('B'), 'the waiting days are over').to.match(/^Available(?! from)/);
    el.fapiaoRequests = [{ id: 'R9', invoiceIds: ['B'], status: 'submitted', fapiaos: [] } as never];
    await loaded(el);
    expect(stateOf('B'), 'a request for it came').to.match(/^Requested/);
  });
  it('shows a long list first and its summary right after, in the place kept for it', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => makeInvoice({ id: `M${i}`, number: `M${i}`, gross: 100 }));
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .invoices=${many} .now=${NOW}></bill-list>`);
    await el.loadComplete;
    await el.updateComplete;
    const summary = () => el.shadowRoot!.querySelector('[part="summary"]')!;
    expect(summary().getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('tbody tr[data-id]').length).to.be.above(0);
    await until(() => summary().getAttribute('aria-busy') === null, 'the summary');
    expect(summary().textContent!.replace(/\s+/g, ' ')).to.contain('CN¥6,000.00 6,000 bills');
  });
  it('links an issued bill to its Fapiao PDF (the request that issued it), fetched with the token', async () => {
    const el = await render();
    const link = rows(el)[4]!.querySelector<HTMLAnchorElement>('.fapiao-files a')!;
    expect(link.textContent!.trim()).to.equal('发票 PDF');
    expect(link.getAttribute('aria-label')).to.equal('发票 PDF（26312000000012345678）');
    expect(link.getAttribute('href')).to.equal('/files/F1.pdf');
    expect(rows(el)[0]!.querySelector('.fapiao-files')).to.equal(null);
  });
  it('has a skip link as the first Tab stop, straight to the first "Get Fapiao" past filters and summary', async () => {
    const el = await render();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    const skip = el.shadowRoot!.activeElement as HTMLElement;
    expect(skip.textContent!.trim()).to.equal('跳到第一个“申请发票”');
    await sendKeys({ press: 'Enter' });
    const target = el.shadowRoot!.activeElement as HTMLElement;
    expect(target.getAttribute('part')).to.equal('fapiao-button');
    expect(target.closest('tr')!.dataset.id).to.equal('A');
  });
  it('follows lang: the same bills in Dutch and English', async () => {
    const el = await render(undefined, 'nl');
    expect(cell(rows(el)[0]!, 4)).to.match(/^CN¥\s1\.234,50$/);
    expect(cell(rows(el)[0]!, 1)).to.equal('1 nov 2026');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(cell(rows(el)[1]!, 6)).to.equal(
      'Available from Nov 26, 2026A payment takes about 3 days to reach the Fapiao system.',
    );
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
  it('searches as you type, shows everything again when the box is emptied, and names the filters that emptied it', async () => {
    const el = await render();
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    box.focus();
    await sendKeys({ type: 'inv-b' });
    await until(() => el.search === 'inv-b', 'the search applies without Enter');
    await waitForState(el, 'ready');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-B']);
    await sendKeys({ press: 'Escape' }); // the native search box clears itself on Esc
    expect(el.search).to.equal('', 'an emptied box shows everything at once');
    await waitForState(el, 'ready');
    expect(rows(el).length).to.equal(5);
    el.status = 'void';
    el.search = 'nothing-like-this';
    await waitForState(el, 'ready');
    const empty = el.shadowRoot!.querySelector('[part="empty"]')!.textContent!;
    expect(empty).to.equal('此期间没有符合筛选条件（已作废、编号含“nothing-like-this”）的账单。清除筛选即可查看全部。');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.clear-filters')!.click();
    await waitForState(el, 'ready');
    expect([el.status, el.search]).to.deep.equal(['', '']);
    expect(rows(el).length).to.equal(5);
    expect(el.shadowRoot!.querySelector('button.clear-filters')).to.equal(null);
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
    expect(statusOf(el)).to.equal('loading');
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
    const link = rows(el)[4]!.querySelector<HTMLAnchorElement>('td.links a')!;
    el.addEventListener('bill-pdf-request', e => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const pdf = (await oneEvent(el, 'bill-pdf-request')) as BillPdfRequestEvent;
    expect(pdf.detail.url).to.equal('/files/E.pdf');
  });
  it('uses host-held invoices without fetching, checking them like API data (a javascript: link is malformed)', async () => {
    const warn = console.warn;
    console.warn = () => {};
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" .invoices=${invoices} .now=${NOW} sort="amount"></bill-list>`,
    );
    await waitForState(el, 'ready');
    console.warn = warn;
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-B', 'INV-C', 'INV-E', 'INV-A']);
    expect(el.shadowRoot!.querySelector('.warning')!.textContent).to.equal(
      '1 bill could not be shown because the data is malformed.',
    );
  });

  it('opens details (lines, tax, payments) in a modal dialog that Escape closes, returning focus', async () => {
    const withLines = invoices.map(i =>
      i.id === 'A'
        ? ({
            ...i,
            lines: [{ description: 'Office 365 E3 <b>x</b>', quantity: 10, amount: 123450, taxRateBp: 600 }],
          } as unknown as Invoice)
        : i,
    );
    const el = await render(new FixtureClient(withLines), 'en');
    const opener = rows(el)[0]!.querySelector<HTMLButtonElement>('button.link')!;
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const text = dialog.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Invoice INV-A');
    expect(text).to.contain('Office 365 E3 <b>x</b>'); // data is text, never markup
    expect(text).to.contain('6%');
    expect(text).to.match(/VAT\s*CN¥69\.88/);
    expect(text).to.match(/Total incl\. VAT\s*CN¥1,234\.50/);
    expect(text).to.contain('Payment');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[0]!.querySelector('button.link'));
  });
  it("shows a bill's Fapiao timeline in its details: if requested today, or as requested; the filing deadline", async () => {
    const open = async (el: BillListElement, row: number) => {
      rows(el)[row]!.querySelector<HTMLButtonElement>('button.link')!.click();
      await until(() => Boolean(el.shadowRoot!.querySelector('dialog [part="timeline"]')), 'the timeline');
      return el.shadowRoot!.querySelector('dialog [part="timeline"]')!.textContent!.replace(/\s+/g, ' ');
    };
    // INV-A, paid on 5 November, not requested: asked on Tuesday the 24th, issued within 2 working days.
    const zh = await render(undefined, 'zh-CN');
    const text = await open(zh, 0);
    expect(text).to.contain('如于2026年11月24日申请：');
    expect(text).to.contain('预计2026年11月26日前开具');
    expect(text).to.contain('2026年12月15日');
    await expect(zh).to.be.accessible();
    // Requested on Friday the 20th: expected by Tuesday the 24th, in English.
    const requested = {
      id: 'R9',
      invoiceIds: ['A'],
      status: 'processing',
      createdAt: '2026-11-20T02:00:00Z',
      history: [],
      fapiaos: [],
    } as never;
    const en = await render(new FixtureClient(invoices, { state: 'registered' }, [requested]), 'en');
    const requestedText = await open(en, 0);
    expect(requestedText).to.match(/Requested on .*20.*2026/);
    expect(requestedText).to.match(/Issued by .*24.*2026/);
  });
  it('closes the details dialog when a Fapiao is asked from it, leaving focus to the host', async () => {
    const el = await render(undefined, 'en');
    rows(el)[0]!.querySelector<HTMLButtonElement>('button.link')!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const asked = oneEvent(el, 'fapiao-request');
    const form = document.createElement('input'); // the host's form, where its handler moves focus
    document.body.append(form);
    el.addEventListener('fapiao-request', () => form.focus(), { once: true });
    dialog.querySelector<HTMLButtonElement>('[part="fapiao-button"]')!.click();
    await asked;
    await new Promise(r => setTimeout(r, 50)); // the dialog's close event comes a task later
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null, 'no modal left over the form');
    expect(document.activeElement).to.equal(form);
    form.remove();
  });
  it('lets the host show its own details by cancelling bill-select', async () => {
    const el = await render(undefined, 'en');
    el.addEventListener('bill-select', e => e.preventDefault(), { once: true });
    rows(el)[0]!.querySelector<HTMLButtonElement>('button.link')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
  });
  it('selects several eligible bills by keyboard and asks for one Fapiao for them', async () => {
    const many = [
      ...invoices,
      makeInvoice({
        id: 'F',
        number: 'INV-F',
        invoiceDate: '2026-06-01T10:00:00+08:00',
        gross: 20000,
        tax: 1132,
        paidAt: '2026-06-05T10:00:00+08:00',
      }),
    ];
    const el = await render(new FixtureClient(many, { state: 'registered' }, requests), 'en');
    const boxes = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')];
    expect(boxes().length, 'only eligible bills can be ticked').to.equal(3);
    boxes()[0]!.focus();
    await sendKeys({ press: 'Space' });
    boxes()[2]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.toolbar [role="status"]')!.textContent).to.equal('2 selected · CN¥1,434.50');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.toolbar button.action')!;
    expect(button.textContent!.trim()).to.equal('Get Fapiao for 2 bills');
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'fapiao-request')) as FapiaoRequestEvent;
    expect(event.detail.invoices.map(i => i.id)).to.deep.equal(['A', 'F']);
    const all = el.shadowRoot!.querySelector<HTMLInputElement>('thead input[type="checkbox"]')!;
    all.click();
    await el.updateComplete;
    expect(el.selectedInvoices.map(i => i.id)).to.deep.equal(['A', 'D', 'F']);
    expect(all.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });
  it('exports the current view as CSV (all filtered rows), cancelable for the host', async () => {
    const el = await render(undefined, 'nl');
    el.status = 'paid';
    await waitForState(el, 'ready');
    el.addEventListener('bill-export', e => e.preventDefault(), { once: true });
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.toolbar button.secondary')!.click());
    const event = (await oneEvent(el, 'bill-export')) as BillExportEvent;
    expect(event.detail.csv.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8').to.equal(true);
    const lines = event.detail.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).to.equal(
      'Factuur,Factuurdatum,Begin periode,Einde periode,Vervaldatum,Valuta,Netto,Btw,Totaal,Openstaand,Status,Factuuraccount,Fapiao,Waarom niet',
    );
    expect(lines.slice(1).map(l => l.split(',')[0])).to.deep.equal(['INV-A', 'INV-B', 'INV-D', 'INV-E']);
    expect(event.detail.filename).to.equal('bills-2026-11-24.csv');
  });
  it('switches billing account and takes a custom date range, both reflected', async () => {
    const twoAccounts = invoices.map((i, n) => ({
      ...i,
      billingAccount: { id: n % 2 ? 'acct-2' : 'acct-1', name: n % 2 ? '北京分公司' : '上海总部' },
    }));
    const el = await render(new FixtureClient(twoAccounts), 'zh-CN');
    const account = [...el.shadowRoot!.querySelectorAll('label')]
      .find(l => l.textContent!.includes('计费账户'))!
      .querySelector('select')!;
    account.value = 'acct-2';
    account.dispatchEvent(new Event('change'));
    await waitForState(el, 'ready');
    expect(el.getAttribute('billing-account')).to.equal('acct-2');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-B', 'INV-D']);
    el.billingAccount = '';
    el.range = 'custom';
    el.from = '2026-08-01';
    el.to = '2026-09-30';
    await waitForState(el, 'ready');
    expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-C', 'INV-D']);
    expect([el.getAttribute('range'), el.getAttribute('from'), el.getAttribute('to')]).to.deep.equal([
      'custom',
      '2026-08-01',
      '2026-09-30',
    ]);
    expect(el.shadowRoot!.querySelectorAll('input[type="date"]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });
  it('says so when it has no data source, instead of loading forever', async () => {
    const el = await fixture<BillListElement>(html`<bill-list lang="en"></bill-list>`);
    await waitForState(el, 'no-source');
    expect(el.shadowRoot!.textContent).to.contain('has not connected the list to a billing service');
    await expect(el).to.be.accessible();
  });
  it('skips malformed host data, counts it, and shows the rest', async () => {
    const broken = [
      invoices[0],
      { id: 'X', number: 42 },
      null,
      { ...invoices[1], amounts: { ...invoices[1]!.amounts, gross: 1.5 } },
    ];
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<BillListElement>(
        html`<bill-list lang="en" .invoices=${broken} .now=${NOW}></bill-list>`,
      );
      await waitForState(el, 'ready');
      expect(rows(el).map(r => cell(r, 0))).to.deep.equal(['INV-A']);
      expect(el.shadowRoot!.querySelector('.warning')!.textContent).to.equal(
        '3 bills could not be shown because the data is malformed.',
      );
    } finally {
      console.warn = warn;
    }
  });
  it('shows a long list of host data by its first rows, validated, and the rest once validated, in the same order', async () => {
    // 20,000 bills, one a minute; the 5 newest are malformed in a field the sort does not read (validation alone finds
    // them) and every 1,000th further down too.
    const base = invoices[0]!;
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
    const big: unknown[] = Array.from({ length: 20_000 }, (_, n) => ({
      ...base,
      id: `V${n}`,
      number: `INV-${String(n).padStart(6, '0')}`,
      invoiceDate: at(n),
      ...(n >= 19_995 || n % 1_000 === 500 ? { currency: 'cny' } : {}),
    }));
    const malformed = 5 + 20;
    const { el, done } = await longListJustRendered(big, { range: 'all', style: '--bill-list-max-height: 600px' });
    try {
      // Before any of the rest is validated (that runs in tasks after this render).
      const shown = () =>
        rows(el)
          .filter(r => r.dataset.id)
          .map(r => r.dataset.id!);
      expect(shown()[0], 'the newest valid bill first').to.equal('V19994');
      expect(shown().filter(id => Number(id.slice(1)) >= 19_995)).to.deep.equal([]);
      const table = el.shadowRoot!.querySelector('table')!;
      expect(table.getAttribute('aria-rowcount'), 'the count before validation').to.equal('20001');
      const scroller = el.shadowRoot!.querySelector('.scroller')!;
      expect(scroller.getAttribute('aria-busy')).to.equal('true');
      expect(scroller.classList.contains('busy'), 'the first rows are not dimmed').to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="summary"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.warning'), 'the malformed are counted once validated').to.equal(null);
      const firstRows = shown();
      await el.loadComplete;
      await el.updateComplete;
      expect(shown().slice(0, firstRows.length), 'the same rows in the same order').to.deep.equal(firstRows);
      expect(table.getAttribute('aria-rowcount')).to.equal(String(20_000 - malformed + 1));
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal('19,975 bills');
      expect(el.shadowRoot!.querySelector('.warning')!.textContent).to.equal(
        `${malformed} bills could not be shown because the data is malformed.`,
      );
      expect(scroller.getAttribute('aria-busy')).to.equal('false');
    } finally {
      done();
    }
  });
  it('exports and ticks a long list whole, even while its rows are still being validated', async () => {
    const base = invoices[0]!;
    const big: unknown[] = Array.from({ length: 12_000 }, (_, n) => ({
      ...base,
      id: `W${n}`,
      number: `W-${n}`,
      ...(n % 3_000 === 7 ? { currency: 'cny' } : {}),
    }));
    const { el, done } = await longListJustRendered(big);
    try {
      expect(el.shadowRoot!.querySelector('.scroller')!.getAttribute('aria-busy'), 'still validating').to.equal('true');
      let exported: BillExportEvent | undefined;
      el.addEventListener('bill-export', e => ((exported = e as BillExportEvent), e.preventDefault()), { once: true });
      el.exportCsv();
      expect(exported!.detail.invoices.length).to.equal(12_000 - 4);
      expect(exported!.detail.csv.split('\n').filter(Boolean).length, 'a line per bill and the header').to.equal(
        12_000 - 4 + 1,
      );
      // A new array: validated anew, and ticked whole while it is.
      el.invoices = [...big];
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.scroller')!.getAttribute('aria-busy')).to.equal('true');
      el.shadowRoot!.querySelector<HTMLInputElement>('thead input[type="checkbox"]')!.click();
      await el.updateComplete;
      expect(el.selectedInvoices.length, 'every eligible bill, not the first rows').to.equal(12_000 - 4);
    } finally {
      done();
    }
  });
  it('renders 100,000 bills virtually: few rows in the DOM, the right ones after scrolling, full counts for screen readers', async () => {
    const base = invoices[0]!;
    const big = Array.from({ length: 100_000 }, (_, n) => ({
      ...base,
      id: `V${n}`,
      number: `INV-${String(n).padStart(6, '0')}`,
      invoiceDate: new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString(),
    }));
    const el = await fixture<BillListElement>(
      html`<bill-list
        lang="en"
        range="all"
        .invoices=${big}
        .now=${NOW}
        style="--bill-list-max-height: 600px"
      ></bill-list>`,
    );
    await waitForState(el, 'ready');
    await el.updateComplete;
    expect(rows(el).filter(r => r.dataset.id).length).to.be.below(60);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('100001');
    expect(
      cell(
        rows(el).find(r => r.dataset.id)!,
        0,
      ),
    ).to.equal('INV-099999');
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    const shown = rows(el).filter(r => r.dataset.id);
    expect(cell(shown.at(-1)!, 0)).to.equal('INV-000000');
    expect(shown.at(-1)!.getAttribute('aria-rowindex')).to.equal('100001');
    expect(scroller.scrollHeight, 'spacers stand in for the rest').to.be.above(100_000 * 30);
    await expect(el).to.be.accessible();
    // By keyboard: the scroll box takes focus; Home goes back to the newest bills.
    scroller.focus();
    await sendKeys({ press: 'Home' });
    const first = () =>
      cell(
        rows(el).find(r => r.dataset.id)!,
        0,
      );
    for (let i = 0; i < 100 && first() !== 'INV-099999'; i++) await new Promise(r => setTimeout(r, 20)); // keyboard scrolling is animated
    expect(first()).to.equal('INV-099999');
  });
  it('fires bill-pdf-request with action "download" for the download link', async () => {
    const el = await render(undefined, 'en');
    const download = rows(el)[4]!.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(download.getAttribute('download')).to.equal('INV-E.pdf');
    el.addEventListener('bill-pdf-request', e => e.preventDefault(), { once: true });
    setTimeout(() => download.click());
    const pdf = (await oneEvent(el, 'bill-pdf-request')) as BillPdfRequestEvent;
    expect(pdf.detail.action).to.equal('download');
  });
  it('loads again when moved in the DOM while loading (the move aborted the first load)', async () => {
    const client = new FixtureClient(invoices);
    client.delays = [200];
    const el = await fixture<BillListElement>(html`<bill-list lang="en" .client=${client} .now=${NOW}></bill-list>`);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitForState(el, 'ready');
    expect(rows(el).length).to.equal(5);
  });
  it('downloads through the client when a token is set, and says so when that fails, keeping the list', async () => {
    const client = new FixtureClient(invoices, { state: 'registered' }, requests);
    const fetched: string[] = [];
    client.download = async (url: string) => {
      fetched.push(url);
      throw new ApiError('http', 'gone', { status: 404 });
    };
    const el = await fixture<BillListElement>(
      html`<bill-list lang="en" token="t" .client=${client} .now=${NOW}></bill-list>`,
    );
    await waitForState(el, 'ready');
    rows(el)[4]!.querySelector<HTMLAnchorElement>('a[download]')!.click();
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[role="alert"]'); i++)
      await new Promise(r => setTimeout(r, 10));
    expect(fetched).to.deep.equal(['/files/E.pdf']);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('The PDF could not be downloaded.');
    expect(rows(el).length, 'the list stays').to.equal(5);
    await expect(el).to.be.accessible();
  });
  it('drops a ticked bill from the selection when a reload shows it is no longer eligible', async () => {
    const client = new FixtureClient(invoices, { state: 'registered' }, []);
    const el = await render(client, 'en');
    rows(el)[0]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await el.updateComplete;
    expect(el.selectedInvoices.map(i => i.id)).to.deep.equal(['A']);
    client.requests = [{ id: 'R2', invoiceIds: ['A'], status: 'submitted' } as never];
    await el.reload();
    await el.updateComplete;
    expect(el.selectedInvoices, 'A is requested now: no hidden tick keeps counting it').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.toolbar button.action')!.textContent!.trim()).to.equal(
      'Tick bills to request one Fapiao for them',
    );
  });
});
