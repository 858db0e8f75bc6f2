import type { FapiaoDraft } from '../core/draft/fapiao-draft.js';
import type { Invoice, Statement } from '../core/model/invoice.js';
import type { LocalInvoiceQuery } from '../core/rules/query-invoices.js';
import type {
  BuyerProfile,
  FapiaoAccount,
  FapiaoRequest,
  ReissueReason,
  ShippingAddress,
} from '../core/model/fapiao.js';

/** Filters and sort (the same meaning as `queryInvoices` in the core) plus paging for the invoice list. */
export interface InvoiceQuery extends LocalInvoiceQuery {
  /** 1–500, default 50. */
  readonly limit?: number;
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** Items matching the filters across all pages. */
  readonly total: number;
}

export interface BillingAccount {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/**
 * A request for bills (`invoiceIds`, each for what it has left) or for an amount (`amount`: the server picks the
 * seller's bills, oldest payment first, the last one in part).
 */
export type CreateFapiaoRequestInput = (
  | { readonly invoiceIds: readonly string[]; readonly amount?: never }
  | { readonly amount: AmountToRequest; readonly invoiceIds?: never }
) &
  CreateFapiaoRequestDetails;

export interface CreateFapiaoRequestDetails {
  /** The form as typed; the server checks it with the same core rules. */
  readonly draft: FapiaoDraft;
  /** Also save the buyer details as a profile (抬头) for next time. */
  readonly saveProfile?: boolean;
  /** Also keep a paper Fapiao's recipient, phone and address in the address book (once: a known one is not added). */
  readonly saveAddress?: boolean;
}

import type { BuyerProfileInput } from '../core/draft/buyer-profile.js';
import type { ShippingAddressInput } from '../core/draft/shipping-address.js';
import type { RegistrationInput } from '../core/rules/account-registration.js';
import type { DatePeriod } from '../core/rules/tax-period.js';
import type { FapiaoBalance } from '../core/rules/fapiao-balance.js';
import type { AmountToRequest } from '../core/rules/request-by-amount.js';
import type { FapiaoKind } from '../core/model/fapiao.js';
import type { PlanPreview } from '../core/rules/plan-fapiao.js';
export type { BuyerProfileInput, ShippingAddressInput };

/**
 * What the elements need from a billing backend. `createBillingClient` implements it over HTTP; a host may pass
 * its own (for example one wrapping Microsoft's Billing API through `fromMicrosoftInvoice`).
 * Every method rejects with an `ApiError` whose `kind` says what went wrong.
 */
export interface BillingClient {
  listBillingAccounts(options?: CallOptions): Promise<readonly BillingAccount[]>;
  listInvoices(query?: InvoiceQuery, options?: CallOptions): Promise<Page<Invoice>>;
  getInvoice(id: string, options?: CallOptions): Promise<Invoice>;
  listStatements(query?: { billingAccount?: string }, options?: CallOptions): Promise<readonly Statement[]>;
  getFapiaoAccount(options?: CallOptions): Promise<FapiaoAccount>;
  /**
   * Registers the Fapiao account (an order number from one of the customer's bills, an e-mail address): the server
   * sends an activation link. Optional: a backend without it leaves registration to the host's own flow.
   */
  registerFapiaoAccount?(input: RegistrationInput, options?: CallOptions): Promise<FapiaoAccount>;
  /** Sends the activation e-mail again (a new link). Optional, with `registerFapiaoAccount`. */
  resendActivationEmail?(options?: CallOptions): Promise<FapiaoAccount>;
  listBuyerProfiles(options?: CallOptions): Promise<readonly BuyerProfile[]>;
  createBuyerProfile(profile: BuyerProfileInput, options?: CallOptions): Promise<BuyerProfile>;
  updateBuyerProfile(id: string, profile: BuyerProfileInput, options?: CallOptions): Promise<BuyerProfile>;
  deleteBuyerProfile(id: string, options?: CallOptions): Promise<void>;
  /** Makes a saved profile the customer's default title; answers the profiles with it marked. Optional. */
  setDefaultBuyerProfile?(id: string, options?: CallOptions): Promise<readonly BuyerProfile[]>;
  /**
   * The address book for paper Fapiao (up to 50, one default). Optional, all five together: without them the form
   * asks for the recipient and address each time.
   */
  listShippingAddresses?(options?: CallOptions): Promise<readonly ShippingAddress[]>;
  createShippingAddress?(address: ShippingAddressInput, options?: CallOptions): Promise<ShippingAddress>;
  updateShippingAddress?(id: string, address: ShippingAddressInput, options?: CallOptions): Promise<ShippingAddress>;
  deleteShippingAddress?(id: string, options?: CallOptions): Promise<void>;
  /** Makes an address the one the form fills in; answers the book with it marked. */
  setDefaultShippingAddress?(id: string, options?: CallOptions): Promise<readonly ShippingAddress[]>;
  /**
   * Creates one request. The same `idempotencyKey` always yields the same request (safe to retry after a timeout
   * or a dropped connection); make one key per draft and keep it until the request succeeds.
   */
  createFapiaoRequest(
    input: CreateFapiaoRequestInput,
    options: CallOptions & { idempotencyKey: string },
  ): Promise<FapiaoRequest>;
  listFapiaoRequests(options?: CallOptions): Promise<readonly FapiaoRequest[]>;
  getFapiaoRequest(id: string, options?: CallOptions): Promise<FapiaoRequest>;
  /**
   * Sends a request's issued Fapiao by e-mail again (files attached), to `to` or the request's own address; answers
   * the request with the e-mail recorded. Optional: without it the history offers no "send again".
   */
  resendFapiaoEmail?(id: string, input: { to?: string }, options?: CallOptions): Promise<FapiaoRequest>;
  /**
   * Withdraws a request the seller has not started issuing (it becomes `cancelled`, its bills free again); withdrawing
   * it again answers the same. Optional: without it the history offers no withdrawal.
   */
  withdrawFapiaoRequest?(id: string, options?: CallOptions): Promise<FapiaoRequest>;
  /**
   * Asks for a reissue (换开) of an issued request with corrections (`reason`, the corrected `draft`, a `note`): the old
   * Fapiao is reversed by a red-letter one and a new request issues the corrected one. The same corrections again
   * answer the same reissue. Optional: without it the history offers no reissue.
   */
  requestReissue?(
    id: string,
    input: { reason: ReissueReason; note?: string; draft: FapiaoDraft },
    options?: CallOptions,
  ): Promise<FapiaoRequest>;
  /** The URL of an invoice's PDF (for links when the host authenticates with cookies). */
  invoicePdfUrl(id: string): string;
  statementPdfUrl(id: string): string;
  /**
   * The URL of one ZIP with every issued Fapiao (PDF, OFD, XML) of these requests and a manifest, for `download`.
   * Optional: without it the request history offers the files one by one.
   */
  fapiaoArchiveUrl?(requestIds: readonly string[]): string;
  /**
   * The URL of the accountant's bundle for a tax period (China dates, both included): every Fapiao issued in it with
   * the bills' PDFs and a bill ⇄ payment ⇄ Fapiao table. Optional: without it the history offers no period download.
   */
  fapiaoPeriodArchiveUrl?(period: DatePeriod): string;
  /**
   * The customer's Fapiao balance per seller and currency over all their bills (invoiceable now and soon, invoiced,
   * 欠票 after refunds). Optional: without it the request history shows no balance.
   */
  getFapiaoBalance?(options?: CallOptions): Promise<readonly FapiaoBalance[]>;
  /**
   * What a request by `amount` would take and issue, by the server's rule: the Fapiao with their bills (the last in
   * part), net and VAT. Rejects with the server's reason (`amount-not-invoiceable`) when the amount does not fit.
   * Optional, with `getFapiaoBalance`: without both, the form offers no request by amount.
   */
  previewFapiaoPlan?(amount: AmountToRequest, fapiaoKind: FapiaoKind, options?: CallOptions): Promise<PlanPreview>;
  /** Downloads a document (invoice PDF, statement PDF, issued Fapiao file) with the client's credentials. */
  download(url: string, options?: CallOptions): Promise<Blob>;
}
