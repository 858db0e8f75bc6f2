import { BillListElement } from './bill-list/bill-list.js';
import { FapiaoRequestElement } from './fapiao-request/fapiao-request.js';
import { FapiaoAccountElement } from './fapiao-account/fapiao-account.js';
import { defineOnce } from './internal/define-once.js';
import { registerLocale } from './locales/index.js';
import * as en from './locales/en.js';
import * as nl from './locales/nl.js';
import * as zhCN from './locales/zh-CN.js';

// The entry of the single-file CDN bundles: both tags defined at once and their words registered up front. A file
// that carries everything anyway gains nothing from `define.ts`'s separate chunks for the form and each language
// (inlining those dynamic imports cost 1.2 KB gzip for the form alone). A one-language build maps the three imports
// to its one language, which then answers every locale.
export { defineOnce, registerLocale };
registerLocale(zhCN, 'zh-CN');
registerLocale(en, 'en');
registerLocale(nl, 'nl');
defineOnce('bill-list', BillListElement);
defineOnce('fapiao-request', FapiaoRequestElement);
defineOnce('fapiao-account', FapiaoAccountElement);
export const fapiaoRequestDefined: Promise<void> = Promise.resolve();
export const fapiaoAccountDefined: Promise<void> = Promise.resolve();
