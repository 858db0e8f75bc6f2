import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance, type Options } from 'ky';
import { array, integer, nonEmptyString, object, optional, run, string, type Decoder } from '../core/model/decode.js';
import type { Issue } from '../core/result.js';
import {
  buyerProfileDecoder,
  fapiaoAccountDecoder,
  fapiaoRequestDecoder,
  fapiaoBalanceDecoder,
  invoiceDecoder,
  shippingAddressDecoder,
} from '../core/model/parse.js';
import { parseStatement } from '../core/model/parse.js';
import { planPreviewDecoder } from '../core/model/plan-preview.js';
import { isSafeHttpUrl } from '../core/model/decode.js';
import type { Invoice, Statement } from '../core/model/invoice.js';
import { ApiError, asApiError, plainCause, type Problem } from '../core/api-error.js';
import type { BillingAccount, BillingClient, CallOptions, InvoiceQuery, Page } from './billing-client.js';
import { documentUrls } from './document-urls.js';

export interface BillingClientOptions {
  /** Where the API lives, e.g. `https://portal.example.cn/api/v1/` or `/api/v1/`. */
  readonly baseUrl: string;
  /** A bearer token, or a function returning one (called per request, so it may refresh). */
  readonly token?: string | (() => string | Promise<string>);
  /** `include` to send the portal's cookies to another origin; default `same-origin`. */
  readonly credentials?: 'include' | 'same-origin' | 'omit';
  /** A host-supplied fetch (tests, proxies, Node without a global fetch). */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Retries for GETs and idempotent POSTs (default 2), with exponential backoff capped at `backoffLimitMs`. */
  readonly retries?: number;
  readonly backoffLimitMs?: number;
  /** Sent as Accept-Language so server messages match the UI. */
  readonly locale?: string | (() => string);
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** The longest Retry-After the client waits out (a server asking for an hour, or a date in 2099, gets 60 s). */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Seconds from a Retry-After header (delay seconds or an HTTP-date), capped at `MAX_RETRY_AFTER_MS`. */
function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(0, Math.ceil(seconds)), MAX_RETRY_AFTER_MS / 1000);
}

const accountDecoder = object({ id: nonEmptyString, name: string(), currency: string() }) as Decoder<BillingAccount>;
const pageOf = <T>(item: Decoder<T>) =>
  object({
    items: array(item, { max: 1000 }),
    nextCursor: (v: unknown, p: string, i) => (v === null ? null : nonEmptyString(v, p, i)),
    total: integer({ min: 0 }),
  }) as unknown as Decoder<Page<T>>;
const itemsOf = <T>(item: Decoder<T>) =>
  object({ items: array(item, { max: 10_000 }) }) as unknown as Decoder<{ items: T[] }>;
/** An item decoder that turns a malformed item into `undefined` (which `array` leaves out) instead of failing the list. */
const skipInvalid =
  <T>(item: Decoder<T>): Decoder<T> =>
  (input, path) => {
    const own: Issue[] = [];
    const value = item(input, path, own);
    return own.length ? undefined : value;
  };
const statementDecoder: Decoder<Statement> = (input, path, issues) => {
  const r = parseStatement(input);
  if (r.ok) return r.value;
  issues.push(...r.issues.map(x => ({ ...x, path: x.path.replace(/^\$/, path) })));
  return undefined;
};
const problemDecoder = object({
  type: optional(string()),
  title: optional(string()),
  status: optional(integer()),
  detail: optional(string()),
  code: optional(string()),
}) as unknown as Decoder<Problem>;

/** Turns whatever ky, fetch or the decoder threw into one `ApiError` with a stable kind. */
export async function toApiError(error: unknown): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    const data = error.data;
    const decoded = data && typeof data === 'object' ? run(problemDecoder, data) : undefined;
    const problem = decoded?.ok ? ({ ...(data as object), ...decoded.value } as Problem) : undefined;
    const retryAfter = retryAfterSeconds(error.response.headers.get('retry-after'));
    const kind = status === 429 ? 'rate-limited' : 'http';
    return new ApiError(kind, problem?.detail ?? problem?.title ?? `HTTP ${status}`, {
      status,
      ...(problem ? { problem } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      cause: plainCause(error),
    });
  }
  if (isTimeoutError(error)) return new ApiError('timeout', 'The request timed out', { cause: plainCause(error) });
  if (isNetworkError(error))
    return new ApiError('network', 'The server could not be reached', { cause: plainCause(error) });
  return asApiError(error);
}

