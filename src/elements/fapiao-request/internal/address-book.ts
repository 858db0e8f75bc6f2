import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { asApiError, type ApiError } from '../../../core/api-error.js';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import type { ShippingAddress } from '../../../core/model/fapiao.js';
import { FapiaoErrorEvent } from '../events.js';
import { aside } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';

/** What the address book needs from the form: the book, and the calls the client offers. */
export interface AddressBookContext {
  readonly addresses: readonly ShippingAddress[];
  readonly m: RequestMessages;
  readonly locale: Locale;
  /** Puts an entry into the paper-delivery fields. */
  use(address: ShippingAddress): void;
  /** Makes an entry the default; undefined when the client cannot. */
  readonly makeDefault: ((id: string) => Promise<readonly ShippingAddress[]>) | undefined;
  /** Takes the book the server answered with. */
  update(addresses: readonly ShippingAddress[]): void;
}

/**
 * The address book beside a paper Fapiao's recipient and address: pick a saved entry to fill them, make it the one
 * the form fills in next time, keep a new one on submit (on by default while the book is empty).
 */
export class AddressBookController {
  /** The entry the customer picked (or the form was prefilled with). */
  chosen: string | undefined;
  /** `undefined` until the customer decides: then on for an empty book, off otherwise. */
  #save: boolean | undefined;
  error: ApiError | undefined;
  readonly #host: ReactiveControllerHost & EventTarget;

  constructor(host: ReactiveControllerHost & EventTarget) {
    this.#host = host;
  }

  /** Whether to keep the typed address in the book with this request. */
  saveFor(addresses: readonly ShippingAddress[]): boolean {
    return this.#save ?? addresses.length === 0;
  }

  /** After a request went in, or the form was cleared: the next one starts afresh. */
  reset(chosen?: string): void {
    this.chosen = chosen;
    this.#save = undefined;
    this.error = undefined;
  }

  render(ctx: AddressBookContext): TemplateResult | typeof nothing {
    const { addresses, m, locale } = ctx;
    if (!addresses.length) return nothing;
    const chosen = addresses.find(a => a.id === this.chosen);
    return html`<div class="field">
      <label for="address-book">${m.addressBook}</label>
      <select
        id="address-book"
        @change=${(e: Event) => {
          const picked = addresses.find(a => a.id === (e.target as HTMLSelectElement).value);
          this.chosen = picked?.id;
          if (picked) ctx.use(picked);
          this.#host.requestUpdate();
        }}
      >
        <option value="">${m.addressNew}</option>
        ${addresses.map(
          a =>
            html`<option value=${a.id} ?selected=${a.id === this.chosen}>
              ${a.recipient} · ${a.address}${a.isDefault ? aside(m.addressDefault, locale) : ''}
            </option>`,
        )}
      </select>
      ${
        chosen && !chosen.isDefault && ctx.makeDefault
          ? html`<button
              type="button"
              class="secondary"
              part="default-address"
              @click=${() => void this.#makeDefault(chosen.id, ctx)}
            >
              ${m.addressMakeDefault}
            </button>`
          : nothing
      }
      ${this.error ? html`<span class="field-error" role="alert">${explainApiError(this.error, locale)}</span>` : nothing}
    </div>`;
  }

  /** "Keep this address": shown when the client keeps a book at all. */
  renderSave(ctx: Pick<AddressBookContext, 'addresses' | 'm'>): TemplateResult {
    return html`<label class="radio save"
      ><input
        type="checkbox"
        part="save-address"
        .checked=${live(this.saveFor(ctx.addresses))}
        @change=${(e: Event) => {
          this.#save = (e.target as HTMLInputElement).checked;
          this.#host.requestUpdate();
        }}
      />${ctx.m.saveAddress}</label
    >`;
  }

  async #makeDefault(id: string, ctx: AddressBookContext): Promise<void> {
    this.error = undefined;
    try {
      ctx.update(await ctx.makeDefault!(id));
    } catch (error) {
      this.error = asApiError(error);
      this.#host.dispatchEvent(new FapiaoErrorEvent({ error: this.error, during: 'default-address' }));
    }
    this.#host.requestUpdate();
  }
}
