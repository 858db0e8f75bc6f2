/** `fapiao-kit/client`: the HTTP client (ky). Separate from the pure core so the core stays small. */
export * from './billing-client.js';
export { createBillingClient, toApiError, type BillingClientOptions } from './http-client.js';
export { newIdempotencyKey } from './idempotency-key.js';
export * from './api-error.js';
