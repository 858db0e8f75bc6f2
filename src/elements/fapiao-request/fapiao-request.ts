import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  DRAFT_LIMITS, checkDraft, draftFields, emptyDraft, explainApiError, explainDraftError, isSafeHttpUrl, planFapiao, type BuyerProfile,
  type DraftCheck, type DraftField, type FapiaoAccount, type FapiaoBuyer, type FapiaoDraft, type FapiaoPlan,
  type FapiaoRequest, type Invoice, type IssuedFapiaoFile, type Locale,
} from '../../core/index.js';
import { isApiError, toApiError, type ApiError, type BillingClient } from '../../core/api/index.js';
import { FapiaoCancelledEvent, FapiaoErrorEvent, FapiaoRegisterEvent, FapiaoSubmittedEvent } from '../events.js';
import { resolveLocale } from '../i18n.js';
import { ClientSource } from '../shared/client-source.js';
import { saveBlob } from '../shared/format.js';
import { DraftStore, fingerprint, keyFor, type StoredDraft } from './draft-store.js';
import { requestMessages, type RequestMessages } from './messages.js';
import { renderPlan } from './render-plan.js';
import { renderRequest } from './render-history.js';
import { fapiaoRequestStyles } from './fapiao-request.styles.js';

type Load = { kind: 'no-source' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: ApiError };
type Submit =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; request: FapiaoRequest }
  | { kind: 'failed'; error: ApiError };

const PENDING = new Set(['submitted', 'processing']);
/** Fields the buyer profile fills in. */
const PROFILE_FIELDS = ['buyerKind', 'title', 'taxId', 'address', 'phone', 'bankName', 'bankAccount'] as const;

/**
 * Guides a customer through a correct Fapiao request for one or more bills: buyer details checked as typed (tax ID,
 * GBK byte limits, the 专票 fields), a preview of what will be issued, one submit that is never created twice, and the
 * progress of past requests with their files.
 *
 * @tag fapiao-request
 * @summary Requests a Fapiao for bills and shows the customer's requests with status history and files.
 * @attr api-base - Base URL of the fapiao-kit API (e.g. `/api/v1/`); ignored when `client` is set.
 * @attr token - Bearer token for `api-base`.
 * @attr invoice-ids - Bills to request for, space or comma separated, when the host has ids only (else set `invoices`).
 * @attr draft-key - Names the session-storage slot of the typed draft (default `default`); one per customer if a tab can switch customers.
 * @attr name - Form field name when the element sits in a `<form>` (its value is the request as JSON).
 * @attr registration-url - Where to register a Fapiao account (default: the one the API gives).
 * @attr poll-seconds - While a request is submitted or processing, refresh the list this often (default 20; 0 = never).
 * @attr hide-history - Show the form only.
 * @attr lang - zh-CN, en or nl (else the nearest `lang`, the page's, the browser's).
 * @fires {FapiaoSubmittedEvent} fapiao-submitted - A request was created (or the server replayed the one this draft created).
 * @fires {FapiaoCancelledEvent} fapiao-cancelled - The user pressed Cancel; the draft stays in session storage.
 * @fires {FapiaoErrorEvent} fapiao-error - Loading, submitting or a download failed; the element shows the message itself.
 * @fires {FapiaoRegisterEvent} fapiao-register - The user chose to register a Fapiao account; cancel it to run your own flow.
 * @slot register - Replaces the registration link shown to customers without a Fapiao account.
 * @csspart form - The request form.
 * @csspart preview - The preview of the Fapiao to be issued.
 * @csspart submit - The submit button.
 * @csspart history - The list of requests.
 * @csspart request - One request in the list.
 * @csspart notice - Account notices (not registered, being activated).
 * @cssprop --fk-color-accent - Links and buttons (default #0b5cad).
 * @cssprop --fk-color-on-accent - Text on accent buttons (default #fff).
 * @cssprop --fk-color-text - Text (default #1f2328).
 * @cssprop --fk-color-muted - Secondary text (default #57606a).
 * @cssprop --fk-color-border - Rules and inputs (default #d0d7de).
 * @cssprop --fk-color-surface - Inputs and panels (default #fff).
 * @cssprop --fk-color-success - Issued (default #1a7f37).
 * @cssprop --fk-color-danger - Errors and rejections (default #b42318).
 * @cssprop --fk-radius - Corner radius (default 6px).
 */
