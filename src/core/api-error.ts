import type { Issue } from './result.js';

export const API_ERROR_KINDS = ['network', 'timeout', 'http', 'rate-limited', 'invalid-response', 'aborted'] as const;
/** The few ways a call can fail, each with its own localised message in the elements. */
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** The problem+json body the reference server (and any compatible server) sends with a 4xx/5xx. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  /** Stable machine code, e.g. `invoice-not-eligible`, `validation-failed`. */
  readonly code?: string;
  /** The problem in the language of the request's `Accept-Language` (the reference server always sends it). */
  readonly message?: string;
  /** For `validation-failed`: the draft fields at fault, each with its code and, where the server gives it, its message. */
  readonly errors?: readonly ProblemFieldError[];
  /** For `invoice-not-eligible`: the reasons per invoice, as codes and as messages. */
  readonly reasons?: readonly ProblemInvoiceReasons[];
  /** The id of the request on the server (also the `x-request-id` header), to quote to support. */
  readonly requestId?: string;
}

export interface ProblemFieldError {
  readonly field: string;
  readonly code: string;
  readonly message?: string;
}

export interface ProblemInvoiceReasons {
  readonly invoiceId: string;
  readonly codes: readonly string[];
  readonly messages?: readonly string[];
}

export class ApiError extends Error {
  override name = 'ApiError' as const;
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  readonly issues: readonly Issue[];
  /** Seconds the server asked us to wait (Retry-After), when it did. */
  readonly retryAfter: number | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    details: {
      status?: number;
      problem?: Problem;
      issues?: readonly Issue[];
      retryAfter?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.problem = details.problem;
    this.issues = details.issues ?? [];
    this.retryAfter = details.retryAfter;
  }

  /** Whether trying the same call again may succeed (not for 4xx other than 408/429, nor bad data). */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limited') return true;
    return this.kind === 'http' && (this.status ?? 0) >= 500;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    value instanceof ApiError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'ApiError')
  );
}

/**
 * What an ApiError keeps of the error beneath it: its name, message and stack, never the request (whose headers hold
 * the bearer token, which `util.inspect` or a logger would print).
 */
export function plainCause(error: unknown): Error {
  const e = error as { name?: string; message?: string; stack?: string } | null;
  const plain = new Error(e?.message ?? String(error));
  plain.name = e?.name ?? 'Error';
  if (e?.stack) plain.stack = e.stack;
  return plain;
}

/**
 * Any thrown value as an `ApiError`, without knowing the HTTP library: an `ApiError` as it is (the reference client
 * throws nothing else), an abort, broken JSON, a failed fetch (`TypeError`), anything else as a network failure. What
 * the elements use on a host's own client; the reference client adds the HTTP cases (`toApiError`).
 */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const cause = plainCause(error);
  const name = (error as { name?: string } | null)?.name;
  if (name === 'AbortError') return new ApiError('aborted', 'The request was aborted', { cause });
  if (name === 'SyntaxError') return new ApiError('invalid-response', 'The response is not valid JSON', { cause });
  if (error instanceof TypeError) return new ApiError('network', 'The server could not be reached', { cause });
  return new ApiError('network', error instanceof Error ? error.message : String(error), { cause });
}
