import {
  DEFAULT_DELIVERY_OPTIONS,
  DEFAULT_DRAFT_POLICY,
  type BuyerKind,
  type Courier,
  type DeliveryKind,
  type DeliveryOptions,
  type DraftPolicy,
  type FapiaoKind,
} from '../model/fapiao.js';
import { measureGbk } from './gbk.js';
import { validateTaxId, type TaxIdResult } from '../rules/tax-id.js';

/**
 * What the customer types in the Fapiao form, as plain strings: nothing is parsed away, so the form can always
 * be shown again exactly as typed (after an error, a reload, a failed submit).
 */
export interface FapiaoDraft {
  buyerKind: BuyerKind;
  fapiaoKind: FapiaoKind;
  title: string;
  taxId: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  /** For an individual: flag the buyer as a natural person (the tax ID is then theirs, and required). */
  naturalPerson: boolean;
  delivery: DeliveryKind;
  email: string;
  /** For delivery by courier. */
  courier: Courier;
  /** Who receives the courier's parcel, or who collects at the branch. */
  recipient: string;
  recipientPhone: string;
  postalAddress: string;
  note: string;
  /** The user confirmed a well-formed tax ID that fails its checksum (docs/domain.md §3.1). */
  acceptChecksumWarning: boolean;
}

export type DraftField = Exclude<keyof FapiaoDraft, 'acceptChecksumWarning' | 'naturalPerson'>;

export function emptyDraft(overrides: Partial<FapiaoDraft> = {}): FapiaoDraft {
  return {
    buyerKind: 'enterprise',
    fapiaoKind: 'ordinary',
    title: '',
    taxId: '',
    address: '',
    phone: '',
    bankName: '',
    bankAccount: '',
    naturalPerson: false,
    delivery: 'electronic',
    email: '',
    courier: 'sf',
    recipient: '',
    recipientPhone: '',
    postalAddress: '',
    note: '',
    acceptChecksumWarning: false,
    ...overrides,
  };
}

/** The delivery kinds a customer can choose: the offered ones that can work (pick-up needs a branch, courier one). */
export function offeredDeliveryKinds(options: DeliveryOptions): DeliveryKind[] {
  return options.kinds.filter(
    k => (k !== 'pickup' || options.pickup !== undefined) && (k !== 'paper' || options.couriers.length > 0),
  );
}

/** Whether the seller offers the draft's delivery (and, by courier, its courier). */
export function offers(options: DeliveryOptions, draft: Pick<FapiaoDraft, 'delivery' | 'courier'>): boolean {
  if (!offeredDeliveryKinds(options).includes(draft.delivery)) return false;
  return draft.delivery !== 'paper' || options.couriers.includes(draft.courier);
}

/** Limits from the 数电 issuing APIs (docs/domain.md §2.4). Bytes are GBK bytes. */
export const DRAFT_LIMITS = {
  titleBytes: 100,
  addressPlusPhoneBytes: 100,
  bankPlusAccountBytes: 100,
  phoneChars: 20,
  bankAccountChars: 50,
  emailChars: 200,
  /** Recipients of one e-Fapiao (finance, the buyer's accountant…): at most this many addresses. */
  emailAddresses: 5,
  noteBytes: 200,
  postalAddressBytes: 200,
  recipientBytes: 60,
} as const;

export type DraftErrorCode =
  | 'required'
  | 'too-long-bytes'
  | 'too-long-chars'
  | 'unencodable'
  | 'angle-brackets'
  | 'phone-charset'
  | 'account-charset'
  | 'email'
  | 'too-many-addresses'
  | 'special-requires-enterprise'
  | 'tax-id-empty'
  | 'natural-person-tax-id'
  | 'tax-id-length'
  | 'tax-id-truncated'
  | 'tax-id-charset'
  | 'tax-id-format'
  | 'tax-id-checksum'
  | 'tax-id-check-digit'
  | 'control-characters'
  | 'delivery-not-offered';

