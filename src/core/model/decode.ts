import { describe } from '../describe.js';
import { type Fen } from '../money/fen.js';
import { isCalendarDate, isIsoInstant } from '../time/china-time.js';
import type { Issue, Result } from '../result.js';

/**
 * A decoder reads untrusted JSON at a path and either returns a typed value or records issues.
 * Decoders never throw and never fill in silent defaults: a missing required field is an issue.
 */
export type Decoder<T> = (input: unknown, path: string, issues: Issue[]) => T | undefined;

/** Marks a field that may be absent (absent or `null` both give `undefined`). */
export interface OptionalDecoder<T> {
  readonly optional: Decoder<T>;
}

type Shape = Record<string, Decoder<unknown> | OptionalDecoder<unknown>>;
type Decoded<S extends Shape> = {
  -readonly [K in keyof S as S[K] extends OptionalDecoder<unknown> ? never : K]: S[K] extends Decoder<infer T>
    ? T
    : never;
} & {
  -readonly [K in keyof S as S[K] extends OptionalDecoder<unknown> ? K : never]?: S[K] extends OptionalDecoder<infer T>
    ? T
    : never;
};

/**
 * The issues list of a first, fast pass: decoders that see it build no paths and no messages, and containers stop at
 * the first `undefined` (a failure, or an item a decoder chose to drop). Valid data, by far the common case, is
 * decoded once without a path string per field; invalid data is decoded again, collecting every issue with its path.
 * Decoding 100,000 host invoices sits on the path to a first render.
 */
const FAST: Issue[] = [];

const issue = (issues: Issue[], path: string, code: string, message: string): undefined => {
  if (issues !== FAST) issues.push({ path, code, message: `${path}: ${message}` });
  return undefined;
};

export function run<T>(decoder: Decoder<T>, input: unknown, path = '$'): Result<T> {
  const fast = decoder(input, path, FAST);
  FAST.length = 0; // what custom decoders pushed in the fast pass
  if (fast !== undefined) return { ok: true, value: fast };
  const issues: Issue[] = [];
  const value = decoder(input, path, issues);
  return issues.length === 0 && value !== undefined ? { ok: true, value } : { ok: false, issues };
}

export const optional = <T>(decoder: Decoder<T>): OptionalDecoder<T> => ({ optional: decoder });

export function object<S extends Shape>(shape: S): Decoder<Decoded<S>> {
  // Fields read once, not per call: decoding 100 k host invoices is on the path to a first render.
  const fields = Object.entries(shape).map(([key, field]) =>
    'optional' in field ? { key, optional: true, decode: field.optional } : { key, optional: false, decode: field },
  );
  return (input, path, issues) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return issue(issues, path, 'type.object', `expected an object, got ${describe(input)}`);
    }
    const record = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const fast = issues === FAST;
    const before = issues.length;
    for (const { key, optional, decode } of fields) {
      const raw = record[key];
      if (raw === undefined || (optional && raw === null)) {
        if (optional) continue;
        if (fast) return undefined;
        issue(issues, `${path}.${key}`, 'required', 'is required');
        continue;
      }
      const v = decode(raw, fast ? path : `${path}.${key}`, issues);
      if (v !== undefined) out[key] = v;
      else if (fast) return undefined;
    }
    return issues.length === before ? (out as Decoded<S>) : undefined;
  };
}

export function array<T>(item: Decoder<T>, options: { max?: number } = {}): Decoder<T[]> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return issue(issues, path, 'type.array', `expected an array, got ${describe(input)}`);
    if (options.max !== undefined && input.length > options.max) {
      return issue(issues, path, 'array.too-long', `has ${input.length} items, at most ${options.max} allowed`);
    }
    const fast = issues === FAST;
    const before = issues.length;
    const out: T[] = [];
    for (let i = 0; i < input.length; i++) {
      const v = item(input[i], fast ? path : `${path}[${i}]`, issues);
      if (v !== undefined) out.push(v);
      // Fast pass: give up at once, the collecting pass finds every issue (and an item decoder that drops an item
      // on purpose, returning undefined without an issue, gets its way there).
      else if (fast) return undefined;
    }
    return issues.length === before ? out : undefined;
  };
}

export function string(options: { min?: number; max?: number } = {}): Decoder<string> {
  const { min = 0, max = 10_000 } = options;
  return (input, path, issues) => {
    if (typeof input !== 'string')
      return issue(issues, path, 'type.string', `expected a string, got ${describe(input)}`);
    if (input.length < min) return issue(issues, path, 'string.too-short', `must have at least ${min} characters`);
    if (input.length > max) return issue(issues, path, 'string.too-long', `must have at most ${max} characters`);
    return input;
  };
}

export const nonEmptyString = string({ min: 1 });

