// nl: every word of the elements and the core in one module, what `fapiao-kit/locales/nl` exports for a host that
// registers a language itself (`registerLocale`). The elements fetch its two parts on their own when they need them.
export * from './shared/nl.js';
export { fapiaoRequest } from './request/nl.js';
