import { hasCoreMessages, coreMessages, registerCoreMessages } from './catalogues.js';
import type { CoreMessages, Locale } from './messages.js';

// One module per language, each a chunk of its own for a bundler that splits code (three literal imports, which every
// bundler can follow, rather than a computed path).
const LOADERS: Record<Locale, () => Promise<CoreMessages>> = {
  'zh-CN': () => import('./zh-CN.js').then(m => m.zhCN),
  en: () => import('./en.js').then(m => m.en),
  nl: () => import('./nl.js').then(m => m.nl),
};

/**
 * Fetches and registers the core's words for `locale` (once: later calls return at once), so that `explainReason`
 * and the other `explain…` functions can answer synchronously in that language.
 */
export async function loadLocale(locale: Locale): Promise<CoreMessages> {
  if (hasCoreMessages(locale)) return coreMessages(locale);
  const messages = await LOADERS[locale]();
  registerCoreMessages(locale, messages);
  return messages;
}
