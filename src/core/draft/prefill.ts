import { newestRequestFirst, type BuyerProfile, type FapiaoRequest, type ShippingAddress } from '../model/fapiao.js';
import { emptyDraft, type FapiaoDraft } from './fapiao-draft.js';
import { useShippingAddress } from './shipping-address.js';
import { applyProfile } from './update-draft.js';

export interface Prefill {
  readonly draft: FapiaoDraft;
  /** "Save these details" starts on when the customer has no saved profile yet. */
  readonly saveProfile: boolean;
  /** Where the details came from, for the sentence that says so. */
  readonly from: 'profile' | 'request' | 'account' | 'nothing';
  /** The saved profile used, if one was. */
  readonly profileId?: string;
  /** The address-book entry in the paper-delivery fields (the default one), if any. */
  readonly addressId?: string;
}

/**
 * The draft a request was made from, as far as the request keeps it: buyer, Fapiao kind, delivery (e-mail, or the
 * recipient and address of the paper one) and note. For "correct and request again" after a rejection.
 */
export function draftFromRequest(request: FapiaoRequest): FapiaoDraft {
  const draft = applyProfile(emptyDraft(), { id: '', ...request.buyer });
  return {
    ...draft,
    fapiaoKind: request.buyer.buyerKind === 'enterprise' ? request.fapiaoKind : 'ordinary',
    delivery: request.delivery,
    email: request.email ?? '',
    ...(request.shipping?.courier ? { courier: request.shipping.courier } : {}),
    recipient: request.shipping?.recipient ?? request.pickup?.collector ?? '',
    recipientPhone: request.shipping?.phone ?? request.pickup?.phone ?? '',
    postalAddress: request.shipping?.address ?? '',
    note: request.note ?? '',
  };
}

/** Requests whose buyer details went through: the customer would use them again. */
const USED: ReadonlySet<FapiaoRequest['status']> = new Set([
  'submitted',
  'processing',
  'issued',
  'mailed',
  'ready-for-pickup',
  'reversed',
]);

/**
 * The form a returning customer should find: the default profile they chose, else the saved profile last used (the one
 * matching the buyer of the latest request that went through, else the newest saved one), else that request's buyer, and the e-mail of the profile,
 * the request or the Fapiao account. Nothing is invented: a customer with no history gets the account's e-mail only.
 */
export function prefillDraft(input: {
  readonly profiles: readonly BuyerProfile[];
  readonly requests: readonly FapiaoRequest[];
  readonly accountEmail?: string | undefined;
  /** The address book: its default entry waits in the paper-delivery fields (delivery itself stays a choice). */
  readonly addresses?: readonly ShippingAddress[] | undefined;
}): Prefill {
  const address = input.addresses?.find(a => a.isDefault);
  const prefill = prefillBuyer(input);
  return address ? { ...prefill, draft: useShippingAddress(prefill.draft, address), addressId: address.id } : prefill;
}

function prefillBuyer(input: {
  readonly profiles: readonly BuyerProfile[];
  readonly requests: readonly FapiaoRequest[];
  readonly accountEmail?: string | undefined;
}): Prefill {
  const { profiles, requests, accountEmail = '' } = input;
  const last = requests.filter(r => USED.has(r.status)).sort(newestRequestFirst)[0];
  const saveProfile = profiles.length === 0;
  const sameBuyer = (p: BuyerProfile) =>
    last !== undefined && p.title === last.buyer.title && (p.taxId ?? '') === (last.buyer.taxId ?? '');
  // The customer's chosen default first; else the one last used; else the newest.
  const profile = profiles.find(p => p.isDefault) ?? profiles.find(sameBuyer) ?? profiles.at(-1);
  if (profile) {
    const draft = applyProfile(emptyDraft(), profile);
    return {
      draft: draft.email ? draft : { ...draft, email: last?.email ?? accountEmail },
      saveProfile,
      from: 'profile',
      profileId: profile.id,
    };
  }
  if (last) {
    // The buyer only: Fapiao kind and delivery are chosen per request.
    const draft = applyProfile(emptyDraft(), { id: '', ...last.buyer });
    return { draft: { ...draft, email: last.email ?? accountEmail }, saveProfile, from: 'request' };
  }
  return {
    draft: emptyDraft({ email: accountEmail }),
    saveProfile,
    from: accountEmail ? 'account' : 'nothing',
  };
}
