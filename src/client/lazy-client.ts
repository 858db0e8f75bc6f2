import type { BillingClient } from './billing-client.js';
import { documentUrls } from './document-urls.js';
import type { BillingClientOptions } from './http-client.js';

type Method = Exclude<
  keyof BillingClient,
  'invoicePdfUrl' | 'statementPdfUrl' | 'fapiaoArchiveUrl' | 'fapiaoPeriodArchiveUrl'
>;

/** Every call of the reference client, so a lazy one offers the same optional calls (the elements look for them). */
const METHODS: readonly Method[] = [
  'listBillingAccounts',
  'listInvoices',
  'getInvoice',
  'listStatements',
  'getFapiaoAccount',
  'registerFapiaoAccount',
  'resendActivationEmail',
  'listBuyerProfiles',
  'createBuyerProfile',
  'updateBuyerProfile',
  'deleteBuyerProfile',
  'setDefaultBuyerProfile',
  'listShippingAddresses',
  'createShippingAddress',
  'updateShippingAddress',
  'deleteShippingAddress',
  'setDefaultShippingAddress',
  'createFapiaoRequest',
  'getFapiaoBalance',
  'previewFapiaoPlan',
  'listFapiaoRequests',
  'getFapiaoRequest',
  'resendFapiaoEmail',
  'requestReissue',
  'withdrawFapiaoRequest',
  'download',
];

export interface LazyBillingClient extends BillingClient {
  /** Starts fetching the HTTP client's code now (an element does so when it is given `api-base`). */
  preload(): void;
}

/**
 * The reference client whose HTTP code (ky and the decoders' glue) is fetched on its first call instead of with the
 * page: an element renders (its loading state, then the words) without it, and a host that passes its own `client`
 * or its own bills never downloads it. Document URLs need no code and answer at once. A failed fetch of the code is
 * tried again on the next call.
 */
export function lazyBillingClient(
  options: BillingClientOptions,
  load: () => Promise<{ createBillingClient(o: BillingClientOptions): BillingClient }> = () =>
    import('./http-client.js'),
): LazyBillingClient {
  let made: Promise<BillingClient> | undefined;
  const client = () =>
    (made ??= load().then(
      m => m.createBillingClient(options),
      (error: unknown) => {
        made = undefined;
        throw error;
      },
    ));
  const lazy: Partial<Record<Method, unknown>> = {};
  for (const name of METHODS)
    lazy[name] = async (...args: unknown[]) => ((await client())[name] as (...a: unknown[]) => unknown)(...args);
  return {
    ...(lazy as Pick<BillingClient, Method>),
    ...documentUrls(options.baseUrl),
    preload: () => void client().catch(() => {}),
  };
}
