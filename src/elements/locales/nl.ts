import type { CoreMessages } from '../../core/i18n/index.js';
import { core as billsCore } from './shared/nl.js';
import { core as requestCore } from './request/nl.js';
import { core as accountCore } from './account/nl.js';

// nl: every word of the elements and the core in one module, what `fapiao-kit/locales/nl` exports for a host that
// registers a language itself (`registerLocale`). The elements fetch its three parts on their own when they need them.
export * from './shared/nl.js';
export { fapiaoRequest } from './request/nl.js';
export { fapiaoAccount } from './account/nl.js';
/** The core's words, every part (this module's own `core` wins over the shared part's). */
export const core: CoreMessages = { ...billsCore, ...requestCore, ...accountCore };
