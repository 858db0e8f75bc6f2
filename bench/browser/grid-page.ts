// The page the grid benchmark loads: the same invoices shown by <bill-list>, @vaadin/grid and a plain Lit table.
import { LitElement, html } from 'lit';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import type { Grid } from '@vaadin/grid';
import type { GridSortColumn } from '@vaadin/grid/vaadin-grid-sort-column.js';
import '../../src/elements/define.js';
import type { BillListElement } from '../../src/elements/index.js';
import { checkEligibility, fapiaoStateOf, formatMoney, queryInvoices, type Invoice } from '../../src/core/index.js';

const NOW = new Date('2026-11-24T12:00:00+08:00');

function makeInvoices(count: number): Invoice[] {
  return Array.from({ length: count }, (_, n) => {
    const gross = 1000 + ((n * 7919) % 900_000);
    const tax = Math.round((gross * 6) / 106);
    const day = new Date(Date.UTC(2016, 0, 1) + n * 3_600_000).toISOString();
    return {
      id: `V${n}`,
      number: `INV-${String(n).padStart(6, '0')}`,
      kind: 'invoice',
      status: n % 5 ? 'paid' : 'due',
      currency: 'CNY',
      invoiceDate: day,
      dueDate: day,
      billingPeriod: { start: day.slice(0, 10), end: day.slice(0, 10) },
      amounts: { charges: gross - tax, adjustments: [], tax, gross, net: gross - tax, due: n % 5 ? 0 : gross },
      lines: [],
      payments: [],
      ...(n % 5 ? { paidAt: day } : {}),
      documents: [{ kind: 'invoice', url: `/files/V${n}.pdf` }],
      billingAccount: { id: 'acct-1' },
    } as unknown as Invoice;
  });
}

/** What a developer writes without virtualisation: every row in the DOM. */
class PlainTable extends LitElement {
  static override properties = { items: { attribute: false } };
  declare items: readonly Invoice[];
  constructor() {
    super();
    this.items = [];
  }
  override render() {
    return html`<table>
      <tbody>
        ${this.items.map(i => {
          const state = fapiaoStateOf(checkEligibility(i, { now: NOW, account: 'registered', requests: [] })).state;
          return html`<tr>
            <td>${i.number}</td>
            <td>${i.invoiceDate.slice(0, 10)}</td>
            <td>${formatMoney({ fen: i.amounts.gross, currency: 'CNY' }, 'en')}</td>
            <td>${i.status}</td>
            <td>${state}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}
customElements.define('plain-table', PlainTable);

const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
const stage = document.getElementById('stage')!;

async function time(action: () => unknown, settled: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  await settled();
  void document.body.offsetHeight; // force layout, so the figure includes it
  await frames();
  return performance.now() - t0;
}

/** `whole`: <bill-list> only, from the same start to every entry validated (its count and malformed count final). */
type Figures = { firstRender: number; scroll: number; sort: number; filter: number; whole?: number };

/** Median time from a 600 px scroll to the frame after it, over 30 steps: under 16.7 ms keeps 60 frames a second. */
async function scrollSteps(scroller: Element, settled: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    scroller.scrollTop += 600;
    await frames();
    await settled();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[15]!;
}

async function benchBillList(items: Invoice[]): Promise<Figures> {
  stage.replaceChildren();
  const el = document.createElement('bill-list') as BillListElement;
  el.setAttribute('lang', 'en');
  el.setAttribute('range', 'all');
  el.now = NOW;
  const settled = async () => {
    while (!(await el.updateComplete));
  };
  let whole = 0;
  const firstRender = await time(() => {
    const t0 = performance.now();
    el.invoices = items;
    stage.append(el);
    void el.loadComplete.then(() => (whole = performance.now() - t0));
  }, settled);
  await el.loadComplete;
  const scroll = await scrollSteps(el.shadowRoot!.querySelector('.scroller')!, settled);
  const sort = await time(() => {
    el.sort = 'amount';
  }, settled);
  const filter = await time(() => {
    el.search = '0999';
  }, settled);
  return { firstRender, scroll, sort, filter, whole };
}

async function benchVaadin(items: Invoice[]): Promise<Figures> {
  stage.replaceChildren();
  const grid = document.createElement('vaadin-grid') as Grid<Invoice>;
  grid.style.height = '36rem';
  // Made in the timed first render, as <bill-list> makes its formatters in its own: the first Intl formatter on a page
  // starts Intl (~25 ms here, once per page), and that start belongs in whichever first render pays it.
  let money: Intl.NumberFormat | undefined;
  const columns: [string, (i: Invoice) => string][] = [
    ['number', i => i.number],
    ['invoiceDate', i => i.invoiceDate.slice(0, 10)],
    ['amounts.gross', i => money!.format(i.amounts.gross / 100)],
    ['status', i => i.status],
    ['fapiao', i => fapiaoStateOf(checkEligibility(i, { now: NOW, account: 'registered', requests: [] })).state],
  ];
  let amountColumn: GridSortColumn<Invoice> | undefined;
  for (const [path, text] of columns) {
    const column = document.createElement('vaadin-grid-sort-column') as GridSortColumn<Invoice>;
    column.path = path;
    column.renderer = (root, _col, model) => {
      root.textContent = text(model.item);
    };
    if (path === 'amounts.gross') amountColumn = column;
    grid.append(column);
  }
  const settled = async () => {
    await frames();
    while (grid.loading) await frames();
  };
  const firstRender = await time(() => {
    money = new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' });
    grid.items = items;
    stage.append(grid);
  }, settled);
  const scroll = await scrollSteps((grid as unknown as { $: { table: Element } }).$.table, settled);
  const sort = await time(() => {
    amountColumn!.direction = 'asc';
  }, settled);
  const filter = await time(() => {
    grid.items = items.filter(i => i.number.includes('0999'));
  }, settled);
  return { firstRender, scroll, sort, filter };
}

async function benchPlain(items: Invoice[]): Promise<Figures> {
  stage.replaceChildren();
  const el = document.createElement('plain-table') as PlainTable;
  const settled = () => el.updateComplete;
  const firstRender = await time(() => {
    el.items = queryInvoices(items, { sort: '-date' });
    stage.append(el);
  }, settled);
  const scroll = await scrollSteps(document.scrollingElement!, settled);
  const sort = await time(() => {
    el.items = queryInvoices(items, { sort: 'amount' });
  }, settled);
  const filter = await time(() => {
    el.items = queryInvoices(items, { sort: 'amount', search: '0999' });
  }, settled);
  return { firstRender, scroll, sort, filter };
}

const benches = { 'bill-list': benchBillList, 'vaadin-grid': benchVaadin, 'plain Lit table': benchPlain } as const;

declare global {
  interface Window {
    runBench(name: keyof typeof benches, rows: number): Promise<Figures>;
  }
}
window.runBench = (name, rows) => benches[name](makeInvoices(rows));
