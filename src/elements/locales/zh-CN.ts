import type { CoreMessages } from '../../core/i18n/index.js';
import { core as billsCore } from './shared/zh-CN.js';
import { core as requestCore } from './request/zh-CN.js';
import { core as accountCore } from './account/zh-CN.js';

// zh-CN: every word of the elements and the core in one module, what `fapiao-kit/locales/zh-CN` exports for a host that
// registers a language itself (`registerLocale`). The elements fetch its three parts on their own when they need them.
export * from './shared/zh-CN.js';
export { fapiaoRequest } from './request/zh-CN.js';
export { fapiaoAccount } from './account/zh-CN.js';
/** The core's words, every part (this module's own `core` wins over the shared part's). */
export const core: CoreMessages = { ...billsCore, ...requestCore, ...accountCore };
