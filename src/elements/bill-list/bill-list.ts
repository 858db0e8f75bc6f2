import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  INVOICE_STATUSES, checkEligibility, explainApiError, explainFapiaoState, chinaDateOf, chinaMonthsAgo, explainReason, fapiaoStateOf, invoicesToCsv, isSafeHttpUrl,
  parseInvoice, queryInvoices, sumFen, type Eligibility, type FapiaoAccount, type FapiaoRequest, type Invoice,
  type InvoiceStatus, type Locale, type Statement,
} from '../../core/index.js';
import {
  isApiError, toApiError, type ApiError, type BillingAccount, type BillingClient, type InvoiceQuery,
} from '../../core/api/index.js';
import { BillExportEvent, BillPdfRequestEvent, BillSelectEvent, FapiaoRequestEvent } from '../events.js';
import { resolveLocale, uiMessages, type UiMessages } from '../i18n.js';
import { formatAmount, formatDate, saveBlob } from '../shared/format.js';
import { billListStyles } from './bill-list.styles.js';
import { renderBillDetails } from './bill-details.js';
import { rowWindow } from './virtual-window.js';
import { ClientSource } from '../shared/client-source.js';

const RANGES = ['3', '6', '12', 'all', 'custom'] as const;
const SORTS = ['-date', 'date', '-amount', 'amount'] as const;
const VIEWS = ['invoices', 'statements'] as const;
type Range = (typeof RANGES)[number];
type Sort = (typeof SORTS)[number];
type View = (typeof VIEWS)[number];
type SelectionSummary = { items: readonly Invoice[]; selected: ReadonlySet<string>; invoices: readonly Invoice[]; allEligiblePicked: boolean };
type LoadState = { kind: 'no-source' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: ApiError };

