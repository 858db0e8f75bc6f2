// en: every word of the elements and the core in one module, what `fapiao-kit/locales/en` exports for a host that
// registers a language itself (`registerLocale`). The elements fetch its two parts on their own when they need them.
export * from './shared/en.js';
export { fapiaoRequest } from './request/en.js';
