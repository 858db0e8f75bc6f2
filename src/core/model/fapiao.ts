import type { CurrencyCode, Fen } from '../money/fen.js';

/** 专票 (special VAT, deductible, enterprises only) or 普票 (ordinary). */
export type FapiaoKind = 'special' | 'ordinary';
/**
 * The buyer types of the 数电 issuing APIs: 企业, 机关事业单位 (government or public institution), 个人, 其他
 * (docs/domain.md §2.3).
 */
export const BUYER_KINDS = ['enterprise', 'government', 'individual', 'other'] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];
/** The issuing APIs' codes for them (01–04), as the Fapiao XML carries them. */
export const BUYER_KIND_CODES: Readonly<Record<BuyerKind, string>> = {
  enterprise: '01',
  government: '02',
  individual: '03',
  other: '04',
};
/**
 * How the Fapiao reaches the customer (docs/domain.md §1.3): an e-Fapiao by e-mail, a paper Fapiao by courier (freight
 * collect), or a paper Fapiao collected at the seller's branch.
 */
export const DELIVERY_KINDS = ['electronic', 'paper', 'pickup'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** The couriers 21Vianet ships paper Fapiao with, freight collect (到付): SF Express (顺丰) and Yunda (韵达). */
export const COURIERS = ['sf', 'yunda'] as const;
export type Courier = (typeof COURIERS)[number];

/** Where paper Fapiao can be collected: the seller's branch, from the seller's configuration. */
export interface PickupPoint {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  /** Opening hours in the seller's words, e.g. "工作日 9:00–17:00". */
  readonly hours?: string;
}

/** What a seller offers for delivery; a server without this offers e-mail and courier (SF or Yunda), no pick-up. */
export interface DeliveryOptions {
  readonly kinds: readonly DeliveryKind[];
  readonly couriers: readonly Courier[];
  readonly pickup?: PickupPoint;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { kinds: ['electronic', 'paper'], couriers: COURIERS };

/**
 * The seller's own rules for the form, beyond the platform's. `specialBuyerDetails`: whether a 专票 buyer must give the
 * registered address and phone and the bank and account. The 数电 issuing APIs make them optional even for 专票
 * (docs/domain.md §2); a seller may still ask for them, as Alibaba Cloud does and as fapiao-kit does by default.
 */
export interface DraftPolicy {
  readonly specialBuyerDetails: 'required' | 'optional';
}

export const DEFAULT_DRAFT_POLICY: DraftPolicy = { specialBuyerDetails: 'required' };

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
  /** How this seller delivers Fapiao; absent means `DEFAULT_DELIVERY_OPTIONS`. */
  readonly delivery?: DeliveryOptions;
  /** The seller's reissue window (China days after issue); absent: no window. */
  readonly reissue?: { readonly windowDays?: number };
  /** The seller's rules for the form; absent means `DEFAULT_DRAFT_POLICY` (专票 address and bank required). */
  readonly draftPolicy?: DraftPolicy;
  /** How many working days the seller takes to issue a Fapiao; absent means `DEFAULT_ISSUE_WORKING_DAYS` (2). */
  readonly issueWithinWorkingDays?: number;
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
  /** The customer's default title: the form starts from it, whatever was used last. */
  readonly isDefault?: boolean;
}

/** An entry of the customer's address book for paper Fapiao: who receives it, their phone, where. */
export interface ShippingAddress {
  readonly id: string;
  readonly recipient: string;
  readonly phone: string;
  readonly address: string;
  /** The address the form fills in for a paper Fapiao. */
  readonly isDefault?: boolean;
}

export const FAPIAO_REQUEST_STATUSES = [
  'submitted',
  'processing',
  'issued',
  'mailed',
  'ready-for-pickup',
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
  /** On a red-letter Fapiao (negative amounts): the number of the Fapiao it reverses. */
  readonly reverses?: string;
}

/** Why the customer asks for a reissue (换开); each is a red-letter reversal for 开票有误 (an error on the Fapiao). */
export const REISSUE_REASONS = ['buyer-name', 'tax-id', 'fapiao-kind', 'buyer-details', 'other'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];

/**
 * The steps of a reissue, in order (docs/domain.md §2.8): a paper Fapiao is sent back first; then the red-letter
 * confirmation form (红字发票信息确认单), the red-letter Fapiao that reverses the old one, the new Fapiao; done.
 */
export const REISSUE_STEPS = [
  'return-paper',
  'red-letter-confirmation',
  'red-letter-fapiao',
  'new-fapiao',
  'done',
] as const;
export type ReissueStep = (typeof REISSUE_STEPS)[number];

/** A customer's reissue of an issued request: the corrected buyer, where it stands, and what it produced. */
export interface Reissue {
  readonly reason: ReissueReason;
  /** The customer's words (plain text). */
  readonly note?: string;
  readonly fapiaoKind: FapiaoKind;
  readonly buyer: FapiaoBuyer;
  /** ISO instant. */
  readonly requestedAt: string;
  /** The step under way ('done' at the end). */
  readonly step: ReissueStep;
  /** When each step was reached, in order. */
  readonly steps: readonly { readonly step: ReissueStep; readonly at: string }[];
  /** The red-letter confirmation form's number (红字发票信息确认单编号), once made. */
  readonly confirmationNumber?: string;
  /** The request that issues the corrected Fapiao, once the old one is reversed. */
  readonly replacementId?: string;
}

export interface FapiaoBuyer {
  readonly buyerKind: BuyerKind;
  readonly title: string;
  readonly taxId?: string;
  /**
   * An individual buyer flagged as a natural person (自然人标识): the tax ID is then the person's own (usually the
   * resident ID number) and the Fapiao appears in their personal ticket folder (个人票夹).
   */
  readonly naturalPerson?: boolean;
  readonly address?: string;
  readonly phone?: string;
  readonly bankName?: string;
  readonly bankAccount?: string;
}

export interface PaperShipping {
  readonly recipient: string;
  readonly phone: string;
  readonly address: string;
  /** Absent on requests made before the customer could choose (the seller's choice then). */
  readonly courier?: Courier;
}

/** A paper Fapiao to be collected: where (the branch as it was when the customer asked), and by whom. */
export interface Pickup {
  readonly point: PickupPoint;
  readonly collector: string;
  readonly phone: string;
}

/** One e-mail that carried a request's issued Fapiao (its files attached). */
export interface FapiaoEmail {
  readonly to: string;
  /** ISO instant. */
  readonly sentAt: string;
}

/** The courier's waybill of a mailed Fapiao. */
export interface Tracking {
  readonly courier: Courier;
  readonly number: string;
}

export interface FapiaoRequest {
  readonly id: string;
  readonly invoiceIds: readonly string[];
  /** The bills' printed numbers, in `invoiceIds` order, for showing the request without loading each bill. */
  readonly invoiceNumbers?: readonly string[];
  /**
   * What the request takes of each bill (gross, in `invoiceIds` order), when it takes part of one: a request by amount
   * (its last bill in part), or the rest of a bill such a request took part of. Absent: each bill whole.
   */
  readonly amounts?: readonly Fen[];
  readonly fapiaoKind: FapiaoKind;
  readonly buyer: FapiaoBuyer;
  readonly delivery: DeliveryKind;
  readonly email?: string;
  /** For delivery by courier: who receives the Fapiao, where, and with which courier. */
  readonly shipping?: PaperShipping;
  /** For pick-up: the branch and who collects. */
  readonly pickup?: Pickup;
  /** Once mailed: the courier's tracking number. */
  readonly tracking?: Tracking;
  /** A reissue the customer asked for (换开): the old Fapiao reversed by red-letter ones, a new request issues anew. */
  readonly reissue?: Reissue;
  /** On a request made by a reissue: the request whose Fapiao it replaces. */
  readonly replaces?: string;
  /** The e-mails that carried the issued e-Fapiao, oldest first: the first on issue, then any the customer asked for. */
  readonly emails?: readonly FapiaoEmail[];
  readonly note?: string;
  readonly status: FapiaoRequestStatus;
  readonly history: readonly StatusChange[];
  readonly rejectionReason?: string;
  readonly fapiaos: readonly IssuedFapiao[];
  /** ISO instant. */
  readonly createdAt: string;
}

// The statuses a bill's eligibility reads live in a module of their own: a bills page's first render needs them, not
// the kinds and steps below (which the decoders of the HTTP client and the form use).
export { ISSUED_REQUEST_STATUSES, OPEN_REQUEST_STATUSES } from './request-statuses.js';

/** Orders requests newest first (ISO instants compare as text). */
export function newestRequestFirst(a: Pick<FapiaoRequest, 'createdAt'>, b: Pick<FapiaoRequest, 'createdAt'>): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