export interface DraftError {
  readonly field: DraftField;
  readonly code: DraftErrorCode;
  /** Numbers and characters for the message: `{ max: 100, actual: 112 }`, `{ chars: '😀' }`. */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface DraftCheck {
  readonly ok: boolean;
  readonly errors: readonly DraftError[];
  /** A checksum warning that the user may override (present whether or not it was accepted). */
  readonly taxIdWarning?: TaxIdResult;
  /** The GBK bytes used per limited field, for "43 / 100" counters as the user types. */
  readonly usage: Readonly<Record<'title' | 'addressPhone' | 'bankAccount' | 'note', number>>;
}

/** Which fields the form shows for a buyer kind and Fapiao kind. */
export function draftFields(draft: Pick<FapiaoDraft, 'buyerKind' | 'fapiaoKind' | 'delivery'>): DraftField[] {
  const fields: DraftField[] = ['buyerKind', 'fapiaoKind', 'title', 'taxId'];
  if (draft.fapiaoKind === 'special') fields.push('address', 'phone', 'bankName', 'bankAccount');
  fields.push('delivery');
  if (draft.delivery === 'electronic') fields.push('email');
  else if (draft.delivery === 'paper') fields.push('courier', 'recipient', 'recipientPhone', 'postalAddress');
  else fields.push('recipient', 'recipientPhone');
  fields.push('note');
  return fields;
}

const PHONE = /^[0-9()（）\-－ +]+$/;
const ACCOUNT = /^[0-9 \-]+$/;
// Labels of the domain cannot hold a dot, so the match is linear: an earlier pattern backtracked quadratically and one
// 60 KB address held a server's event loop for 2 s. The length is checked before the pattern runs.
/** An e-mail address as people type it: one @, a dot in the domain, no spaces or address-list punctuation. */
export const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(?:\.[^\s@<>()[\],;:".]+)+$/;

/**
 * The addresses of an e-mail field as people list them: separated by commas, semicolons (half- or full-width), the
 * Chinese enumeration comma or spaces; duplicates (in any case) once. `invalid` holds those that are not addresses.
 */
export function emailList(text: string): { readonly addresses: string[]; readonly invalid: string[] } {
  const addresses: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;，；、]+/)) {
    if (!part || seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    (EMAIL.test(part) ? addresses : invalid).push(part);
  }
  return { addresses, invalid };
}
/**
 * Control characters (C0 but tab and line feed, DEL, C1) and lone surrogates: nothing a Fapiao can print, and they
 * would make its XML not well-formed. Line feeds are allowed in the multi-line fields only.
 */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MULTILINE: ReadonlySet<DraftField> = new Set(['note', 'postalAddress']);
const TEXT_FIELDS: ReadonlySet<DraftField> = new Set([
  'title',
  'taxId',
  'address',
  'phone',
  'bankName',
  'bankAccount',
  'email',
  'recipient',
  'recipientPhone',
  'postalAddress',
  'note',
]);

/**
 * Checks a draft against the Fapiao field rules: 专票 only for enterprises, with address/phone and bank/account (unless
 * the seller's `policy` makes them optional: then only what is given is checked); 普票 for enterprises needs name +
 * tax ID, for individuals the name only; GBK byte limits; delivery details as the seller offers them.
 * Pure and synchronous so it can run on every keystroke and, unchanged, on the server.
 */
export function checkDraft(
  draft: FapiaoDraft,
  delivery: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
  policy: DraftPolicy = DEFAULT_DRAFT_POLICY,
): DraftCheck {
  const errors: DraftError[] = [];
  const unprintable = new Set<DraftField>();
  const add = (field: DraftField, code: DraftErrorCode, params: Record<string, string | number> = {}) => {
    if (!unprintable.has(field)) errors.push({ field, code, params });
  };
  const required = (field: DraftField): boolean => {
    if (draft[field].trim() === '') {
      add(field, 'required');
      return false;
    }
    return true;
  };
  const gbk = (field: DraftField, text: string, max: number): number => {
    const m = measureGbk(text);
    if (m.unencodable.length > 0) add(field, 'unencodable', { chars: m.unencodable.join(' ') });
    if (m.bytes > max) add(field, 'too-long-bytes', { max, actual: m.bytes });
    return m.bytes;
  };
  // Control characters make a field unprintable: said once, instead of the field's other rules. Only the fields this
  // draft shows are checked (the server stores no other), so no error can point at a field the customer cannot see.
  for (const field of draftFields(draft)) {
    if (!TEXT_FIELDS.has(field)) continue;
    const value = draft[field];
    if (CONTROL.test(value) || (!MULTILINE.has(field) && /[\n\t]/.test(value))) {
      add(field, 'control-characters');
      unprintable.add(field);
    }
  }
  const special = draft.fapiaoKind === 'special';
  if (special && draft.buyerKind !== 'enterprise') add('fapiaoKind', 'special-requires-enterprise');

  let titleBytes = 0;
  if (required('title')) {
    titleBytes = gbk('title', draft.title.trim(), DRAFT_LIMITS.titleBytes);
    if (/[<>]/.test(draft.title)) add('title', 'angle-brackets');
  }

  let taxIdWarning: TaxIdResult | undefined;
  // An enterprise gives its tax ID; so does a natural person, whose Fapiao is filed under it.
  const taxIdNeeded = draft.buyerKind === 'enterprise' || (draft.buyerKind === 'individual' && draft.naturalPerson);
  if (draft.taxId.trim() !== '' || taxIdNeeded) {
    const result = validateTaxId(draft.taxId);
    if (!result.valid) {
      if (result.problem === 'checksum' && result.overridable) {
        taxIdWarning = result;
        if (!draft.acceptChecksumWarning) add('taxId', 'tax-id-checksum', { expected: result.expectedCheck ?? '' });
      } else {
        // A check digit that cannot be overridden (a resident ID's): a typo, said with the digit it should be.
        if (result.problem === 'checksum') add('taxId', 'tax-id-check-digit', { expected: result.expectedCheck ?? '' });
        else if (result.problem === 'empty' && draft.buyerKind !== 'enterprise') add('taxId', 'natural-person-tax-id');
        else
          add('taxId', `tax-id-${result.problem ?? 'format'}` as DraftErrorCode, { length: result.normalized.length });
      }
    }
  }

  let addressPhoneBytes = 0;
  let bankAccountBytes = 0;
  if (special) {
    // What the seller asks for is required; what it leaves optional is checked only when given.
    const given =
      policy.specialBuyerDetails === 'required' ? required : (field: DraftField) => draft[field].trim() !== '';
    const hasAddress = given('address');
    const hasPhone = given('phone');
    if (hasPhone) {
      if (!PHONE.test(draft.phone.trim())) add('phone', 'phone-charset');
      if ([...draft.phone.trim()].length > DRAFT_LIMITS.phoneChars)
        add('phone', 'too-long-chars', { max: DRAFT_LIMITS.phoneChars, actual: [...draft.phone.trim()].length });
    }
    if (hasAddress || hasPhone) {
      addressPhoneBytes = gbk(
        'address',
        `${draft.address.trim()}${draft.phone.trim()}`,
        DRAFT_LIMITS.addressPlusPhoneBytes,
      );
    }
    const hasBank = given('bankName');
    const hasAccount = given('bankAccount');
    if (hasAccount) {
      if (!ACCOUNT.test(draft.bankAccount.trim())) add('bankAccount', 'account-charset');
      if (draft.bankAccount.trim().length > DRAFT_LIMITS.bankAccountChars)
        add('bankAccount', 'too-long-chars', {
          max: DRAFT_LIMITS.bankAccountChars,
          actual: draft.bankAccount.trim().length,
        });
    }
    if (hasBank || hasAccount) {
      bankAccountBytes = gbk(
        'bankName',
        `${draft.bankName.trim()}${draft.bankAccount.trim()}`,
        DRAFT_LIMITS.bankPlusAccountBytes,
      );
    }
  }

  if (draft.delivery === 'electronic') {
    if (required('email')) {
      const email = draft.email.trim();
      const list = emailList(email);
      if (email.length > DRAFT_LIMITS.emailChars) {
        add('email', 'too-long-chars', { max: DRAFT_LIMITS.emailChars, actual: email.length });
      } else if (list.invalid.length) add('email', 'email', { address: list.invalid[0]! });
      else if (list.addresses.length > DRAFT_LIMITS.emailAddresses)
        add('email', 'too-many-addresses', { max: DRAFT_LIMITS.emailAddresses, actual: list.addresses.length });
    }
  } else {
    if (required('recipient')) gbk('recipient', draft.recipient.trim(), DRAFT_LIMITS.recipientBytes);
    if (required('recipientPhone')) {
      const phone = draft.recipientPhone.trim();
      if (!PHONE.test(phone)) add('recipientPhone', 'phone-charset');
      else if ([...phone].length > DRAFT_LIMITS.phoneChars)
        add('recipientPhone', 'too-long-chars', { max: DRAFT_LIMITS.phoneChars, actual: [...phone].length });
    }
    if (draft.delivery === 'paper' && required('postalAddress'))
      gbk('postalAddress', draft.postalAddress.trim(), DRAFT_LIMITS.postalAddressBytes);
  }
  if (!offers(delivery, draft)) add(draft.delivery === 'paper' ? 'courier' : 'delivery', 'delivery-not-offered');

  const noteBytes = draft.note.trim() === '' ? 0 : gbk('note', draft.note.trim(), DRAFT_LIMITS.noteBytes);
  return {
    ok: errors.length === 0,
    errors,
    ...(taxIdWarning ? { taxIdWarning } : {}),
    usage: { title: titleBytes, addressPhone: addressPhoneBytes, bankAccount: bankAccountBytes, note: noteBytes },
  };
}
