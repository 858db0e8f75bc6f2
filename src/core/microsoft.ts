// `fapiao-kit/microsoft`: the adapter from Microsoft's Billing REST API (2020-05-01, 2024-04-01) to the core's Invoice. A separate
// entry so portals that do not read Microsoft's API do not carry it (≈2 KB gzip of the core's 13).
export {
  fromMicrosoftInvoice,
  fromMicrosoftInvoiceList,
  type MicrosoftInvoiceList,
} from './adapters/microsoft-billing.js';
