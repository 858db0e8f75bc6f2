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
