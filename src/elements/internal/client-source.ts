import { createBillingClient, type BillingClient } from '../../client/index.js';
import type { Locale } from '../../core/i18n/index.js';

/**
 * The client an element talks to: the host's `client` property, else one made from `api-base` and `token`, made
 * once per base and token (so retries and in-flight state are not thrown away on every render).
 */
export class ClientSource {
  #made: { key: string; client: BillingClient } | undefined;

  constructor(private readonly locale: () => Locale) {}

  get(given: BillingClient | undefined, apiBase: string, token: string): BillingClient | undefined {
    if (given) return given;
    if (!apiBase) return undefined;
    const key = `${apiBase}|${token}`;
    if (this.#made?.key !== key) {
      this.#made = {
        key,
        client: createBillingClient({ baseUrl: apiBase, ...(token ? { token } : {}), locale: this.locale }),
      };
    }
    return this.#made.client;
  }
}
