/** The element classes and their events; importing this defines nothing (see `define.ts`). */
export { BillListElement } from './bill-list/bill-list.js';
export { FapiaoRequestElement } from './fapiao-request/fapiao-request.js';
export { FapiaoAccountElement } from './fapiao-account/fapiao-account.js';
export * from './events.js';
export {
  registerLocale,
  loadElementsLocale,
  type ElementsCatalogue,
  type SharedCatalogue,
  type LocalePart,
} from './locales/index.js';
