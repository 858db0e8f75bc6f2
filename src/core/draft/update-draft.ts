import type { BuyerKind, BuyerProfile, FapiaoKind } from '../model/fapiao.js';
import type { FapiaoDraft } from './fapiao-draft.js';

/** The buyer fields a saved profile (抬头) fills in. */
export const PROFILE_FIELDS = ['buyerKind', 'title', 'taxId', 'address', 'phone', 'bankName', 'bankAccount'] as const;

/** The Fapiao kinds a buyer may ask for: a special VAT Fapiao (专票) is for enterprises only (docs/domain.md §2.3). */
export function allowedFapiaoKinds(buyerKind: BuyerKind): readonly FapiaoKind[] {
  return buyerKind === 'enterprise' ? ['ordinary', 'special'] : ['ordinary'];
}

/** The rules that tie one field to another, applied after every change so no path around them exists. */
function consistent(draft: FapiaoDraft): FapiaoDraft {
  const kindAllowed = allowedFapiaoKinds(draft.buyerKind).includes(draft.fapiaoKind);
  // Only an individual can be a natural person.
  const flagAllowed = !draft.naturalPerson || draft.buyerKind === 'individual';
  if (kindAllowed && flagAllowed) return draft;
  return {
    ...draft,
    ...(kindAllowed ? {} : { fapiaoKind: 'ordinary' as const }),
    ...(flagAllowed ? {} : { naturalPerson: false }),
  };
}

/**
 * The draft after the customer set `field` to `value`: a new buyer kind may change the Fapiao kind, and a new tax ID
 * needs its own confirmation of a checksum warning.
 */
export function updateDraft<K extends keyof FapiaoDraft>(
  draft: FapiaoDraft,
  field: K,
  value: FapiaoDraft[K],
): FapiaoDraft {
  const next = { ...draft, [field]: value };
  if (field === 'taxId') next.acceptChecksumWarning = false;
  return consistent(next);
}

/** The draft with a saved profile's buyer details (and its e-mail, when it has one); the delivery choice stays. */
export function applyProfile(draft: FapiaoDraft, profile: BuyerProfile): FapiaoDraft {
  const next: FapiaoDraft = { ...draft, acceptChecksumWarning: false };
  for (const key of PROFILE_FIELDS) {
    if (key === 'buyerKind') next.buyerKind = profile.buyerKind;
    else next[key] = profile[key] ?? '';
  }
  next.naturalPerson = profile.naturalPerson === true;
  if (profile.email) next.email = profile.email;
  return consistent(next);
}
