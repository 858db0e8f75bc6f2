import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { asApiError, type ApiError } from '../../../core/api-error.js';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import { explainAmountError } from '../../../core/i18n/amount-error.js';
import type { FapiaoKind } from '../../../core/model/fapiao.js';
import { toFen, type CurrencyCode } from '../../../core/money/fen.js';
import { parseTypedAmount } from '../../../core/money/typed-amount.js';
import type { FapiaoBalance } from '../../../core/rules/fapiao-balance.js';
import type { PlanPreview } from '../../../core/rules/plan-fapiao.js';
import type { AmountToRequest } from '../../../core/rules/request-by-amount.js';
import { formatAmount } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';
import { renderPlanPreview } from './plan-preview.js';

/** Whose bills an amount is taken from, and how much they have left to invoice now (fen). */
export interface AmountTarget {
  readonly sellerId: string;
  readonly currency: CurrencyCode;
  readonly invoiceable: number;
}

type Preview =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly gross: number }
  | { readonly kind: 'ready'; readonly gross: number; readonly plan: PlanPreview }
  | { readonly kind: 'failed'; readonly gross: number; readonly error: ApiError };

/** How long typing must pause before the server is asked for a preview. */
const PREVIEW_DELAY_MS = 300;

/** The balances an amount can be requested from: something to invoice now. */
export const amountTargets = (balances: readonly FapiaoBalance[]): AmountTarget[] =>
  balances
    .filter(b => b.invoiceable > 0)
    .map(({ sellerId, currency, invoiceable }) => ({ sellerId, currency, invoiceable }));

/**
 * The form's request by amount: the amount as typed (kept while the form is open, whatever fails), checked against what
 * can be invoiced, and the server's preview of the bills it takes, asked for once typing pauses; an answer to an
 * amount no longer typed is dropped.
 */
export class AmountRequestController {
  target: AmountTarget | undefined;
  text = '';
  /** Shows the field's error before it is left (on submit). */
  touched = false;
  preview: Preview = { kind: 'idle' };
  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  open(target: AmountTarget): void {
    this.close();
    this.target = target;
    this.#host.requestUpdate();
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#inFlight?.abort();
    this.target = undefined;
    this.text = '';
    this.touched = false;
    this.preview = { kind: 'idle' };
    this.#host.requestUpdate();
  }

  /** The amount typed, or why it cannot be requested (in words, nothing typed included); `undefined` when closed. */
  check(locale: Locale): { ok: true; amount: AmountToRequest } | { ok: false; message: string } | undefined {
    const target = this.target;
    if (!target) return undefined;
    const parsed = parseTypedAmount(this.text, locale);
    if (!parsed.ok || parsed.value <= 0)
      return { ok: false, message: explainAmountError({ code: 'amount-not-positive' }, locale) };
    if (parsed.value > target.invoiceable)
      return {
        ok: false,
        message: explainAmountError(
          { code: 'amount-above-invoiceable', params: { invoiceable: target.invoiceable, currency: target.currency } },
          locale,
        ),
      };
    return { ok: true, amount: { sellerId: target.sellerId, currency: target.currency, gross: parsed.value } };
  }

  /** The customer typed: the preview follows once typing pauses, for an amount that can be requested. */
  edit(
    text: string,
    locale: Locale,
    fetchPreview: (amount: AmountToRequest, signal: AbortSignal) => Promise<PlanPreview>,
  ) {
    this.text = text;
    clearTimeout(this.#timer);
    this.#inFlight?.abort();
    const check = this.check(locale);
    this.preview = { kind: 'idle' };
    this.#host.requestUpdate();
    if (!check?.ok) return;
    const { amount } = check;
    this.#timer = setTimeout(async () => {
      const inFlight = (this.#inFlight = new AbortController());
      this.preview = { kind: 'loading', gross: amount.gross };
      this.#host.requestUpdate();
      try {
        const plan = await fetchPreview(amount, inFlight.signal);
        if (!inFlight.signal.aborted) this.preview = { kind: 'ready', gross: amount.gross, plan };
      } catch (error) {
        if (!inFlight.signal.aborted) this.preview = { kind: 'failed', gross: amount.gross, error: asApiError(error) };
      }
      this.#host.requestUpdate();
    }, PREVIEW_DELAY_MS);
  }

  /** The amount field, its hint and error, and the preview in the draft's Fapiao kind; typing goes to `onInput`. */
  render(
    m: RequestMessages,
    locale: Locale,
    fapiaoKind: FapiaoKind,
    onInput: (text: string) => void,
  ): TemplateResult | typeof nothing {
    const target = this.target;
    if (!target) return nothing;
    const check = this.check(locale);
    const error = check && !check.ok && (this.touched || this.text.trim().length > 0) ? check.message : undefined;
    const max = formatAmount(toFen(target.invoiceable), target.currency, locale);
    const p = this.preview;
    return html`<p>${m.forAmount}</p>
      <div class="field">
        <label for="amount">${m.amount}</label>
        <input
          id="amount"
          name="amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          required
          .value=${live(this.text)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'amount-hint amount-error' : 'amount-hint'}
          @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
          @blur=${() => {
            this.touched = true;
            this.#host.requestUpdate();
          }}
        />
        <span id="amount-hint" class="hint">${m.amountHint(max)}</span>
        ${error ? html`<span id="amount-error" class="field-error">${error}</span>` : nothing}
      </div>
      ${
        p.kind === 'loading'
          ? html`<p class="loading" role="status">${m.amountPreviewLoading}</p>`
          : p.kind === 'ready'
            ? renderPlanPreview({ ...p.plan, fapiaos: p.plan.fapiaos.map(f => ({ ...f, fapiaoKind })) }, [], m, locale)
            : p.kind === 'failed'
              ? html`<p class="field-error" role="alert">
                  ${p.error.problem?.detail ?? explainApiError(p.error, locale)}
                </p>`
              : nothing
      }`;
  }
}
