import type { ReactiveControllerHost } from 'lit';
import type { ApiError } from '../../../core/api-error.js';
import type { DraftField } from '../../../core/draft/fapiao-draft.js';
import type { FapiaoRequest } from '../../../core/model/fapiao.js';
import { asApiError } from '../../../core/api-error.js';

export type SubmitState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly request: FapiaoRequest }
  | { readonly kind: 'failed'; readonly error: ApiError };

/**
 * One request in flight at a time (a double click or Enter pressed twice sends one), and its outcome: the request the
 * server created, or the error with the server's field errors. The idempotency key lives with the draft.
 */
export class SubmitController {
  state: SubmitState = { kind: 'idle' };
  readonly #host: ReactiveControllerHost;
  #inFlight = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get sending(): boolean {
    return this.state.kind === 'sending';
  }

  /** Sends once; a call while another is in flight returns `undefined` at once and sends nothing. */
  async submit(send: () => Promise<FapiaoRequest>): Promise<SubmitState | undefined> {
    if (this.#inFlight) return undefined;
    this.#inFlight = true;
    this.#set({ kind: 'sending' });
    try {
      this.#set({ kind: 'done', request: await send() });
    } catch (error) {
      this.#set({ kind: 'failed', error: asApiError(error) });
    } finally {
      this.#inFlight = false;
    }
    return this.state;
  }

  /** Other bills were chosen: the last outcome no longer applies. */
  reset(): void {
    if (this.state.kind !== 'idle' && this.state.kind !== 'sending') this.#set({ kind: 'idle' });
  }

  /** The customer edits a new draft after a success: the confirmation goes (a failure's field errors stay). */
  clearDone(): void {
    if (this.state.kind === 'done') this.#set({ kind: 'idle' });
  }

  /** Field errors the server returned (422 validation-failed) for fields the form shows, with their messages. */
  serverFieldErrors(shown: readonly DraftField[]): { field: DraftField; message: string }[] {
    if (this.state.kind !== 'failed') return [];
    const visible = new Set<string>(shown);
    return (this.state.error.problem?.errors ?? [])
      .filter(e => visible.has(e.field))
      .map(e => ({ field: e.field as DraftField, message: e.message ?? e.code }));
  }

  #set(state: SubmitState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
