import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DRAFT_LIMITS, draftFields, offeredDeliveryKinds, type DraftField } from '../../core/draft/fapiao-draft.js';
import {
  COURIERS,
  DEFAULT_DELIVERY_OPTIONS,
  DEFAULT_DRAFT_POLICY,
  DELIVERY_KINDS,
  OPEN_REQUEST_STATUSES,
  type BuyerProfile,
  type ShippingAddress,
  type FapiaoAccount,
  type FapiaoRequest,
  type IssuedFapiaoFile,
} from '../../core/model/fapiao.js';
import { explainApiError, type Locale } from '../../core/i18n/index.js';
import { explainNotice } from '../../core/i18n/explain-request.js';
import { isSafeHttpUrl } from '../../core/model/decode.js';
import { chinaDateOf } from '../../core/time/china-time.js';
import { draftFromRequest, prefillDraft } from '../../core/draft/prefill.js';
import { planFapiao, type PlanPreview } from '../../core/rules/plan-fapiao.js';
import { monthPeriod, previousChinaMonth } from '../../core/rules/tax-period.js';
import type { FapiaoBalance } from '../../core/rules/fapiao-balance.js';
import type { ReissuePolicy } from '../../core/rules/reissue.js';
import type { ApiError } from '../../core/api-error.js';
import type { Invoice } from '../../core/model/invoice.js';
import { asApiError } from '../../core/api-error.js';
import type { BillingClient } from '../../client/billing-client.js';
import {
  FapiaoCancelledEvent,
  FapiaoErrorEvent,
  FapiaoRegisterEvent,
  FapiaoRequestsChangeEvent,
  FapiaoSubmittedEvent,
} from './events.js';
import { ClientSource } from '../internal/client-source.js';
import { fetchDocument } from '../internal/downloads.js';
import { HostInvoices } from '../internal/host-invoices.js';
import { aside, formatAmount, listOf } from '../internal/format.js';
import { toFen } from '../../core/money/fen.js';
import { LoadController, NO_SOURCE } from '../internal/load-controller.js';
import { LocaleController } from '../internal/locale-controller.js';
import { requestMessages } from '../locales/index.js';
import { fapiaoRequestStyles } from './fapiao-request.styles.js';
import { DraftController } from './internal/draft-controller.js';
import { ResendEmailController } from './internal/resend-email.js';
import { ReissueController } from './internal/reissue-form.js';
import { WithdrawController } from './internal/withdraw.js';
import { AddressBookController } from './internal/address-book.js';
import { VerifyController } from './internal/verify.js';
import { renderBuyerFields, renderChoice, renderTextField, type FieldContext } from './internal/form-fields.js';
import type { RequestMessages } from './internal/messages.js';
import { renderPlanPreview } from './internal/plan-preview.js';
import { renderTimeline } from './internal/timeline.js';
import { DEFAULT_ISSUE_WORKING_DAYS, fapiaoTimeline } from '../../core/rules/fapiao-timeline.js';
import { deliveryLine, renderRequestHistory } from './internal/request-history.js';
import { SubmitController } from './internal/submit-controller.js';
import { AmountRequestController, amountTargets } from './internal/amount-request.js';

/**
 * `<bill-list>`'s details show a bill's Fapiao timeline from this module's chunk, which a page loads after its first
 * render anyway (`fapiao-kit/define`). @internal
 */
export { renderBillTimeline } from '../internal/bill-timeline.js';