export class FapiaoRequestElement extends LitElement {
  static formAssociated = true;
  static override styles = fapiaoRequestStyles;
  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    token: { type: String },
    client: { attribute: false },
    invoices: { attribute: false },
    invoiceIds: { type: String, attribute: 'invoice-ids' },
    draftKey: { type: String, attribute: 'draft-key' },
    name: { type: String, reflect: true },
    registrationUrl: { type: String, attribute: 'registration-url' },
    pollSeconds: { type: Number, attribute: 'poll-seconds' },
    hideHistory: { type: Boolean, attribute: 'hide-history', reflect: true },
    now: { attribute: false },
    lang: { type: String, reflect: true },
    _load: { state: true },
    _bills: { state: true },
    _draft: { state: true },
    _saveProfile: { state: true },
    _touched: { state: true },
    _showAll: { state: true },
    _submit: { state: true },
    _account: { state: true },
    _profiles: { state: true },
    _requests: { state: true },
    _fileError: { state: true },
  };

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient`; takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  /** The bills to request for (e.g. `event.detail.invoices` of `<bill-list>`'s `fapiao-request`). */
  declare invoices: readonly Invoice[] | undefined;
  declare invoiceIds: string;
  declare draftKey: string;
  declare name: string;
  declare registrationUrl: string;
  declare pollSeconds: number;
  declare hideHistory: boolean;
  /** The time the rules use (tests, previews); the current time when unset. */
  declare now: Date | undefined;
  declare _load: Load;
  declare _bills: readonly Invoice[];
  declare _draft: FapiaoDraft;
  declare _saveProfile: boolean;
  declare _touched: ReadonlySet<DraftField>;
  declare _showAll: boolean;
  declare _submit: Submit;
  declare _account: FapiaoAccount | undefined;
  declare _profiles: readonly BuyerProfile[];
  declare _requests: readonly FapiaoRequest[];
  /** An issued file that could not be downloaded: said in the history, which stays. */
  declare _fileError: ApiError | undefined;

  #internals: ElementInternals;
  #clients = new ClientSource(() => this.#locale());
  #store: DraftStore | undefined;
  #stored: StoredDraft = { draft: emptyDraft(), saveProfile: false };
  #loadSeq = 0;
  #abort: AbortController | undefined;
  #poll: ReturnType<typeof setTimeout> | undefined;
  #sending = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.apiBase = '';
    this.token = '';
    this.invoiceIds = '';
    this.draftKey = 'default';
    this.name = '';
    this.registrationUrl = '';
    this.pollSeconds = 20;
    this.hideHistory = false;
    this._load = { kind: 'loading' };
    this._bills = [];
    this._draft = emptyDraft();
    this._saveProfile = false;
    this._touched = new Set();
    this._showAll = false;
    this._submit = { kind: 'idle' };
    this._account = undefined;
    this._profiles = [];
    this._requests = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM (disconnect aborted a load or the polling): start again.
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearTimeout(this.#poll);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey') || !this.#store) {
      this.#store = new DraftStore(`fapiao-kit:fapiao-request:${this.draftKey}`);
      const stored = this.#store.load();
      if (stored) {
        this.#stored = stored;
        this._draft = stored.draft;
        this._saveProfile = stored.saveProfile;
      }
    }
    const source = (['apiBase', 'token', 'client'] as const).some(k => changed.has(k));
    const bills = changed.has('invoices') || changed.has('invoiceIds');
    if (source || (bills && this._load.kind !== 'ready')) void this.reload();
    else if (bills) {
      // Other bills chosen (e.g. the next "Get Fapiao" in the list): keep account, profiles and history; no flash of "loading".
      this._submit = { kind: 'idle' };
      if (this.invoices) this._bills = this.invoices;
      else void this.reload();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // In a host <form>: the request as the value, and the form blocks submission while the draft has errors.
    const form = ['_draft', '_saveProfile', 'invoices', 'invoiceIds', 'lang'] as const;
    if (!form.some(k => changed.has(k as keyof FapiaoRequestElement))) return;
    const check = this.#check();
    this.#internals.setFormValue(JSON.stringify({ invoiceIds: this.#ids(), draft: this._draft, saveProfile: this._saveProfile }));
    const first = check.errors[0];
    if (first) this.#internals.setValidity({ customError: true }, explainDraftError(first, this.#locale()));
    else this.#internals.setValidity({});
  }

  /** Called by a host form's reset: back to an empty draft. */
  formResetCallback(): void {
    this.#setDraft(emptyDraft(), false);
    this._touched = new Set();
    this._showAll = false;
  }

  /** The ids of the bills this request is for. */
  #ids(): string[] {
    if (this.invoices) return this.invoices.map(i => i.id);
    return this.invoiceIds.split(/[\s,]+/).filter(Boolean);
  }

  #client(): BillingClient | undefined {
    return this.#clients.get(this.client, this.apiBase, this.token);
  }

  #locale(): Locale {
    return resolveLocale(this);
  }

  /** Loads the account, profiles, requests and (for `invoice-ids`) the bills. */
  async reload(): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const client = this.#client();
    if (!client) {
      this._load = { kind: 'no-source' };
      return;
    }
    this._load = { kind: 'loading' };
    const signal = abort.signal;
    try {
      const ids = this.#ids();
      const [account, profiles, requests, bills] = await Promise.all([
        client.getFapiaoAccount({ signal }),
        client.listBuyerProfiles({ signal }),
        client.listFapiaoRequests({ signal }),
        this.invoices ? Promise.resolve(this.invoices) : Promise.all(ids.map(id => client.getInvoice(id, { signal }))),
      ]);
      if (seq !== this.#loadSeq) return;
      this._account = account;
      this._profiles = profiles;
      this._requests = requests;
      this._bills = bills;
      this._load = { kind: 'ready' };
      this.#schedulePoll();
    } catch (error) {
      if (seq !== this.#loadSeq || (isApiError(error) && error.kind === 'aborted')) return;
      const apiError = await toApiError(error);
      this._load = { kind: 'error', error: apiError };
      this.dispatchEvent(new FapiaoErrorEvent({ error: apiError, during: 'load' }));
    }
  }

  /** Fetches the request list again (progress of submitted requests). */
  async refresh(): Promise<void> {
    const client = this.#client();
    if (!client) return;
    try {
      this._requests = await client.listFapiaoRequests();
    } catch {
      /* the list keeps what it had; the next poll or refresh tries again */
    }
    this.#schedulePoll();
  }

  #schedulePoll(): void {
    clearTimeout(this.#poll);
    if (this.pollSeconds > 0 && this.isConnected && this._requests.some(r => PENDING.has(r.status))) {
      this.#poll = setTimeout(() => void this.refresh(), this.pollSeconds * 1000);
    }
  }

  /** The core's check of the draft, once per draft (render, the form value and submit all read it). */
  #check(): DraftCheck {
    if (this.#checked?.draft !== this._draft) this.#checked = { draft: this._draft, check: checkDraft(this._draft) };
    return this.#checked.check;
  }

  #checked: { draft: FapiaoDraft; check: DraftCheck } | undefined;

  #plan(): FapiaoPlan | undefined {
    if (this._bills.length === 0 || !this._account) return undefined;
    const buyer: FapiaoBuyer = { buyerKind: this._draft.buyerKind, title: this._draft.title.trim() };
    return planFapiao(this._bills, buyer, {
      fapiaoKind: this._draft.fapiaoKind,
      eligibility: { now: this.now ?? new Date(), account: this._account, requests: this._requests },
    });
  }

  /** Every change of the form goes through here: state, session storage, and a new submit outcome. */
  #setDraft(draft: FapiaoDraft, saveProfile = this._saveProfile): void {
    this._draft = draft;
    this._saveProfile = saveProfile;
    this.#stored = { ...this.#stored, draft, saveProfile };
    this.#store?.save(this.#stored);
    if (this._submit.kind === 'done') this._submit = { kind: 'idle' };
  }

  #edit(field: keyof FapiaoDraft, value: string | boolean): void {
    const next = { ...this._draft, [field]: value } as FapiaoDraft;
    // A special VAT Fapiao is for enterprises only: switching to an individual takes the ordinary one.
    if (field === 'buyerKind' && value === 'individual' && next.fapiaoKind === 'special') next.fapiaoKind = 'ordinary';
    // A new tax ID needs its own confirmation.
    if (field === 'taxId') next.acceptChecksumWarning = false;
    this.#setDraft(next);
  }

  #useProfile(id: string): void {
    const profile = this._profiles.find(p => p.id === id);
    if (!profile) return;
    const next: FapiaoDraft = { ...this._draft, acceptChecksumWarning: false };
    for (const key of PROFILE_FIELDS) (next as unknown as Record<string, string>)[key] = (profile as unknown as Record<string, string | undefined>)[key] ?? '';
    if (profile.email) next.email = profile.email;
    if (next.buyerKind === 'individual') next.fapiaoKind = 'ordinary';
    this.#setDraft(next);
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#sending) return; // a double click, or Enter pressed twice: one request only
    const check = this.#check();
    this._showAll = true;
    if (!check.ok) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const client = this.#client();
    if (!client) return;
    const ids = this.#ids();
    const { key, stored } = keyFor(this.#stored, fingerprint(ids, this._draft, this._saveProfile));
    // Kept before sending: if the page reloads mid-flight, the same key goes out again and the server replays.
    this.#stored = stored;
    this.#store?.save(stored);
    this.#sending = true;
    this._submit = { kind: 'sending' };
    try {
      // The body the key was fingerprinted from; the server hashes it with sorted keys, so field order cannot matter.
      const request = await client.createFapiaoRequest({ invoiceIds: ids, draft: this._draft, saveProfile: this._saveProfile }, { idempotencyKey: key });
      this.#store?.clear();
      this.#stored = { draft: emptyDraft(), saveProfile: false };
      this._draft = emptyDraft();
      this._saveProfile = false;
      this._touched = new Set();
      this._showAll = false;
      this._submit = { kind: 'done', request };
      this._requests = [request, ...this._requests.filter(r => r.id !== request.id)];
      this.dispatchEvent(new FapiaoSubmittedEvent({ request }));
      this.#schedulePoll();
      void client.listBuyerProfiles().then(p => (this._profiles = p), () => {});
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    } catch (error) {
      const apiError = await toApiError(error);
      this._submit = { kind: 'failed', error: apiError };
      this.dispatchEvent(new FapiaoErrorEvent({ error: apiError, during: 'submit' }));
      await this.updateComplete;
      const fieldError = this.#serverFieldErrors()[0];
      (fieldError ? this.renderRoot.querySelector<HTMLElement>(`[name="${fieldError.field}"]`) : this.renderRoot.querySelector<HTMLElement>('.outcome'))?.focus();
    } finally {
      this.#sending = false;
    }
  }

  /** Field errors the server returned (422 validation-failed), for fields this form shows. */
  #serverFieldErrors(): { field: DraftField; message: string }[] {
    if (this._submit.kind !== 'failed') return [];
    const problem = this._submit.error.problem as { errors?: readonly { field: string; code: string; message?: string }[] } | undefined;
    const shown = new Set<string>(draftFields(this._draft));
    return (problem?.errors ?? []).filter(e => shown.has(e.field)).map(e => ({ field: e.field as DraftField, message: e.message ?? e.code }));
  }

  #onFile(file: IssuedFapiaoFile, fapiaoNumber: string, event: Event): void {
    const client = this.#client();
    // With a bearer token a plain link arrives unauthenticated: download through the client.
    if (!this.token || !client) return;
    event.preventDefault();
    this._fileError = undefined;
    client.download(file.url).then(
      blob => saveBlob(blob, `fapiao-${fapiaoNumber}.${file.format}`),
      async error => {
        const apiError = await toApiError(error);
        this._fileError = apiError;
        this.dispatchEvent(new FapiaoErrorEvent({ error: apiError, during: 'download' }));
      },
    );
  }

  #onRegister(event: Event, url: string | undefined): void {
    if (!this.dispatchEvent(new FapiaoRegisterEvent({ url }))) event.preventDefault();
  }

  #errorsFor(field: DraftField, check: DraftCheck, locale: Locale): string[] {
    const server = this.#serverFieldErrors().filter(e => e.field === field).map(e => e.message);
    if (!this._showAll && !this._touched.has(field)) return server;
    return [...check.errors.filter(e => e.field === field).map(e => explainDraftError(e, locale)), ...server];
  }

  #touch(field: DraftField): void {
    if (!this._touched.has(field)) this._touched = new Set([...this._touched, field]);
  }

  #input(field: DraftField, m: RequestMessages, check: DraftCheck, locale: Locale, options: {
    type?: string; required?: boolean; counter?: { used: number; max: number }; hint?: string; autocomplete?: string; multiline?: boolean; inputmode?: string;
  } = {}): TemplateResult {
    const errors = this.#errorsFor(field, check, locale);
    const describedBy = [options.hint ? `${field}-hint` : '', options.counter ? `${field}-count` : '', errors.length ? `${field}-error` : ''].filter(Boolean).join(' ');
    const onInput = (e: Event) => this.#edit(field, (e.target as HTMLInputElement).value);
    const invalid = errors.length > 0 ? 'true' : 'false';
    return html`<div class="field">
      <label for=${field}>${m.core.field[field]}${options.required ? nothing : html` <span class="muted">(${m.optional})</span>`}</label>
      ${options.multiline
        ? html`<textarea id=${field} name=${field} rows="2" .value=${live(this._draft[field] as string)} aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing} @input=${onInput} @blur=${() => this.#touch(field)}></textarea>`
        : html`<input id=${field} name=${field} type=${options.type ?? 'text'} .value=${live(this._draft[field] as string)} aria-invalid=${invalid}
            ?required=${options.required} autocomplete=${options.autocomplete ?? nothing} inputmode=${options.inputmode ?? nothing}
            aria-describedby=${describedBy || nothing} @input=${onInput} @blur=${() => this.#touch(field)} />`}
      ${options.hint ? html`<span id=${`${field}-hint`} class="hint">${options.hint}</span>` : nothing}
      ${options.counter
        ? html`<span id=${`${field}-count`} class="counter ${options.counter.used > options.counter.max ? 'over' : ''}">${m.bytes(options.counter.used, options.counter.max)}</span>`
        : nothing}
      ${errors.length ? html`<span id=${`${field}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
    </div>`;
  }

  #radios<K extends 'buyerKind' | 'fapiaoKind' | 'delivery'>(field: K, values: readonly FapiaoDraft[K][], m: RequestMessages, check: DraftCheck, locale: Locale): TemplateResult {
    const labels = field === 'buyerKind' ? m.core.buyerKind : field === 'fapiaoKind' ? m.core.fapiaoKind : m.core.delivery;
    const errors = this.#errorsFor(field, check, locale);
    return html`<fieldset class="choice" aria-describedby=${errors.length ? `${field}-error` : nothing}>
      <legend>${m.core.field[field]}</legend>
      ${values.map(v => {
        const disabled = field === 'fapiaoKind' && v === 'special' && this._draft.buyerKind === 'individual';
        return html`<label class="radio"><input type="radio" name=${field} value=${v} .checked=${live(this._draft[field] === v)} ?disabled=${disabled}
          @change=${() => this.#edit(field, v)} />${(labels as Record<string, string>)[v]}</label>`;
      })}
      ${errors.length ? html`<span id=${`${field}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
    </fieldset>`;
  }

  #renderForm(m: RequestMessages, locale: Locale): TemplateResult {
    const d = this._draft;
    const check = this.#check();
    const plan = this.#plan();
    const sending = this._submit.kind === 'sending';
    const special = d.fapiaoKind === 'special';
    const enterprise = d.buyerKind === 'enterprise';
    const visibleErrors = this._showAll ? check.errors.length : 0;
    return html`<form part="form" novalidate @submit=${(e: Event) => void this.#onSubmit(e)} aria-labelledby="form-title">
      <h2 id="form-title">${m.heading}</h2>
      <p>${m.forBills(this._bills.length, this._bills.map(b => b.number).join(', '))}</p>
      ${this._profiles.length
        ? html`<div class="field"><label for="profile">${m.profile}</label>
            <select id="profile" @change=${(e: Event) => this.#useProfile((e.target as HTMLSelectElement).value)}>
              <option value="">${m.profileNew}</option>
              ${this._profiles.map(p => html`<option value=${p.id}>${p.title}${p.taxId ? ` · ${p.taxId}` : ''}</option>`)}
            </select></div>`
        : nothing}
      <div class="row">
        ${this.#radios('buyerKind', ['enterprise', 'individual'], m, check, locale)}
        ${this.#radios('fapiaoKind', ['ordinary', 'special'], m, check, locale)}
      </div>
      ${this.#input('title', m, check, locale, { required: true, counter: { used: check.usage.title, max: DRAFT_LIMITS.titleBytes }, autocomplete: 'organization' })}
      ${this.#input('taxId', m, check, locale, { required: enterprise, hint: m.taxIdHint, autocomplete: 'off' })}
      ${check.taxIdWarning
        ? html`<div class="warning" role="status"><span>${m.checksumWarning(check.taxIdWarning.expectedCheck ?? '')}</span>
            <label class="radio"><input type="checkbox" name="acceptChecksumWarning" .checked=${live(d.acceptChecksumWarning)}
              @change=${(e: Event) => this.#edit('acceptChecksumWarning', (e.target as HTMLInputElement).checked)} />${m.core.taxIdOverride({})}</label></div>`
        : nothing}
      ${special
        ? html`${this.#input('address', m, check, locale, { required: true, autocomplete: 'street-address' })}
            ${this.#input('phone', m, check, locale, { required: true, type: 'tel', counter: { used: check.usage.addressPhone, max: DRAFT_LIMITS.addressPlusPhoneBytes }, autocomplete: 'tel' })}
            ${this.#input('bankName', m, check, locale, { required: true })}
            ${this.#input('bankAccount', m, check, locale, { required: true, inputmode: 'numeric', counter: { used: check.usage.bankAccount, max: DRAFT_LIMITS.bankPlusAccountBytes } })}`
        : nothing}
      ${this.#radios('delivery', ['electronic', 'paper'], m, check, locale)}
      ${d.delivery === 'electronic'
        ? this.#input('email', m, check, locale, { required: true, type: 'email', autocomplete: 'email' })
        : html`${this.#input('recipient', m, check, locale, { required: true, autocomplete: 'name' })}
            ${this.#input('recipientPhone', m, check, locale, { required: true, type: 'tel', autocomplete: 'tel' })}
            ${this.#input('postalAddress', m, check, locale, { required: true, multiline: true, autocomplete: 'street-address' })}`}
      ${this.#input('note', m, check, locale, { multiline: true, counter: { used: check.usage.note, max: DRAFT_LIMITS.noteBytes } })}
      <label class="radio save"><input type="checkbox" .checked=${live(this._saveProfile)} @change=${(e: Event) => this.#setDraft(this._draft, (e.target as HTMLInputElement).checked)} />${m.saveProfile}</label>
      ${plan ? renderPlan(plan, this._bills, m, locale) : nothing}
      ${this.#renderOutcome(m, locale, visibleErrors)}
      <div class="buttons">
        <button type="submit" class="action" part="submit" ?disabled=${sending || (plan !== undefined && plan.fapiaos.length === 0)} aria-busy=${sending ? 'true' : 'false'}>${sending ? m.submitting : m.submit}</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new FapiaoCancelledEvent({ invoiceIds: this.#ids() }))}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #renderOutcome(m: RequestMessages, locale: Locale, visibleErrors: number): TemplateResult | typeof nothing {
    const s = this._submit;
    if (s.kind === 'failed') {
      const e = s.error;
      const problem = e.problem as { reasons?: readonly { invoiceId: string; messages?: readonly string[] }[] } | undefined;
      const text = e.problem?.detail && e.kind === 'http' ? e.problem.detail : explainApiError(e, locale);
      const numbers = (id: string) => this._bills.find(b => b.id === id)?.number ?? id;
      return html`<div class="outcome error-box" role="alert" tabindex="-1">
        <p>${text}</p>
        ${problem?.reasons?.length ? html`<ul>${problem.reasons.map(r => html`<li>${numbers(r.invoiceId)}: ${(r.messages ?? []).join(' ')}</li>`)}</ul>` : nothing}
        ${e.retryable || e.kind === 'invalid-response' ? html`<p>${m.networkKept}</p>` : nothing}
      </div>`;
    }
    if (visibleErrors) return html`<p class="outcome error-box" role="alert">${m.fixErrors(visibleErrors)}</p>`;
    return nothing;
  }

  #renderAccountNotice(m: RequestMessages): TemplateResult | typeof nothing {
    const account = this._account;
    if (!account || account.state === 'registered') return nothing;
    if (account.state === 'pending-activation') return html`<p class="notice" part="notice" role="status">${m.pendingActivation}</p>`;
    const given = this.registrationUrl || account.registrationUrl;
    const url = given && isSafeHttpUrl(given) ? given : undefined;
    return html`<div class="notice" part="notice" role="status"><p>${m.unregistered}</p>
      <slot name="register">${url
        ? html`<a class="action-link" href=${url} target="_blank" rel="noopener" @click=${(e: Event) => this.#onRegister(e, url)}>${m.register}</a>`
        : html`<button class="action" @click=${(e: Event) => this.#onRegister(e, undefined)}>${m.register}</button>`}</slot></div>`;
  }

  #renderHistory(m: RequestMessages, locale: Locale): TemplateResult {
    // The numbers the server sent, else those of bills at hand, else the ids.
    const numbers = (r: FapiaoRequest) =>
      r.invoiceIds.map((id, i) => r.invoiceNumbers?.[i] ?? this._bills.find(b => b.id === id)?.number ?? id).join(', ');
    const requests = [...this._requests].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return html`<section part="history" aria-labelledby="history-title" class="history-section">
      <div class="history-head"><h2 id="history-title">${m.history}</h2>
        <button class="secondary" @click=${() => void this.refresh()}>${m.refresh}</button></div>
      ${this._fileError
        ? html`<p class="error-box" role="alert">${m.downloadFailed} ${explainApiError(this._fileError, locale)}</p>`
        : nothing}
      ${requests.length === 0
        ? html`<p>${m.noHistory}</p>`
        : html`<ul class="requests">${requests.map(r => renderRequest(r, numbers, (f, n, e) => this.#onFile(f, n, e), m, locale))}</ul>`}
    </section>`;
  }

  override render(): TemplateResult {
    const locale = this.#locale();
    const m = requestMessages(locale);
    const load = this._load;
    if (load.kind === 'no-source') return html`<p role="status">${m.noSource}</p>`;
    if (load.kind === 'loading') return html`<p role="status">${m.loading}</p>`;
    if (load.kind === 'error') {
      const e = load.error;
      return html`<div class="error" role="alert"><span>${explainApiError(e, locale)}</span>
        <button class="action" @click=${() => void this.reload()}>${m.retry}</button></div>`;
    }
    const registered = this._account?.state === 'registered';
    const done = this._submit.kind === 'done'
      ? html`<p class="outcome success" role="status" tabindex="-1">${m.submitted(this._submit.request.id)}</p>`
      : nothing;
    return html`${this.#renderAccountNotice(m)}${done}
      ${registered && this._submit.kind !== 'done' ? (this._bills.length ? this.#renderForm(m, locale) : html`<p>${m.noBills}</p>`) : nothing}
      ${this.hideHistory ? nothing : this.#renderHistory(m, locale)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fapiao-request': FapiaoRequestElement;
  }
}
