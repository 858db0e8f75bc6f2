/**
 * fapiao-kit core: bills, money, tax IDs and Fapiao rules as pure functions (no DOM, no Lit),
 * the same in the browser and in Node. `now` is always a parameter.
 */
export * from './result.js';
export * from './money/fen.js';
export { parseAmount } from './money/parse-amount.js';
export { allocateFen } from './money/allocate.js';
export * from './money/vat.js';
export { formatMoney } from './money/format-money.js';
export * from './time/china-time.js';
export { formatChinaDate } from './time/format-date.js';
export * from './model/invoice.js';
export * from './model/fapiao.js';
export { parseInvoice, parseStatement, parseFapiaoRequest } from './model/parse.js';
export { isSafeHttpUrl } from './model/decode.js';
export * from './rules/tax-id.js';
export { measureGbk, gbkByteLength, type GbkMeasure } from './rules/gbk.js';
export * from './rules/fapiao-draft.js';
export * from './rules/eligibility.js';
export * from './rules/plan-fapiao.js';
export * from './rules/query-invoices.js';
export * from './rules/fapiao-state.js';
export { invoicesToCsv, type InvoicesCsvOptions } from './export/invoices-csv.js';
export * from './i18n/index.js';
export * from './api/api-error.js';
