import { BillListElement } from './bill-list/bill-list.js';
import { FapiaoRequestElement } from './fapiao-request/fapiao-request.js';
import { defineOnce } from './internal/define-once.js';

// The entry of the single-file CDN bundles: both tags defined at once. A file that carries everything anyway gains
// nothing from `define.ts`'s separate chunk for the form, and inlining that dynamic import cost 1.2 KB gzip.
export { defineOnce };
defineOnce('bill-list', BillListElement);
defineOnce('fapiao-request', FapiaoRequestElement);
export const fapiaoRequestDefined: Promise<void> = Promise.resolve();
