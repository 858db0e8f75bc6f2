import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ApiError } from '../../core/api-error.js';
import { explainApiError, type Locale } from '../../core/i18n/index.js';
import { explainRegistrationError } from '../../core/i18n/explain-registration.js';
import type { FapiaoAccount } from '../../core/model/fapiao.js';
import { isSafeHttpUrl } from '../../core/model/decode.js';
import {
  checkRegistration,
  REGISTRATION_LIMITS,
  type RegistrationField,
} from '../../core/rules/account-registration.js';
import { asApiError } from '../../core/api-error.js';
import type { BillingClient } from '../../client/billing-client.js';
import { FapiaoAccountChangeEvent, FapiaoAccountErrorEvent } from './events.js';
import { ClientSource } from '../internal/client-source.js';
import { formatChinaDateTime as formatDateTime } from '../../core/time/format-month.js';
import { LoadController, NO_SOURCE } from '../internal/load-controller.js';
import { LocaleController } from '../internal/locale-controller.js';
import { accountMessages } from '../locales/index.js';
import { fapiaoAccountStyles } from './fapiao-account.styles.js';
import type { AccountMessages } from './internal/messages.js';

const FIELDS: readonly RegistrationField[] = ['orderNumber', 'email'];

/**
 * Registers the customer's Fapiao account the way 21Vianet's process has it: the order number of one of their bills
 * and an e-mail address, an activation link by e-mail (valid 24 hours), "resend the activation e-mail" when it did
 * not arrive (at most once a minute), another address by registering again. Checks the fields as typed, keeps what
 * was typed when a call fails, sends once however often the button is pressed, and notices the activation done in
 * another tab when the customer comes back.
 *
 * @tag fapiao-account
 * @summary Registers and activates a Fapiao account; shows its state.
 * @attr api-base - Base URL of the fapiao-kit API (e.g. `/api/v1/`); ignored when `client` is set.
 * @attr token - Bearer token for `api-base`.
 * @attr email - An address to offer (e.g. the signed-in user's); the customer may change it.
 * @attr lang - zh-CN, en or nl (else the nearest `lang`, the page's, the browser's; followed when any of them changes).
 * @fires {FapiaoAccountChangeEvent} fapiao-account-change - The account changed: registered (waiting for activation), activated, or another address.
 * @fires {FapiaoAccountErrorEvent} fapiao-account-error - A call failed; the element shows the message itself.
 * @csspart form - The registration form.
 * @csspart status - The account's state: check your mail, or active.
 * @cssprop --fk-color-accent - Links and buttons (default #0b5cad).
 * @cssprop --fk-color-danger - Errors (default #b42318).
 * @cssprop --fk-radius - Corner radius (default 6px).
 */
