import type { BillingClient } from './billing-client.js';

/** The API's document URLs, built from its base without the HTTP library (links render before any call is made). */
export function documentUrls(
  baseUrl: string,
): Required<Pick<BillingClient, 'invoicePdfUrl' | 'statementPdfUrl' | 'fapiaoArchiveUrl' | 'fapiaoPeriodArchiveUrl'>> {
  const base = baseUrl.replace(/\/+$/, '');
  const enc = encodeURIComponent;
  return {
    invoicePdfUrl: id => `${base}/invoices/${enc(id)}/pdf`,
    statementPdfUrl: id => `${base}/statements/${enc(id)}/pdf`,
    fapiaoArchiveUrl: ids => `${base}/fapiao-files.zip?requests=${ids.map(enc).join(',')}`,
    fapiaoPeriodArchiveUrl: ({ from, to }) => `${base}/fapiao-files.zip?from=${enc(from)}&to=${enc(to)}`,
  };
}
