import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { parseAcceptLanguage, type Locale } from '../../src/core/index.js';
import { problemText, type ProblemCode } from './messages.js';

export interface ProblemOptions {
  /** Values for the message (`{ name: 'from' }`). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** A text already in the request's language (the core's explanation of a draft error or a reason). */
  readonly detail?: string;
  /** More members of the problem body (`errors`, `reasons`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A 4xx/5xx answer as `application/problem+json`, with a stable `code` and a `detail` in the request's language. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly options: ProblemOptions = {},
  ) {
    super(code);
  }

  detailIn(locale: Locale, requestId: string): string {
    return this.options.detail ?? problemText(this.code, locale, { requestId, ...this.options.params });
  }
}

/** Text for HTML or XML (a page, an e-mail, the Fapiao XML): the five markup characters as numeric references. */
export const escapeMarkup = (text: string): string => text.replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`);

export const MAX_BODY_BYTES = 64 * 1024;
/** Deeper JSON than any request of this API has: refused before parsing (deep nesting overflows parsers' stacks). */
export const MAX_JSON_DEPTH = 32;

/** Headers every answer carries: no sniffing, no framing, no referrer, no caching of customer data. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** The demo page's policy: scripts from this origin only (no inline script), no framing, nothing loaded elsewhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/**
 * Whether the client takes gzip (`Accept-Encoding: gzip`, not refused with `q=0`). Accept-Encoding is the same
 * weighted list as Accept-Language, so the core's parser reads it (values with `q=0` and `*` left out).
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return parseAcceptLanguage(String(header ?? '')).some(coding => coding.toLowerCase() === 'gzip');
}

/** Bodies from this size on go gzipped to a client that takes gzip (a page of 500 bills is ~400 KB of JSON). */
const GZIP_FROM_CHARS = 1024;

/**
 * A JSON text already serialised (bodies spliced from the database); gzipped when large and the client takes gzip.
 * Level 1 and synchronous: about 2 ms for the largest page, and the answer leaves in one piece as before.
 */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  json: string,
  headers: Record<string, string> = {},
): void {
  const all = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...headers,
  };
  if (json.length >= GZIP_FROM_CHARS && acceptsGzip(res.req?.headers['accept-encoding'])) {
    res.writeHead(status, { ...all, 'content-encoding': 'gzip' });
    res.end(gzipSync(json, { level: 1 }));
    return;
  }
  res.writeHead(status, all);
  res.end(json);
}

export function sendProblem(res: ServerResponse, p: HttpProblem, locale: Locale, requestId: string): void {
  const detail = p.detailIn(locale, requestId);
  const body = {
    type: `https://fapiao-kit.dev/problems/${p.code}`,
    title: p.code,
    status: p.status,
    code: p.code,
    detail,
    message: detail,
    requestId,
    ...p.options.extra,
  };
  const headers = {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': locale,
    ...p.options.headers,
  };
  send(res, p.status, body, headers);
}

export function sendFile(res: ServerResponse, type: string, data: Uint8Array | string, filename?: string): void {
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'private, max-age=60',
    ...(filename ? { 'content-disposition': `inline; filename="${filename}"` } : {}),
  });
  res.end(data);
}

/**
 * The path of a request target, never throwing: `//a:99999/` is a path that starts with two slashes, not a URL with a
 * host. Query parameters come from the same parse.
 */
export function parseTarget(target: string | undefined): URL {
  const raw = target ?? '/';
  try {
    return new URL(`http://localhost${raw.startsWith('/') ? raw : `/${raw}`}`);
  } catch {
    throw new HttpProblem(400, 'invalid-target');
  }
}

/** Text that no field of this API may hold: NUL and other C0/C1 controls, and lone UTF-16 surrogates. */
const FORBIDDEN_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasForbiddenText(text: string): boolean {
  return FORBIDDEN_TEXT.test(text);
}

/** A path segment, %-decoded; a malformed escape or a control character is the client's mistake (400), not ours. */
export function pathParam(segment: string, what: string): string {
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'invalid-path', { params: { what } });
  }
  if (value.length === 0 || value.length > 200 || hasForbiddenText(value)) {
    throw new HttpProblem(400, 'invalid-path', { params: { what } });
  }
  return value;
}

/** A query parameter, refused when it holds control characters or is absurdly long. */
export function queryParam(q: URLSearchParams, name: string): string | null {
  const value = q.get(name);
  if (value === null) return null;
  if (value.length > 200 || hasForbiddenText(value)) throw new HttpProblem(400, 'invalid-query', { params: { name } });
  return value;
}

/** The greatest nesting of arrays and objects in a JSON text, read in one pass (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Any string inside a parsed JSON value that holds forbidden text. */
function forbiddenStringIn(value: unknown): boolean {
  if (typeof value === 'string') return hasForbiddenText(value);
  if (Array.isArray(value)) return value.some(forbiddenStringIn);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => hasForbiddenText(k) || forbiddenStringIn(v));
  return false;
}

/**
 * The request body as JSON: `application/json` only (so a browser must ask before sending it cross-site), UTF-8,
 * at most 64 KiB, at most 32 levels deep, and no control characters or lone surrogates in any string.
 */
/** The body's bytes as sent (a signature is checked over exactly these), at most 64 KiB. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpProblem(413, 'payload-too-large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, 'payload-too-large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/.test(type)) {
    throw new HttpProblem(415, 'unsupported-media-type');
  }
  const charset = /charset=([^;\s]+)/.exec(type)?.[1];
  if (charset && charset.replace(/"/g, '') !== 'utf-8') {
    throw new HttpProblem(415, 'unsupported-media-type');
  }
  const body = await readBody(req);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw new HttpProblem(400, 'malformed-json', { params: { why: 'not UTF-8' } });
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new HttpProblem(400, 'malformed-json', { params: { why: 'nested too deeply' } });
  let value: unknown;
  try {
    value = JSON.parse(text || 'null');
  } catch {
    throw new HttpProblem(400, 'malformed-json');
  }
  if (forbiddenStringIn(value)) {
    throw new HttpProblem(400, 'invalid-characters');
  }
  return value;
}

/** Keys sorted at every level: the same request sent by another client (other key order) is the same body. */
export function canonicalJson(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(value));
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly locale: Locale;
  readonly requestId: string;
  /** Named path parameters, decoded and checked. */
  readonly params: Readonly<Record<string, string>>;
}
