import type { Invoice, Statement } from './invoice.js';
import type { BuyerProfile, FapiaoAccount, FapiaoRequest, ShippingAddress } from './fapiao.js';
import {
  BUYER_KINDS,
  COURIERS,
  DELIVERY_KINDS,
  FAPIAO_REQUEST_STATUSES,
  REISSUE_REASONS,
  REISSUE_STEPS,
} from './fapiao.js';
import {
  calendarDate,
  array,
  boolean,
  currency,
  fen,
  httpUrl,
  instant,
  integer,
  nonEmptyString,
  object,
  oneOf,
  optional,
  run,
  string,
  type Decoder,
} from './decode.js';
import { fail, type Result } from '../result.js';
import type { FapiaoBalance } from '../rules/fapiao-balance.js';

import { documentLink, parseInvoice, partyRef, period } from './parse-invoice.js';

export { decodeInvoiceGeneral, parseInvoice } from './parse-invoice.js';

export const invoiceDecoder: Decoder<Invoice> = (input, path, issues) => {
  const result = parseInvoice(input, path);
  if (result.ok) return result.value;
  issues.push(
    ...result.issues.map(i => ({ ...i, path: i.path.replace(/^\$/, path), message: i.message.replace(/^\$/, path) })),
  );
  return undefined;
};

const statementShape = object({
  id: nonEmptyString,
  billingAccount: partyRef,
  currency,
  period,
  invoiceIds: array(nonEmptyString),
  openingBalance: fen,
  charges: fen,
  payments: fen,
  closingBalance: fen,
  document: optional(documentLink),
});

export function parseStatement(input: unknown): Result<Statement> {
  const result = run(statementShape as Decoder<Statement>, input);
  if (!result.ok) return result;
  const s = result.value;
  if (s.openingBalance + s.charges - s.payments !== s.closingBalance) {
    return fail('$.closingBalance', 'amounts.inconsistent', '$.closingBalance: opening + charges − payments ≠ closing');
  }
  return result;
}

/** The buyer's fields, shared by a request's buyer and a saved profile. */
const buyerFields = {
  buyerKind: oneOf(BUYER_KINDS),
  naturalPerson: optional(boolean),
  title: nonEmptyString,
  taxId: optional(string({ max: 20 })),
  address: optional(string({ max: 200 })),
  phone: optional(string({ max: 40 })),
  bankName: optional(string({ max: 200 })),
  bankAccount: optional(string({ max: 60 })),
};
const buyer = object(buyerFields);

export const buyerProfileDecoder = object({
  id: nonEmptyString,
  ...buyerFields,
  email: optional(string({ max: 200 })),
  isDefault: optional(boolean),
}) as Decoder<BuyerProfile>;

/** An address-book entry for paper Fapiao (the client's decoder; the byte limits are the server's to check). */
export const shippingAddressDecoder = object({
  id: nonEmptyString,
  recipient: string({ min: 1, max: 200 }),
  phone: string({ min: 1, max: 40 }),
  address: string({ min: 1, max: 400 }),
  isDefault: optional(boolean),
}) as Decoder<ShippingAddress>;

/** The customer's Fapiao balance per seller and currency, as `GET /fapiao-balance` answers (amounts in fen). */
export const fapiaoBalanceDecoder = object({
  sellerId: string({ max: 200 }),
  currency: string({ min: 3, max: 3 }),
  invoiceable: integer({ min: 0 }),
  upcoming: integer({ min: 0 }),
  invoiced: integer(),
  deficit: integer({ min: 0 }),
  invoiceableAfterOffset: integer({ min: 0 }),
  deficitLeft: integer({ min: 0 }),
}) as Decoder<FapiaoBalance>;

const pickupPoint = object({
  name: string({ min: 1, max: 200 }),
  address: string({ min: 1, max: 400 }),
  phone: string({ min: 1, max: 40 }),
  hours: optional(string({ max: 200 })),
});

