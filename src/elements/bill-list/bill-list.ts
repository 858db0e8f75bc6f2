import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { format } from 'date-fns/format';
import { zhCN as dfZhCN } from 'date-fns/locale/zh-CN';
import { enUS as dfEnUS } from 'date-fns/locale/en-US';
import { nl as dfNl } from 'date-fns/locale/nl';
import {
  CHINA_TZ, INVOICE_STATUSES, checkEligibility, chinaMonthsAgo, explainReason, formatMoney, isSafeHttpUrl, queryInvoices,
  toInstant, type Eligibility, type FapiaoAccount, type FapiaoRequest, type Invoice, type InvoiceStatus, type Locale,
} from '../../core/index.js';
import { createBillingClient, isApiError, toApiError, type ApiError, type BillingClient, type InvoiceQuery } from '../../core/api/index.js';
import { tz } from '@date-fns/tz';
import { BillPdfRequestEvent, BillSelectEvent, FapiaoRequestEvent } from '../events.js';
import { resolveLocale, uiMessages, type UiMessages } from '../i18n.js';
import { billListStyles } from './bill-list.styles.js';

const DATE_LOCALES = { 'zh-CN': dfZhCN, en: dfEnUS, nl: dfNl } as const;
/** zh-CN's medium date is `2026-11-01`; its long one (`2026年11月1日`) is what Chinese bills print. */
const DATE_FORMATS = { 'zh-CN': 'PPP', en: 'PP', nl: 'PP' } as const;
const RANGES = ['3', '6', '12', 'all'] as const;
const SORTS = ['-date', 'date', '-amount', 'amount'] as const;
type Range = (typeof RANGES)[number];
type Sort = (typeof SORTS)[number];
type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: ApiError };

/** Invoices fetched per call while loading a range; the element loads every page of the range. */
const PAGE_SIZE = 200;

/**
 * The bills page for a partner portal: invoices with their Fapiao state, filters and PDF links.
 *
 * @tag bill-list
 * @summary Lists a customer's invoices and tells, per invoice, whether and from when a Fapiao can be requested.
 * @attr api-base - Base URL of the fapiao-kit API (e.g. `/api/v1/`); ignored when `client` is set.
 * @attr token - Bearer token for `api-base`.
 * @attr range - Date range preset: `3`, `6`, `12` (months) or `all`. Reflected, so a host can deep-link it.
 * @attr status - Show one invoice status only (`due`, `paid`, …); empty for all. Reflected.
 * @attr search - Invoice-number filter. Reflected.
 * @attr sort - `-date` (default), `date`, `-amount` or `amount`. Reflected.
 * @attr billing-account - Billing account id to show; empty for all. Reflected.
 * @attr lang - zh-CN, en or nl (else the page's language).
 * @fires bill-select - {BillSelectEvent} The user opened an invoice's details.
 * @fires bill-pdf-request - {BillPdfRequestEvent} Before a PDF opens; cancelable so the host can take over.
 * @fires fapiao-request - {FapiaoRequestEvent} The user asked for a Fapiao for an eligible invoice; cancelable.
 * @csspart table - The invoice table.
 * @csspart row - One invoice row.
 * @csspart empty - The message shown when nothing matches.
 * @csspart error - The error message with its retry button.
 * @cssprop --fk-color-accent - Links and buttons (default #0b5cad).
 * @cssprop --fk-color-text - Text (default #1f2328).
 * @cssprop --fk-color-border - Rules and inputs (default #d0d7de).
 * @cssprop --bill-list-cell-padding - Table cell padding (default 0.5rem 0.625rem).
 */
