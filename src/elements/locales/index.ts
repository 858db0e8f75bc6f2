import {
  coreAccountMessages,
  coreBillMessages,
  coreRequestMessages,
  registerCoreMessages,
  hasCoreMessages,
  type CoreAccountMessages,
  type CoreBillMessages,
  type CoreMessages,
  type CoreRequestMessages,
  type Locale,
} from '../../core/i18n/index.js';
import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';
import type { AccountMessages } from '../fapiao-account/internal/messages.js';

type RequestWords = Omit<RequestMessages, 'core'>;
type AccountWords = Omit<AccountMessages, 'core'>;

/** One language of the elements: what `fapiao-kit/locales/<locale>` exports (the core's words included). */
export interface ElementsCatalogue {
  readonly locale: Locale;
  readonly core: CoreMessages;
  readonly billList: Omit<BillListMessages, 'core'>;
  readonly fapiaoRequest: RequestWords;
  readonly fapiaoAccount: AccountWords;
}

/**
 * The words every element needs: a language without `<fapiao-request>`'s and `<fapiao-account>`'s own, which come
 * with those elements, and with the core's words of a bills page (`core` may be whole, as in `ElementsCatalogue`).
 */
export type SharedCatalogue = Omit<ElementsCatalogue, 'fapiaoRequest' | 'fapiaoAccount' | 'core'> & {
  readonly core: CoreBillMessages | CoreMessages;
  readonly fapiaoRequest?: RequestWords;
  readonly fapiaoAccount?: AccountWords;
};

/** What a language's form module holds: `<fapiao-request>`'s words and the core's words of a request. */
interface RequestCatalogue {
  readonly fapiaoRequest: RequestWords;
  readonly core: CoreRequestMessages;
}

/** What a language's account module holds: `<fapiao-account>`'s words and the core's words of registration. */
interface AccountCatalogue {
  readonly fapiaoAccount: AccountWords;
  readonly core: CoreAccountMessages;
}

/** The parts of a language an element may need: the shared words always, its own beside them. */
export type LocalePart = 'shared' | 'request' | 'account';

// Each language is three modules, fetched when an element first speaks it: the shared words (one request before a
// first render) and <fapiao-request>'s and <fapiao-account>'s (each fetched by that element beside them). Literal
// imports, so every bundler makes each a chunk.
const LOADERS: Record<Locale, () => Promise<SharedCatalogue>> = {
  'zh-CN': () => import('./shared/zh-CN.js'),
  en: () => import('./shared/en.js'),
  nl: () => import('./shared/nl.js'),
};
const REQUEST_LOADERS: Record<Locale, () => Promise<RequestCatalogue>> = {
  'zh-CN': () => import('./request/zh-CN.js'),
  en: () => import('./request/en.js'),
  nl: () => import('./request/nl.js'),
};
const ACCOUNT_LOADERS: Record<Locale, () => Promise<AccountCatalogue>> = {
  'zh-CN': () => import('./account/zh-CN.js'),
  en: () => import('./account/en.js'),
  nl: () => import('./account/nl.js'),
};

const registered = new Map<Locale, SharedCatalogue>();
const requestWords = new Map<Locale, RequestWords>();
const accountWords = new Map<Locale, AccountWords>();
const loading = new Map<string, Promise<void>>();
const billList = new Map<Locale, BillListMessages>();
const request = new Map<Locale, RequestMessages>();
const account = new Map<Locale, AccountMessages>();

/**
 * Makes `catalogue` the elements' words for `as` (its own locale by default), the core's words with them. A host that
 * bundles can register the languages it serves up front (`registerLocale(await import('fapiao-kit/locales/en'))`,
 * or a static import), so the elements render without a request of their own.
 */
export function registerLocale(catalogue: SharedCatalogue, as: Locale = catalogue.locale): void {
  registered.set(as, catalogue);
  if (catalogue.fapiaoRequest) requestWords.set(as, catalogue.fapiaoRequest);
  if (catalogue.fapiaoAccount) accountWords.set(as, catalogue.fapiaoAccount);
  billList.delete(as);
  request.delete(as);
  account.delete(as);
  if (as === catalogue.locale || !hasCoreMessages(as, 'bills')) registerCoreMessages(as, catalogue.core);
}

const isLoaded = (locale: Locale, part: LocalePart) =>
  part === 'shared'
    ? registered.has(locale)
    : (part === 'request' ? requestWords : accountWords).has(locale) && hasCoreMessages(locale, part);

export function isLocaleLoaded(locale: Locale, parts: readonly LocalePart[] = ['shared']): boolean {
  return parts.every(part => isLoaded(locale, part));
}

/** Fetches one part of `locale`'s words and registers it (the element's own words, the core's beside them). */
function fetchPart(locale: Locale, part: LocalePart): Promise<void> {
  // Registered under the language asked for: a one-language build answers every locale with its own words.
  if (part === 'shared') return LOADERS[locale]().then(catalogue => registerLocale(catalogue, locale));
  if (part === 'request')
    return REQUEST_LOADERS[locale]().then(words => {
      requestWords.set(locale, words.fapiaoRequest);
      request.delete(locale);
      registerCoreMessages(locale, words.core);
    });
  return ACCOUNT_LOADERS[locale]().then(words => {
    accountWords.set(locale, words.fapiaoAccount);
    account.delete(locale);
    registerCoreMessages(locale, words.core);
  });
}

/** Fetches one part of `locale`'s words once (concurrent callers share the request); a failed fetch may be retried. */
function loadPart(locale: Locale, part: LocalePart): Promise<void> {
  if (isLoaded(locale, part)) return Promise.resolve();
  const key = `${part}:${locale}`;
  const pending = loading.get(key);
  if (pending) return pending;
  const settled = fetchPart(locale, part).then(
    () => void loading.delete(key),
    (error: unknown) => {
      loading.delete(key);
      throw error;
    },
  );
  loading.set(key, settled);
  return settled;
}

/** Fetches the parts of `locale`'s words an element needs (the shared ones by default), all at once. */
export async function loadElementsLocale(locale: Locale, parts: readonly LocalePart[] = ['shared']): Promise<void> {
  await Promise.all(parts.map(part => loadPart(locale, part)));
}

function catalogue(locale: Locale): SharedCatalogue {
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
  if (!m) {
    const words = requestWords.get(locale);
    if (!words) throw new Error(`fapiao-kit: <fapiao-request>'s ${locale} words are not loaded`);
    request.set(locale, (m = { ...words, core: { ...coreBillMessages(locale), ...coreRequestMessages(locale) } }));
  }
  return m;
}

export function accountMessages(locale: Locale): AccountMessages {
  let m = account.get(locale);
  if (!m) {
    const words = accountWords.get(locale);
    if (!words) throw new Error(`fapiao-kit: <fapiao-account>'s ${locale} words are not loaded`);
    account.set(locale, (m = { ...words, core: { ...coreBillMessages(locale), ...coreAccountMessages(locale) } }));
  }
  return m;
}
