import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { asApiError, type ApiError } from '../../../core/api-error.js';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import type { FapiaoRequest } from '../../../core/model/fapiao.js';
import { withdrawBlocker } from '../../../core/rules/withdraw.js';
import type { RequestMessages } from './messages.js';

/**
 * Withdrawing a request not yet being issued, in two steps (Withdraw, then confirm: it cannot be undone), one call
 * however often the button is pressed, the error said on the request.
 */
export class WithdrawController {
  /** The request whose withdrawal waits for confirmation. */
  confirming: string | undefined;
  sending = false;
  error: { readonly id: string; readonly error: ApiError } | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  ask(id: string): void {
    this.confirming = id;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  keep(): void {
    this.confirming = undefined;
    this.#host.requestUpdate();
  }

  async confirm(request: FapiaoRequest, call: () => Promise<FapiaoRequest>, onDone: (r: FapiaoRequest) => void) {
    if (this.sending || this.confirming !== request.id) return;
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const withdrawn = await call();
      this.confirming = undefined;
      onDone(withdrawn);
    } catch (error) {
      this.error = { id: request.id, error: asApiError(error) };
      this.confirming = undefined;
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }
}

/** The Withdraw button of a request that can still be withdrawn, its confirmation, or why it failed. */
export function renderWithdraw(
  request: FapiaoRequest,
  controller: WithdrawController,
  onConfirm: (request: FapiaoRequest) => void,
  m: RequestMessages,
  locale: Locale,
): TemplateResult | typeof nothing {
  const error = controller.error?.id === request.id ? controller.error.error : undefined;
  const said = error ? html`<p class="error-box" role="alert">${explainApiError(error, locale)}</p>` : nothing;
  if (withdrawBlocker(request)) return said;
  if (controller.confirming !== request.id)
    return html`${said}<button class="secondary" part="withdraw" @click=${() => controller.ask(request.id)}>
        ${m.withdraw}
      </button>`;
  return html`<div class="withdraw-confirm" role="group" aria-labelledby=${`withdraw-${request.id}`}>
    <p id=${`withdraw-${request.id}`}>${m.withdrawConfirm(request.id)}</p>
    <div class="buttons">
      <button
        class="action danger"
        ?disabled=${controller.sending}
        aria-busy=${controller.sending ? 'true' : 'false'}
        @click=${() => onConfirm(request)}
      >
        ${m.withdrawYes}
      </button>
      <button class="secondary" ?disabled=${controller.sending} @click=${() => controller.keep()}>
        ${m.withdrawNo}
      </button>
    </div>
  </div>`;
}
