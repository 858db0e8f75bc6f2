import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ApiError } from '../../../core/api-error.js';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import { explainFapiaoEmailError } from '../../../core/i18n/explain-request.js';
import type { FapiaoRequest } from '../../../core/model/fapiao.js';
import { checkFapiaoEmail, fapiaoEmailBlocker, type FapiaoEmailError } from '../../../core/rules/fapiao-email.js';
import { asApiError } from '../../../core/api-error.js';
import { formatChinaDateTime as formatDateTime } from '../../../core/time/format-month.js';
import type { RequestMessages } from './messages.js';

interface ResendState {
  readonly requestId: string;
  /** The address as typed: kept through a failure. */
  readonly to: string;
  readonly sending: boolean;
  readonly problem?: FapiaoEmailError | ApiError;
  /** After a success: where it went (said until the customer opens the form again). */
  readonly sentTo?: string;
}

/**
 * "Send the e-mail again" for one request at a time: the address (the request's, or another typed), the core's check
 * before any call, one call however often Send is pressed, and the outcome (where it went, or why not, the address
 * kept). The host gives the call; the updated request comes back through `onSent`.
 */
export class ResendEmailController {
  state: ResendState | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  open(request: FapiaoRequest): void {
    this.#set({ requestId: request.id, to: request.email ?? request.emails?.at(-1)?.to ?? '', sending: false });
  }

  close(): void {
    this.#set(undefined);
  }

  edit(to: string): void {
    if (this.state && !this.state.sending) this.#set({ ...this.state, to, sending: false });
  }

  async send(
    request: FapiaoRequest,
    now: number,
    call: (to: string) => Promise<FapiaoRequest>,
    onSent: (request: FapiaoRequest) => void,
  ): Promise<void> {
    const state = this.state;
    if (!state || state.sending || state.requestId !== request.id) return;
    const check = checkFapiaoEmail(request, state.to, now);
    if (!check.ok) return this.#set({ ...state, problem: check.error });
    this.#set({ requestId: state.requestId, to: state.to, sending: true });
    try {
      const updated = await call(check.to);
      this.#set({ requestId: state.requestId, to: state.to, sending: false, sentTo: check.to });
      onSent(updated);
    } catch (error) {
      this.#set({ requestId: state.requestId, to: state.to, sending: false, problem: asApiError(error) });
    }
  }

  #set(state: ResendState | undefined): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

const isApiError = (p: FapiaoEmailError | ApiError): p is ApiError => 'kind' in p;

/**
 * Where a request's e-Fapiao went (the last e-mail) and, when the client can send it again, the button or its small
 * form. Nothing for a request with no issued Fapiao.
 */
export function renderEmailLine(
  request: FapiaoRequest,
  resend: { controller: ResendEmailController; now: number; onSend: (request: FapiaoRequest) => void } | undefined,
  m: RequestMessages,
  locale: Locale,
): TemplateResult | typeof nothing {
  const last = request.emails?.at(-1);
  const line = last
    ? html`<div class="emailed">${m.emailedOn(last.to, formatDateTime(last.sentAt, locale))}</div>`
    : nothing;
  if (!resend || fapiaoEmailBlocker(request)) return line;
  const state = resend.controller.state?.requestId === request.id ? resend.controller.state : undefined;
  if (!state || state.sentTo)
    return html`${line}
      ${state?.sentTo ? html`<p class="sent" role="status">${m.resendSent(state.sentTo)}</p>` : nothing}
      <button class="secondary resend" part="resend" @click=${() => resend.controller.open(request)}>
        ${m.resendOpen}
      </button>`;
  const id = `resend-${request.id}`;
  const problem = state.problem
    ? isApiError(state.problem)
      ? explainApiError(state.problem, locale)
      : explainFapiaoEmailError(state.problem, locale)
    : '';
  return html`${line}
    <form
      class="resend-form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        resend.onSend(request);
      }}
    >
      <label for=${id}>${m.resendTo}</label>
      <input
        id=${id}
        name="resend-to"
        type="email"
        autocomplete="email"
        .value=${live(state.to)}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-error` : nothing}
        @input=${(e: Event) => resend.controller.edit((e.target as HTMLInputElement).value)}
      />
      ${problem ? html`<span id=${`${id}-error`} class="field-error" role="alert">${problem}</span>` : nothing}
      <div class="buttons">
        <button type="submit" class="action" ?disabled=${state.sending} aria-busy=${state.sending ? 'true' : 'false'}>
          ${state.sending ? m.resendSending : m.resendSend}
        </button>
        <button type="button" class="secondary" @click=${() => resend.controller.close()}>${m.cancel}</button>
      </div>
    </form>`;
}