export class BillListElement extends LitElement {
  static override styles = billListStyles;
  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    token: { type: String },
    client: { attribute: false },
    invoices: { attribute: false },
    now: { attribute: false },
    range: { type: String, reflect: true },
    status: { type: String, reflect: true },
    search: { type: String, reflect: true },
    sort: { type: String, reflect: true },
    billingAccount: { type: String, attribute: 'billing-account', reflect: true },
    lang: { type: String, reflect: true },
    _state: { state: true },
    _items: { state: true },
  };

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient` (from `createBillingClient` or the host's own); takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  /** Invoices the host already holds; when set, nothing is fetched for the list. */
  declare invoices: readonly Invoice[] | undefined;
  /** The time the rules use (tests and previews); the current time when unset. */
  declare now: Date | undefined;
  declare range: Range;
  declare status: InvoiceStatus | '';
  declare search: string;
  declare sort: Sort;
  declare billingAccount: string;
  declare _state: LoadState;
  declare _items: readonly Invoice[];

  #account: FapiaoAccount = { state: 'registered' };
  #requests: readonly FapiaoRequest[] = [];
  #loadSeq = 0;
  #abort: AbortController | undefined;
  #ownClient: { key: string; client: BillingClient } | undefined;

  constructor() {
    super();
    this.apiBase = '';
    this.token = '';
    this.range = '12';
    this.status = '';
    this.search = '';
    this.sort = '-date';
    this.billingAccount = '';
    this._state = { kind: 'loading' };
    this._items = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const queryKeys = ['apiBase', 'token', 'client', 'invoices', 'range', 'status', 'search', 'sort', 'billingAccount'] as const;
    if (queryKeys.some(k => changed.has(k))) void this.reload();
  }

  /** Loads again with the current filters (the retry button calls it). */
  async reload(): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const query = this.#query();
    if (this.invoices) {
      this._items = queryInvoices(this.invoices, query);
      this._state = { kind: 'ready' };
      return;
    }
    const client = this.#client();
    if (!client) return;
    this._state = { kind: 'loading' };
    try {
      const [items, account, requests] = await Promise.all([
        this.#loadAll(client, query, abort.signal),
        client.getFapiaoAccount({ signal: abort.signal }),
        client.listFapiaoRequests({ signal: abort.signal }),
      ]);
      if (seq !== this.#loadSeq) return; // a newer load started: never let an older answer overwrite it
      this.#account = account;
      this.#requests = requests;
      this._items = items;
      this._state = { kind: 'ready' };
    } catch (error) {
      if (seq !== this.#loadSeq || (isApiError(error) && error.kind === 'aborted')) return;
      this._state = { kind: 'error', error: await toApiError(error) };
    }
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
    if (this.client) return this.client;
    if (!this.apiBase) return undefined;
    const key = `${this.apiBase}|${this.token}`;
    if (this.#ownClient?.key !== key) {
      this.#ownClient = { key, client: createBillingClient({ baseUrl: this.apiBase, ...(this.token ? { token: this.token } : {}), locale: () => this.#locale() }) };
    }
    return this.#ownClient.client;
  }

  #query(): InvoiceQuery {
    const now = this.now ?? new Date();
    return {
      ...(this.range !== 'all' && RANGES.includes(this.range) ? { from: chinaMonthsAgo(now, Number(this.range)) } : {}),
      ...(this.status ? { status: [this.status] } : {}),
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      ...(this.billingAccount ? { billingAccount: this.billingAccount } : {}),
      sort: SORTS.includes(this.sort) ? this.sort : '-date',
    };
  }

  #locale(): Locale {
    return resolveLocale(this);
  }

  #formatDate(value: string, locale: Locale): string {
    return format(toInstant(value), DATE_FORMATS[locale], { locale: DATE_LOCALES[locale], in: tz(CHINA_TZ) });
  }

  #onSort(column: 'date' | 'amount'): void {
    this.sort = this.sort === `-${column}` ? column : `-${column}`;
  }

  #openPdf(invoice: Invoice, url: string, event: Event): void {
    const pdfEvent = new BillPdfRequestEvent({ invoice, url });
    this.dispatchEvent(pdfEvent);
    if (pdfEvent.defaultPrevented) {
      event.preventDefault();
      return;
    }
    // With a bearer token a plain link would arrive unauthenticated: fetch with the client instead.
    const client = this.#client();
    if (this.token && client) {
      event.preventDefault();
      void client.download(url).then(blob => window.open(URL.createObjectURL(blob), '_blank', 'noopener'));
    }
  }

  #renderFapiao(invoice: Invoice, e: Eligibility, m: UiMessages, locale: Locale): TemplateResult {
    const issued = e.reasons.some(r => r.code === 'already-issued');
    const pending = e.reasons.some(r => r.code === 'request-pending');
    const waiting = e.reasons.length === 1 && e.reasons[0]?.code === 'waiting-period' && e.eligibleFromDate;
    const label = e.eligible ? m.eligible : issued ? m.issued : pending ? m.requested : waiting ? m.eligibleFrom(this.#formatDate(e.eligibleFromDate!, locale)) : m.notAvailable;
    const why = e.reasons.map(r => explainReason(r, locale)).join(' ');
    // The reasons are shown, not hidden in a tooltip: "why not" is part of the answer.
    return html`<span class="fapiao ${e.eligible ? 'eligible' : ''}">${label}</span>${!e.eligible && !issued && !pending && !waiting && why ? html`<span class="why">${why}</span>` : nothing}
      ${e.eligible
        ? html` <button class="action" part="fapiao-button" aria-label=${m.getFapiaoFor(invoice.number)} @click=${() => this.dispatchEvent(new FapiaoRequestEvent({ invoices: [invoice] }))}>${m.getFapiao}</button>`
        : nothing}`;
  }

  #renderRow(invoice: Invoice, m: UiMessages, locale: Locale, now: Date): TemplateResult {
    const e = checkEligibility(invoice, { now, account: this.#account, requests: this.#requests });
    const pdf = invoice.documents.find(d => d.kind === 'invoice' || d.kind === 'credit-note');
    const pdfUrl = pdf && isSafeHttpUrl(pdf.url) ? pdf.url : undefined;
    return html`<tr part="row" data-id=${invoice.id}>
      <th scope="row"><button class="link" @click=${() => this.dispatchEvent(new BillSelectEvent({ invoice }))}>${invoice.number}</button></th>
      <td>${this.#formatDate(invoice.invoiceDate, locale)}</td>
      <td>${this.#formatDate(invoice.billingPeriod.start, locale)} – ${this.#formatDate(invoice.billingPeriod.end, locale)}</td>
      <td>${invoice.dueDate ? this.#formatDate(invoice.dueDate, locale) : '—'}</td>
      <td class="amount">${formatMoney({ fen: invoice.amounts.gross, currency: invoice.currency }, locale)}</td>
      <td>${m.core.invoiceStatus[invoice.status]}</td>
      <td>${this.#renderFapiao(invoice, e, m, locale)}</td>
      <td><div class="actions">${pdfUrl
        ? html`<a href=${pdfUrl} target="_blank" rel="noopener" aria-label=${m.viewPdf(invoice.number)} @click=${(ev: Event) => this.#openPdf(invoice, pdfUrl, ev)}>PDF</a>`
        : nothing}</div></td>
    </tr>`;
  }

  #renderFilters(m: UiMessages): TemplateResult {
    return html`<div class="filters" part="filters">
      <label>${m.range}
        <select .value=${this.range} @change=${(e: Event) => (this.range = (e.target as HTMLSelectElement).value as Range)}>
          ${RANGES.map(r => html`<option value=${r} ?selected=${this.range === r}>${r === 'all' ? m.rangeAll : m.rangeMonths(Number(r))}</option>`)}
        </select>
      </label>
      <label>${m.status}
        <select @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as InvoiceStatus | '')}>
          <option value="" ?selected=${!this.status}>${m.statusAll}</option>
          ${INVOICE_STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${m.core.invoiceStatus[s]}</option>`)}
        </select>
      </label>
      <label>${m.search}
        <input type="search" .value=${this.search} @change=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
      </label>
    </div>`;
  }

  override render(): TemplateResult {
    const locale = this.#locale();
    const m = uiMessages(locale);
    const now = this.now ?? new Date();
    const state = this._state;
    const sortState = (column: 'date' | 'amount') =>
      this.sort === column ? 'ascending' : this.sort === `-${column}` ? 'descending' : 'none';
    let body: TemplateResult;
    if (state.kind === 'loading') body = html`<p role="status">${m.loading}</p>`;
    else if (state.kind === 'error') {
      const kind = state.error.kind;
      const text = m.core.apiError[kind]({ status: state.error.status ?? '', detail: state.error.problem?.detail ?? '' });
      body = html`<div class="error" part="error" role="alert"><span>${text}</span><button class="action" @click=${() => void this.reload()}>${m.retry}</button></div>`;
    } else if (this._items.length === 0) body = html`<p part="empty" role="status">${m.empty}</p>`;
    else {
      body = html`<table part="table">
        <caption>${m.caption(this._items.length)}</caption>
        <thead><tr>
          <th scope="col">${m.number}</th>
          <th scope="col" aria-sort=${sortState('date')}><button class="sort" aria-label=${m.sortBy(m.invoiceDate)} @click=${() => this.#onSort('date')}>${m.invoiceDate}</button></th>
          <th scope="col">${m.period}</th>
          <th scope="col">${m.dueDate}</th>
          <th scope="col" class="amount" aria-sort=${sortState('amount')}><button class="sort" aria-label=${m.sortBy(m.amount)} @click=${() => this.#onSort('amount')}>${m.amount}</button></th>
          <th scope="col">${m.status}</th>
          <th scope="col">${m.fapiao}</th>
          <th scope="col">${m.actions}</th>
        </tr></thead>
        <tbody>${this._items.map(i => this.#renderRow(i, m, locale, now))}</tbody>
      </table>`;
    }
    return html`${this.#renderFilters(m)}${body}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bill-list': BillListElement;
  }
}