/** Creates the HTTP client (ky) for the fapiao-kit API; see `api/openapi.json` for the contract. */
export function createBillingClient(options: BillingClientOptions): BillingClient {
  const retries = options.retries ?? 2;
  const backoffLimit = options.backoffLimitMs ?? 8000;
  const beforeRequest = async ({ request }: { request: Request }) => {
    if (options.token) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      request.headers.set('authorization', `Bearer ${token}`);
    }
    const locale = typeof options.locale === 'function' ? options.locale() : options.locale;
    if (locale) request.headers.set('accept-language', locale);
  };
  const common: Options = {
    timeout: options.timeoutMs ?? 10_000,
    credentials: options.credentials ?? 'same-origin',
    retry: {
      limit: retries,
      methods: ['get'],
      statusCodes: RETRY_STATUS,
      backoffLimit,
      jitter: true,
      maxRetryAfter: MAX_RETRY_AFTER_MS,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: { beforeRequest: [beforeRequest] },
  };
  const http: KyInstance = ky.create({ ...common, prefix: options.baseUrl });
  // Documents come as absolute or server-relative URLs; a relative one resolves against the API's origin when the
  // base URL is absolute (Node, cross-origin portals) and against the page otherwise. The token and cookies go to
  // the API's origin only: a document URL naming another host gets a plain request.
  const absoluteBase = /^https?:/i.test(options.baseUrl);
  const apiOrigin = absoluteBase ? new URL(options.baseUrl).origin : globalThis.location?.origin;
  const documents: KyInstance = ky.create(absoluteBase ? { ...common, baseUrl: apiOrigin } : common);
  const foreignDocuments: KyInstance = ky.create({ ...common, credentials: 'omit', hooks: {} });
  const isApiOrigin = (url: string) =>
    url.startsWith('/') || (apiOrigin !== undefined && new URL(url, apiOrigin).origin === apiOrigin);

  /**
   * One API call, decoded. A GET whose answer is malformed (not JSON, or not the expected shape) is asked once more:
   * a proxy's truncated answer is usually gone on the second try, and a GET has no effect to repeat.
   */
  async function call<T>(decoder: Decoder<T>, input: string, init: Options = {}, attempt = 0): Promise<T> {
    const again = () =>
      retries > 0 && attempt === 0 && (init.method ?? 'get') === 'get' && !(init.signal as AbortSignal)?.aborted;
    let body: unknown;
    try {
      body = await http(input, init).json();
    } catch (error) {
      const apiError = await toApiError(error);
      if (apiError.kind === 'invalid-response' && again()) return call(decoder, input, init, 1);
      throw apiError;
    }
    const result = run(decoder, body);
    if (!result.ok) {
      if (again()) return call(decoder, input, init, 1);
      throw new ApiError('invalid-response', `Unexpected response from ${input}: ${result.issues[0]?.message ?? ''}`, {
        issues: result.issues,
      });
    }
    return result.value;
  }
  const signalOf = (o?: CallOptions): Options => (o?.signal ? { signal: o.signal } : {});
  async function remove(path: string, o?: CallOptions): Promise<void> {
    try {
      await http.delete(path, signalOf(o));
    } catch (error) {
      throw await toApiError(error);
    }
  }
  const enc = encodeURIComponent;

  return {
    listBillingAccounts: async o => (await call(itemsOf(accountDecoder), 'billing-accounts', signalOf(o))).items,
    listInvoices: (query: InvoiceQuery = {}, o) => {
      const searchParams = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined || value === '') continue;
        searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      return call(pageOf<Invoice>(invoiceDecoder), 'invoices', { ...signalOf(o), searchParams });
    },
    getInvoice: (id, o) => call(invoiceDecoder, `invoices/${enc(id)}`, signalOf(o)),
    listStatements: async (query = {}, o) =>
      (
        await call(itemsOf(statementDecoder), 'statements', {
          ...signalOf(o),
          searchParams: query.billingAccount ? { billingAccount: query.billingAccount } : {},
        })
      ).items,
    getFapiaoAccount: o => call(fapiaoAccountDecoder, 'fapiao-account', signalOf(o)),
    // Never retried: each call sends an e-mail (the server's allowance would answer a retry with 429 anyway).
    registerFapiaoAccount: (input, o) =>
      call(fapiaoAccountDecoder, 'fapiao-account/registration', { ...signalOf(o), method: 'post', json: input }),
    resendActivationEmail: o =>
      call(fapiaoAccountDecoder, 'fapiao-account/activation-email', { ...signalOf(o), method: 'post' }),
    // One malformed stored profile must not cost the customer the form: profiles that decode are kept, the rest left out.
    listBuyerProfiles: async o =>
      (await call(itemsOf(skipInvalid(buyerProfileDecoder)), 'buyer-profiles', signalOf(o))).items,
    createBuyerProfile: (profile, o) =>
      call(buyerProfileDecoder, 'buyer-profiles', { ...signalOf(o), method: 'post', json: profile }),
    updateBuyerProfile: (id, profile, o) =>
      call(buyerProfileDecoder, `buyer-profiles/${enc(id)}`, { ...signalOf(o), method: 'put', json: profile }),
    setDefaultBuyerProfile: async (id, o) =>
      (
        await call(itemsOf(skipInvalid(buyerProfileDecoder)), `buyer-profiles/${enc(id)}/default`, {
          ...signalOf(o),
          method: 'post',
        })
      ).items,
    deleteBuyerProfile: (id, o) => remove(`buyer-profiles/${enc(id)}`, o),
    listShippingAddresses: async o =>
      (await call(itemsOf(skipInvalid(shippingAddressDecoder)), 'shipping-addresses', signalOf(o))).items,
    createShippingAddress: (address, o) =>
      call(shippingAddressDecoder, 'shipping-addresses', { ...signalOf(o), method: 'post', json: address }),
    updateShippingAddress: (id, address, o) =>
      call(shippingAddressDecoder, `shipping-addresses/${enc(id)}`, { ...signalOf(o), method: 'put', json: address }),
    setDefaultShippingAddress: async (id, o) =>
      (
        await call(itemsOf(skipInvalid(shippingAddressDecoder)), `shipping-addresses/${enc(id)}/default`, {
          ...signalOf(o),
          method: 'post',
        })
      ).items,
    deleteShippingAddress: (id, o) => remove(`shipping-addresses/${enc(id)}`, o),
    createFapiaoRequest: (input, o) =>
      call(fapiaoRequestDecoder, 'fapiao-requests', {
        ...signalOf(o),
        method: 'post',
        json: input,
        headers: { 'idempotency-key': o.idempotencyKey },
        // Safe to retry: the key makes a repeated POST return the request the first one created.
        retry: {
          limit: retries,
          methods: ['post'],
          statusCodes: RETRY_STATUS,
          backoffLimit,
          jitter: true,
          maxRetryAfter: MAX_RETRY_AFTER_MS,
        },
      }),
    // One balance that does not decode (a newer server's currency, say) is left out; the others are shown.
    getFapiaoBalance: async o =>
      (await call(itemsOf(skipInvalid(fapiaoBalanceDecoder)), 'fapiao-balance', signalOf(o))).items,
    previewFapiaoPlan: ({ sellerId, currency, gross }, fapiaoKind, o) =>
      call(planPreviewDecoder, 'fapiao-plan', {
        ...signalOf(o),
        searchParams: { sellerId, currency, gross: String(gross), fapiaoKind },
      }),
    listFapiaoRequests: async o => (await call(itemsOf(fapiaoRequestDecoder), 'fapiao-requests', signalOf(o))).items,
    getFapiaoRequest: (id, o) => call(fapiaoRequestDecoder, `fapiao-requests/${enc(id)}`, signalOf(o)),
    // Never retried, like the activation e-mail: each call sends one.
    withdrawFapiaoRequest: (id, o) =>
      call(fapiaoRequestDecoder, `fapiao-requests/${enc(id)}/withdraw`, { ...signalOf(o), method: 'post' }),
    // Safe to retry in itself (the same corrections answer the same reissue), but a POST is not retried by default.
    requestReissue: (id, input, o) =>
      call(fapiaoRequestDecoder, `fapiao-requests/${enc(id)}/reissue`, { ...signalOf(o), method: 'post', json: input }),
    resendFapiaoEmail: (id, input, o) =>
      call(fapiaoRequestDecoder, `fapiao-requests/${enc(id)}/email`, { ...signalOf(o), method: 'post', json: input }),
    ...documentUrls(options.baseUrl),
    download: async (url, o) => {
      if (!isSafeHttpUrl(url)) throw new ApiError('invalid-response', 'Refusing to download a non-http(s) URL');
      try {
        return await (isApiOrigin(url) ? documents : foreignDocuments).get(url, signalOf(o)).blob();
      } catch (error) {
        throw await toApiError(error);
      }
    },
  };
}
