import type { FapiaoRequest, IssuedFapiao, PlannedFapiao } from '../../../src/core/index.js';

/**
 * The port a partner plugs a real 数电 issuing provider into. The server plans the Fapiao (the core's `planFapiao`),
 * hands them over as an order and follows it by polling or by the provider's callback; the issuing queue
 * (`issuing-jobs.ts`) calls these methods outside any transaction, so a slow provider never holds the store.
 *
 * What every implementation promises (the contract suite in test/node/suites/issuing-provider.suite.ts checks it):
 * - `submit` is idempotent by `order.id`: the same order twice is one issue with one `ref` (a crash between the
 *   provider's answer and our commit submits again);
 * - `status` of an issued order names its Fapiao in the order's plan order, and answers the same every time;
 * - a permanent refusal is a `refused` state with the platform's words, never an exception;
 * - exceptions are `ProviderError`s saying whether to wait (quota, re-login) or simply try again later.
 */
export interface IssuingProvider {
  /** Stored with each job: the queue pauses and resumes per provider. */
  readonly name: string;
  /** Starts issuing; answers once the provider has the order (not once it is issued). */
  submit(order: IssueOrder): Promise<Submitted>;
  /** Where the order (an issue or a reversal) stands. */
  status(ref: string): Promise<IssueState>;
  /** Starts the red-letter reversal of issued Fapiao (the confirmation form, then the red-letter Fapiao). */
  reverse(order: ReversalOrder): Promise<Submitted>;
  /** The provider's remaining quota (an operator's view; the queue learns of exhaustion from `quota-exhausted`). */
  quota(): Promise<QuotaState>;
  /** One issued Fapiao's file as the provider keeps it (PDF, OFD or the XML of record). */
  file(request: FapiaoRequest, fapiao: IssuedFapiao, format: FapiaoFileFormat): Promise<Uint8Array>;
  /**
   * For providers that call back: checks the callback's signature against the raw body and reads it; `undefined`
   * when it is not authentic. The same callback may arrive more than once.
   */
  readCallback?(
    headers: Readonly<Record<string, string | string[] | undefined>>,
    rawBody: Uint8Array,
  ): Callback | undefined;
}

export type FapiaoFileFormat = 'pdf' | 'ofd' | 'xml';

/** Where an issued Fapiao's files come from (the provider's `file`): the download route, the e-mail, the archive. */
export type FapiaoFiles = IssuingProvider['file'];

export interface IssueOrder {
  /** The request's id: the idempotency key of the order. */
  readonly id: string;
  /** When issuing started (epoch ms): the same on every retry of the order. */
  readonly at: number;
  readonly request: FapiaoRequest;
  /** The Fapiao to issue, planned to the fen. */
  readonly fapiaos: readonly PlannedFapiao[];
}

export interface ReversalOrder {
  /** The request's id: one reversal per request. */
  readonly id: string;
  /** When the reversal started (epoch ms): the same on every retry. */
  readonly at: number;
  readonly request: FapiaoRequest;
  /** The Fapiao to reverse (blue ones, in force). */
  readonly fapiaos: readonly IssuedFapiao[];
}

export interface Submitted {
  /** The provider's reference for the order, kept on the job to poll and to match callbacks. */
  readonly ref: string;
}

export type IssueState =
  | {
      readonly state: 'pending';
      /** When it is worth asking again (epoch ms); the queue's default otherwise. */ readonly retryAt?: number;
    }
  | {
      readonly state: 'issued';
      readonly fapiaos: readonly IssuedNumber[];
      /** A reversal's confirmation form. */ readonly confirmationNumber?: string;
    }
  | {
      readonly state: 'refused';
      /** The platform's reason, shown to the customer as it is. */ readonly reason: string;
    };

export interface IssuedNumber {
  /** The 20-digit 数电 number. */
  readonly number: string;
  /** ISO instant. */
  readonly issuedAt: string;
}

export interface Callback {
  readonly ref: string;
  readonly state: IssueState;
}

export interface QuotaState {
  /** Amount (fen, tax-inclusive) the seller may still issue in this period, or null when the provider does not say. */
  readonly remainingFen: number | null;
  /** ISO instant the quota renews, when known. */
  readonly renewsAt?: string;
}

export type ProviderErrorKind =
  /** Down, timed out, answered nonsense: try again later. */
  | 'unavailable'
  /** The seller's issuing quota (授信额度) is used up: wait until `retryAt`, issue nothing meanwhile. */
  | 'quota-exhausted'
  /** The tax bureau session needs the seller to log in again (e.g. face recognition): wait for an operator. */
  | 'login-required';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** For `quota-exhausted`: when issuing may resume (epoch ms). */
    readonly retryAt?: number,
  ) {
    super(message);
  }
}

const FAPIAO_NUMBER = /^\d{20}$/;

/**
 * What is wrong with a provider's answer, or `undefined` when it can be applied: a callback's body or a poll's answer
 * is checked before it touches a request (an issued order names one well-formed number per Fapiao, each once).
 */
export function issueStateProblem(state: unknown, expectedFapiaos?: number): string | undefined {
  const s = state as Partial<Record<string, unknown>> | null;
  if (typeof s !== 'object' || s === null) return 'not an object';
  if (s.state === 'pending') return s.retryAt === undefined || Number.isSafeInteger(s.retryAt) ? undefined : 'retryAt';
  if (s.state === 'refused')
    return typeof s.reason === 'string' && s.reason.trim() && s.reason.length <= 500 ? undefined : 'reason';
  if (s.state !== 'issued') return 'state';
  if (!Array.isArray(s.fapiaos) || s.fapiaos.length === 0) return 'fapiaos';
  const numbers = new Set<string>();
  for (const f of s.fapiaos as Partial<IssuedNumber>[]) {
    if (typeof f?.number !== 'string' || !FAPIAO_NUMBER.test(f.number) || numbers.has(f.number)) return 'number';
    if (typeof f.issuedAt !== 'string' || Number.isNaN(Date.parse(f.issuedAt))) return 'issuedAt';
    numbers.add(f.number);
  }
  if (expectedFapiaos !== undefined && numbers.size !== expectedFapiaos)
    return `${numbers.size} Fapiao for an order of ${expectedFapiaos}`;
  if (
    s.confirmationNumber !== undefined &&
    (typeof s.confirmationNumber !== 'string' || !FAPIAO_NUMBER.test(s.confirmationNumber))
  )
    return 'confirmationNumber';
  return undefined;
}