/** What the form works with besides the draft, loaded together and refreshed in parts. */
interface RequestData {
  readonly account: FapiaoAccount;
  readonly profiles: readonly BuyerProfile[];
  /** The address book for paper Fapiao (empty when the client keeps none). */
  readonly addresses: readonly ShippingAddress[];
  /** The Fapiao balance per seller and currency (empty when the client has none, or it could not be read). */
  readonly balances: readonly FapiaoBalance[];
  readonly requests: readonly FapiaoRequest[];
  readonly bills: readonly Invoice[];
}

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
 * @attr name - Form field name when the element sits in a `<form>` (its value is the request as JSON: `invoiceIds` or
 *   `amount`, as `createFapiaoRequest` takes them, with `draft` and `saveProfile`; invalid while the request cannot go).
 * @attr registration-url - The host's own registration page: a link (and the cancelable `fapiao-register`) instead of registering in place. Without it, a client that offers `registerFapiaoAccount` (the reference client does) gets a `<fapiao-account>` in place; otherwise the API's link.
 * @attr poll-seconds - While a request is submitted or processing, refresh the list this often (default 20; 0 = never).
 * @attr hide-history - Show the form only.
 * @attr lang - zh-CN, en or nl (else the nearest `lang`, the page's, the browser's; followed when any of them changes).
 * @fires {FapiaoSubmittedEvent} fapiao-submitted - A request was created (or the server replayed the one this draft created).
 * @fires {FapiaoCancelledEvent} fapiao-cancelled - The user pressed Cancel; the draft stays in session storage.
 * @fires {FapiaoErrorEvent} fapiao-error - Loading, submitting, a download, sending the e-mail again, asking for a reissue or withdrawing failed; the element shows the message itself.
 * @fires {FapiaoRequestsChangeEvent} fapiao-requests-change - A refresh or poll found requests that changed state (issued, rejected…); a `<bill-list>` on the page should `reload()`.
 * @fires {FapiaoRegisterEvent} fapiao-register - The user chose to register a Fapiao account; cancel it to run your own flow.
 * @slot register - Replaces what a customer without a working Fapiao account is offered (the `<fapiao-account>` or the registration link).
 * @csspart form - The request form.
 * @csspart preview - The preview of the Fapiao to be issued.
 * @csspart submit - The submit button.
 * @csspart history - The list of requests.
 * @csspart request - One request in the list.
 * @csspart tracking - A mailed Fapiao's courier and tracking number.
 * @csspart default-profile - "Start from these details next time" beside a chosen saved profile (when the client offers `setDefaultBuyerProfile`; the reference client does).
 * @csspart default-address - "Fill in this address next time" beside a chosen saved address (when the client offers `setDefaultShippingAddress`; the reference client does).
 * @csspart save-address - "Keep this address in my address book" under a paper Fapiao's address (when the client keeps one; on by default while the book is empty).
 * @csspart verify - 查验 beside each issued Fapiao: what its 20-digit number says, the fields the national verification platform asks for with copy buttons, and the platform's link.
 * @csspart period-archive - "For your accountant: one month": a month (the last one closed, by default) and the ZIP of its Fapiao, bills and bill ⇄ payment ⇄ Fapiao table (when the client offers `fapiaoPeriodArchiveUrl`; the reference client does).
 * @csspart natural-person - The natural-person box (自然人) shown for an individual buyer: their own tax ID is then asked.
 * @csspart balance - The Fapiao balance above the history: invoiceable now and after the waiting days, invoiced, and 欠票 after refunds, per seller and currency (when the client offers `getFapiaoBalance`; the reference client does).
 * @csspart by-amount - "Request an amount" shown when no bills are chosen, one per seller and currency with something to invoice now (when the client offers `previewFapiaoPlan` and `getFapiaoBalance`; the reference client does): the form then asks for an amount, and the server's preview shows the bills it takes, oldest payment first, the last in part.
 * @csspart timeline - When the Fapiao comes: in the form (a request made today) and on each open or issued request, the issue day (or the day expected from the seller's working days over China's holidays and 调休) and that month's VAT filing deadline.
 * @csspart withdraw - "Withdraw" on a request the seller has not started issuing (when the client offers `withdrawFapiaoRequest`; the reference client does).
 * @csspart reissue - "Ask for a reissue" (换开) on an issued request (when the client offers `requestReissue`; the reference client does).
 * @csspart reissue-form - The reissue form: what is wrong, the corrected buyer, a note.
 * @csspart reissue-progress - A reissue's steps (paper sent back, red-letter confirmation form, red-letter Fapiao, new Fapiao).
 * @csspart resend - "Send the e-mail again" on an issued request (when the client offers `resendFapiaoEmail`; the reference client does).
 * @csspart pickup-point - The branch where a paper Fapiao can be collected, shown when pick-up is chosen.
 * @csspart notice - Account notices (not registered, being activated).
 * @csspart service-notice - The operator's notices shown before the form (a Fapiao stock shortage, with the day issuing resumes).
 * @cssprop --fk-color-accent - Links and buttons (default #0b5cad).
 * @cssprop --fk-color-on-accent - Text on accent buttons (default #fff).
 * @cssprop --fk-color-text - Text (default #1f2328).
 * @cssprop --fk-color-muted - Secondary text (default #57606a).
 * @cssprop --fk-color-border - Rules and inputs (default #d0d7de).
 * @cssprop --fk-color-surface - Inputs and panels (default #fff).
 * @cssprop --fk-color-success - Issued (default #1a7f37).
 * @cssprop --fk-color-danger - Errors and rejections (default #b42318).
 * @cssprop --fk-color-warning - The tax-ID checksum warning (default #9a6700).
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
    _fileError: { state: true },
    _profileError: { state: true },
    _chosenProfile: { state: true },
    _monthInvalid: { state: true },
  };

  readonly #internals = this.attachInternals();
  readonly #locale = new LocaleController(this, ['shared', 'request']);
  readonly #clients = new ClientSource(() => this.#locale.value);
  readonly #hostInvoices = new HostInvoices('fapiao-request');
  readonly #load = new LoadController<RequestData>(
    this,
    signal => this.#fetch(signal),
    error => this.dispatchEvent(new FapiaoErrorEvent({ error, during: 'load' })),
  );
  readonly #draft = new DraftController(this);
  readonly #submit = new SubmitController(this);
  readonly #resend = new ResendEmailController(this);
  readonly #reissue = new ReissueController(this);
  readonly #withdraw = new WithdrawController(this);
  readonly #addressBook = new AddressBookController(this);
  readonly #verify = new VerifyController(this);
  readonly #amount = new AmountRequestController(this);
  #poll: ReturnType<typeof setTimeout> | undefined;
  #polledFor: RequestData | undefined;
  #prefilledFor: RequestData | undefined;

  declare apiBase: string;
  declare token: string;
  /** A `BillingClient`; takes precedence over `api-base`. */
  declare client: BillingClient | undefined;
  /**
   * The bills to request for (e.g. `event.detail.invoices` of `<bill-list>`'s `fapiao-request`). Checked like API data:
   * malformed entries are left out.
   */
  declare invoices: readonly unknown[] | undefined;
  declare invoiceIds: string;
  declare draftKey: string;
  declare name: string;
  declare registrationUrl: string;
  declare pollSeconds: number;
  declare hideHistory: boolean;
  /** The time the rules use (tests, previews); the current time when unset. */
  declare now: Date | undefined;
  /** An issued file that could not be downloaded: said in the history, which stays. */
  declare _fileError: ApiError | undefined;
  /** Making a profile the default failed: said under the profile choice. */
  declare _profileError: ApiError | undefined;
  /** The saved profile the customer picked in this form (for "start from these details next time"). */
  declare _chosenProfile: string | undefined;
  /** The month typed for the accountant's bundle was not one (said under it). */
  declare _monthInvalid: boolean;

  constructor() {
    super();
    this.apiBase = '';
    this.token = '';
    this.invoiceIds = '';
    this.draftKey = 'default';
    this.name = '';
    this.registrationUrl = '';
    this.pollSeconds = 20;
    this.hideHistory = false;
    this._monthInvalid = false;
  }

  /** Settles when the current load has (the form is shown, or the error is). */
  get loadComplete(): Promise<void> {
    return this.#load.loadComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM (disconnect aborted a load or the polling): start again.
    if (this.hasUpdated) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#poll);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#draft.open(this.draftKey);
    const source = (['apiBase', 'token', 'client'] as const).some(k => changed.has(k));
    const bills = changed.has('invoices') || changed.has('invoiceIds');
    if (source || (bills && this.#load.status !== 'ready')) void this.reload();
    else if (bills) {
      // Other bills chosen (e.g. the next "Get Fapiao" in the list): keep account, profiles and history; no flash of "loading".
      this.#submit.reset();
      this.#amount.close();
      if (this.invoices) this.#patch({ bills: this.#hostInvoices.validate(this.invoices).valid });
      else void this.reload();
    }
    // A returning customer finds the details they used last, as long as they have not typed anything.
    const data = this.#load.value;
    if (data && data !== this.#prefilledFor) {
      this.#prefilledFor = data;
      if (this.#draft.pristine) {
        const { profiles, requests, addresses } = data;
        const prefill = prefillDraft({ profiles, requests, addresses, accountEmail: data.account.email });
        this.#draft.prefill(prefill);
        this.#addressBook.reset(prefill.addressId);
      }
    }
  }

  protected override updated(): void {
    if (this.#locale.ready) {
      const locale = this.#locale.value;
      const byAmount = this.#amount.target ? this.#amount.check(locale) : undefined;
      if (!byAmount) this.#draft.syncForm(this.#internals, { invoiceIds: this.#ids() }, locale);
      else if (byAmount.ok) this.#draft.syncForm(this.#internals, { amount: byAmount.amount }, locale);
      else this.#draft.syncForm(this.#internals, { amount: undefined }, locale, byAmount.message);
    }
    const data = this.#load.value;
    if (data !== this.#polledFor) {
      this.#polledFor = data;
      this.#schedulePoll();
    }
  }

  /** Called by a host form's reset: back to an empty draft. */
  formResetCallback(): void {
    this.#draft.reset();
    this.#addressBook.reset();
  }

  /** Loads the account, profiles, requests and (for `invoice-ids`) the bills. */
  reload(): Promise<void> {
    return this.#load.run();
  }

  /**
   * Fetches the account and the request list again: the progress of submitted requests, and an account registered
   * or activated meanwhile (the form appears). Each part fails alone and keeps what it had; the next poll or refresh
   * tries again.
   */
  async refresh(): Promise<void> {
    const client = this.#client();
    const before = this.#load.value;
    if (!client || !before) return;
    const [account, requests, balances] = await Promise.allSettled([
      client.getFapiaoAccount(),
      client.listFapiaoRequests(),
      client.getFapiaoBalance?.() ?? Promise.resolve(before.balances),
    ]);
    const part: { -readonly [K in keyof RequestData]?: RequestData[K] } = {};
    if (account.status === 'fulfilled') part.account = account.value;
    if (requests.status === 'fulfilled') part.requests = requests.value;
    if (balances.status === 'fulfilled') part.balances = balances.value;
    this.#patch(part);
    if (requests.status === 'fulfilled' && stateKey(requests.value) !== stateKey(before.requests)) {
      this.dispatchEvent(new FapiaoRequestsChangeEvent({ requests: requests.value }));
    }
    this.#schedulePoll();
  }

  #fetch(signal: AbortSignal): typeof NO_SOURCE | Promise<RequestData> {
    const client = this.#client();
    if (!client) return NO_SOURCE;
    const ids = this.#ids();
    return (async () => {
      const [account, profiles, addresses, balances, requests, bills] = await Promise.all([
        client.getFapiaoAccount({ signal }),
        client.listBuyerProfiles({ signal }),
        client.listShippingAddresses?.({ signal }) ?? [],
        // A balance that cannot be read costs the form nothing: it is shown when it is there.
        client.getFapiaoBalance?.({ signal }).catch(() => []) ?? [],
        client.listFapiaoRequests({ signal }),
        this.invoices
          ? Promise.resolve(this.#hostInvoices.validate(this.invoices).valid)
          : Promise.all(ids.map(id => client.getInvoice(id, { signal }))),
      ]);
      return { account, profiles, addresses, balances, requests, bills };
    })();
  }

  /** Replaces part of the loaded data (a refresh of the requests, other bills) without loading the rest again. */
  #patch(part: Partial<RequestData>): void {
    if (!this.#load.value) return;
    this.#load.value = { ...this.#load.value, ...part };
    this.requestUpdate();
  }

  /** The ids of the bills this request is for. */
  #ids(): string[] {
    if (this.invoices) return this.#hostInvoices.validate(this.invoices).valid.map(i => i.id);
    return this.invoiceIds.split(/[\s,]+/).filter(Boolean);
  }

  #client(): BillingClient | undefined {
    return this.#clients.get(this.client, this.apiBase, this.token);
  }

  #schedulePoll(): void {
    clearTimeout(this.#poll);
    const requests = this.#load.value?.requests ?? [];
    if (this.pollSeconds > 0 && this.isConnected && requests.some(r => OPEN_REQUEST_STATUSES.includes(r.status))) {
      this.#poll = setTimeout(() => void this.refresh(), this.pollSeconds * 1000);
    }
  }

  #plan(data: RequestData): PlanPreview | undefined {
    if (this.#amount.target) return this.#amount.preview.kind === 'ready' ? this.#amount.preview.plan : undefined;
    if (data.bills.length === 0) return undefined;
    const d = this.#draft.draft;
    return planFapiao(
      data.bills,
      { buyerKind: d.buyerKind, title: d.title.trim() },
      {
        fapiaoKind: d.fapiaoKind,
        eligibility: { now: this.now ?? new Date(), account: data.account, requests: data.requests },
      },
    );
  }

  #onEdit: FieldContext['onEdit'] = (field, value) => {
    this.#draft.edit(field, value);
    this.#submit.clearDone();
  };

  /**
   * A rejected request, corrected: its details back in the form (to fix what the back office refused) and its bills
   * chosen again (the rejection freed them); the form comes into view with its first field focused.
   */
  async #requestAgain(request: FapiaoRequest): Promise<void> {
    this.#draft.restart(draftFromRequest(request));
    this.#submit.reset();
    this.invoices = undefined;
    this.invoiceIds = request.invoiceIds.join(' ');
    await this.updateComplete;
    await this.loadComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('form input, form select');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }

  #onProfile(id: string): void {
    const profile = this.#load.value?.profiles.find(p => p.id === id);
    this._chosenProfile = profile?.id;
    if (profile) this.#draft.useProfile(profile);
  }

  /** Makes the chosen profile the customer's default title (the form starts from it next time). */
  async #makeDefault(id: string): Promise<void> {
    const client = this.#client();
    if (!client?.setDefaultBuyerProfile) return;
    this._profileError = undefined;
    try {
      this.#patch({ profiles: await client.setDefaultBuyerProfile(id) });
    } catch (error) {
      this._profileError = asApiError(error);
      this.dispatchEvent(new FapiaoErrorEvent({ error: this._profileError, during: 'default-profile' }));
    }
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#submit.sending) return; // a double click, or Enter pressed twice: one request only
    this.#draft.showAllErrors();
    const byAmount = this.#amount.target ? this.#amount.check(this.#locale.value) : undefined;
    if (this.#amount.target) {
      this.#amount.touched = true;
      this.requestUpdate();
    }
    if (!this.#draft.check.ok || (this.#amount.target && !byAmount?.ok)) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], #amount:invalid')?.focus();
      return;
    }
    const client = this.#client();
    if (!client) return;
    const amount = byAmount?.ok ? byAmount.amount : undefined;
    const ids = this.#ids();
    const { draft, saveProfile } = this.#draft;
    const book = this.#load.value?.addresses ?? [];
    const saveAddress = draft.delivery === 'paper' && this.#keepsAddresses() && this.#addressBook.saveFor(book);
    // Kept before sending: if the page reloads mid-flight, the same key goes out again and the server replays.
    const idempotencyKey = this.#draft.idempotencyKey(
      amount ? ['amount', amount.sellerId, amount.currency, String(amount.gross)] : ids,
    );
    // The body the key was fingerprinted from; the server hashes it with sorted keys, so field order cannot matter.
    const outcome = await this.#submit.submit(() =>
      client.createFapiaoRequest(
        { ...(amount ? { amount } : { invoiceIds: ids }), draft, saveProfile, ...(saveAddress ? { saveAddress } : {}) },
        { idempotencyKey },
      ),
    );
    if (!outcome) return;
    if (outcome.kind === 'done') {
      const request = outcome.request;
      this.#draft.reset();
      this.#amount.close();
      this.#patch({ requests: [request, ...(this.#load.value?.requests ?? []).filter(r => r.id !== request.id)] });
      this.dispatchEvent(new FapiaoSubmittedEvent({ request }));
      void client.listBuyerProfiles().then(
        profiles => this.#patch({ profiles }),
        () => {},
      );
      this.#addressBook.reset();
      // Its bills are taken now: the balance changes.
      void client.getFapiaoBalance?.().then(
        balances => this.#patch({ balances }),
        () => {},
      );
      if (saveAddress)
        void client.listShippingAddresses?.().then(
          addresses => this.#patch({ addresses }),
          () => {},
        );
    } else if (outcome.kind === 'failed') {
      this.dispatchEvent(new FapiaoErrorEvent({ error: outcome.error, during: 'submit' }));
    }
    await this.updateComplete;
    const fieldError = this.#submit.serverFieldErrors(draftFields(this.#draft.draft))[0];
    const target = fieldError ? `[name="${fieldError.field}"]` : '.outcome';
    // The confirmation (or the error) takes the focus and comes into view: the form it replaced may have been long.
    const shown = this.renderRoot.querySelector<HTMLElement>(target);
    shown?.focus({ preventScroll: true });
    shown?.scrollIntoView({ block: 'nearest' });
  }

  /** Puts a request the server answered with in place of its old self in the history; returns the new list. */
  #replaceRequest(updated: FapiaoRequest): readonly FapiaoRequest[] {
    const requests = (this.#load.value?.requests ?? []).map(r => (r.id === updated.id ? updated : r));
    this.#patch({ requests });
    return requests;
  }

  /** Withdraws a request; the bills page hears of it (its bills can be requested again). */
  async #withdrawRequest(request: FapiaoRequest): Promise<void> {
    const client = this.#client();
    if (!client?.withdrawFapiaoRequest) return;
    await this.#withdraw.confirm(
      request,
      () => client.withdrawFapiaoRequest!(request.id),
      withdrawn => this.dispatchEvent(new FapiaoRequestsChangeEvent({ requests: this.#replaceRequest(withdrawn) })),
    );
    const error = this.#withdraw.error;
    if (error?.id === request.id) this.dispatchEvent(new FapiaoErrorEvent({ error: error.error, during: 'withdraw' }));
    await this.updateComplete;
    // The buttons are gone: the request itself takes the focus, its new status read out with it.
    this.renderRoot.querySelector<HTMLElement>(`[part="request"][data-id="${request.id}"]`)?.focus();
  }

  /** Asks for a reissue; the updated request (its reissue steps) replaces the one in the history and takes the focus. */
  async #requestReissue(request: FapiaoRequest, policy: ReissuePolicy): Promise<void> {
    const client = this.#client();
    if (!client?.requestReissue) return;
    const done = await this.#reissue.submit(
      request,
      (this.now ?? new Date()).getTime(),
      policy,
      submission => client.requestReissue!(request.id, submission),
      updated => void this.#replaceRequest(updated),
    );
    const problem = this.#reissue.state?.problem;
    if (problem && typeof problem === 'object' && 'kind' in problem)
      this.dispatchEvent(new FapiaoErrorEvent({ error: problem, during: 'reissue' }));
    await this.updateComplete;
    const target = done
      ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${request.id}"] [part="reissue-progress"]`)
      : this.renderRoot.querySelector<HTMLElement>(
          `[data-id="${request.id}"] [aria-invalid="true"], [data-id="${request.id}"] .reissue-form [role="alert"]`,
        );
    target?.focus();
  }

  /** Sends a request's e-Fapiao again; the updated request (its e-mails) replaces the one in the history. */
  async #resendEmail(request: FapiaoRequest): Promise<void> {
    const client = this.#client();
    if (!client?.resendFapiaoEmail) return;
    await this.#resend.send(
      request,
      (this.now ?? new Date()).getTime(),
      to => client.resendFapiaoEmail!(request.id, { to }),
      updated => void this.#replaceRequest(updated),
    );
    if (this.#resend.state?.problem && 'kind' in this.#resend.state.problem)
      this.dispatchEvent(new FapiaoErrorEvent({ error: this.#resend.state.problem, during: 'resend-email' }));
  }

  #onFile(file: IssuedFapiaoFile, fapiaoNumber: string, event: Event): void {
    const client = this.#client();
    // With a bearer token a plain link arrives unauthenticated: download through the client.
    if (!this.token || !client) return;
    event.preventDefault();
    this.#download(client, file.url, `fapiao-${fapiaoNumber}.${file.format}`);
  }

  /** Saves a file through the client; a failure is said above the history, which stays, and fired. */
  #download(client: BillingClient, url: string, filename: string): void {
    this._fileError = undefined;
    fetchDocument(client, url, 'download', filename).catch(async error => {
      this._fileError = asApiError(error);
      this.dispatchEvent(new FapiaoErrorEvent({ error: this._fileError, during: 'download' }));
    });
  }

  /** Every issued Fapiao of these requests in one ZIP, downloaded with the client's credentials. */
  #onArchive(requests: readonly FapiaoRequest[]): void {
    const client = this.#client();
    const url = client?.fapiaoArchiveUrl?.(requests.map(r => r.id));
    if (client && url) this.#download(client, url, `fapiao-${chinaDateOf(new Date())}.zip`);
  }

  /** The accountant's bundle of one month (China days), downloaded with the client's credentials. */
  #onPeriodArchive(month: string): void {
    const client = this.#client();
    const period = monthPeriod(month);
    this._monthInvalid = !period;
    const url = period && client?.fapiaoPeriodArchiveUrl?.(period);
    if (client && url) this.#download(client, url, `fapiao-${month}.zip`);
  }

  #onRegister(event: Event, url: string | undefined): void {
    if (!this.dispatchEvent(new FapiaoRegisterEvent({ url }))) event.preventDefault();
  }

  #fieldContext(m: RequestMessages, locale: Locale): FieldContext {
    const server = this.#submit.serverFieldErrors(draftFields(this.#draft.draft));
    return {
      draft: this.#draft.draft,
      m,
      locale,
      errorsFor: (field: DraftField) => [
        ...this.#draft.errorsFor(field, locale),
        ...server.filter(e => e.field === field).map(e => e.message),
      ],
      onEdit: this.#onEdit,
      onTouch: field => this.#draft.touch(field),
      draftPolicy: this.#draft.policy,
    };
  }

  #renderForm(data: RequestData, m: RequestMessages, locale: Locale): TemplateResult {
    this.#draft.delivery = data.account.delivery ?? DEFAULT_DELIVERY_OPTIONS;
    this.#draft.policy = data.account.draftPolicy ?? DEFAULT_DRAFT_POLICY;
    const check = this.#draft.check;
    const plan = this.#plan(data);
    const sending = this.#submit.sending;
    const ctx = this.#fieldContext(m, locale);
    const counter = (used: number, max: number) => ({ used, max });
    const issueDays = this.#issueDays(data);
    return html`<form
      part="form"
      novalidate
      @submit=${(e: Event) => void this.#onSubmit(e)}
      aria-labelledby="form-title"
    >
      <h2 id="form-title">${m.heading}</h2>
      ${
        this.#amount.target
          ? this.#amount.render(m, locale, this.#draft.draft.fapiaoKind, text => this.#onAmountInput(text))
          : html`<p>${m.forBills(data.bills.length, data.bills.map(b => b.number).join(', '))}</p>`
      }
      ${
        data.profiles.length
          ? html`<div class="field">
              <label for="profile">${m.profile}</label>
              <select id="profile" @change=${(e: Event) => this.#onProfile((e.target as HTMLSelectElement).value)}>
                <option value="">${m.profileNew}</option>
                ${data.profiles.map(
                  p =>
                    html`<option value=${p.id} ?selected=${p.id === this._chosenProfile}>
                      ${p.title}${p.taxId ? ` · ${p.taxId}` : ''}${p.isDefault ? aside(m.profileDefault, locale) : ''}
                    </option>`,
                )}
              </select>
              ${this.#renderMakeDefault(data, m)}
              ${
                this._profileError
                  ? html`<span class="field-error" role="alert">${explainApiError(this._profileError, locale)}</span>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${renderBuyerFields(ctx, check)} ${this.#renderDelivery(ctx, m)}
      ${renderTextField('note', ctx, { multiline: true, counter: counter(check.usage.note, DRAFT_LIMITS.noteBytes) })}
      <label class="radio save"
        ><input
          type="checkbox"
          .checked=${live(this.#draft.saveProfile)}
          @change=${(e: Event) => this.#draft.setSaveProfile((e.target as HTMLInputElement).checked)}
        />${m.saveProfile}</label
      >
      ${plan && !this.#amount.target ? renderPlanPreview(plan, data.bills, m, locale) : nothing}
      ${
        // When a request can go out today: none can while the preview leaves every bill out.
        plan?.fapiaos.length
          ? renderTimeline(
              fapiaoTimeline({ eligibility: {}, now: this.now ?? new Date(), issueWithinWorkingDays: issueDays }),
              issueDays,
              m,
              locale,
              { today: true },
            )
          : nothing
      }
      ${this.#renderOutcome(data, m, locale)}
      <div class="buttons">
        <button
          type="submit"
          class="action"
          part="submit"
          ?disabled=${sending || (plan !== undefined && plan.fapiaos.length === 0)}
          aria-busy=${sending ? 'true' : 'false'}
        >
          ${sending ? m.submitting : m.submit}
        </button>
        <button type="button" class="secondary" @click=${() => this.#onCancel()}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #onCancel(): void {
    const invoiceIds = this.#amount.target ? [] : this.#ids();
    this.#amount.close();
    this.dispatchEvent(new FapiaoCancelledEvent({ invoiceIds }));
  }

  #onAmountInput(text: string): void {
    const client = this.#client();
    this.#submit.clearDone();
    this.#amount.edit(text, this.#locale.value, (amount, signal) =>
      client!.previewFapiaoPlan!(amount, this.#draft.draft.fapiaoKind, { signal }),
    );
  }

  /**
   * Without chosen bills: "Request an amount" for each seller and currency with something to invoice now (when the
   * client can preview one); the form opens on the amount with its field focused.
   */
  #renderAmountOffer(data: RequestData, m: RequestMessages, locale: Locale): TemplateResult | typeof nothing {
    if (!this.#client()?.previewFapiaoPlan) return nothing;
    const targets = amountTargets(data.balances);
    return html`${targets.map(
      t =>
        html`<button
          type="button"
          class="secondary"
          part="by-amount"
          @click=${async () => {
            this.#submit.reset();
            this.#amount.open(t);
            await this.updateComplete;
            this.renderRoot.querySelector<HTMLElement>('#amount')?.focus();
          }}
        >
          ${m.byAmount(
            targets.length > 1
              ? listOf([t.sellerId, formatAmount(toFen(t.invoiceable), t.currency, locale)].filter(Boolean), locale)
              : '',
          )}
        </button>`,
    )}`;
  }

  /** The seller's issuing time in working days, from the Fapiao account. */
  #issueDays(data: RequestData): number {
    return data.account.issueWithinWorkingDays ?? DEFAULT_ISSUE_WORKING_DAYS;
  }

  /** "Start from these details next time" for a chosen profile that is not the default yet (when the client can). */
  #renderMakeDefault(data: RequestData, m: RequestMessages): TemplateResult | typeof nothing {
    const chosen = data.profiles.find(p => p.id === this._chosenProfile);
    if (!chosen || chosen.isDefault || !this.#client()?.setDefaultBuyerProfile) return nothing;
    return html`<button
      type="button"
      class="secondary"
      part="default-profile"
      @click=${() => void this.#makeDefault(chosen.id)}
    >
      ${m.profileMakeDefault}
    </button>`;
  }

  /**
   * Delivery as the seller offers it (the account's options): e-mail, courier with the courier chosen, or pick-up
   * with the branch shown before the customer commits. A choice no longer offered (a stored draft) stays visible,
   * disabled, so its error has a place.
   */
  #renderDelivery(ctx: FieldContext, m: RequestMessages): TemplateResult {
    const d = ctx.draft;
    const options = this.#draft.delivery;
    const offered = offeredDeliveryKinds(options);
    const kinds = DELIVERY_KINDS.filter(k => offered.includes(k) || k === d.delivery);
    const couriers = COURIERS.filter(c => options.couriers.includes(c) || c === d.courier);
    const point = options.pickup;
    const who = html`${renderTextField('recipient', ctx, { required: true, autocomplete: 'name', ...(d.delivery === 'pickup' ? { hint: m.collectorHint } : {}) })}
    ${renderTextField('recipientPhone', ctx, { required: true, type: 'tel', autocomplete: 'tel' })}`;
    return html`${renderChoice('delivery', kinds, ctx, offered)}
    ${
      d.delivery === 'electronic'
        ? renderTextField('email', ctx, {
            required: true,
            type: 'email',
            autocomplete: 'email',
            hint: m.emailHint(DRAFT_LIMITS.emailAddresses),
          })
        : d.delivery === 'paper'
          ? html`${renderChoice('courier', couriers, ctx, options.couriers)} ${this.#renderAddressBook(m)} ${who}
            ${renderTextField('postalAddress', ctx, { required: true, multiline: true, autocomplete: 'street-address' })}
            ${this.#keepsAddresses() ? this.#addressBook.renderSave({ addresses: this.#load.value?.addresses ?? [], m }) : nothing}`
          : html`${
              point
                ? html`<div class="pickup-point" part="pickup-point" role="group" aria-labelledby="pickup-title">
                    <strong id="pickup-title">${m.pickupPoint}</strong>
                    <div>${point.name}</div>
                    <div>${point.address}</div>
                    <div>${point.phone}</div>
                    ${point.hours ? html`<div>${m.pickupHours(point.hours)}</div>` : nothing}
                  </div>`
                : nothing
            }
            ${who}`
    }`;
  }

  /** Whether the client keeps an address book (the reference client does). */
  #keepsAddresses(): boolean {
    return Boolean(this.#client()?.listShippingAddresses);
  }

  #renderAddressBook(m: RequestMessages): TemplateResult | typeof nothing {
    const client = this.#client();
    const setDefault = client?.setDefaultShippingAddress?.bind(client);
    return this.#addressBook.render({
      addresses: this.#load.value?.addresses ?? [],
      m,
      locale: this.#locale.value,
      use: address => this.#draft.useAddress(address),
      makeDefault: setDefault ? (id: string) => setDefault(id) : undefined,
      update: addresses => this.#patch({ addresses }),
    });
  }

  #renderOutcome(data: RequestData, m: RequestMessages, locale: Locale): TemplateResult | typeof nothing {
    const s = this.#submit.state;
    if (s.kind === 'failed') {
      const e = s.error;
      const text = e.problem?.detail && e.kind === 'http' ? e.problem.detail : explainApiError(e, locale);
      const numberOf = (id: string) => data.bills.find(b => b.id === id)?.number ?? id;
      const reasons = e.problem?.reasons ?? [];
      return html`<div class="outcome error-box" role="alert" tabindex="-1">
        <p>${text}</p>
        ${
          reasons.length
            ? html`<ul>
                ${reasons.map(r => html`<li>${numberOf(r.invoiceId)}: ${(r.messages ?? []).join(' ')}</li>`)}
              </ul>`
            : nothing
        }
        ${e.retryable || e.kind === 'invalid-response' ? html`<p>${m.networkKept}</p>` : nothing}
      </div>`;
    }
    const visibleErrors = this.#draft.showAll ? this.#draft.check.errors.length : 0;
    if (visibleErrors) return html`<p class="outcome error-box" role="alert">${m.fixErrors(visibleErrors)}</p>`;
    return nothing;
  }

  /** The operator's notices (a stock shortage and when issuing resumes), before the customer fills in the form. */
  #renderServiceNotices(account: FapiaoAccount, locale: Locale): TemplateResult | typeof nothing {
    const shown = (account.notices ?? []).flatMap(notice => {
      const words = explainNotice(notice, locale);
      return words ? [{ words, message: notice.message }] : [];
    });
    if (!shown.length) return nothing;
    return html`${shown.map(
      n =>
        html`<div class="notice service-notice" part="service-notice" role="note">
          <p>${n.words}</p>
          ${n.message ? html`<p>${n.message}</p>` : nothing}
        </div>`,
    )}`;
  }

  #renderAccountNotice(account: FapiaoAccount, m: RequestMessages): TemplateResult | typeof nothing {
    if (account.state === 'registered') return nothing;
    // Registration in place when the backend offers it and the host has no flow of its own (a registration-url).
    const client = this.#client();
    if (!this.registrationUrl && client?.registerFapiaoAccount) {
      return html`<div class="notice" part="notice">
        <slot name="register"
          ><fapiao-account
            .client=${client}
            .now=${this.now}
            @fapiao-account-change=${() => void this.refresh()}
          ></fapiao-account
        ></slot>
      </div>`;
    }
    if (account.state === 'pending-activation')
      return html`<p class="notice" part="notice" role="status">${m.pendingActivation}</p>`;
    const given = this.registrationUrl || account.registrationUrl;
    const url = given && isSafeHttpUrl(given) ? given : undefined;
    return html`<div class="notice" part="notice" role="status">
      <p>${m.unregistered}</p>
      <slot name="register"
        >${
          url
            ? html`<a
                class="action-link"
                href=${url}
                target="_blank"
                rel="noopener"
                @click=${(e: Event) => this.#onRegister(e, url)}
                >${m.register}</a
              >`
            : html`<button class="action" @click=${(e: Event) => this.#onRegister(e, undefined)}>${m.register}</button>`
        }</slot
      >
    </div>`;
  }

  #renderHistory(data: RequestData, m: RequestMessages, locale: Locale): TemplateResult {
    // The numbers the server sent, else those of bills at hand, else the ids.
    // A request that takes part of a bill says how much of each (a request is in one currency: its Fapiao's).
    const numbersOf = (r: FapiaoRequest) =>
      r.invoiceIds
        .map((id, i) => {
          const number = r.invoiceNumbers?.[i] ?? data.bills.find(b => b.id === id)?.number ?? id;
          const part = r.amounts?.[i];
          return part === undefined
            ? number
            : `${number}${aside(formatAmount(part, r.fapiaos[0]?.currency ?? 'CNY', locale), locale)}`;
        })
        .join(', ');
    this.#reissue.draftPolicy = data.account.draftPolicy ?? DEFAULT_DRAFT_POLICY;
    return renderRequestHistory({
      requests: data.requests,
      numbersOf,
      fileError: this._fileError,
      onFile: (file, number, event) => this.#onFile(file, number, event),
      onRefresh: () => void this.refresh(),
      verify: this.#verify,
      balances: data.balances,
      timeline: { now: this.now ?? new Date(), issueWithinWorkingDays: this.#issueDays(data) },
      ...(this.#client()?.fapiaoArchiveUrl
        ? { onArchive: (requests: readonly FapiaoRequest[]) => this.#onArchive(requests) }
        : {}),
      ...(this.#client()?.fapiaoPeriodArchiveUrl
        ? {
            periodArchive: {
              month: previousChinaMonth(this.now ?? new Date()),
              max: chinaDateOf(this.now ?? new Date()).slice(0, 7),
              invalid: this._monthInvalid,
              onDownload: (month: string) => this.#onPeriodArchive(month),
            },
          }
        : {}),
      ...(this.#client()?.resendFapiaoEmail
        ? {
            resend: {
              controller: this.#resend,
              now: (this.now ?? new Date()).getTime(),
              onSend: (request: FapiaoRequest) => void this.#resendEmail(request),
            },
          }
        : {}),
      ...(this.#client()?.withdrawFapiaoRequest
        ? {
            withdraw: {
              controller: this.#withdraw,
              onConfirm: (request: FapiaoRequest) => void this.#withdrawRequest(request),
            },
          }
        : {}),
      ...(this.#client()?.requestReissue
        ? {
            reissue: {
              controller: this.#reissue,
              now: (this.now ?? new Date()).getTime(),
              policy: data.account.reissue ?? {},
              onSubmit: (request: FapiaoRequest) => void this.#requestReissue(request, data.account.reissue ?? {}),
            },
          }
        : {}),
      onRequestAgain: request => void this.#requestAgain(request),
      m,
      locale,
    });
  }

  /** Also waits for the words of the element's language, fetched before its first render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#locale.settled;
    return super.getUpdateComplete();
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.#locale.ready) return nothing;
    const locale = this.#locale.value;
    const m = requestMessages(locale);
    const { status, error, value: data } = this.#load;
    if (status === 'no-source') return html`<p class="no-source" role="status">${m.noSource}</p>`;
    if (status === 'error' && error) {
      return html`<div class="error" role="alert">
        <span>${explainApiError(error, locale)}</span>
        <button class="action" @click=${() => void this.reload()}>${m.retry}</button>
      </div>`;
    }
    if (!data) return html`<p class="loading" role="status">${m.loading}</p>`;
    const submitted = this.#submit.state.kind === 'done' ? this.#submit.state.request : undefined;
    const registered = data.account.state === 'registered';
    return html`${this.#renderAccountNotice(data.account, m)}
    ${
      submitted
        ? html`<div class="outcome success" role="status" tabindex="-1">
            <p>${m.submitted(submitted.id)}</p>
            <p class="delivery">${deliveryLine(submitted, m)}</p>
          </div>`
        : nothing
    }
    ${registered && !submitted ? this.#renderServiceNotices(data.account, locale) : nothing}
    ${
      registered && !submitted
        ? data.bills.length || this.#amount.target
          ? this.#renderForm(data, m, locale)
          : html`<p>${m.noBills}</p>
              ${this.#renderAmountOffer(data, m, locale)}`
        : nothing
    }
    ${this.hideHistory ? nothing : this.#renderHistory(data, m, locale)}`;
  }
}

/** The requests' ids and states, to tell whether a refresh changed anything a bills page shows. */
const stateKey = (requests: readonly FapiaoRequest[]) =>
  requests
    .map(r => `${r.id}:${r.status}`)
    .sort()
    .join();

declare global {
  interface HTMLElementTagNameMap {
    'fapiao-request': FapiaoRequestElement;
  }
}
