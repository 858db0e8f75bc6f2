import type { ShippingAddress } from '../model/fapiao.js';
import { checkDraft, emptyDraft, type DraftError, type FapiaoDraft } from './fapiao-draft.js';

/** An address-book entry as stored: who receives a paper Fapiao, their phone, and where (checked, trimmed). */
export type ShippingAddressInput = Pick<ShippingAddress, 'recipient' | 'phone' | 'address'>;

/** The draft field each address-book field fills: the address book speaks the request's words, the form its own. */
export const ADDRESS_DRAFT_FIELDS = {
  recipient: 'recipient',
  phone: 'recipientPhone',
  address: 'postalAddress',
} as const satisfies Record<keyof ShippingAddressInput, keyof FapiaoDraft>;

export type ShippingAddressCheck =
  | { readonly ok: true; readonly value: ShippingAddressInput }
  | {
      readonly ok: false;
      /** In the form's words (`recipientPhone`, `postalAddress`): `explainDraftError` says them. */
      readonly errors: readonly DraftError[];
    };

const FIELDS = Object.keys(ADDRESS_DRAFT_FIELDS) as (keyof ShippingAddressInput)[];

/**
 * Checks an address-book entry by the form's own rules for a paper Fapiao (GBK byte limits, the phone's characters),
 * so an address that was saved always fills the form without an error the customer did not type.
 */
export function checkShippingAddress(input: unknown): ShippingAddressCheck {
  const raw = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;
  const wrong = FIELDS.find(f => typeof raw[f] !== 'string');
  if (wrong) return { ok: false, errors: [{ field: ADDRESS_DRAFT_FIELDS[wrong], code: 'required', params: {} }] };
  const draft = useShippingAddress(emptyDraft({ delivery: 'paper' }), raw as unknown as ShippingAddressInput);
  const mine = new Set<string>(Object.values(ADDRESS_DRAFT_FIELDS));
  const errors = checkDraft(draft).errors.filter(e => mine.has(e.field));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: addressFromDraft(draft) };
}

/** The draft with an address-book entry in its paper-delivery fields (the rest as it was). */
export function useShippingAddress(draft: FapiaoDraft, address: ShippingAddressInput): FapiaoDraft {
  return { ...draft, recipient: address.recipient, recipientPhone: address.phone, postalAddress: address.address };
}

/** The address a draft's paper delivery names, trimmed: what "save this address" keeps. */
export function addressFromDraft(draft: FapiaoDraft): ShippingAddressInput {
  return {
    recipient: draft.recipient.trim(),
    phone: draft.recipientPhone.trim(),
    address: draft.postalAddress.trim(),
  };
}
