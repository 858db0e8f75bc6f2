import { LOCALES, type Locale } from './messages.js';
import { coreBillMessages } from './catalogues.js';
import type { Reason } from '../rules/eligibility.js';
import { formatChinaDate, type DateFormatter } from '../time/format-date.js';
import { formatMoney } from '../money/format-money.js';
import { toFen } from '../money/fen.js';
import type { FapiaoState } from '../rules/fapiao-state.js';
import type { ApiError } from '../api-error.js';

export {
  LOCALES,
  type CoreMessages,
  type CoreBillMessages,
  type CoreRequestMessages,
  type CoreAccountMessages,
  type CoreWordsPart,
  type Locale,
  type Message,
  type MessageParams,
} from './messages.js';

export {
  coreMessages,
  coreBillMessages,
  coreRequestMessages,
  coreAccountMessages,
  registerCoreMessages,
  hasCoreMessages,
} from './catalogues.js';

/**
 * Picks the supported locale for a list of preferences (the element's `lang`, `<html lang>`, `navigator.languages`, an
 * `Accept-Language` list…). Every Chinese tag (`zh`, `zh-Hans`, `zh-SG`, `zh-TW`) maps to zh-CN, the only Fapiao
 * language; `nl-BE` to nl; `en-GB` to en. Unknown or malformed tags are skipped.
 */
export function negotiateLocale(
  preferences: readonly (string | null | undefined)[],
  fallback: Locale = 'zh-CN',
): Locale {
  for (const tag of preferences) {
    if (!tag) continue;
    let language: string;
    try {
      language = new Intl.Locale(tag.trim().replace(/_/g, '-')).language;
    } catch {
      continue;
    }
    if (language === 'zh') return 'zh-CN';
    const match = LOCALES.find(l => l === language || l.startsWith(`${language}-`));
    if (match) return match;
  }
  return fallback;
}

/** Parses an `Accept-Language` header into tags by descending quality. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map(p => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(x => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(x => x.tag);
}

/** The reason in words, dates on China's calendar (by `formatDay`, the core's by default) and amounts for the locale. */
export function explainReason(reason: Reason, locale: Locale, formatDay: DateFormatter = formatChinaDate): string {
  const p: Record<string, string | number> = { ...reason.params };
  if (typeof p.from === 'string') p.fromText = formatDay(p.from, locale);
  if (typeof p.on === 'string') p.onText = formatDay(p.on, locale);
  if (typeof p.minimum === 'number' && typeof p.currency === 'string') {
    p.minimumText = formatMoney({ fen: toFen(p.minimum), currency: p.currency }, locale);
  }
  return coreBillMessages(locale).reason[reason.code](p);
}

/** What went wrong with a call, in words: its kind, with the HTTP status and the server's detail where they exist. */
export function explainApiError(error: Pick<ApiError, 'kind' | 'status' | 'problem'>, locale: Locale): string {
  // Customers read words, not status codes: the server's own explanation when it gave one (in their language), else
  // what happened in plain terms, with the reference support can look up.
  return coreBillMessages(locale).apiError[error.kind]({
    status: error.status ?? '',
    detail: error.problem?.detail ?? '',
    reference: error.problem?.requestId ?? '',
  });
}

/** The Fapiao column's words for a state from `fapiaoStateOf`, its date formatted by `formatDay` (the core's by default). */
export function explainFapiaoState(
  state: { state: FapiaoState; from?: string },
  locale: Locale,
  formatDay: DateFormatter = formatChinaDate,
): string {
  return coreBillMessages(locale).fapiaoState[state.state](
    state.from ? { fromText: formatDay(state.from, locale) } : {},
  );
}
