import type { CurrencyCode, Fen } from '../money/fen.js';

/** 专票 (special VAT, deductible, enterprises only) or 普票 (ordinary). */
export type FapiaoKind = 'special' | 'ordinary';
export type BuyerKind = 'enterprise' | 'individual';
export type DeliveryKind = 'electronic' | 'paper';

/** Whether the customer can use the Fapiao management system (21Vianet needs a registered, activated account). */
export type FapiaoAccountState = 'registered' | 'pending-activation' | 'unregistered';

export interface FapiaoAccount {
  readonly state: FapiaoAccountState;
  /** The account's address; while `pending-activation`, the one the activation link went to. */
  readonly email?: string;
  readonly registrationUrl?: string;
  /** While `pending-activation`: when the activation link stops working (ISO instant). */
  readonly activationExpiresAt?: string;
  /** While `pending-activation`: the earliest time another activation e-mail may be asked for, when later than now. */
  readonly nextEmailAt?: string;
  /** What the operator wants customers to know before they request, e.g. a Fapiao stock shortage. */
  readonly notices?: readonly ServiceNotice[];
}

/** The notice kinds the core can put in words; a server may send others, which the elements leave out. */
export const SERVICE_NOTICE_KINDS = ['stock-shortage'] as const;
export type ServiceNoticeKind = (typeof SERVICE_NOTICE_KINDS)[number];

/**
 * An operator's notice (docs/domain.md §1.3: "when Fapiao stock runs out, the system shows a notice with the expected
 * issue time"): its kind, the China calendar day Fapiao are expected to be issued again, and the operator's own words.
 */
export interface ServiceNotice {
  readonly kind: ServiceNoticeKind | (string & {});
  readonly expectedIssueDate?: string;
  readonly message?: string;
}

/** A saved buyer title (抬头) the customer can reuse: the buyer details plus where the Fapiao goes. */
export interface BuyerProfile extends FapiaoBuyer {
  readonly id: string;
  readonly email?: string;
}

export const FAPIAO_REQUEST_STATUSES = [
  'submitted',
  'processing',
  'issued',
  'mailed',
  'rejected',
  'cancelled',
  'reversed',
] as const;
export type FapiaoRequestStatus = (typeof FAPIAO_REQUEST_STATUSES)[number];

export interface StatusChange {
  readonly status: FapiaoRequestStatus;
  /** ISO instant. */
  readonly at: string;
  readonly note?: string;
}

export interface IssuedFapiaoFile {
  readonly format: 'pdf' | 'ofd' | 'xml';
  readonly url: string;
}

/** A Fapiao as issued: the 20-digit 数电 number, amounts and files. */
export interface IssuedFapiao {
  readonly number: string;
  readonly kind: FapiaoKind;
  /** ISO instant. */
  readonly issuedAt: string;
  readonly currency: CurrencyCode;
  readonly net: Fen;
  readonly tax: Fen;
  readonly gross: Fen;
  readonly files: readonly IssuedFapiaoFile[];
  /** Set when a red-letter (红字) Fapiao reversed this one. */
  readonly reversedBy?: string;
}

export interface FapiaoBuyer {
  readonly buyerKind: BuyerKind;
  readonly title: string;
  readonly taxId?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly bankName?: string;
  readonly bankAccount?: string;
}

export interface PaperShipping {
  readonly recipient: string;
  readonly phone: string;
  readonly address: string;
}

export interface FapiaoRequest {
  readonly id: string;
  readonly invoiceIds: readonly string[];
  /** The bills' printed numbers, in `invoiceIds` order, for showing the request without loading each bill. */
  readonly invoiceNumbers?: readonly string[];
  readonly fapiaoKind: FapiaoKind;
  readonly buyer: FapiaoBuyer;
  readonly delivery: DeliveryKind;
  readonly email?: string;
  /** For paper delivery: who receives the Fapiao, and where. */
  readonly shipping?: PaperShipping;
  readonly note?: string;
  readonly status: FapiaoRequestStatus;
  readonly history: readonly StatusChange[];
  readonly rejectionReason?: string;
  readonly fapiaos: readonly IssuedFapiao[];
  /** ISO instant. */
  readonly createdAt: string;
}

/** Request states that block another request for the same invoice. */
export const OPEN_REQUEST_STATUSES: readonly FapiaoRequestStatus[] = ['submitted', 'processing'];

/** Orders requests newest first (ISO instants compare as text). */
export function newestRequestFirst(a: Pick<FapiaoRequest, 'createdAt'>, b: Pick<FapiaoRequest, 'createdAt'>): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
/** Request states after which the invoice counts as invoiced. */
export const ISSUED_REQUEST_STATUSES: readonly FapiaoRequestStatus[] = ['issued', 'mailed'];
