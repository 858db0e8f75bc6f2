import { ISSUED_REQUEST_STATUSES } from '../model/request-statuses.js';
import {
  COURIERS,
  type DeliveryOptions,
  type FapiaoBuyer,
  type FapiaoKind,
  type FapiaoRequest,
  type ReissueReason,
  type ReissueStep,
} from '../model/fapiao.js';
import { addChinaDays, chinaDateOf, chinaDaysBetween } from '../time/china-time.js';

/**
 * A reissue (换开) as the customer asks for it (docs/domain.md §2.8): an issued Fapiao with a wrong title, tax ID or
 * type is reversed by a red-letter Fapiao (after the red-letter confirmation form, and, for paper, once the paper is
 * back) and a corrected one is issued. Which Fapiao can be reissued and why not are rules here, as data, checked the
 * same in `<fapiao-request>` and on the server.
 */
export interface ReissuePolicy {
  /** The seller's window: how many China days after issue a customer may still ask (none: no limit). */
  readonly windowDays?: number;
}

export const REISSUE_BLOCK_CODES = [
  'not-issued',
  'reversed',
  'reissue-open',
  'window-passed',
  'nothing-changed',
] as const;
export type ReissueBlockCode = (typeof REISSUE_BLOCK_CODES)[number];

export interface ReissueBlock {
  readonly code: ReissueBlockCode;
  /** `days` and `until` (the last China day) for `window-passed`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What the customer corrects: the buyer and the Fapiao type, with the reason. */
export interface ReissueInput {
  readonly reason: ReissueReason;
  readonly fapiaoKind: FapiaoKind;
  readonly buyer: FapiaoBuyer;
}

/** The request's Fapiao that are in force (issued, not reversed). */
const inForce = (request: Pick<FapiaoRequest, 'fapiaos'>) => request.fapiaos.filter(f => !f.reversedBy && !f.reverses);

/**
 * Why this request cannot be reissued now, whatever the customer corrects; `undefined` when it can. A reissue under
 * way blocks another; a reversed request has nothing left to reissue; the seller's window counts from the last issue.
 */
export function reissueBlocker(
  request: FapiaoRequest,
  now: Date | number,
  policy: ReissuePolicy = {},
): ReissueBlock | undefined {
  if (request.reissue && request.reissue.step !== 'done') return { code: 'reissue-open' };
  const fapiaos = inForce(request);
  if (request.status === 'reversed' || (request.fapiaos.length > 0 && fapiaos.length === 0))
    return { code: 'reversed' };
  if (!ISSUED_REQUEST_STATUSES.includes(request.status) || fapiaos.length === 0) return { code: 'not-issued' };
  if (policy.windowDays !== undefined) {
    const issuedAt = fapiaos
      .map(f => f.issuedAt)
      .sort()
      .at(-1)!;
    const today = new Date(now);
    if (chinaDaysBetween(issuedAt, today) > policy.windowDays)
      return {
        code: 'window-passed',
        params: { days: policy.windowDays, until: chinaDateOf(addChinaDays(issuedAt, policy.windowDays)) },
      };
  }
  return undefined;
}

const sameBuyer = (a: FapiaoBuyer, b: FapiaoBuyer) =>
  (['buyerKind', 'title', 'taxId', 'address', 'phone', 'bankName', 'bankAccount'] as const).every(
    k => (a[k] ?? '') === (b[k] ?? ''),
  );

/** Whether the reissue can be asked for with these corrections: the blocker, or `nothing-changed` when none. */
export function checkReissue(
  request: FapiaoRequest,
  input: ReissueInput,
  now: Date | number,
  policy: ReissuePolicy = {},
): { readonly ok: true } | { readonly ok: false; readonly error: ReissueBlock } {
  const blocker = reissueBlocker(request, now, policy);
  if (blocker) return { ok: false, error: blocker };
  if (input.fapiaoKind === request.fapiaoKind && sameBuyer(input.buyer, request.buyer))
    return { ok: false, error: { code: 'nothing-changed' } };
  return { ok: true };
}

/**
 * What a reissue's draft may say about delivery: the old request's way, whatever the seller offers new requests now (a
 * reissue goes where the old Fapiao went). For `checkDraft` in the reissue form and on the server.
 */
export function reissueDeliveryOptions(request: Pick<FapiaoRequest, 'delivery' | 'pickup'>): DeliveryOptions {
  return { kinds: [request.delivery], couriers: COURIERS, ...(request.pickup ? { pickup: request.pickup.point } : {}) };
}

/** The steps this request's reissue goes through: a paper Fapiao (courier or pick-up) is sent back first. */
export function reissueStepsOf(request: Pick<FapiaoRequest, 'delivery'>): ReissueStep[] {
  const steps: ReissueStep[] = ['red-letter-confirmation', 'red-letter-fapiao', 'new-fapiao', 'done'];
  return request.delivery === 'electronic' ? steps : ['return-paper', ...steps];
}

/** The step after `step` for this request (`done` stays `done`). */
export function nextReissueStep(request: Pick<FapiaoRequest, 'delivery'>, step: ReissueStep): ReissueStep {
  const steps = reissueStepsOf(request);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)]!;
}

/** Each step of a request's reissue with where it stands and when it was reached, for a progress list. */
export function reissueProgress(
  request: FapiaoRequest,
): { readonly step: ReissueStep; readonly state: 'done' | 'current' | 'pending'; readonly at?: string }[] {
  const reissue = request.reissue;
  if (!reissue) return [];
  const steps = reissueStepsOf(request);
  const current = steps.indexOf(reissue.step);
  return steps.map((step, i) => {
    const at = reissue.steps.find(s => s.step === step)?.at;
    const state = i < current || reissue.step === 'done' ? 'done' : i === current ? 'current' : 'pending';
    return { step, state, ...(at ? { at } : {}) };
  });
}
