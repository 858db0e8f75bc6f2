/**
 * fapiao-kit core: bills, money, tax IDs and Fapiao rules as pure functions (no DOM, no Lit, no I/O), the same in
 * the browser and in Node. `now` is always a parameter. Every public name is listed here, by folder.
 */
export { ok, fail, assert, FapiaoKitError, type Issue, type Result } from './result.js';
export {
  API_ERROR_KINDS,
  ApiError,
  isApiError,
  asApiError,
  type ApiErrorKind,
  type Problem,
  type ProblemFieldError,
  type ProblemInvoiceReasons,
} from './api-error.js';

// money/
export {
  MoneyError,
  ZERO_FEN,
  toFen,
  addFen,
  subtractFen,
  sumFen,
  money,
  addMoney,
  currencyExponent,
  fenToDecimalString,
  type Fen,
  type CurrencyCode,
  type Money,
} from './money/fen.js';
export { parseAmount } from './money/parse-amount.js';
export { parseTypedAmount } from './money/typed-amount.js';
export { explainAmountError } from './i18n/amount-error.js';
export { allocateFen } from './money/allocate.js';
export {
  CLOUD_SERVICES_VAT_BP,
  divideRoundHalfUp,
  splitTaxInclusive,
  taxOnNet,
  type RateBp,
  type TaxSplit,
} from './money/vat.js';
export { formatMoney } from './money/format-money.js';
export { toCapitalNumerals, type CapitalNumeralOptions } from './money/capital-numerals.js';

// time/
export {
  CHINA_TZ,
  isIsoInstant,
  isCalendarDate,
  toInstant,
  chinaDateOf,
  startOfChinaDay,
  addChinaDays,
  chinaDaysBetween,
  toChinaIso,
  chinaDateOfByZoneRules,
  chinaMonthsAgo,
  type CalendarDate,
} from './time/china-time.js';
export { formatChinaDate, type DateFormatter } from './time/format-date.js';
export { formatChinaDateTime } from './time/format-month.js';

// model/
export {
  INVOICE_STATUSES,
  INVOICE_KINDS,
  DOCUMENT_KINDS,
  ADJUSTMENT_KINDS,
  type InvoiceStatus,
  type InvoiceKind,
  type DocumentKind,
  type AdjustmentKind,
  type DocumentLink,
  type Payment,
  type InvoiceLine,
  type Adjustment,
  type InvoiceAmounts,
  type PartyRef,
  type Invoice,
  type Statement,
} from './model/invoice.js';
export {
  FAPIAO_REQUEST_STATUSES,
  OPEN_REQUEST_STATUSES,
  newestRequestFirst,
  ISSUED_REQUEST_STATUSES,
  type FapiaoKind,
  type BuyerKind,
  BUYER_KINDS,
  BUYER_KIND_CODES,
  DELIVERY_KINDS,
  type DeliveryKind,
  COURIERS,
  type Courier,
  type PickupPoint,
  type DeliveryOptions,
  DEFAULT_DELIVERY_OPTIONS,
  type DraftPolicy,
  DEFAULT_DRAFT_POLICY,
  type PaperShipping,
  type Pickup,
  type Tracking,
  type FapiaoEmail,
  REISSUE_REASONS,
  type ReissueReason,
  REISSUE_STEPS,
  type ReissueStep,
  type Reissue,
  type FapiaoAccountState,
  type FapiaoAccount,
  SERVICE_NOTICE_KINDS,
  type ServiceNotice,
  type ServiceNoticeKind,
  type BuyerProfile,
  type ShippingAddress,
  type FapiaoRequestStatus,
  type StatusChange,
  type IssuedFapiaoFile,
  type IssuedFapiao,
  type FapiaoBuyer,
  type FapiaoRequest,
} from './model/fapiao.js';
export {
  parseInvoice,
  parseStatement,
  parseFapiaoRequest,
  parseBuyerProfile,
  parseFapiaoAccount,
} from './model/parse.js';
export { isSafeHttpUrl } from './model/decode.js';

// draft/
export {
  DRAFT_LIMITS,
  emptyDraft,
  draftFields,
  checkDraft,
  offers,
  emailList,
  offeredDeliveryKinds,
  type FapiaoDraft,
  type DraftField,
  type DraftErrorCode,
  type DraftError,
  type DraftCheck,
} from './draft/fapiao-draft.js';
export { decodeDraft } from './draft/decode-draft.js';
export {
  checkBuyerProfile,
  buyerFromDraft,
  type BuyerProfileCheck,
  type BuyerProfileInput,
} from './draft/buyer-profile.js';
export { PROFILE_FIELDS, allowedFapiaoKinds, updateDraft, applyProfile } from './draft/update-draft.js';
export { draftFromRequest, prefillDraft, type Prefill } from './draft/prefill.js';
export {
  ADDRESS_DRAFT_FIELDS,
  addressFromDraft,
  checkShippingAddress,
  useShippingAddress,
  type ShippingAddressCheck,
  type ShippingAddressInput,
} from './draft/shipping-address.js';
export { measureGbk, gbkByteLength, type GbkMeasure } from './draft/gbk.js';

