import type { AmountError } from '../rules/request-by-amount.js';
import type { ReasonCode } from '../rules/eligibility.js';
import type { DraftErrorCode, DraftField } from '../draft/fapiao-draft.js';
import type {
  BuyerKind,
  Courier,
  DeliveryKind,
  FapiaoKind,
  FapiaoRequestStatus,
  ReissueReason,
  ReissueStep,
  ServiceNoticeKind,
} from '../model/fapiao.js';
import type { InvoiceStatus } from '../model/invoice.js';
import type { FapiaoState } from '../rules/fapiao-state.js';
import type { ApiErrorKind } from '../api-error.js';
import type { RegistrationErrorCode, RegistrationField } from '../rules/account-registration.js';
import type { FapiaoEmailErrorCode } from '../rules/fapiao-email.js';
import type { ReissueBlockCode } from '../rules/reissue.js';
import type { WithdrawBlockCode } from '../rules/withdraw.js';

export const LOCALES = ['zh-CN', 'en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** Values already formatted for the locale (dates, money) plus raw numbers and codes. */
export type MessageParams = Readonly<Record<string, string | number>>;
export type Message = (p: MessageParams) => string;

/**
 * The core's words a bills page needs: why a bill can or cannot get a Fapiao, statuses, failed calls, the CSV
 * export. They come with `<bill-list>`'s first render; each locale's `bills/<locale>.ts` is typed
 * with it, so a missing key is a compile error.
 */
export interface CoreBillMessages {
  readonly fapiaoGloss: string;
  readonly reason: Record<ReasonCode, Message>;
  readonly invoiceStatus: Record<InvoiceStatus, string>;
  readonly apiError: Record<ApiErrorKind, Message>;
  /** A bill's Fapiao state in a word or two; `eligible-from` gets `fromText` (a formatted China date). */
  readonly fapiaoState: Record<FapiaoState, Message>;
  /** Column headers of `invoicesToCsv`, in its column order. */
  readonly csvColumns: { readonly invoice: readonly string[]; readonly fapiao: readonly string[] };
}

/** The core's words of registering a Fapiao account, fetched with `<fapiao-account>` (`account/<locale>.ts`). */
export interface CoreAccountMessages {
  /** Field names, and problems (with `label`, and `atText` for `too-many-emails`). */
  readonly registrationField: Record<RegistrationField, string>;
  readonly registrationError: Record<RegistrationErrorCode, Message>;
}

/**
 * The core's words of a Fapiao request: the draft's fields and errors, kinds, deliveries, the requests' statuses,
 * e-mail, reissue and withdrawal, operator notices. A page fetches them with the form (`request/<locale>.ts`).
 */
export interface CoreRequestMessages {
  readonly draftError: Record<DraftErrorCode, Message>;
  readonly field: Record<DraftField, string>;
  readonly buyerKind: Record<BuyerKind, string>;
  readonly fapiaoKind: Record<FapiaoKind, string>;
  readonly delivery: Record<DeliveryKind, string>;
  /** Courier names as customers know them (顺丰速运, 韵达快递). */
  readonly courier: Record<Courier, string>;
  readonly requestStatus: Record<FapiaoRequestStatus, string>;
  readonly taxIdOverride: Message;
  /** Sending an issued Fapiao by e-mail again; `too-many-emails` gets `atText` (China time). */
  readonly fapiaoEmailError: Record<FapiaoEmailErrorCode, Message>;
  /** A reissue (换开): the customer's reasons, why one cannot be asked for (`untilText` for `window-passed`), its steps. */
  readonly reissueReason: Record<ReissueReason, string>;
  readonly reissueBlock: Record<ReissueBlockCode, Message>;
  readonly reissueStep: Record<ReissueStep, string>;
  /** Why a request cannot be withdrawn. */
  readonly withdrawBlock: Record<WithdrawBlockCode, string>;
  /** Why an amount cannot be requested: `minimumText`, `invoiceableText` (formatted money). */
  readonly amountError: Record<AmountError['code'], Message>;
  /** Operator notices; `stock-shortage` gets `onText` (the expected issue date, formatted) when there is one. */
  readonly notice: Record<ServiceNoticeKind, Message>;
}

/**
 * The core's catalogue: every reason, error and domain term of one locale, the three parts together. Each locale's
 * `<locale>.ts` is typed with it, so a missing key is a compile error.
 */
export interface CoreMessages extends CoreBillMessages, CoreRequestMessages, CoreAccountMessages {}

/** Which part of a locale's core words: the bills page's, the request form's, or account registration's. */
export type CoreWordsPart = 'bills' | 'request' | 'account';
