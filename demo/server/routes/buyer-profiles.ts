import { checkBuyerProfile, explainDraftError, type BuyerProfileInput, type Locale } from '../../../src/core/index.js';
import { HttpProblem } from '../http.js';
import type { Queryable } from '../store/index.js';
import type { Customer, Route, Services } from './route.js';
import { insertEntry, savedEntryRoutes, type SavedEntryKind } from './saved-entries.js';

/** Saved buyer profiles per customer: enough for every entity a finance team invoices, bounded so lists stay fast. */
export const MAX_BUYER_PROFILES = 50;

/** A profile as the form rules (and the seller's) accept it, or 422 with every error in the request's language. */
export function validProfile(
  input: unknown,
  locale: Locale,
  services: Pick<Services, 'draftPolicy'>,
): BuyerProfileInput {
  const check = checkBuyerProfile(input, services.draftPolicy);
  if (check.ok) return check.value;
  throw new HttpProblem(422, 'validation-failed', {
    detail: explainDraftError(check.errors[0]!, locale),
    extra: {
      errors: check.errors.map(e => ({ field: e.field, code: e.code, message: explainDraftError(e, locale) })),
    },
  });
}

export const BUYER_PROFILES: SavedEntryKind<BuyerProfileInput> = {
  path: 'buyer-profiles',
  table: 'buyer_profiles',
  defaultColumn: 'default_profile_id',
  idPrefix: 'BP',
  what: 'The buyer profile',
  idName: 'profile id',
  max: MAX_BUYER_PROFILES,
  tooMany: 'too-many-profiles',
  validate: validProfile,
};

/** Stores a profile (in the caller's transaction) unless the customer has `MAX_BUYER_PROFILES`. */
export function insertProfile(tx: Queryable, customer: Customer, profile: BuyerProfileInput, at: string) {
  return insertEntry(tx, BUYER_PROFILES, customer, profile, at);
}

export const buyerProfileRoutes: readonly Route[] = savedEntryRoutes(BUYER_PROFILES);