// rules/
export {
  normalizeTaxId,
  validateTaxId,
  usccCheckChar,
  orgCodeCheckChar,
  residentIdCheckChar,
  type TaxIdKind,
  type TaxIdProblem,
  type TaxIdResult,
} from './rules/tax-id.js';
export {
  REASON_CODES,
  DEFAULT_POLICY,
  paidAtOf,
  checkEligibility,
  type ReasonCode,
  type Reason,
  type EligibilityPolicy,
  type EligibilityContext,
  type Eligibility,
} from './rules/eligibility.js';
export {
  TOTAL_TAX_TOLERANCE_FEN,
  DEFAULT_ITEM_NAME,
  maxGrossForNet,
  planFapiao,
  type PlanOptions,
  type PlannedLine,
  type PlannedFapiao,
  type PlanTotal,
  type FapiaoPlan,
  type PlanPreview,
} from './rules/plan-fapiao.js';
export {
  AMOUNT_ERROR_CODES,
  claimsByAmount,
  requestClaims,
  type AmountToRequest,
  type AmountError,
  type AmountClaim,
  type AmountClaims,
} from './rules/request-by-amount.js';
export { amountsByBill, claimOf, holdsClaims, unclaimedOf, type ClaimingRequest } from './rules/claims.js';
export { queryInvoices, type LocalInvoiceQuery } from './rules/query-invoices.js';
export {
  ACCOUNT_REASON_CODES,
  FAPIAO_STATES,
  billFapiaoStateOf,
  fapiaoStateOf,
  type FapiaoState,
} from './rules/fapiao-state.js';
export { summarizeFapiaoStates, type FapiaoStateTotal } from './rules/fapiao-summary.js';
export {
  VERIFICATION_PLATFORM_URL,
  decodeFapiaoNumber,
  verificationFields,
  type FapiaoNumberParts,
  type VerificationFields,
} from './rules/verification.js';
export {
  MAX_PERIOD_DAYS,
  checkPeriod,
  inPeriod,
  monthPeriod,
  previousChinaMonth,
  type DatePeriod,
} from './rules/tax-period.js';
export { fapiaoBalances, type FapiaoBalance } from './rules/fapiao-balance.js';
export {
  fapiaoTimeline,
  DEFAULT_ISSUE_WORKING_DAYS,
  type FapiaoTimeline,
  type TimelineInput,
} from './rules/fapiao-timeline.js';
export { filingDeadline, FILING_DEADLINE_DAYS, type FilingDeadline } from './rules/filing-deadline.js';
export {
  isChinaWorkingDay,
  addChinaWorkingDays,
  CHINA_CALENDAR,
  type ChinaCalendarYear,
} from './time/china-calendar.js';
export {
  BILL_RANGES,
  rangeMonths,
  rangeToDates,
  customRangeFrom,
  type BillRange,
  type DateBounds,
} from './rules/range.js';
export { totalsByCurrency, type CurrencyTotal } from './rules/totals.js';

export {
  REGISTRATION_LIMITS,
  REGISTRATION_ERROR_CODES,
  checkRegistration,
  normalizeOrderNumber,
  nextActivationEmailAt,
  type RegistrationField,
  type RegistrationErrorCode,
  type RegistrationError,
  type RegistrationInput,
  type RegistrationCheck,
} from './rules/account-registration.js';

export {
  FAPIAO_EMAIL_LIMITS,
  FAPIAO_EMAIL_ERROR_CODES,
  checkFapiaoEmail,
  fapiaoEmailBlocker,
  nextFapiaoEmailAt,
  type FapiaoEmailErrorCode,
  type FapiaoEmailError,
  type FapiaoEmailCheck,
} from './rules/fapiao-email.js';
export { nextEmailAllowedAt, type EmailAllowance } from './rules/email-allowance.js';
export { WITHDRAW_BLOCK_CODES, withdrawBlocker, type WithdrawBlockCode } from './rules/withdraw.js';
export {
  REISSUE_BLOCK_CODES,
  reissueBlocker,
  checkReissue,
  reissueStepsOf,
  nextReissueStep,
  reissueProgress,
  reissueDeliveryOptions,
  type ReissuePolicy,
  type ReissueBlockCode,
  type ReissueBlock,
  type ReissueInput,
} from './rules/reissue.js';

// export/
export { invoicesToCsv, csvText, type InvoicesCsvOptions } from './export/invoices-csv.js';

// i18n/ (a request's and a registration's words in modules of their own: fetched with the form and the account)
export {
  explainDraftError,
  explainFapiaoEmailError,
  explainReissueBlock,
  explainNotice,
} from './i18n/explain-request.js';
export { explainRegistrationError } from './i18n/explain-registration.js';
export {
  LOCALES,
  coreMessages,
  registerCoreMessages,
  hasCoreMessages,
  negotiateLocale,
  parseAcceptLanguage,
  explainReason,
  explainApiError,
  explainFapiaoState,
  type Locale,
  type CoreMessages,
  type CoreBillMessages,
  type CoreRequestMessages,
  type CoreAccountMessages,
  type CoreWordsPart,
  type Message,
  type MessageParams,
} from './i18n/index.js';
export { loadLocale } from './i18n/load.js';
