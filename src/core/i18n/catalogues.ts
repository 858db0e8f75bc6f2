import type { CoreBillMessages, CoreMessages, CoreRequestMessages, CoreWordsPart, Locale } from './messages.js';

// The core's words by locale, registered rather than imported: a browser page carries the one language it speaks
// (`loadLocale` fetches it, or a bundling host registers it), Node gets all three from the package's `node` entry.
// A locale comes in two parts, so that a bills page need not carry the form's words before its first render.
interface Registered {
  bills?: CoreBillMessages;
  request?: CoreRequestMessages;
  /** Both parts as one catalogue, once both are there. */
  all?: CoreMessages;
}
const registered = new Map<Locale, Registered>();

const isBills = (m: object): m is CoreBillMessages => 'reason' in m;
const isRequest = (m: object): m is CoreRequestMessages => 'draftError' in m;

/**
 * Makes `messages` the core's words for `locale` (the last registration wins): a whole catalogue, or one of its two
 * parts (`CoreBillMessages`, `CoreRequestMessages`), which replaces that part only.
 */
export function registerCoreMessages(
  locale: Locale,
  messages: CoreMessages | CoreBillMessages | CoreRequestMessages,
): void {
  const entry: Registered = { ...registered.get(locale) };
  if (isBills(messages)) entry.bills = messages;
  if (isRequest(messages)) entry.request = messages;
  if (isBills(messages) && isRequest(messages)) entry.all = messages;
  else if (entry.bills && entry.request) entry.all = { ...entry.bills, ...entry.request };
  registered.set(locale, entry);
}

/** Whether `locale`'s words are there: one part, or (without `part`) both. */
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

/** The core's words for `locale`, both parts; throws, naming the fix, when they were never loaded or registered. */
export function coreMessages(locale: Locale): CoreMessages {
  const all = registered.get(locale)?.all;
  if (!all) throw missing(locale);
  return all;
}

/** The bills page's part of `locale`'s words (what `explainReason` and its kin read). */
export function coreBillMessages(locale: Locale): CoreBillMessages {
  const bills = registered.get(locale)?.bills;
  if (!bills) throw missing(locale);
  return bills;
}

/** The request form's part of `locale`'s words (what `explainDraftError` and its kin read). */
export function coreRequestMessages(locale: Locale): CoreRequestMessages {
  const request = registered.get(locale)?.request;
  if (!request) throw missing(locale);
  return request;
}
