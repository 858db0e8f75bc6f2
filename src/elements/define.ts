import { BillListElement } from './bill-list/bill-list.js';
import { defineOnce } from './internal/define-once.js';

// `import 'fapiao-kit/define'`: registers <bill-list>, <fapiao-request> and <fapiao-account>. With the React wrappers, the only modules
// with side effects.
export { defineOnce };
export { registerLocale, type ElementsCatalogue } from './locales/index.js';
defineOnce('bill-list', BillListElement);

/**
 * <fapiao-request> (the form, its preview, the draft rules) comes in a chunk of its own, imported right after this
 * module: with a bundler that splits code, a bills page shows its first rows without waiting for the form's code.
 * A `<fapiao-request>` already in the page upgrades when it arrives. Resolves once the tag is defined.
 */
export const fapiaoRequestDefined: Promise<void> = import('./fapiao-request/fapiao-request.js').then(m =>
  defineOnce('fapiao-request', m.FapiaoRequestElement),
);

/** <fapiao-account> (registration and activation) likewise in a chunk of its own; resolves once the tag is defined. */
export const fapiaoAccountDefined: Promise<void> = import('./fapiao-account/fapiao-account.js').then(m =>
  defineOnce('fapiao-account', m.FapiaoAccountElement),
);
