import type {
  CoreAccountMessages,
  CoreBillMessages,
  CoreMessages,
  CoreRequestMessages,
  CoreWordsPart,
  Locale,
} from './messages.js';

// The core's words by locale, registered rather than imported: a browser page carries the one language it speaks
// (`loadLocale` fetches it, or a bundling host registers it), Node gets all three from the package's `node` entry.
// A locale comes in parts, so that a bills page need not carry the form's or registration's words before its first
// render.
interface Parts {
  bills: CoreBillMessages;
  request: CoreRequestMessages;
  account: CoreAccountMessages;
}
type Registered = Partial<Parts> & {
  /** The parts as one catalogue, once all are there. */
  all?: CoreMessages;
};
const registered = new Map<Locale, Registered>();

/** A key only each part has, by which a registration is told apart. */
const MARK: { readonly [P in CoreWordsPart]: keyof Parts[P] } = {
  bills: 'reason',
  request: 'draftError',
  account: 'registrationError',
};
const PARTS = Object.keys(MARK) as CoreWordsPart[];

/**
 * Makes `messages` the core's words for `locale` (the last registration wins): a whole catalogue, or one of its
 * parts (`CoreBillMessages`, `CoreRequestMessages`, `CoreAccountMessages`), which replaces that part only.
 */
export function registerCoreMessages(locale: Locale, messages: Parts[CoreWordsPart] | CoreMessages): void {
  const entry: Registered = { ...registered.get(locale) };
  const given = PARTS.filter(part => MARK[part] in messages);
  for (const part of given) (entry as Record<CoreWordsPart, unknown>)[part] = messages;
  if (given.length === PARTS.length) entry.all = messages as CoreMessages;
  else if (PARTS.every(part => entry[part])) entry.all = { ...entry.bills!, ...entry.request!, ...entry.account! };
  registered.set(locale, entry);
}

/** Whether `locale`'s words are there: one part, or (without `part`) all. */
export function hasCoreMessages(locale: Locale, part?: CoreWordsPart): boolean {
  const entry = registered.get(locale);
  return part ? entry?.[part] !== undefined : entry?.all !== undefined;
}

function missing(locale: Locale): Error {
  return new Error(
    `fapiao-kit: the ${locale} words are not loaded. Call \`await loadLocale('${locale}')\` first, or register them ` +
      `with registerCoreMessages('${locale}', …) (in Node, the 'fapiao-kit' entry registers every language).`,
  );
}

function part<P extends CoreWordsPart>(locale: Locale, name: P): Parts[P] {
  const found = registered.get(locale)?.[name];
  if (!found) throw missing(locale);
  return found as Parts[P];
}

/** The core's words for `locale`, every part; throws, naming the fix, when they were never loaded or registered. */
export function coreMessages(locale: Locale): CoreMessages {
  const all = registered.get(locale)?.all;
  if (!all) throw missing(locale);
  return all;
}

/** The bills page's part of `locale`'s words (what `explainReason` and its kin read). */
export const coreBillMessages = (locale: Locale): CoreBillMessages => part(locale, 'bills');

/** The request form's part of `locale`'s words (what `explainDraftError` and its kin read). */
export const coreRequestMessages = (locale: Locale): CoreRequestMessages => part(locale, 'request');

/** Account registration's part of `locale`'s words (what `explainRegistrationError` reads). */
export const coreAccountMessages = (locale: Locale): CoreAccountMessages => part(locale, 'account');