/** Invoices fetched per call while loading a range; the element loads every page of the range. */
const PAGE_SIZE = 500;
/** Up to this many rows the table is plain (find-in-page works); beyond it only the rows in view are rendered. */
const VIRTUALIZE_OVER = 150;
const OVERSCAN = 10;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The bills page for a partner portal: invoices and statements, each invoice with its Fapiao state and the reason
 * when none can be requested; details, PDFs, multi-select for one Fapiao over several bills, CSV export.
 *
 * @tag bill-list
 * @summary Lists a customer's bills and tells, per invoice, whether and from when a Fapiao can be requested.
 * @attr api-base - Base URL of the fapiao-kit API (e.g. `/api/v1/`); ignored when `client` is set.
 * @attr token - Bearer token for `api-base`.
 * @attr view - `invoices` (default) or `statements`. Reflected.
 * @attr range - `3`, `6`, `12` (months, China calendar), `all` or `custom` (then `from`/`to`). Reflected, so a host can deep-link it.
 * @attr from - First China day of a `custom` range (`YYYY-MM-DD`). Reflected.
 * @attr to - Last China day of a `custom` range, inclusive. Reflected.
 * @attr status - Show one invoice status only (`due`, `paid`, …); empty for all. Reflected.
 * @attr search - Invoice-number filter (substring, any case). Reflected.
 * @attr sort - `-date` (default), `date`, `-amount` or `amount`. Reflected.
 * @attr billing-account - Billing account id to show; empty for all. Reflected.
 * @attr lang - zh-CN, en or nl (else the nearest `lang`, the page's, the browser's).
 * @fires {BillSelectEvent} bill-select - The user opened an invoice's details; cancel it to show your own.
 * @fires {BillPdfRequestEvent} bill-pdf-request - Before a PDF opens or downloads; cancel it to take over.
 * @fires {FapiaoRequestEvent} fapiao-request - The user asked for a Fapiao for one or several eligible invoices; cancelable.
 * @fires {BillExportEvent} bill-export - Before the CSV of the current view is saved; cancel it to take the text.
 * @csspart filters - The filter bar.
 * @csspart toolbar - Selection summary, "Get Fapiao" for the selection and CSV export.
 * @csspart scroller - The scrolling box around the table (set its height with `--bill-list-max-height`).
 * @csspart table - The invoice table.
 * @csspart row - One invoice row.
 * @csspart fapiao-button - The per-row "Get Fapiao" button.
 * @csspart details - The details dialog.
 * @csspart empty - The message shown when nothing matches.
 * @csspart error - The error message with its retry button.
 * @cssprop --fk-color-accent - Links and buttons (default #0b5cad).
 * @cssprop --fk-color-on-accent - Text on accent buttons (default #fff).
 * @cssprop --fk-color-text - Text (default #1f2328).
 * @cssprop --fk-color-muted - Secondary text (default #57606a).
 * @cssprop --fk-color-border - Rules and inputs (default #d0d7de).
 * @cssprop --fk-color-surface - Inputs, dialog and sticky header background (default #fff).
 * @cssprop --fk-color-success - "Available" (default #1a7f37).
 * @cssprop --fk-color-danger - Errors (default #b42318).
 * @cssprop --fk-radius - Corner radius (default 6px).
 * @cssprop --bill-list-cell-padding - Table cell padding (default 0.5rem 0.625rem).
 * @cssprop --bill-list-max-height - Height of the scrolling table (default 36rem).
 */
export class BillListElement extends LitElement {
  static override styles = billListStyles;
  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    token: { type: String },
    client: { attribute: false },
    invoices: { attribute: false },
    statements: { attribute: false },
    fapiaoAccount: { attribute: false },
    fapiaoRequests: { attribute: false },
    now: { attribute: false },
    view: { type: String, reflect: true },
    range: { type: String, reflect: true },
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    status: { type: String, reflect: true },
    search: { type: String, reflect: true },
    sort: { type: String, reflect: true },
    billingAccount: { type: String, attribute: 'billing-account', reflect: true },
    lang: { type: String, reflect: true },
    _state: { state: true },
    _items: { state: true },
    _selected: { state: true },
    _detail: { state: true },
    _scrollTop: { state: true },
    _downloadError: { state: true },
  };

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient` (from `createBillingClient` or the host's own); takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  /** Invoices the host already holds; when set, nothing is fetched for the list. Malformed entries are skipped and counted. */
  declare invoices: readonly unknown[] | undefined;
  /** Statements the host already holds (for `view="statements"`). */
  declare statements: readonly Statement[] | undefined;
  /** With `invoices`: the customer's Fapiao account (default registered); fetched when a client is used. */
  declare fapiaoAccount: FapiaoAccount | undefined;
  /** With `invoices`: the customer's Fapiao requests, so requested and issued bills show as such. */
  declare fapiaoRequests: readonly FapiaoRequest[] | undefined;
  /** The time the rules use (tests and previews); the current time when unset. */
  declare now: Date | undefined;
  declare view: View;
  declare range: Range;
  declare from: string;
  declare to: string;
  declare status: InvoiceStatus | '';
  declare search: string;
  declare sort: Sort;
  declare billingAccount: string;
  declare _state: LoadState;
  declare _items: readonly Invoice[];
  declare _selected: ReadonlySet<string>;
  declare _detail: Invoice | undefined;
  declare _scrollTop: number;
  /** A PDF that could not be fetched: said above the list, which stays. */
  declare _downloadError: ApiError | undefined;

  #account: FapiaoAccount = { state: 'registered' };
  #requests: readonly FapiaoRequest[] = [];
  #accounts: readonly BillingAccount[] = [];
  #statements: readonly Statement[] = [];
  #hostInvoices: { source: readonly unknown[]; valid: Invoice[]; malformed: number } | undefined;
  #loadSeq = 0;
  #abort: AbortController | undefined;
  #clients = new ClientSource(() => this.#locale());
  #rowHeight = 48;
  #measuredFor: readonly Invoice[] | undefined;
  #viewportHeight = 600;
  #scrollFrame = 0;
  #eligibility = new WeakMap<Invoice, Eligibility>();

  constructor() {
    super();
    this.apiBase = '';
    this.token = '';
    this.view = 'invoices';
    this.range = '12';
    this.from = '';
    this.to = '';
    this.status = '';
    this.search = '';
    this.sort = '-date';
    this.billingAccount = '';
    this._state = { kind: 'loading' };
    this._items = [];
    this._selected = new Set();
    this._detail = undefined;
    this._scrollTop = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: disconnecting aborted the load, so load again.
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    cancelAnimationFrame(this.#scrollFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['apiBase', 'token', 'client', 'invoices', 'statements', 'fapiaoAccount', 'fapiaoRequests', 'view', 'range', 'from', 'to', 'status', 'search', 'sort', 'billingAccount', 'now'] as const;
    if (inputs.some(k => changed.has(k))) void this.reload();
  }

  protected override updated(): void {
    // Virtual rows are laid out at one height (CSS); measure the real one once per result, so the spacers match what
    // scrolls. Once only: re-measuring after every window move could oscillate between two heights and never settle.
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller || !this.#virtual) return;
    this.#viewportHeight = scroller.clientHeight || this.#viewportHeight;
    if (this.#measuredFor === this._items) return;
    const rows = [...scroller.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    const height = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0) / (rows.length || 1);
    this.#measuredFor = this._items;
    if (height > 0 && Math.abs(height - this.#rowHeight) > 0.5) {
      this.#rowHeight = height;
      this.requestUpdate();
    }
  }

  /** Loads again with the current filters (the retry button calls it). */
  async reload(): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const query = this.#query();
    const client = this.#client();
    if (this.invoices) {
      const host = this.#validHostInvoices(this.invoices);
      this._items = queryInvoices(host.valid, query);
      this.#accounts = accountsOf(host.valid);
      this.#statements = this.statements ?? [];
      this.#account = this.fapiaoAccount ?? { state: 'registered' };
      this.#requests = this.fapiaoRequests ?? [];
      this.#afterLoad();
      return;
    }
    if (!client) {
      this._state = this.statements && this.view === 'statements' ? { kind: 'ready' } : { kind: 'no-source' };
      this.#statements = this.statements ?? [];
      return;
    }
    this._state = { kind: 'loading' };
    try {
      const signal = abort.signal;
      const [items, account, requests, accounts, statements] = await Promise.all([
        this.view === 'invoices' ? this.#loadAll(client, query, signal) : Promise.resolve(this._items),
        client.getFapiaoAccount({ signal }),
        client.listFapiaoRequests({ signal }),
        client.listBillingAccounts({ signal }),
        this.view === 'statements' ? client.listStatements(this.billingAccount ? { billingAccount: this.billingAccount } : {}, { signal }) : Promise.resolve(this.#statements),
      ]);
      if (seq !== this.#loadSeq) return; // a newer load started: never let an older answer overwrite it
      this.#account = account;
      this.#requests = requests;
      this.#accounts = accounts;
      this.#statements = statements;
      this._items = items;
      this.#afterLoad();
    } catch (error) {
      if (seq !== this.#loadSeq || (isApiError(error) && error.kind === 'aborted')) return;
      this._state = { kind: 'error', error: await toApiError(error) };
    }
  }

  /** Fresh eligibility (the time, account or requests may have changed); the selection keeps only bills still shown and still eligible. */
  #afterLoad(): void {
    this.#eligibility = new WeakMap();
    if (this._selected.size) {
      const kept = this._items.filter(i => this._selected.has(i.id) && this.#eligibilityOf(i).eligible).map(i => i.id);
      if (kept.length !== this._selected.size) this._selected = new Set(kept);
    }
    this._state = { kind: 'ready' };
  }

  #validHostInvoices(source: readonly unknown[]): { valid: Invoice[]; malformed: number } {
    if (this.#hostInvoices?.source !== source) {
      const valid: Invoice[] = [];
      let malformed = 0;
      for (const [index, candidate] of source.entries()) {
        const parsed = parseInvoice(candidate, `$[${index}]`);
        if (parsed.ok) valid.push(parsed.value);
        else {
          malformed++;
          if (malformed <= 3) console.warn('[fapiao-kit] <bill-list> skipped a malformed invoice:', parsed.issues);
        }
      }
      this.#hostInvoices = { source, valid, malformed };
    }
    return this.#hostInvoices;
  }

  async #loadAll(client: BillingClient, query: InvoiceQuery, signal: AbortSignal): Promise<Invoice[]> {
    const items: Invoice[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listInvoices({ ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  #client(): BillingClient | undefined {
    return this.#clients.get(this.client, this.apiBase, this.token);
  }

  #query(): InvoiceQuery {
    const now = this.now ?? new Date();
    const custom = this.range === 'custom';
    const months = this.#presetMonths();
    return {
      ...(months ? { from: chinaMonthsAgo(now, months) } : {}),
      ...(custom && DAY_PATTERN.test(this.from) ? { from: this.from } : {}),
      ...(custom && DAY_PATTERN.test(this.to) ? { to: this.to } : {}),
      ...(this.status ? { status: [this.status] } : {}),
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      ...(this.billingAccount ? { billingAccount: this.billingAccount } : {}),
      sort: SORTS.includes(this.sort) ? this.sort : '-date',
    };
  }

  #locale(): Locale {
    return resolveLocale(this);
  }

  /** The months of a `3`/`6`/`12` range; undefined for `all`, `custom` or anything unknown. */
  #presetMonths(): number | undefined {
    return this.range === 'all' || this.range === 'custom' || !RANGES.includes(this.range) ? undefined : Number(this.range);
  }

  #eligibilityOf(invoice: Invoice): Eligibility {
    let e = this.#eligibility.get(invoice);
    if (!e) {
      e = checkEligibility(invoice, { now: this.now ?? new Date(), account: this.#account, requests: this.#requests });
      this.#eligibility.set(invoice, e);
    }
    return e;
  }

  get #virtual(): boolean {
    return this.view === 'invoices' && this._items.length > VIRTUALIZE_OVER;
  }

  /** The bills the user ticked, in the order shown. */
  get selectedInvoices(): Invoice[] {
    return [...this.#selection().invoices];
  }

  /**
   * What the toolbar and the "all" box show, derived from the rows and the ticks and kept until either changes:
   * renders while scrolling 100,000 rows must not walk them all again.
   */
  #selection(): SelectionSummary {
    const memo = this.#selectionMemo;
    if (memo?.items === this._items && memo.selected === this._selected) return memo;
    const invoices = this._selected.size ? this._items.filter(i => this._selected.has(i.id)) : [];
    // Counting eligible bills checks every row: only needed once something is ticked (the checks are cached).
    const allEligiblePicked = invoices.length > 0 && invoices.length === this._items.filter(i => this.#eligibilityOf(i).eligible).length;
    this.#selectionMemo = { items: this._items, selected: this._selected, invoices, allEligiblePicked };
    return this.#selectionMemo;
  }

  #selectionMemo: SelectionSummary | undefined;

  #onScroll(event: Event): void {
    if (!this.#virtual) return;
    const scroller = event.currentTarget as HTMLElement;
    cancelAnimationFrame(this.#scrollFrame);
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#viewportHeight = scroller.clientHeight || this.#viewportHeight;
      this._scrollTop = scroller.scrollTop;
    });
  }

  #onSort(column: 'date' | 'amount'): void {
    this.sort = this.sort === `-${column}` ? column : `-${column}`;
  }

  #onRange(value: Range): void {
    if (value === 'custom' && !this.from && !this.to) {
      // Start the custom range from what was shown, so switching to it changes nothing until the user edits a date.
      const now = this.now ?? new Date();
      this.from = chinaMonthsAgo(now, this.#presetMonths() ?? 12);
      this.to = chinaDateOf(now);
    }
    this.range = value;
  }

  #toggle(invoice: Invoice, on: boolean): void {
    const next = new Set(this._selected);
    if (on) next.add(invoice.id);
    else next.delete(invoice.id);
    this._selected = next;
  }

  #toggleAllEligible(on: boolean): void {
    this._selected = on ? new Set(this._items.filter(i => this.#eligibilityOf(i).eligible).map(i => i.id)) : new Set();
  }

  #requestFapiao(invoices: readonly Invoice[]): void {
    this.dispatchEvent(new FapiaoRequestEvent({ invoices }));
  }

  #openDetails(invoice: Invoice, opener: HTMLElement): void {
    if (!this.dispatchEvent(new BillSelectEvent({ invoice }))) return;
    this.#detailOpener = opener;
    this._detail = invoice;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  #detailOpener: HTMLElement | undefined;

  #closeDetails(): void {
    this._detail = undefined;
    this.#detailOpener?.focus();
  }

  #openPdf(invoice: Invoice, url: string, action: 'view' | 'download', event: Event): void {
    const pdfEvent = new BillPdfRequestEvent({ invoice, url, action });
    if (!this.dispatchEvent(pdfEvent)) {
      event.preventDefault();
      return;
    }
    // With a bearer token a plain link would arrive unauthenticated: fetch with the client instead.
    const client = this.#client();
    if (this.token && client) {
      event.preventDefault();
      this._downloadError = undefined;
      // Opened now, inside the click, so no popup blocker stops it; it gets the PDF when the download is done.
      const tab = action === 'view' ? window.open('', '_blank') : null;
      if (tab) tab.opener = null;
      client.download(url).then(
        blob => {
          if (action === 'download') saveBlob(blob, `${invoice.number}.pdf`);
          else if (tab) tab.location.href = URL.createObjectURL(blob);
        },
        async error => {
          tab?.close();
          this._downloadError = await toApiError(error);
        },
      );
    }
  }

  /** Saves the current view (filters and sort applied, all rows, not just those rendered) as CSV. */
  exportCsv(): void {
    const locale = this.#locale();
    const csv = invoicesToCsv(this._items, { locale, eligibility: i => this.#eligibilityOf(i) });
    const filename = `bills-${chinaDateOf(this.now ?? new Date())}.csv`;
    if (this.dispatchEvent(new BillExportEvent({ csv, filename, invoices: this._items }))) {
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
    }
  }

  #pdfUrl(invoice: Invoice): string | undefined {
    const pdf = invoice.documents.find(d => d.kind === 'invoice' || d.kind === 'credit-note');
    return pdf && isSafeHttpUrl(pdf.url) ? pdf.url : undefined;
  }

  #renderFapiao(invoice: Invoice, e: Eligibility, m: UiMessages, locale: Locale): TemplateResult {
    const fapiaoState = fapiaoStateOf(e);
    const state = fapiaoState.state;
    const label = explainFapiaoState(fapiaoState, locale, formatDate);
    // The reasons are shown, not hidden in a tooltip: "why not" is part of the answer.
    const why = state === 'not-available' ? e.reasons.map(r => explainReason(r, locale)).join(' ') : '';
    return html`<span class="fapiao ${state}">${label}</span>${why ? html`<span class="why">${why}</span>` : nothing}${e.eligible
      ? html` <button class="action" part="fapiao-button" aria-label=${m.getFapiaoFor(invoice.number)} @click=${() => this.#requestFapiao([invoice])}>${m.getFapiao}</button>`
      : nothing}`;
  }

  #renderPdfLinks(invoice: Invoice, m: UiMessages): TemplateResult | typeof nothing {
    const url = this.#pdfUrl(invoice);
    if (!url) return nothing;
    return html`<a href=${url} target="_blank" rel="noopener" aria-label=${m.viewPdf(invoice.number)} @click=${(ev: Event) => this.#openPdf(invoice, url, 'view', ev)}>PDF</a>
      <a class="download" href=${url} download=${`${invoice.number}.pdf`} aria-label=${m.downloadPdf(invoice.number)} title=${m.download}
        @click=${(ev: Event) => this.#openPdf(invoice, url, 'download', ev)}><span aria-hidden="true">⤓</span></a>`;
  }

  #renderRow(invoice: Invoice, index: number, m: UiMessages, locale: Locale): TemplateResult {
    const e = this.#eligibilityOf(invoice);
    return html`<tr part="row" data-id=${invoice.id} aria-rowindex=${index + 2}>
      <td class="pick">${e.eligible
        ? html`<input type="checkbox" aria-label=${m.select(invoice.number)} .checked=${this._selected.has(invoice.id)} @change=${(ev: Event) => this.#toggle(invoice, (ev.target as HTMLInputElement).checked)} />`
        : nothing}</td>
      <th scope="row"><button class="link" aria-haspopup="dialog" @click=${(ev: Event) => this.#openDetails(invoice, ev.currentTarget as HTMLElement)}>${invoice.number}</button></th>
      <td>${formatDate(invoice.invoiceDate, locale)}</td>
      <td class="period"><span>${formatDate(invoice.billingPeriod.start, locale)}</span> – <span>${formatDate(invoice.billingPeriod.end, locale)}</span></td>
      <td>${invoice.dueDate ? formatDate(invoice.dueDate, locale) : '—'}</td>
      <td class="amount">${formatAmount(invoice.amounts.gross, invoice.currency, locale)}</td>
      <td>${m.core.invoiceStatus[invoice.status]}</td>
      <td class="fapiao-cell">${this.#renderFapiao(invoice, e, m, locale)}</td>
      <td><div class="actions">${this.#renderPdfLinks(invoice, m)}</div></td>
    </tr>`;
  }

  #renderFilters(m: UiMessages): TemplateResult {
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    return html`<div class="filters" part="filters">
      <div class="views" role="group">
        ${VIEWS.map(v => html`<button class="tab" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => (this.view = v)}>${v === 'invoices' ? m.viewInvoices : m.viewStatements}</button>`)}
      </div>
      ${this.#accounts.length > 1
        ? html`<label>${m.billingAccount}
            <select @change=${(e: Event) => (this.billingAccount = value(e))}>
              <option value="" ?selected=${!this.billingAccount}>${m.accountAll}</option>
              ${this.#accounts.map(a => html`<option value=${a.id} ?selected=${this.billingAccount === a.id}>${a.name || a.id}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.view === 'invoices'
        ? html`<label>${m.range}
            <select @change=${(e: Event) => this.#onRange(value(e) as Range)}>
              ${RANGES.map(r => html`<option value=${r} ?selected=${this.range === r}>${r === 'all' ? m.rangeAll : r === 'custom' ? m.rangeCustom : m.rangeMonths(Number(r))}</option>`)}
            </select>
          </label>
          ${this.range === 'custom'
            ? html`<label>${m.from}<input type="date" .value=${this.from} max=${this.to || nothing} @change=${(e: Event) => (this.from = value(e))} /></label>
                <label>${m.to}<input type="date" .value=${this.to} min=${this.from || nothing} @change=${(e: Event) => (this.to = value(e))} /></label>`
            : nothing}
          <label>${m.status}
            <select @change=${(e: Event) => (this.status = value(e) as InvoiceStatus | '')}>
              <option value="" ?selected=${!this.status}>${m.statusAll}</option>
              ${INVOICE_STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${m.core.invoiceStatus[s]}</option>`)}
            </select>
          </label>
          <label>${m.search}
            <input type="search" .value=${this.search} @change=${(e: Event) => (this.search = value(e))} />
          </label>`
        : nothing}
    </div>`;
  }

  #renderToolbar(m: UiMessages, locale: Locale): TemplateResult {
    const selected = this.#selection().invoices;
    const currency = selected[0]?.currency ?? 'CNY';
    const total = formatAmount(sumFen(selected.map(i => i.amounts.gross)), currency, locale);
    return html`<div class="toolbar" part="toolbar">
      <span role="status">${selected.length ? m.selection(selected.length, total) : ''}</span>
      <button class="action" ?disabled=${selected.length === 0} @click=${() => this.#requestFapiao(selected)}>${selected.length ? m.getFapiaoForSelected(selected.length) : m.selectToRequest}</button>
      <button class="secondary" ?disabled=${this._items.length === 0} @click=${() => this.exportCsv()}>${m.exportCsv}</button>
    </div>`;
  }

  #renderInvoices(m: UiMessages, locale: Locale): TemplateResult {
    const items = this._items;
    const sortState = (column: 'date' | 'amount') => (this.sort === column ? 'ascending' : this.sort === `-${column}` ? 'descending' : 'none');
    const virtual = this.#virtual;
    const w = virtual
      ? rowWindow({ count: items.length, rowHeight: this.#rowHeight, scrollTop: this._scrollTop, viewportHeight: this.#viewportHeight, overscan: OVERSCAN })
      : { start: 0, end: items.length, padTop: 0, padBottom: 0 };
    const allPicked = this.#selection().allEligiblePicked;
    const spacer = (height: number) =>
      height > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan="9" style=${styleMap({ height: `${height}px` })}></td></tr>` : nothing;
    return html`${this.#renderToolbar(m, locale)}
      <div class="scroller ${virtual ? 'virtual' : ''}" part="scroller" tabindex=${virtual ? '0' : nothing} aria-label=${virtual ? m.caption(items.length) : nothing} @scroll=${(e: Event) => this.#onScroll(e)}>
        <table part="table" aria-rowcount=${items.length + 1}>
          <caption>${m.caption(items.length)}</caption>
          <thead><tr aria-rowindex="1">
            <td class="pick"><input type="checkbox" aria-label=${m.selectAllEligible} .checked=${allPicked} @change=${(e: Event) => this.#toggleAllEligible((e.target as HTMLInputElement).checked)} /></td>
            <th scope="col">${m.number}</th>
            <th scope="col" aria-sort=${sortState('date')}><button class="sort" aria-label=${m.sortBy(m.invoiceDate)} @click=${() => this.#onSort('date')}>${m.invoiceDate}</button></th>
            <th scope="col">${m.period}</th>
            <th scope="col">${m.dueDate}</th>
            <th scope="col" class="amount" aria-sort=${sortState('amount')}><button class="sort" aria-label=${m.sortBy(m.amount)} @click=${() => this.#onSort('amount')}>${m.amount}</button></th>
            <th scope="col">${m.status}</th>
            <th scope="col">${m.fapiao}</th>
            <th scope="col">${m.actions}</th>
          </tr></thead>
          <tbody>
            ${spacer(w.padTop)}
            ${repeat(items.slice(w.start, w.end), i => i.id, (invoice, k) => this.#renderRow(invoice, w.start + k, m, locale))}
            ${spacer(w.padBottom)}
          </tbody>
        </table>
      </div>`;
  }

  #renderStatements(m: UiMessages, locale: Locale): TemplateResult {
    const statements = this.#statements.filter(s => !this.billingAccount || s.billingAccount.id === this.billingAccount);
    if (statements.length === 0) return html`<p part="empty" role="status">${m.noStatements}</p>`;
    return html`<div class="scroller" part="scroller"><table part="table">
      <caption>${m.statementsCaption(statements.length)}</caption>
      <thead><tr>
        <th scope="col">${m.period}</th><th scope="col">${m.billingAccount}</th>
        <th scope="col" class="amount">${m.openingBalance}</th><th scope="col" class="amount">${m.charges}</th>
        <th scope="col" class="amount">${m.payments}</th><th scope="col" class="amount">${m.closingBalance}</th><th scope="col">${m.actions}</th>
      </tr></thead>
      <tbody>${statements.map(s => {
        const url = s.document && isSafeHttpUrl(s.document.url) ? s.document.url : undefined;
        const money = (fen: Statement['charges']) => formatAmount(fen, s.currency, locale);
        const period = `${formatDate(s.period.start, locale)} – ${formatDate(s.period.end, locale)}`;
        return html`<tr part="row" data-id=${s.id}>
          <th scope="row">${period}</th><td>${s.billingAccount.name ?? s.billingAccount.id}</td>
          <td class="amount">${money(s.openingBalance)}</td><td class="amount">${money(s.charges)}</td>
          <td class="amount">${money(s.payments)}</td><td class="amount">${money(s.closingBalance)}</td>
          <td>${url ? html`<a href=${url} target="_blank" rel="noopener" aria-label=${`PDF ${period}`}>PDF</a>` : nothing}</td>
        </tr>`;
      })}</tbody>
    </table></div>`;
  }

  #renderDetails(m: UiMessages, locale: Locale): TemplateResult | typeof nothing {
    const invoice = this._detail;
    if (!invoice) return nothing;
    const e = this.#eligibilityOf(invoice);
    return html`<dialog part="details" aria-labelledby="details-title" @close=${() => this.#closeDetails()}>
      <header><h2 id="details-title">${m.details(invoice.number)}</h2>
        <button class="secondary" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.close}</button></header>
      ${renderBillDetails(invoice, m, locale)}
      <p class="fapiao-line"><strong>${m.fapiao}:</strong> ${this.#renderFapiao(invoice, e, m, locale)}</p>
      <div class="actions">${this.#renderPdfLinks(invoice, m)}</div>
    </dialog>`;
  }

  override render(): TemplateResult {
    const locale = this.#locale();
    const m = uiMessages(locale);
    const state = this._state;
    let body: TemplateResult;
    if (state.kind === 'no-source') body = html`<p part="empty" role="status">${m.noSource}</p>`;
    else if (state.kind === 'loading') body = html`<p role="status">${m.loading}</p>`;
    else if (state.kind === 'error') {
      body = html`<div class="error" part="error" role="alert"><span>${explainApiError(state.error, locale)}</span><button class="action" @click=${() => void this.reload()}>${m.retry}</button></div>`;
    } else if (this.view === 'statements') body = this.#renderStatements(m, locale);
    else if (this._items.length === 0) body = html`<p part="empty" role="status">${m.empty}</p>`;
    else body = this.#renderInvoices(m, locale);
    const malformed = this.invoices ? this.#hostInvoices?.malformed ?? 0 : 0;
    const failed = this._downloadError;
    const downloadError = failed
      ? html`<p class="warning" role="alert">${m.downloadFailed} ${explainApiError(failed, locale)}</p>`
      : nothing;
    return html`${this.#renderFilters(m)}${malformed ? html`<p class="warning" role="status">${m.malformed(malformed)}</p>` : nothing}${downloadError}${body}${this.#renderDetails(m, locale)}`;
  }
}

function accountsOf(invoices: readonly Invoice[]): BillingAccount[] {
  const byId = new Map<string, BillingAccount>();
  for (const i of invoices) if (!byId.has(i.billingAccount.id)) byId.set(i.billingAccount.id, { id: i.billingAccount.id, name: i.billingAccount.name ?? i.billingAccount.id, currency: i.currency });
  return [...byId.values()];
}

declare global {
  interface HTMLElementTagNameMap {
    'bill-list': BillListElement;
  }
}
