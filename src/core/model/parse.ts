import type { Invoice, Statement } from './invoice.js';
import { ADJUSTMENT_KINDS, DOCUMENT_KINDS, INVOICE_KINDS, INVOICE_STATUSES, RAW_VALUE_MAX } from './invoice.js';
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
  dateOrInstant,
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
import { decodeInvoiceFast } from './invoice-fast.js';

const partyRef = object({ id: nonEmptyString, name: optional(string({ max: 200 })) });
const documentLink = object({
  kind: oneOf(DOCUMENT_KINDS),
  url: httpUrl,
  source: optional(string()),
  rawKind: optional(string({ max: RAW_VALUE_MAX })),
});
const period = object({ start: dateOrInstant, end: dateOrInstant });

const invoiceShape = object({
  id: nonEmptyString,
  number: nonEmptyString,
  kind: oneOf(INVOICE_KINDS),
  status: oneOf(INVOICE_STATUSES),
  rawStatus: optional(string({ max: RAW_VALUE_MAX })),
  currency,
  invoiceDate: dateOrInstant,
  dueDate: optional(dateOrInstant),
  billingPeriod: period,
  amounts: object({
    charges: fen,
    adjustments: array(object({ kind: oneOf(ADJUSTMENT_KINDS), amount: fen })),
    tax: fen,
    gross: fen,
    net: fen,
    due: fen,
    billed: optional(fen),
  }),
  lines: array(
    object({
      description: string({ max: 500 }),
      quantity: integer({ min: 0 }),
      amount: fen,
      taxRateBp: optional(integer({ min: 0, max: 10_000 })),
      serviceStart: optional(dateOrInstant),
      serviceEnd: optional(dateOrInstant),
    }),
  ),
  payments: array(
    object({ date: instant, amount: fen, type: oneOf(['payment', 'refund'] as const), method: optional(string()) }),
  ),
  paidAt: optional(instant),
  documents: array(documentLink),
  billingAccount: partyRef,
  billingProfile: optional(partyRef),
  seller: optional(partyRef),
  purchaseOrderNumber: optional(string({ max: 100 })),
  creditFor: optional(nonEmptyString),
  recurring: optional(boolean),
});

/** Checks the sums an invoice claims, so a server bug cannot put wrong money on screen. */
function checkInvoiceArithmetic(invoice: Invoice): Result<Invoice> {
  const a = invoice.amounts;
  // Summed by hand, each step checked: sums past 2^53 are not exact (and this runs for every host invoice).
  let adjustments = 0;
  for (let i = 0; i < a.adjustments.length; i++) {
    adjustments += a.adjustments[i]!.amount;
    if (!Number.isSafeInteger(adjustments)) return grossInconsistent();
  }
  const beforeTax = a.charges - adjustments;
  if (!Number.isSafeInteger(beforeTax) || beforeTax + a.tax !== a.gross) return grossInconsistent();
  if (a.gross - a.tax !== a.net) {
    return fail('$.amounts.net', 'amounts.inconsistent', '$.amounts.net: gross − tax ≠ net');
  }
  return { ok: true, value: invoice };
}

const grossInconsistent = (): Result<never> =>
  fail('$.amounts.gross', 'amounts.inconsistent', '$.amounts.gross: charges − adjustments + tax ≠ gross');

/** The general decoder's answer, every issue with its path (the fast one in `invoice-fast.ts` is held to it). */
export function decodeInvoiceGeneral(input: unknown, path = '$'): Result<Invoice> {
  return run(invoiceShape as Decoder<Invoice>, input, path);
}

/** Validates untrusted JSON as an Invoice; issues name the exact path (`$.amounts.gross`). */
export function parseInvoice(input: unknown, path = '$'): Result<Invoice> {
  const fast = decodeInvoiceFast(input);
  if (fast) return checkInvoiceArithmetic(fast);
  const result = decodeInvoiceGeneral(input, path);
  return result.ok ? checkInvoiceArithmetic(result.value) : result;
}

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
