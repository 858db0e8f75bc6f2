import { lazyBillingClient } from '../../client/lazy-client.js';
import type { BillingClient } from '../../client/billing-client.js';
import type { Locale } from '../../core/i18n/index.js';

/**
 * The client an element talks to: the host's `client` property, else the reference client made from `api-base` and
 * `token`, once per base and token (so retries and in-flight state are not thrown away on every render), its HTTP
 * code fetched on the side (`lazyBillingClient`).
 */
export class ClientSource {
  #made: { key: string; client: BillingClient } | undefined;

  constructor(private readonly locale: () => Locale) {}

  get(given: BillingClient | undefined, apiBase: string, token: string): BillingClient | undefined {
    if (given) return given;
    if (!apiBase) return undefined;
    const key = `${apiBase}|${token}`;
    if (this.#made?.key !== key) {
      const client = lazyBillingClient({ baseUrl: apiBase, ...(token ? { token } : {}), locale: this.locale });
      // Its HTTP code comes beside the element's words, not before the first render.
      client.preload();
      this.#made = { key, client };
    }
    return this.#made.client;
  }
}
