import type { FapiaoRequestStatus } from './fapiao.js';

/** Request states that block another request for the same invoice. */
export const OPEN_REQUEST_STATUSES: readonly FapiaoRequestStatus[] = ['submitted', 'processing'];

/** Request states after which the invoice counts as invoiced. */
export const ISSUED_REQUEST_STATUSES: readonly FapiaoRequestStatus[] = ['issued', 'mailed', 'ready-for-pickup'];