export class FapiaoAccountElement extends LitElement {
  static override styles = fapiaoAccountStyles;
  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    token: { type: String },
    client: { attribute: false },
    email: { type: String },
    now: { attribute: false },
    lang: { type: String, reflect: true },
    _orderNumber: { state: true },
    _email: { state: true },
    _touched: { state: true },
    _showAll: { state: true },
    _sending: { state: true },
    _serverErrors: { state: true },
    _callError: { state: true },
    _changing: { state: true },
    _resent: { state: true },
  };

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient`; takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  declare email: string;
  /** The time the link's expiry and the resend wait are judged at (tests, previews); the current time when unset. */
  declare now: Date | undefined;
  declare _orderNumber: string;
  declare _email: string | undefined;
  declare _touched: ReadonlySet<RegistrationField>;
  declare _showAll: boolean;
  declare _sending: boolean;
  declare _serverErrors: Partial<Record<RegistrationField, string>>;
  declare _callError: ApiError | undefined;
  declare _changing: boolean;
  declare _resent: boolean;

  readonly #locale = new LocaleController(this, ['shared', 'account']);
  readonly #clients = new ClientSource(() => this.#locale.value);
  readonly #load = new LoadController<FapiaoAccount>(
    this,
    signal => this.#fetch(signal),
    error => this.dispatchEvent(new FapiaoAccountErrorEvent({ error, during: 'load' })),
  );
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onVisible = () => {
    // Back from the mail (activated in another tab): look again, quietly.
    if (document.visibilityState === 'visible' && this.#load.value?.state === 'pending-activation')
      void this.#recheck();
  };

  constructor() {
    super();
    this.apiBase = '';
    this.token = '';
    this.email = '';
    this._orderNumber = '';
    this._touched = new Set();
    this._showAll = false;
    this._sending = false;
    this._serverErrors = {};
    this._changing = false;
    this._resent = false;
  }

  /** Settles when the current load has (the account's state, or the error, is shown). */
  get loadComplete(): Promise<void> {
    return this.#load.loadComplete;
  }

  /** The account as last loaded. */
  get account(): FapiaoAccount | undefined {
    return this.#load.value;
  }

  /** Loads the account again. */
  reload(): Promise<void> {
    return this.#load.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#timer);
  }

  /** Also waits for the words of the element's language, fetched before its first render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#locale.settled;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((['apiBase', 'token', 'client'] as const).some(k => changed.has(k))) void this.reload();
  }

  protected override updated(): void {
    // Re-render when the resend button becomes available again.
    clearTimeout(this.#timer);
    const next = this.#load.value?.nextEmailAt;
    const wait = next ? Date.parse(next) - this.#now() : 0;
    if (wait > 0) this.#timer = setTimeout(() => this.requestUpdate(), Math.min(wait + 50, 2_147_000_000));
  }

  #now(): number {
    return this.now?.getTime() ?? Date.now();
  }

  #client(): BillingClient | undefined {
    return this.#clients.get(this.client, this.apiBase, this.token);
  }

  #fetch(signal: AbortSignal): typeof NO_SOURCE | Promise<FapiaoAccount> {
    const client = this.#client();
    return client ? client.getFapiaoAccount({ signal }) : NO_SOURCE;
  }

  async #recheck(): Promise<void> {
    const before = this.#load.value;
    await this.reload();
    const after = this.#load.value;
    if (after && before && after.state !== before.state)
      this.dispatchEvent(new FapiaoAccountChangeEvent({ account: after }));
  }

  /** The address shown in the form: what the customer typed, else the pending one, else the host's offer. */
  #typedEmail(): string {
    return this._email ?? (this.#load.value?.email || this.email);
  }

  #errorsOf(locale: Locale): Partial<Record<RegistrationField, string>> {
    const check = checkRegistration({ orderNumber: this._orderNumber, email: this.#typedEmail() });
    const shown: Partial<Record<RegistrationField, string>> = {};
    for (const e of check.errors)
      if ((this._showAll || this._touched.has(e.field)) && !shown[e.field])
        shown[e.field] = explainRegistrationError(e, locale);
    return { ...shown, ...this._serverErrors };
  }

  #onInput(field: RegistrationField, value: string): void {
    if (field === 'orderNumber') this._orderNumber = value;
    else this._email = value;
    if (this._serverErrors[field]) this._serverErrors = { ...this._serverErrors, [field]: undefined };
    this._callError = undefined;
  }

  #touch(field: RegistrationField): void {
    if (!this._touched.has(field)) this._touched = new Set([...this._touched, field]);
  }

  async #register(event: Event): Promise<void> {
    event.preventDefault();
    if (this._sending) return; // a second click while the first is on its way sends nothing
    const client = this.#client();
    const check = checkRegistration({ orderNumber: this._orderNumber, email: this.#typedEmail() });
    this._showAll = true;
    if (!check.ok) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (!client?.registerFapiaoAccount) return;
    this._sending = true;
    this._callError = undefined;
    try {
      const account = await client.registerFapiaoAccount(check.value);
      this.#accept(account);
      this._changing = false;
      this._resent = false;
    } catch (error) {
      this.#fail(asApiError(error), 'register');
    } finally {
      this._sending = false;
    }
  }

  async #resend(): Promise<void> {
    const client = this.#client();
    if (this._sending || !client?.resendActivationEmail) return;
    this._sending = true;
    this._callError = undefined;
    try {
      this.#accept(await client.resendActivationEmail());
      this._resent = true;
    } catch (error) {
      this.#fail(asApiError(error), 'resend');
    } finally {
      this._sending = false;
    }
  }

  #accept(account: FapiaoAccount): void {
    this.#load.value = account;
    this.requestUpdate();
    this.dispatchEvent(new FapiaoAccountChangeEvent({ account }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="status"]')?.focus());
  }

  /** Field problems go under their fields (in the server's words, the request's language); the rest above the button. */
  #fail(apiError: ApiError, during: 'register' | 'resend'): void {
    const fields = (apiError.problem?.errors ?? []).filter(e => (FIELDS as readonly string[]).includes(e.field));
    const byField: Partial<Record<RegistrationField, string>> = {};
    for (const e of fields) byField[e.field as RegistrationField] ??= e.message ?? e.code;
    if (during === 'register' && fields.length && apiError.status === 422) this._serverErrors = byField;
    else this._callError = apiError;
    this.dispatchEvent(new FapiaoAccountErrorEvent({ error: apiError, during }));
    // Told when the next e-mail may go: the account knows it now.
    if (apiError.kind === 'rate-limited') void this.#recheck();
  }

  #renderField(
    field: RegistrationField,
    m: AccountMessages,
    errors: Partial<Record<RegistrationField, string>>,
    value: string,
  ): TemplateResult {
    const id = `fk-account-${field}`;
    const error = errors[field];
    const hint = field === 'orderNumber' ? m.orderNumberHint : m.emailHint;
    return html`<div class="field">
      <label for=${id}>${m.core.registrationField[field]}</label>
      <input
        id=${id}
        name=${field}
        type=${field === 'email' ? 'email' : 'text'}
        autocomplete=${field === 'email' ? 'email' : 'off'}
        spellcheck="false"
        maxlength=${field === 'email' ? REGISTRATION_LIMITS.emailChars + 20 : REGISTRATION_LIMITS.orderNumberChars + 20}
        .value=${live(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${`${id}-hint${error ? ` ${id}-error` : ''}`}
        @input=${(e: Event) => this.#onInput(field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.#touch(field)}
      />
      <span class="hint" id=${`${id}-hint`}>${hint}</span>
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #renderForm(m: AccountMessages, locale: Locale, client: BillingClient): TemplateResult {
    if (!client.registerFapiaoAccount) {
      const url = this.#load.value?.registrationUrl;
      return html`<p>${m.elsewhere}</p>
        ${
          url && isSafeHttpUrl(url)
            ? html`<a class="action-link" href=${url} target="_blank" rel="noopener">${m.registerElsewhere}</a>`
            : nothing
        }`;
    }
    const errors = this.#errorsOf(locale);
    const count = Object.values(errors).filter(Boolean).length;
    const pending = this.#load.value?.state === 'pending-activation';
    return html`<form part="form" novalidate @submit=${(e: Event) => void this.#register(e)} aria-busy=${this._sending}>
      <p>${m.intro}</p>
      ${this.#renderField('orderNumber', m, errors, this._orderNumber)}
      ${this.#renderField('email', m, errors, this.#typedEmail())}
      ${this._showAll && count ? html`<p class="error-box" role="alert">${m.fixErrors(count)}</p>` : nothing}
      ${this.#renderCallError(m, locale)}
      <div class="buttons">
        <button class="action primary" type="submit" ?disabled=${this._sending} aria-disabled=${this._sending}>
          ${this._sending ? m.sending : m.register}
        </button>
        ${
          pending
            ? html`<button class="action" type="button" @click=${() => (this._changing = false)}>
                ${m.keepEmail}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #renderCallError(m: AccountMessages, locale: Locale): TemplateResult | typeof nothing {
    const e = this._callError;
    if (!e) return nothing;
    const text = e.problem?.detail && e.status && e.status < 500 ? e.problem.detail : explainApiError(e, locale);
    return html`<p class="error-box" role="alert">${text}</p>`;
  }

  #renderPending(account: FapiaoAccount, m: AccountMessages, locale: Locale, client: BillingClient): TemplateResult {
    const now = this.#now();
    const next = account.nextEmailAt && Date.parse(account.nextEmailAt) > now ? account.nextEmailAt : undefined;
    const email = account.email ?? '';
    const expires = account.activationExpiresAt;
    const expired = expires !== undefined && Date.parse(expires) <= now;
    return html`<div class="status" part="status" tabindex="-1" role="status">
        <p>${expired ? m.expired(email) : this._resent ? m.resent(email) : m.checkMail(email)}</p>
        ${expires && !expired ? html`<p class="muted">${m.validUntil(formatDateTime(expires, locale))}</p>` : nothing}
      </div>
      ${this.#renderCallError(m, locale)}
      <div class="buttons">
        ${
          client.resendActivationEmail
            ? html`<button
                class="action"
                type="button"
                ?disabled=${this._sending || next !== undefined}
                aria-describedby=${next ? 'fk-account-next' : nothing}
                @click=${() => void this.#resend()}
              >
                ${this._sending ? m.sending : m.resend}
              </button>`
            : nothing
        }
        <button class="action" type="button" @click=${() => (this._changing = true)}>${m.changeEmail}</button>
      </div>
      ${next ? html`<p class="muted" id="fk-account-next">${m.resendFrom(formatDateTime(next, locale))}</p>` : nothing}`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.#locale.ready) return nothing;
    const locale = this.#locale.value;
    const m = accountMessages(locale);
    const { status, error, value: account } = this.#load;
    const client = this.#client();
    let body: TemplateResult;
    if (status === 'no-source' || !client) body = html`<p class="no-source" role="status">${m.noSource}</p>`;
    else if (status === 'error' && error)
      body = html`<div class="error error-box" role="alert">
        <p>${explainApiError(error, locale)}</p>
        <button class="action" type="button" @click=${() => void this.reload()}>${m.retry}</button>
      </div>`;
    else if (!account) body = html`<p class="loading" role="status" aria-busy="true">${m.loading}</p>`;
    else if (account.state === 'registered')
      body = html`<p class="status active" part="status" tabindex="-1" role="status">
        ${account.email ? m.active(account.email) : m.activeNoEmail}
      </p>`;
    else if (account.state === 'pending-activation' && !this._changing)
      body = this.#renderPending(account, m, locale, client);
    else body = this.#renderForm(m, locale, client);
    return html`<section aria-labelledby="fk-account-heading">
      <h2 id="fk-account-heading">${m.heading}</h2>
      ${body}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fapiao-account': FapiaoAccountElement;
  }
}
