import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  ACCOUNT_REASON_CODES,
  FAPIAO_STATES,
  billFapiaoStateOf,
  fapiaoStateOf,
  type FapiaoState,
} from '../../core/rules/fapiao-state.js';
import { BILL_RANGES, customRangeFrom, rangeToDates, type BillRange } from '../../core/rules/range.js';
import { INVOICE_STATUSES, type Invoice, type InvoiceStatus, type Statement } from '../../core/model/invoice.js';
import { chinaDateOf } from '../../core/time/china-time.js';
import { explainApiError, explainFapiaoState, explainReason, type Locale } from '../../core/i18n/index.js';
import { formatChinaDate } from '../../core/time/format-date.js';
import { invoicesToCsv } from '../../core/export/invoices-csv.js';
import { isSafeHttpUrl } from '../../core/model/decode.js';
import { fapiaoStateSummary, summarizeFapiaoStates, type FapiaoStateTotal } from '../../core/rules/fapiao-summary.js';
import { ZERO_FEN } from '../../core/money/fen.js';
import type { ApiError } from '../../core/api-error.js';
import type { Eligibility } from '../../core/rules/eligibility.js';
import type { FapiaoAccount, FapiaoRequest } from '../../core/model/fapiao.js';
import { asApiError } from '../../core/api-error.js';
import type { BillingClient, InvoiceQuery } from '../../client/billing-client.js';
import { BillErrorEvent, BillExportEvent, BillPdfRequestEvent, BillSelectEvent, FapiaoRequestEvent } from './events.js';
import { ClientSource } from '../internal/client-source.js';
import { fetchDocument, saveBlob } from '../internal/downloads.js';
import { formatAmount, formatDate, labelOf } from '../internal/format.js';
import { LocaleController } from '../internal/locale-controller.js';
import { billListMessages } from '../locales/index.js';
import { billListStyles } from './bill-list.styles.js';
import { BillDataController } from './internal/bill-data-controller.js';
import { renderBillDetails, statusText } from './internal/bill-details.js';
import type { BillListMessages } from './internal/messages.js';
import { allEligible, keptAfterReload, selectionSummarizer, toggled } from './internal/selection.js';
import { renderStatementsTable } from './internal/statements-table.js';
import { VirtualRowsController } from './internal/virtual-rows-controller.js';

const SORTS = ['-date', 'date', '-amount', 'amount'] as const;
const VIEWS = ['invoices', 'statements'] as const;
type Sort = (typeof SORTS)[number];
type View = (typeof VIEWS)[number];

