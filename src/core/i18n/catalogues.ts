import type { CoreMessages, Locale } from './messages.js';

// The core's words by locale, registered rather than imported: a browser page carries the one language it speaks
// (`loadLocale` fetches it, or a bundling host registers it), Node gets all three from the package's `node` entry.
const registered = new Map<Locale, CoreMessages>();

/** Makes `messages` the core's words for `locale` (the last registration wins). */
export function registerCoreMessages(locale: Locale, messages: CoreMessages): void {
  registered.set(locale, messages);
}

export function hasCoreMessages(locale: Locale): boolean {
  return registered.has(locale);
}

/** The core's words for `locale`; throws, naming the fix, when they were never loaded or registered. */
export function coreMessages(locale: Locale): CoreMessages {
  const messages = registered.get(locale);
  if (!messages) {
    throw new Error(
      `fapiao-kit: the ${locale} words are not loaded. Call \`await loadLocale('${locale}')\` first, or register them ` +
        `with registerCoreMessages('${locale}', …) (in Node, the 'fapiao-kit' entry registers every language).`,
    );
  }
  return messages;
}
