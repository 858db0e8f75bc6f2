import { DEFAULT_DRAFT_POLICY, type BuyerProfile, type DraftPolicy, type FapiaoBuyer } from '../model/fapiao.js';
import { validateTaxId } from '../rules/tax-id.js';
import { decodeDraft } from './decode-draft.js';
import { checkDraft, emptyDraft, type DraftError, type FapiaoDraft } from './fapiao-draft.js';
import { PROFILE_FIELDS } from './update-draft.js';

/**
 * The buyer a checked draft puts on the Fapiao: trimmed, the tax ID normalised, address/phone and bank/account for 专票
 * only. What the server stores on a request and a reissue, and what the form compares a correction with.
 */
export function buyerFromDraft(draft: FapiaoDraft): FapiaoBuyer {
  const taxId = draft.taxId.trim() ? validateTaxId(draft.taxId).normalized : undefined;
  return {
    buyerKind: draft.buyerKind,
    title: draft.title.trim(),
    ...(taxId ? { taxId } : {}),
    ...(draft.buyerKind === 'individual' && draft.naturalPerson ? { naturalPerson: true } : {}),
    // What the buyer gave (all four, unless the seller's policy leaves them optional: then the ones given).
    ...(draft.fapiaoKind === 'special'
      ? Object.fromEntries(
          (['address', 'phone', 'bankName', 'bankAccount'] as const)
            .map(f => [f, draft[f].trim()] as const)
            .filter(([, text]) => text !== ''),
        )
      : {}),
  };
}

/** A saved buyer profile (抬头) as stored: every field checked by the Fapiao field rules, trimmed, empties left out. */
export type BuyerProfileInput = Omit<BuyerProfile, 'id'>;

export type BuyerProfileCheck =
  | { readonly ok: true; readonly value: BuyerProfileInput }
  | { readonly ok: false; readonly errors: readonly DraftError[] };

const SPECIAL_FIELDS = ['address', 'phone', 'bankName', 'bankAccount'] as const;

/**
 * Checks a buyer profile with the same rules as the form (`checkDraft`): the title and tax ID always; the address,
 * phone, bank and account, when any is given, as a special VAT Fapiao needs them under the seller's `policy` (all four
 * by default; those given when the seller makes them optional), within their byte limits; the e-mail when given. A
 * profile that passes can always fill the form without an error the customer did not type.
 */
export function checkBuyerProfile(input: unknown, policy: DraftPolicy = DEFAULT_DRAFT_POLICY): BuyerProfileCheck {
  const raw = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;
  const decoded = decodeDraft({ ...pick(raw, [...PROFILE_FIELDS, 'naturalPerson', 'email']), delivery: 'electronic' });
  if (!decoded.ok) {
    const field = decoded.issues[0]?.path.replace(/^\$\./, '') ?? 'title';
    return {
      ok: false,
      errors: [{ field: (field === '$' ? 'title' : field) as DraftError['field'], code: 'required', params: {} }],
    };
  }
  const d = decoded.value;
  const wantsSpecial = SPECIAL_FIELDS.some(f => d[f].trim() !== '');
  const draft: FapiaoDraft = { ...emptyDraft(), ...d, fapiaoKind: wantsSpecial ? 'special' : 'ordinary' };
  const hasEmail = d.email.trim() !== '';
  const errors = checkDraft(draft, undefined, policy).errors.filter(e => (e.field === 'email' ? hasEmail : true));
  if (errors.length) return { ok: false, errors };
  const taxId = d.taxId.trim() ? validateTaxId(d.taxId).normalized : '';
  const value: Record<string, string | boolean> = { buyerKind: d.buyerKind, title: d.title.trim() };
  if (d.buyerKind === 'individual' && d.naturalPerson) value.naturalPerson = true;
  for (const [key, text] of [
    ['taxId', taxId],
    ...SPECIAL_FIELDS.map(f => [f, d[f].trim()]),
    ['email', d.email.trim()],
  ]) {
    if (text) value[key as string] = text as string;
  }
  return { ok: true, value: value as unknown as BuyerProfileInput };
}

function pick(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (raw[key] !== undefined && raw[key] !== null) out[key] = raw[key];
  return out;
}
