import type { ReactiveControllerHost } from 'lit';
import { applyProfile, updateDraft } from '../../../core/draft/update-draft.js';
import { useShippingAddress, type ShippingAddressInput } from '../../../core/draft/shipping-address.js';
import {
  checkDraft,
  emptyDraft,
  type DraftCheck,
  type DraftField,
  type FapiaoDraft,
} from '../../../core/draft/fapiao-draft.js';
import type { Locale } from '../../../core/i18n/index.js';
import { explainDraftError } from '../../../core/i18n/explain-request.js';
import {
  DEFAULT_DELIVERY_OPTIONS,
  DEFAULT_DRAFT_POLICY,
  type BuyerProfile,
  type DeliveryOptions,
  type DraftPolicy,
} from '../../../core/model/fapiao.js';
import type { Prefill } from '../../../core/draft/prefill.js';
import type { AmountToRequest } from '../../../core/rules/request-by-amount.js';
import { DraftStore, fingerprint, keyFor, type StoredDraft } from './draft-store.js';

/**
 * The form as typed: the draft (changed only through the core's `updateDraft`/`applyProfile`), which fields were
 * touched, the core's check of it (once per draft), its copy in session storage, and the element's form value and
 * validity when it sits in a host `<form>`.
 */
export class DraftController {
  draft: FapiaoDraft = emptyDraft();
  saveProfile = false;
  /** Fields left at least once: their errors show from then on. */
  touched: ReadonlySet<DraftField> = new Set();
  /** After a submit attempt every error shows. */
  showAll = false;
  /** What the seller offers for delivery (from the Fapiao account); the check refuses anything else. */
  delivery: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS;
  /** The seller's rules for the form (from the Fapiao account): whether a 专票's address and bank are required. */
  policy: DraftPolicy = DEFAULT_DRAFT_POLICY;

  readonly #host: ReactiveControllerHost;
  #store: DraftStore | undefined;
  #storeKey = '';
  #stored: StoredDraft = { draft: this.draft, saveProfile: false };
  #checked: { draft: FapiaoDraft; delivery: DeliveryOptions; policy: DraftPolicy; check: DraftCheck } | undefined;
  #formFor: { key: string; draft: FapiaoDraft } | undefined;
  /** Something was typed, chosen or restored from storage: a prefill must not replace it. */
  #dirty = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Uses the storage slot named `key` (one per `draft-key`), taking the draft stored there if any. */
  open(key: string): void {
    if (key === this.#storeKey && this.#store) return;
    this.#storeKey = key;
    this.#store = new DraftStore(`fapiao-kit:fapiao-request:${key}`);
    const stored = this.#store.load();
    if (stored) {
      this.#dirty = true;
      this.#stored = stored;
      this.draft = stored.draft;
      this.saveProfile = stored.saveProfile;
      this.#host.requestUpdate();
    }
  }

  /** Nobody has typed into this form (nothing stored, nothing chosen): a prefill may replace it. */
  get pristine(): boolean {
    return !this.#dirty;
  }

  /** Starts the form from what the customer used before (the core's `prefillDraft`), unless they typed already. */
  prefill(prefill: Prefill): void {
    if (this.#dirty) return;
    this.draft = prefill.draft;
    this.saveProfile = prefill.saveProfile;
    this.#stored = { draft: this.draft, saveProfile: this.saveProfile };
    this.#host.requestUpdate();
  }

  /** Starts over from a given draft (correcting a rejected request): kept and stored as if typed. */
  restart(draft: FapiaoDraft): void {
    this.touched = new Set();
    this.showAll = false;
    this.#set(draft, false);
  }

  /** The core's check of the draft, once per draft (render, the form value and submit all read it). */
  get check(): DraftCheck {
    const { draft, delivery, policy } = this;
    let checked = this.#checked;
    if (checked?.draft !== draft || checked.delivery !== delivery || checked.policy !== policy)
      this.#checked = checked = { draft, delivery, policy, check: checkDraft(draft, delivery, policy) };
    return checked.check;
  }

  edit<K extends keyof FapiaoDraft>(field: K, value: FapiaoDraft[K]): void {
    this.#set(updateDraft(this.draft, field, value));
  }

  useProfile(profile: BuyerProfile): void {
    this.#set(applyProfile(this.draft, profile));
  }

  /** An address-book entry into the paper-delivery fields. */
  useAddress(address: ShippingAddressInput): void {
    this.#set(useShippingAddress(this.draft, address));
  }

  setSaveProfile(on: boolean): void {
    this.#set(this.draft, on);
  }

  touch(field: DraftField): void {
    if (this.touched.has(field)) return;
    this.touched = new Set([...this.touched, field]);
    this.#host.requestUpdate();
  }

  showAllErrors(): void {
    this.showAll = true;
    this.#host.requestUpdate();
  }

  /** The core's errors for one field, in words, once the field was touched or a submit was tried. */
  errorsFor(field: DraftField, locale: Locale): string[] {
    if (!this.showAll && !this.touched.has(field)) return [];
    return this.check.errors.filter(e => e.field === field).map(e => explainDraftError(e, locale));
  }

  /**
   * The idempotency key for sending this draft for `invoiceIds`: the stored one while the body is unchanged (a reload
   * mid-flight sends it again and the server replays), else a new one. Stored before it is sent.
   */
  idempotencyKey(invoiceIds: readonly string[]): string {
    const { key, stored } = keyFor(this.#stored, fingerprint(invoiceIds, this.draft, this.saveProfile));
    this.#stored = stored;
    this.#store?.save(stored);
    return key;
  }

  /** Back to an empty form (a host form's reset, or a request that went through); the stored copy goes too. */
  reset(): void {
    this.#dirty = false;
    this.#store?.clear();
    this.draft = emptyDraft();
    this.saveProfile = false;
    this.#stored = { draft: this.draft, saveProfile: false };
    this.touched = new Set();
    this.showAll = false;
    this.#host.requestUpdate();
  }

  /**
   * In a host `<form>`: the request as the value (its bills or its amount, as `createFapiaoRequest` takes them), and a
   * custom error while the request cannot go (`requestError`: an amount that cannot be requested) or the draft has one.
   */
  syncForm(
    internals: ElementInternals,
    request: { readonly invoiceIds: readonly string[] } | { readonly amount: AmountToRequest | undefined },
    locale: Locale,
    requestError?: string,
  ): void {
    const key = JSON.stringify([request, this.saveProfile, locale, requestError]);
    if (this.#formFor?.key === key && this.#formFor.draft === this.draft) return; // only when it can have changed
    this.#formFor = { key, draft: this.draft };
    internals.setFormValue(JSON.stringify({ ...request, draft: this.draft, saveProfile: this.saveProfile }));
    const first = this.check.errors[0];
    const message = requestError ?? (first && explainDraftError(first, locale));
    if (message) internals.setValidity({ customError: true }, message);
    else internals.setValidity({});
  }

  #set(draft: FapiaoDraft, saveProfile = this.saveProfile): void {
    this.#dirty = true;
    this.draft = draft;
    this.saveProfile = saveProfile;
    this.#stored = { ...this.#stored, draft, saveProfile };
    this.#store?.save(this.#stored);
    this.#host.requestUpdate();
  }
}