export function oneOf<const T extends readonly string[]>(values: T): Decoder<T[number]> {
  return (input, path, issues) => {
    if (typeof input === 'string' && (values as readonly string[]).includes(input)) return input as T[number];
    return issue(issues, path, 'enum', `expected one of ${values.join(', ')}, got ${describe(input)}`);
  };
}

export const boolean: Decoder<boolean> = (input, path, issues) =>
  typeof input === 'boolean'
    ? input
    : issue(issues, path, 'type.boolean', `expected a boolean, got ${describe(input)}`);

export function integer(options: { min?: number; max?: number } = {}): Decoder<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return (input, path, issues) => {
    if (typeof input !== 'number' || !Number.isSafeInteger(input)) {
      return issue(issues, path, 'type.integer', `expected a safe integer, got ${describe(input)}`);
    }
    if (input < min || input > max) return issue(issues, path, 'integer.range', `must be between ${min} and ${max}`);
    return input;
  };
}

/** Money on our wire: integer minor units. A float here is an error, not something to round. */
export const fen: Decoder<Fen> = (input, path, issues) => {
  if (typeof input !== 'number' || !Number.isSafeInteger(input)) {
    return issue(issues, path, 'type.fen', `expected an integer amount in minor units, got ${describe(input)}`);
  }
  return input as Fen;
};

export const currency: Decoder<string> = (input, path, issues) =>
  typeof input === 'string' && /^[A-Z]{3}$/.test(input)
    ? input
    : issue(issues, path, 'currency', `expected an ISO 4217 code like "CNY", got ${describe(input)}`);

/** An ISO instant with zone, or a calendar date. */
export const dateOrInstant: Decoder<string> = (input, path, issues) =>
  typeof input === 'string' && (isIsoInstant(input) || isCalendarDate(input))
    ? input
    : issue(issues, path, 'date', `expected an ISO 8601 date or date-time with zone, got ${describe(input)}`);

/** A calendar date `YYYY-MM-DD` naming a real day. */
export const calendarDate: Decoder<string> = (input, path, issues) =>
  typeof input === 'string' && isCalendarDate(input)
    ? input
    : issue(issues, path, 'date', `expected a date YYYY-MM-DD, got ${describe(input)}`);

export const instant: Decoder<string> = (input, path, issues) =>
  typeof input === 'string' && isIsoInstant(input)
    ? input
    : issue(issues, path, 'instant', `expected an ISO 8601 date-time with zone, got ${describe(input)}`);

/** A link from data: only http and https are allowed, so no `javascript:` or `data:` URL reaches a page. */
export const httpUrl: Decoder<string> = (input, path, issues) => {
  if (typeof input === 'string' && isSafeHttpUrl(input)) return input;
  return issue(issues, path, 'url', `expected an http(s) URL, got ${describe(input)}`);
};

/** A path on this origin: "/" not followed by another "/", then URL path, query and fragment characters only. */
const PLAIN_PATH = /^\/(?![/])[\w\-.~!$&'()*+,;=:@%/?#]*$/;
/** An http(s) URL with a plain host name (letters, digits, dots, hyphens; no user info, no port) and a path. */
const PLAIN_HTTP_URL = /^https?:\/\/[a-z\d](?:[a-z\d.-]*[a-z\d])?(?:[/?#][\w\-.~!$&'()*+,;=:@%/?#]*)?$/i;

/**
 * Whether a link from data may be followed: an absolute http(s) URL, or a path on this origin. Read as the browser's
 * URL parser reads it (WHATWG), which drops tabs and line feeds and takes "\\" for "/": so "/\\evil.example/x" and
 * "/<tab>/evil.example" lead to another host. Text with controls, spaces or backslashes is never a link of this API.
 */
export function isSafeHttpUrl(text: string): boolean {
  if (text.length > 4096) return false;
  // The common shapes, answered without a URL parse: only certain yeses here, everything else is parsed below. A
  // plain path has no control, space or backslash, so it skips that test (a first render checks 100,000 links).
  if (PLAIN_PATH.test(text)) return true;
  if (text.length === 0 || /[\u0000-\u0020\u007f\\]/.test(text)) return false;
  if (PLAIN_HTTP_URL.test(text)) return true;
  // URL is in every browser and in Node, but not in the DOM-free lib the core compiles against.
  const UrlCtor = (
    globalThis as unknown as { URL: new (url: string, base?: string) => { protocol: string; host: string } }
  ).URL;
  const base = 'http://relative.invalid';
  try {
    const url = new UrlCtor(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    // A relative link must stay on this origin: "//evil.example/x" is an absolute link in disguise.
    if (!/^https?:\/\//i.test(text)) return text.startsWith('/') && url.host === 'relative.invalid';
    return url.host !== '';
  } catch {
    return false;
  }
}
