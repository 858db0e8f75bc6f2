// zh-CN: every word of the elements and the core in one module, what `fapiao-kit/locales/zh-CN` exports for a host that
// registers a language itself (`registerLocale`). The elements fetch its two parts on their own when they need them.
export * from './shared/zh-CN.js';
export { fapiaoRequest } from './request/zh-CN.js';
