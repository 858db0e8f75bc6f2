import {
  checkShippingAddress,
  explainDraftError,
  type DraftError,
  type Locale,
  type ShippingAddressInput,
} from '../../../src/core/index.js';
import { HttpProblem } from '../http.js';
import type { Queryable } from '../store/index.js';
import type { Customer, Route } from './route.js';
import { insertEntry, savedEntryRoutes, type SavedEntryKind } from './saved-entries.js';

/** Addresses a customer keeps for paper Fapiao: every office a finance team has, bounded so the list stays short. */
export const MAX_SHIPPING_ADDRESSES = 50;

/** The address book's names for the form's fields, so a 422 names the field the caller sent. */
const FIELD_OF: Partial<Record<DraftError['field'], string>> = {
  recipient: 'recipient',
  recipientPhone: 'phone',
  postalAddress: 'address',
};

function validAddress(input: unknown, locale: Locale): ShippingAddressInput {
  const check = checkShippingAddress(input);
  if (check.ok) return check.value;
  throw new HttpProblem(422, 'validation-failed', {
    detail: explainDraftError(check.errors[0]!, locale),
    extra: {
      errors: check.errors.map(e => ({
        field: FIELD_OF[e.field] ?? e.field,
        code: e.code,
        message: explainDraftError(e, locale),
      })),
    },
  });
}

export const SHIPPING_ADDRESSES: SavedEntryKind<ShippingAddressInput> = {
  path: 'shipping-addresses',
  table: 'shipping_addresses',
  defaultColumn: 'default_address_id',
  idPrefix: 'SA',
  what: 'The address',
  idName: 'address id',
  max: MAX_SHIPPING_ADDRESSES,
  tooMany: 'too-many-addresses',
  validate: validAddress,
};

/**
 * Keeps a request's address in the book (in the request's transaction) unless the same one is there already; a full
 * book does not cost the customer the Fapiao.
 */
export async function rememberAddress(tx: Queryable, customer: Customer, address: ShippingAddressInput, at: string) {
  const same = await tx.query('select 1 from shipping_addresses where tenant_id = $1 and body = $2::jsonb', [
    customer.id,
    JSON.stringify(address),
  ]);
  if (same.rows.length) return;
  await insertEntry(tx, SHIPPING_ADDRESSES, customer, address, at).catch(e => {
    if (!(e instanceof HttpProblem)) throw e;
  });
}

export const shippingAddressRoutes: readonly Route[] = savedEntryRoutes(SHIPPING_ADDRESSES);
