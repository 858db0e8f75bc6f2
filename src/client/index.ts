/** `fapiao-kit/client`: the HTTP client (ky), the one place with I/O. The core stays pure and small without it. */
export type {
  BillingClient,
  BillingAccount,
  BuyerProfileInput,
  ShippingAddressInput,
  CallOptions,
  CreateFapiaoRequestInput,
  InvoiceQuery,
  Page,
} from './billing-client.js';
export { createBillingClient, toApiError, type BillingClientOptions } from './http-client.js';
export { lazyBillingClient, type LazyBillingClient } from './lazy-client.js';
export { documentUrls } from './document-urls.js';
export { newIdempotencyKey } from './idempotency-key.js';
export {
  API_ERROR_KINDS,
  ApiError,
  isApiError,
  asApiError,
  type ApiErrorKind,
  type Problem,
  type ProblemFieldError,
  type ProblemInvoiceReasons,
} from '../core/api-error.js';
