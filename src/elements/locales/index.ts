import { registerCoreMessages, hasCoreMessages, type CoreMessages, type Locale } from '../../core/i18n/index.js';
import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';
import type { AccountMessages } from '../fapiao-account/internal/messages.js';

/** One language of the elements: what `fapiao-kit/locales/<locale>` exports (the core's words included). */
export interface ElementsCatalogue {
  readonly locale: Locale;
  readonly core: CoreMessages;
  readonly billList: Omit<BillListMessages, 'core'>;
  readonly fapiaoRequest: Omit<RequestMessages, 'core'>;
  readonly fapiaoAccount: Omit<AccountMessages, 'core'>;
}

// Each language is a module of its own, fetched when an element first speaks it: a page pays for one language, at
// the cost of one request before the first render. Literal imports, so every bundler makes each a chunk.
const LOADERS: Record<Locale, () => Promise<ElementsCatalogue>> = {
  'zh-CN': () => import('./zh-CN.js'),
  en: () => import('./en.js'),
  nl: () => import('./nl.js'),
};

const registered = new Map<Locale, ElementsCatalogue>();
const loading = new Map<Locale, Promise<void>>();
const billList = new Map<Locale, BillListMessages>();
const request = new Map<Locale, RequestMessages>();
const account = new Map<Locale, AccountMessages>();

/**
 * Makes `catalogue` the elements' words for `as` (its own locale by default), the core's words with them. A host that
 * bundles can register the languages it serves up front (`registerLocale(await import('fapiao-kit/locales/en'))`,
 * or a static import), so the elements render without a request of their own.
 */
export function registerLocale(catalogue: ElementsCatalogue, as: Locale = catalogue.locale): void {
  registered.set(as, catalogue);
  billList.delete(as);
  request.delete(as);
  account.delete(as);
  if (as === catalogue.locale || !hasCoreMessages(as)) registerCoreMessages(as, catalogue.core);
}

export function isLocaleLoaded(locale: Locale): boolean {
  return registered.has(locale);
}

/** Fetches `locale`'s words once (concurrent callers share the request); a failed fetch may be tried again. */
export function loadElementsLocale(locale: Locale): Promise<void> {
  if (registered.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      // Registered under the language asked for: a one-language build answers every locale with its own words.
      catalogue => {
        loading.delete(locale);
        registerLocale(catalogue, locale);
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

function catalogue(locale: Locale): ElementsCatalogue {
  const found = registered.get(locale);
  if (!found) throw new Error(`fapiao-kit: the elements' ${locale} words are not loaded`);
  return found;
}

/** `<bill-list>`'s words with the core's, built once per locale (every render reads them). */
export function billListMessages(locale: Locale): BillListMessages {
  let m = billList.get(locale);
  if (!m) billList.set(locale, (m = { ...catalogue(locale).billList, core: catalogue(locale).core }));
  return m;
}

export function requestMessages(locale: Locale): RequestMessages {
  let m = request.get(locale);
  if (!m) request.set(locale, (m = { ...catalogue(locale).fapiaoRequest, core: catalogue(locale).core }));
  return m;
}

export function accountMessages(locale: Locale): AccountMessages {
  let m = account.get(locale);
  if (!m) account.set(locale, (m = { ...catalogue(locale).fapiaoAccount, core: catalogue(locale).core }));
  return m;
}