export const fapiaoAccountDecoder = object({
  state: oneOf(['registered', 'pending-activation', 'unregistered'] as const),
  email: optional(string({ max: 200 })),
  registrationUrl: optional(httpUrl),
  activationExpiresAt: optional(instant),
  nextEmailAt: optional(instant),
  notices: optional(
    array(
      object({
        kind: string({ min: 1, max: 64 }),
        expectedIssueDate: optional(calendarDate),
        message: optional(string({ max: 500 })),
      }),
      { max: 20 },
    ),
  ),
  delivery: optional(
    object({
      kinds: array(oneOf(DELIVERY_KINDS), { max: DELIVERY_KINDS.length }),
      couriers: array(oneOf(COURIERS), { max: COURIERS.length }),
      pickup: optional(pickupPoint),
    }),
  ),
  reissue: optional(object({ windowDays: optional(integer({ min: 0, max: 100_000 })) })),
  draftPolicy: optional(object({ specialBuyerDetails: oneOf(['required', 'optional'] as const) })),
  issueWithinWorkingDays: optional(integer({ min: 0, max: 366 })),
}) as Decoder<FapiaoAccount>;

export const fapiaoRequestDecoder = object({
  id: nonEmptyString,
  invoiceIds: array(nonEmptyString),
  invoiceNumbers: optional(array(nonEmptyString)),
  amounts: optional(array(fen)),
  fapiaoKind: oneOf(['special', 'ordinary'] as const),
  buyer,
  delivery: oneOf(DELIVERY_KINDS),
  email: optional(string({ max: 200 })),
  shipping: optional(
    object({
      recipient: string({ max: 200 }),
      phone: string({ max: 40 }),
      address: string({ max: 400 }),
      courier: optional(oneOf(COURIERS)),
    }),
  ),
  pickup: optional(object({ point: pickupPoint, collector: string({ max: 200 }), phone: string({ max: 40 }) })),
  tracking: optional(object({ courier: oneOf(COURIERS), number: string({ min: 1, max: 40 }) })),
  emails: optional(array(object({ to: string({ max: 200 }), sentAt: instant }), { max: 1000 })),
  reissue: optional(
    object({
      reason: oneOf(REISSUE_REASONS),
      note: optional(string({ max: 500 })),
      fapiaoKind: oneOf(['special', 'ordinary'] as const),
      buyer,
      requestedAt: instant,
      step: oneOf(REISSUE_STEPS),
      steps: array(object({ step: oneOf(REISSUE_STEPS), at: instant }), { max: 10 }),
      confirmationNumber: optional(string({ max: 40 })),
      replacementId: optional(nonEmptyString),
    }),
  ),
  replaces: optional(nonEmptyString),
  note: optional(string({ max: 500 })),
  status: oneOf(FAPIAO_REQUEST_STATUSES),
  history: array(object({ status: oneOf(FAPIAO_REQUEST_STATUSES), at: instant, note: optional(string()) })),
  rejectionReason: optional(string()),
  fapiaos: array(
    object({
      number: nonEmptyString,
      kind: oneOf(['special', 'ordinary'] as const),
      issuedAt: instant,
      currency,
      net: fen,
      tax: fen,
      gross: fen,
      files: array(object({ format: oneOf(['pdf', 'ofd', 'xml'] as const), url: httpUrl })),
      reversedBy: optional(string()),
      reverses: optional(string()),
    }),
  ),
  createdAt: instant,
}) as Decoder<FapiaoRequest>;

export function parseFapiaoRequest(input: unknown): Result<FapiaoRequest> {
  return run(fapiaoRequestDecoder, input);
}

/** Validates untrusted JSON as a saved buyer profile (抬头). */
export function parseBuyerProfile(input: unknown): Result<BuyerProfile> {
  return run(buyerProfileDecoder, input);
}

export function parseFapiaoAccount(input: unknown): Result<FapiaoAccount> {
  return run(fapiaoAccountDecoder, input);
}