/** Up to this many rows the table is plain (find-in-page works); beyond it only the rows in view are rendered. */
const VIRTUALIZE_OVER = 150;
/** Up to this many bills the amount summary is part of the first render; beyond it, it follows right after. */
const SUMMARY_AT_ONCE = 5000;
/** Search applies this long after the last keystroke (each change may be a request to the API). */
const SEARCH_DEBOUNCE_MS = 250;

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
 * @attr fapiao-state - Show the bills in one Fapiao state only (`eligible`, `eligible-from`, `requested`, `issued`, `not-available`; the account set aside); empty for all. Reflected; the amount summary's buttons set it.
 * @attr sort - `-date` (default), `date`, `-amount` or `amount`. Reflected.
 * @attr billing-account - Billing account id to show; empty for all. Reflected.
 * @attr lang - zh-CN, en or nl (else the nearest `lang`, the page's, the browser's; followed when any of them changes).
 * @fires {BillSelectEvent} bill-select - The user opened an invoice's details; cancel it to show your own.
 * @fires {BillPdfRequestEvent} bill-pdf-request - Before a PDF opens or downloads; cancel it to take over.
 * @fires {FapiaoRequestEvent} fapiao-request - The user asked for a Fapiao for one or several eligible invoices; cancelable.
 * @fires {BillExportEvent} bill-export - Before the CSV of the current view is saved; cancel it to take the text.
 * @fires {BillErrorEvent} bill-error - Loading the bills or a PDF failed; the element shows the message itself.
 * @csspart filters - The filter bar.
 * @csspart summary - The amounts per Fapiao state (可开票金额 first), each a toggle that shows only those bills.
 * @csspart toolbar - Selection summary, "Get Fapiao" for the selection and CSV export.
 * @csspart scroller - The scrolling box around the table (set its height with `--bill-list-max-height`).
 * @csspart table - The invoice table.
 * @csspart row - One invoice row.
 * @csspart fapiao-button - The per-row "Get Fapiao" button.
 * @csspart details - The details dialog.
 * @csspart timeline - In the details: when the bill's Fapiao comes (requested on, or if requested today; issued on or expected by the seller's working days over China's holidays and 调休; that month's VAT filing deadline), from `<fapiao-request>`'s chunk once it is in.
 * @csspart empty - The message shown when nothing matches.
 * @csspart error - The error message with its retry button.
 * @csspart notice - A part that could not be loaded (the Fapiao status), said above the bills with its own retry.
 * @csspart account-banner - Said once above the bills when the customer has no working Fapiao account, with what to do.
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
 * @cssprop --bill-list-row-height - Height of one row once the list only renders the rows in view (default 3rem).
 * @cssprop --bill-list-card-height - Height of one bill card (below 640 px wide) once only the cards in view are rendered (default 9rem).
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
    fapiaoState: { type: String, attribute: 'fapiao-state', reflect: true },
    sort: { type: String, reflect: true },
    billingAccount: { type: String, attribute: 'billing-account', reflect: true },
    lang: { type: String, reflect: true },
    _selected: { state: true },
    _detail: { state: true },
    _downloadError: { state: true },
  };

  readonly #locale = new LocaleController(this);
  readonly #clients = new ClientSource(() => this.#locale.value);
  readonly #data = new BillDataController(
    this,
    () => ({
      client: this.#client(),
      invoices: this.invoices,
      statements: this.statements,
      fapiaoAccount: this.fapiaoAccount,
      fapiaoRequests: this.fapiaoRequests,
      view: this.view,
      query: this.#query(),
      now: this.now ?? new Date(),
    }),
    error => this.dispatchEvent(new BillErrorEvent({ error, during: 'load' })),
  );
  readonly #rows = new VirtualRowsController(this);
  readonly #summarize = selectionSummarizer();
  readonly #isEligible = (invoice: Invoice) => this.#canRequest() && this.#data.eligibilityOf(invoice).eligible;
  #prunedFor: unknown;
  #detailOpener: HTMLElement | undefined;

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient` (from `createBillingClient` or the host's own); takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  /**
   * Invoices the host already holds; when set, nothing is fetched for the list. Malformed entries are skipped and
   * counted. Over 5,000, the rows shown first are validated first and the rest right after the first render (the list
   * is `aria-busy` meanwhile, and its count, summary and malformed count settle then; `loadComplete` waits for it).
   */
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
  declare range: BillRange;
  declare from: string;
  declare to: string;
  declare status: InvoiceStatus | '';
  declare search: string;
  declare fapiaoState: FapiaoState | '';
  declare sort: Sort;
  declare billingAccount: string;
  declare _selected: ReadonlySet<string>;
  declare _detail: Invoice | undefined;
  #timelineModule: Pick<typeof import('../fapiao-request/fapiao-request.js'), 'renderBillTimeline'> | undefined;
  #timelineLoading: Promise<void> | undefined;
  /** A PDF that could not be fetched: said above the list, which stays. */
  declare _downloadError: ApiError | undefined;

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
    this.fapiaoState = '';
    this.sort = '-date';
    this.billingAccount = '';
    this._selected = new Set();
    this._detail = undefined;
  }

  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Search as the user types (debounced); an emptied box (Esc, ×) shows everything again at once. */
  #onSearchInput(text: string, now: boolean): void {
    clearTimeout(this.#searchTimer);
    if (now || text.trim() === '') this.search = text;
    else this.#searchTimer = setTimeout(() => (this.search = text), SEARCH_DEBOUNCE_MS);
  }

  /** The filters that narrow the list beyond its period, as the user would name them. */
  #activeFilters(m: BillListMessages): string[] {
    const account = this.#data.data?.accounts.find(a => a.id === this.billingAccount);
    return [
      ...(this.status ? [m.core.invoiceStatus[this.status]] : []),
      ...(this.billingAccount ? [account?.name || this.billingAccount] : []),
      ...(this.search.trim() ? [m.searchFor(this.search.trim())] : []),
      ...(this.#stateFilter() ? [m.fapiaoFilter[this.#stateFilter() as FapiaoState]] : []),
    ];
  }

  #clearFilters(): void {
    clearTimeout(this.#searchTimer);
    this.status = '';
    this.billingAccount = '';
    this.search = '';
    this.fapiaoState = '';
  }

  /** Settles when the current load has (the bills are shown, all of a long host list validated, or the error is). */
  get loadComplete(): Promise<void> {
    return this.#data.load.loadComplete;
  }

  /** The bills the user ticked, in the order shown. */
  get selectedInvoices(): Invoice[] {
    return [...this.#selection().invoices];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: disconnecting aborted the load, so load again.
    if (this.hasUpdated) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = [
      'apiBase',
      'token',
      'client',
      'invoices',
      'statements',
      'fapiaoAccount',
      'fapiaoRequests',
      'view',
      'range',
      'from',
      'to',
      'status',
      'search',
      'sort',
      'billingAccount',
      'now',
    ] as const;
    if (inputs.some(k => changed.has(k))) void this.reload();
    // After a load, the ticks keep only bills still shown and still eligible (a bill just requested is not).
    const data = this.#data.data;
    // Not on a long list's first rows: a tick further down stays until the whole list is in.
    if (data && data !== this.#prunedFor && !data.settling) {
      this.#prunedFor = data;
      this._selected = keptAfterReload(this._selected, data.items, this.#isEligible);
    }
  }

  /** Loads again with the current filters (the retry button calls it). */
  reload(): Promise<void> {
    return this.#data.load.run();
  }

  /** Saves the current view (filters and sort applied, all rows, not just those rendered) as CSV. */
  exportCsv(): void {
    this.#data.settleNow();
    const items = this.#items();
    const csv = invoicesToCsv(items, { locale: this.#locale.value, eligibility: i => this.#data.eligibilityOf(i) });
    const filename = `bills-${chinaDateOf(this.now ?? new Date())}.csv`;
    if (this.dispatchEvent(new BillExportEvent({ csv, filename, invoices: items }))) {
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
    }
  }

  #client(): BillingClient | undefined {
    return this.#clients.get(this.client, this.apiBase, this.token);
  }

  #query(): InvoiceQuery {
    const bounds = rangeToDates(this.range, this.from, this.to, this.now ?? new Date());
    return {
      ...bounds,
      ...(this.status ? { status: [this.status] } : {}),
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      ...(this.billingAccount ? { billingAccount: this.billingAccount } : {}),
      sort: SORTS.includes(this.sort) ? this.sort : '-date',
    };
  }

  /** The Fapiao-state filter when it names a state (an unknown value filters nothing). */
  #stateFilter(): FapiaoState | '' {
    return FAPIAO_STATES.includes(this.fapiaoState as FapiaoState) ? this.fapiaoState : '';
  }

  #filtered: { data: unknown; state: string; items: readonly Invoice[] } | undefined;

  /** The bills shown: those loaded, narrowed to one Fapiao state if asked (computed once per load and filter). */
  #items(): readonly Invoice[] {
    const data = this.#data.data;
    const all = data?.items ?? [];
    const state = this.#stateFilter();
    if (!state) return all;
    let filtered = this.#filtered;
    if (!filtered || filtered.data !== data || filtered.state !== state) {
      const items = all.filter(i => billFapiaoStateOf(this.#data.eligibilityOf(i)).state === state);
      filtered = this.#filtered = { data, state, items };
    }
    return filtered.items;
  }

  #selection() {
    return this.#summarize(this.#items(), this._selected, this.#isEligible);
  }

  #onSort(column: 'date' | 'amount'): void {
    this.sort = this.sort === `-${column}` ? column : `-${column}`;
  }

  #onRange(value: BillRange): void {
    // Start a custom range from what was shown, so switching to it changes nothing until the user edits a date.
    if (value === 'custom' && !this.from && !this.to)
      Object.assign(this, customRangeFrom(this.range, this.now ?? new Date()));
    this.range = value;
  }

  #requestFapiao(invoices: readonly Invoice[]): void {
    // Asked from the details dialog: the modal closes first, and gives focus back to nobody, so the host can move it
    // to its form (a modal left open would cover the form).
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog?.open) {
      this.#detailOpener = undefined;
      dialog.close();
    }
    this.dispatchEvent(new FapiaoRequestEvent({ invoices }));
  }

  #openDetails(invoice: Invoice, opener: HTMLElement): void {
    if (!this.dispatchEvent(new BillSelectEvent({ invoice }))) return;
    this.#detailOpener = opener;
    this._detail = invoice;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  #closeDetails(): void {
    this._detail = undefined;
    this.#detailOpener?.focus();
  }

  #onInvoicePdf(invoice: Invoice, url: string, action: 'view' | 'download', event: Event): void {
    if (!this.dispatchEvent(new BillPdfRequestEvent({ invoice, url, action }))) {
      event.preventDefault();
      return;
    }
    this.#fetchWithToken(url, action, `${invoice.number}.pdf`, event);
  }

  #onStatementPdf(statement: Statement, url: string, event: Event): void {
    this.#fetchWithToken(url, 'view', `${statement.id}.pdf`, event);
  }

  /** With a bearer token a plain link would arrive unauthenticated: the document is fetched through the client. */
  #fetchWithToken(url: string, action: 'view' | 'download', filename: string, event: Event): void {
    const client = this.#client();
    if (!this.token || !client) return;
    event.preventDefault();
    this._downloadError = undefined;
    fetchDocument(client, url, action, filename).catch(async error => {
      this._downloadError = asApiError(error);
      this.dispatchEvent(new BillErrorEvent({ error: this._downloadError, during: 'download' }));
    });
  }

  #pdfUrl(invoice: Invoice): string | undefined {
    const pdf = invoice.documents.find(d => d.kind === 'invoice' || d.kind === 'credit-note');
    return pdf && isSafeHttpUrl(pdf.url) ? pdf.url : undefined;
  }

  #renderFapiao(invoice: Invoice, e: Eligibility, m: BillListMessages, locale: Locale): TemplateResult {
    // Without the account or the requests, whether a bill may get a Fapiao is not known: said so, nothing offered.
    if (this.#data.data?.fapiaoUnknown) return html`<span class="fapiao unknown">${m.fapiaoUnknown}</span>`;
    const fapiaoState = fapiaoStateOf(e);
    const state = fapiaoState.state;
    const label = explainFapiaoState(fapiaoState, locale, formatChinaDate);
    // The reasons are shown, not hidden in a tooltip: "why not" is part of the answer.
    // A bill paid a day ago says when, and why it must wait (the payment still reaching the Fapiao system).
    const waiting = state === 'eligible-from' ? e.reasons.find(r => r.code === 'waiting-period') : undefined;
    // The account's reasons are said once, in the banner above the bills; a row says only what is its own.
    const why =
      state === 'not-available'
        ? e.reasons
            .filter(r => !ACCOUNT_REASON_CODES.includes(r.code))
            .map(r => explainReason(r, locale))
            .join(' ')
        : waiting
          ? m.waitingWhy(Number(waiting.params?.days ?? 3))
          : e.unclaimed !== undefined
            ? m.fapiaoLeft(formatAmount(e.unclaimed, invoice.currency, locale))
            : '';
    return html`<span class="fapiao ${state}">${label}</span>${why ? html`<span class="why">${why}</span>` : nothing}${
        state === 'issued' ? this.#renderFapiaoFiles(e, m) : nothing
      }${
        e.eligible
          ? html` <button
              class="action"
              part="fapiao-button"
              aria-label=${m.getFapiaoFor(invoice.number)}
              @click=${() => this.#requestFapiao([invoice])}
            >
              ${m.getFapiao}
            </button>`
          : nothing
      }`;
  }

  /**
   * An issued bill opens its Fapiao: the PDF of each Fapiao of the request that issued it (the request's other files
   * are in `<fapiao-request>`'s history).
   */
  #renderFapiaoFiles(e: Eligibility, m: BillListMessages): TemplateResult | typeof nothing {
    const requestId = e.reasons.find(r => r.code === 'already-issued')?.params?.requestId;
    const request = this.#data.data?.requests.find(r => r.id === requestId);
    if (!request) return nothing;
    const links = request.fapiaos.flatMap(f => {
      const file = f.files.find(x => x.format === 'pdf' && isSafeHttpUrl(x.url));
      return file ? [{ number: f.number, url: file.url }] : [];
    });
    return links.length
      ? html`<span class="fapiao-files"
          >${links.map(
            l =>
              html`<a
                href=${l.url}
                target="_blank"
                rel="noopener"
                aria-label=${m.fapiaoPdfOf(l.number)}
                @click=${(ev: Event) => this.#fetchWithToken(l.url, 'view', `fapiao-${l.number}.pdf`, ev)}
                >${m.fapiaoPdf}</a
              >`,
          )}</span
        >`
      : nothing;
  }

  #renderPdfLinks(invoice: Invoice, m: BillListMessages): TemplateResult | typeof nothing {
    const url = this.#pdfUrl(invoice);
    if (!url) return nothing;
    return html`<a
        href=${url}
        target="_blank"
        rel="noopener"
        aria-label=${m.viewPdf(invoice.number)}
        @click=${(ev: Event) => this.#onInvoicePdf(invoice, url, 'view', ev)}
        >PDF</a
      >
      <a
        class="download"
        href=${url}
        download=${`${invoice.number}.pdf`}
        aria-label=${m.downloadPdf(invoice.number)}
        title=${m.download}
        @click=${(ev: Event) => this.#onInvoicePdf(invoice, url, 'download', ev)}
        ><span aria-hidden="true">⤓</span></a
      >`;
  }

  #renderRow(invoice: Invoice, index: number, m: BillListMessages, locale: Locale): TemplateResult {
    const e = this.#data.eligibilityOf(invoice);
    const onTick = (ev: Event) =>
      (this._selected = toggled(this._selected, invoice.id, (ev.target as HTMLInputElement).checked));
    return html`<tr part="row" data-id=${invoice.id} aria-rowindex=${index + 2}>
      <td class="pick">
        ${
          this.#isEligible(invoice)
            ? html`<input
                type="checkbox"
                aria-label=${m.select(invoice.number)}
                .checked=${this._selected.has(invoice.id)}
                @change=${onTick}
              />`
            : nothing
        }
      </td>
      <th scope="row">
        <button
          class="link"
          aria-haspopup="dialog"
          @click=${(ev: Event) => this.#openDetails(invoice, ev.currentTarget as HTMLElement)}
        >
          ${invoice.number}
        </button>
      </th>
      <td class="date">${formatDate(invoice.invoiceDate, locale)}</td>
      <td class="period">
        <span>${formatDate(invoice.billingPeriod.start, locale)}</span> –
        <span>${formatDate(invoice.billingPeriod.end, locale)}</span>
      </td>
      <td class="due">${invoice.dueDate ? formatDate(invoice.dueDate, locale) : '—'}</td>
      <td class="amount">${formatAmount(invoice.amounts.gross, invoice.currency, locale)}</td>
      <td class="status">${statusText(invoice, m, locale)}</td>
      <td class="fapiao-cell">${this.#renderFapiao(invoice, e, m, locale)}</td>
      <td class="links"><div class="actions">${this.#renderPdfLinks(invoice, m)}</div></td>
    </tr>`;
  }

  #renderFilters(m: BillListMessages): TemplateResult {
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    const accounts = this.#data.data?.accounts ?? [];
    const rangeLabel = (r: BillRange) =>
      r === 'all' ? m.rangeAll : r === 'custom' ? m.rangeCustom : m.rangeMonths(Number(r));
    return html`<div class="filters" part="filters">
      <div class="views" role="group">
        ${VIEWS.map(
          v =>
            html`<button class="tab" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => (this.view = v)}>
              ${v === 'invoices' ? m.viewInvoices : m.viewStatements}
            </button>`,
        )}
      </div>
      ${
        accounts.length > 1
          ? html`<label
              >${m.billingAccount}
              <select @change=${(e: Event) => (this.billingAccount = value(e))}>
                <option value="" ?selected=${!this.billingAccount}>${m.accountAll}</option>
                ${accounts.map(a => html`<option value=${a.id} ?selected=${this.billingAccount === a.id}>${a.name || a.id}</option>`)}
              </select>
            </label>`
          : nothing
      }
      ${
        this.view === 'invoices'
          ? html`<label
                >${m.range}
                <select @change=${(e: Event) => this.#onRange(value(e) as BillRange)}>
                  ${BILL_RANGES.map(r => html`<option value=${r} ?selected=${this.range === r}>${rangeLabel(r)}</option>`)}
                </select>
              </label>
              ${
                this.range === 'custom'
                  ? html`<label
                        >${m.from}<input
                          type="date"
                          .value=${this.from}
                          max=${this.to || nothing}
                          @change=${(e: Event) => (this.from = value(e))}
                      /></label>
                      <label
                        >${m.to}<input
                          type="date"
                          .value=${this.to}
                          min=${this.from || nothing}
                          @change=${(e: Event) => (this.to = value(e))}
                      /></label>`
                  : nothing
              }
              <label
                >${m.status}
                <select @change=${(e: Event) => (this.status = value(e) as InvoiceStatus | '')}>
                  <option value="" ?selected=${!this.status}>${m.statusAll}</option>
                  ${INVOICE_STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${m.core.invoiceStatus[s]}</option>`)}
                </select>
              </label>
              <label
                >${m.search}
                <input
                  type="search"
                  .value=${this.search}
                  @input=${(e: Event) => this.#onSearchInput(value(e), false)}
                  @change=${(e: Event) => this.#onSearchInput(value(e), true)}
              /></label>`
          : nothing
      }
      ${
        this.#activeFilters(m).length
          ? html`<button class="secondary clear-filters" @click=${() => this.#clearFilters()}>
              ${m.clearFilters}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderToolbar(m: BillListMessages, locale: Locale): TemplateResult {
    const { invoices: selected, totals } = this.#selection();
    const total = totals.map(t => formatAmount(t.gross, t.currency, locale)).join(' + ');
    return html`<div class="toolbar" part="toolbar">
      <span role="status">${selected.length ? m.selection(selected.length, total) : ''}</span>
      ${
        this.#canRequest()
          ? html`<button
              class="action"
              ?disabled=${selected.length === 0}
              @click=${() => this.#requestFapiao(selected)}
            >
              ${selected.length ? m.getFapiaoForSelected(selected.length) : m.selectToRequest}
            </button>`
          : nothing
      }
      <button class="secondary" ?disabled=${this.#items().length === 0} @click=${() => this.exportCsv()}>
        ${m.exportCsv}
      </button>
    </div>`;
  }

  #renderInvoices(m: BillListMessages, locale: Locale): TemplateResult {
    const items = this.#items();
    const sortState = (column: 'date' | 'amount') =>
      this.sort === column ? 'ascending' : this.sort === `-${column}` ? 'descending' : 'none';
    // A long list still validating shows its first rows at the list's full height and count (those the query keeps
    // before validation); the rows further down come when validated, in a moment.
    const settling = this.#data.data?.settling;
    const count = settling && !this.#stateFilter() ? settling.count : items.length;
    const virtual = count > VIRTUALIZE_OVER;
    const w = this.#rows.window(count, virtual, items);
    const onTickAll = (e: Event) => {
      this.#data.settleNow();
      this._selected = (e.target as HTMLInputElement).checked
        ? allEligible(this.#items(), this.#isEligible)
        : new Set();
    };
    const spacer = (height: number) =>
      height > 0
        ? html`<tr class="spacer" aria-hidden="true">
            <td colspan="9" style=${styleMap({ height: `${height}px` })}></td>
          </tr>`
        : nothing;
    return html`${this.#renderToolbar(m, locale)}
      <div
        class="scroller ${virtual ? 'virtual' : ''} ${this.#data.load.pending && !settling ? 'busy' : ''}"
        part="scroller"
        aria-busy=${this.#data.load.pending ? 'true' : 'false'}
        tabindex=${virtual ? '0' : nothing}
        aria-label=${virtual ? m.caption(count) : nothing}
        @scroll=${this.#rows.onScroll}
      >
        <table part="table" aria-rowcount=${count + 1}>
          <caption>
            ${m.caption(count)}
          </caption>
          <thead>
            <tr aria-rowindex="1">
              <td class="pick">
                <input
                  type="checkbox"
                  aria-label=${m.selectAllEligible}
                  .checked=${this.#selection().allEligiblePicked}
                  @change=${onTickAll}
                />
              </td>
              <th scope="col">${m.number}</th>
              <th scope="col" aria-sort=${sortState('date')}>
                <button class="sort" aria-label=${m.sortBy(m.invoiceDate)} @click=${() => this.#onSort('date')}>
                  ${m.invoiceDate}
                </button>
              </th>
              <th scope="col">${m.period}</th>
              <th scope="col">${m.dueDate}</th>
              <th scope="col" class="amount" aria-sort=${sortState('amount')}>
                <button class="sort" aria-label=${m.sortBy(m.amount)} @click=${() => this.#onSort('amount')}>
                  ${m.amount}
                </button>
              </th>
              <th scope="col">${m.status}</th>
              <th scope="col">${m.fapiao}</th>
              <th scope="col">${m.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${spacer(w.padTop)}
            ${repeat(
              items.slice(w.start, w.end),
              i => i.id,
              (invoice, k) => this.#renderRow(invoice, w.start + k, m, locale),
            )}
            ${spacer(w.padBottom)}
          </tbody>
        </table>
      </div>`;
  }

  /**
   * The bill's Fapiao timeline in its details, from `<fapiao-request>`'s chunk (fetched after the first render by
   * `fapiao-kit/define`, else when details first open), with the form's words, which hold the timeline's: nothing until
   * both are in, then the dialog renders again. A failed fetch leaves the dialog as it is; the next render tries again.
   */
  #renderTimeline(invoice: Invoice, e: Eligibility, locale: Locale): TemplateResult | typeof nothing {
    const data = this.#data.data;
    if (!data || data.fapiaoUnknown) return nothing;
    const module = this.#timelineModule;
    if (!module) {
      this.#timelineLoading ??= import('../fapiao-request/fapiao-request.js').then(
        loaded => {
          this.#timelineModule = loaded;
          this.requestUpdate();
        },
        () => (this.#timelineLoading = undefined),
      );
      return nothing;
    }
    return module.renderBillTimeline(
      {
        invoice,
        eligibility: e,
        state: fapiaoStateOf(e).state,
        requests: data.requests,
        account: data.account,
        now: data.now,
      },
      locale,
      () => this.requestUpdate(),
    );
  }

  #renderDetails(m: BillListMessages, locale: Locale): TemplateResult | typeof nothing {
    const invoice = this._detail;
    if (!invoice) return nothing;
    const e = this.#data.eligibilityOf(invoice);
    return html`<dialog part="details" aria-labelledby="details-title" @close=${() => this.#closeDetails()}>
      <header>
        <h2 id="details-title">${m.details(invoice.number)}</h2>
        <button class="secondary" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.close}</button>
      </header>
      ${renderBillDetails(invoice, m, locale)}
      <p class="fapiao-line">
        <strong>${labelOf(m.fapiao, locale)}</strong>${this.#renderFapiao(invoice, e, m, locale)}
      </p>
      ${this.#renderTimeline(invoice, e, locale)}
      <div class="actions">${this.#renderPdfLinks(invoice, m)}</div>
    </dialog>`;
  }

  #renderBody(m: BillListMessages, locale: Locale): TemplateResult {
    const { status, error } = this.#data.load;
    if (status === 'no-source') return html`<p class="no-source" part="empty" role="status">${m.noSource}</p>`;
    if (status === 'loading') return html`<p class="loading" role="status">${m.loading}</p>`;
    if (status === 'error' && error) {
      return html`<div class="error" part="error" role="alert">
        <span>${explainApiError(error, locale)}</span>
        <button class="action" @click=${() => void this.reload()}>${m.retry}</button>
      </div>`;
    }
    if (this.view === 'statements') {
      const all = this.#data.data?.statements ?? [];
      const shown = all.filter(s => !this.billingAccount || s.billingAccount.id === this.billingAccount);
      return renderStatementsTable(shown, m, locale, (s, url, e) => this.#onStatementPdf(s, url, e));
    }
    if (this.#items().length === 0) {
      // The empty state names what emptied it, so the way back is clear.
      const filters = this.#activeFilters(m);
      return html`<p part="empty" role="status">${filters.length ? m.emptyFiltered(filters) : m.empty}</p>`;
    }
    return this.#renderInvoices(m, locale);
  }

  /** Without a working Fapiao account nothing can be requested: said once, with what to do, above the bills. */
  #renderAccountBanner(m: BillListMessages): TemplateResult | typeof nothing {
    const data = this.#data.data;
    if (!data || data.fapiaoUnknown || data.account.state === 'registered' || this.view !== 'invoices') return nothing;
    // Registration in place when the backend offers it: the customer registers, or resends the link, right here.
    const client = this.#client();
    if (client?.registerFapiaoAccount) {
      return html`<div class="notice account" part="account-banner">
        <fapiao-account
          .client=${client}
          .now=${this.now}
          @fapiao-account-change=${() => void this.reload()}
        ></fapiao-account>
      </div>`;
    }
    if (data.account.state === 'pending-activation') {
      return html`<p class="notice account" part="account-banner" role="status">${m.accountPending}</p>`;
    }
    const url =
      data.account.registrationUrl && isSafeHttpUrl(data.account.registrationUrl) ? data.account.registrationUrl : '';
    return html`<div class="notice account" part="account-banner" role="status">
      <p>${m.accountUnregistered}</p>
      ${url ? html`<a class="action-link" href=${url} target="_blank" rel="noopener">${m.registerAccount}</a>` : nothing}
    </div>`;
  }

  #summary: { data: unknown; totals: FapiaoStateTotal[] } | undefined;
  /** The data whose bills' eligibility is being checked in slices, for a long list's summary. */
  #summaryPending: unknown;

  /**
   * The amounts per Fapiao state over the loaded bills (the state filter aside), 可开票金额 first: each a toggle that
   * shows only those bills. Not shown while the Fapiao side is unknown (the states would be guesses).
   */
  #renderSummary(m: BillListMessages, locale: Locale): TemplateResult | typeof nothing {
    const data = this.#data.data;
    if (!data || data.fapiaoUnknown || this.view !== 'invoices' || this.#data.load.status !== 'ready') return nothing;
    // A long list's summary waits for the whole list, validated.
    if (data.settling) return html`<div class="summary" part="summary" aria-busy="true"></div>`;
    if (this.#summary?.data !== data) {
      // Every bill's eligibility and its part of the sums: for a long list, after the first rows are on screen and a
      // slice at a time, so no frame waits for 100,000 checks.
      if (data.items.length <= SUMMARY_AT_ONCE)
        this.#summary = { data, totals: summarizeFapiaoStates(data.items, i => this.#data.eligibilityOf(i)) };
      else {
        if (this.#summaryPending !== data) {
          this.#summaryPending = data;
          const summary = fapiaoStateSummary();
          void this.#data.checkInSlices(data, summary.add).then(done => {
            if (!done) return;
            this.#summary = { data, totals: summary.totals() };
            this.requestUpdate();
          });
        }
        return html`<div class="summary" part="summary" aria-busy="true"></div>`;
      }
    }
    const totals = this.#summary!.totals;
    const active = this.#stateFilter();
    return html`<div class="summary" part="summary" role="group" aria-label=${m.summaryLabel}>
      ${totals.map(t => {
        const amount = t.totals.length
          ? t.totals.map(x => formatAmount(x.gross, x.currency, locale)).join(' + ')
          : formatAmount(ZERO_FEN, 'CNY', locale);
        const label = explainFapiaoState(
          { state: t.state, ...(t.earliest ? { from: t.earliest } : {}) },
          locale,
          formatChinaDate,
        );
        return html`<button
          class="summary-item ${t.state}"
          aria-pressed=${active === t.state ? 'true' : 'false'}
          ?disabled=${t.count === 0 && active !== t.state}
          @click=${() => (this.fapiaoState = active === t.state ? '' : t.state)}
        >
          <span class="summary-label">${label}</span>
          <strong class="summary-amount">${amount}</strong>
          <span class="summary-count">${m.billCount(t.count)}</span>
        </button>`;
      })}
    </div>`;
  }

  /**
   * The first Tab stop, shown when focused: straight to the first bill's "Get Fapiao" (else its number), past the
   * filters, the summary and the header (a keyboard user otherwise tabs through all of them first).
   */
  #renderSkipLink(m: BillListMessages): TemplateResult | typeof nothing {
    if (this.view !== 'invoices' || this.#items().length === 0) return nothing;
    const jump = () => {
      const target =
        this.renderRoot.querySelector<HTMLElement>('tbody [part="fapiao-button"]') ??
        this.renderRoot.querySelector<HTMLElement>('tbody th button');
      target?.scrollIntoView({ block: 'nearest' });
      target?.focus({ preventScroll: true });
    };
    return html`<button class="secondary skip" @click=${jump}>
      ${this.#canRequest() ? m.skipToRequest : m.skipToBills}
    </button>`;
  }

  /** Whether this customer can request a Fapiao at all (a working account, known): else nothing is offered. */
  #canRequest(): boolean {
    const data = this.#data.data;
    return !data || (!data.fapiaoUnknown && data.account.state === 'registered');
  }

  /** A side call failed: the bills stay, a notice says what is missing, in words, with a retry of its own. */
  #renderSideFailure(m: BillListMessages, locale: Locale): TemplateResult | typeof nothing {
    const failure = this.#data.data?.fapiaoUnknown;
    if (!failure || this.#data.load.status === 'error') return nothing;
    return html`<div class="warning side-failure" part="notice" role="alert">
      <span>${m.fapiaoStatusFailed} ${explainApiError(failure, locale)}</span>
      <button class="secondary" @click=${() => void this.reload()}>${m.retry}</button>
    </div>`;
  }

  /** Also waits for the words of the element's language, fetched before its first render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#locale.settled;
    return super.getUpdateComplete();
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.#locale.ready) return nothing;
    const locale = this.#locale.value;
    const m = billListMessages(locale);
    const malformed = this.#data.data?.malformed ?? 0;
    const failed = this._downloadError;
    return html`${this.#renderSkipLink(m)}${this.#renderFilters(m)}
    ${malformed ? html`<p class="warning" role="status">${m.malformed(malformed)}</p>` : nothing}
    ${this.#renderSideFailure(m, locale)} ${this.#renderAccountBanner(m)} ${this.#renderSummary(m, locale)}
    ${failed ? html`<p class="warning" role="alert">${m.downloadFailed} ${explainApiError(failed, locale)}</p>` : nothing}
    ${this.#renderBody(m, locale)} ${this.#renderDetails(m, locale)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bill-list': BillListElement;
  }
}
