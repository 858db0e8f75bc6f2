import { randomUUID } from 'node:crypto';
import {
  buyerFromDraft,
  checkDraft,
  checkReissue,
  decodeDraft,
  draftFromRequest,
  explainDraftError,
  explainReissueBlock,
  ISSUED_REQUEST_STATUSES,
  nextReissueStep,
  REISSUE_REASONS,
  reissueDeliveryOptions,
  reissueStepsOf,
  toFen,
  type FapiaoDraft,
  type FapiaoRequest,
  type IssuedFapiao,
  type DraftPolicy,
  type Locale,
  type Reissue,
  type ReissueReason,
} from '../../src/core/index.js';
import { canonicalJson, HttpProblem, readJson, send } from './http.js';
import { moveRequests, requestOf, saveRequest } from './request-of.js';
import type { CustomerContext } from './routes/route.js';
import { enqueueIssue, enqueueReversal, type ApplyReversal } from './issuing/issuing-jobs.js';
import type { IssuedNumber } from './issuing/provider.js';
import { fapiaoFileLinks } from './seed.js';
import type { Queryable, Store } from './store/index.js';
import { iso } from './instant.js';

const MAX_NOTE_CHARS = 200;

/**
 * The reissue's corrections from the body: its reason and note, and the buyer fields of the draft checked by the core
 * on top of the old request's delivery (a reissue goes where the old Fapiao went). 422 with the field errors.
 */
function correctionsOf(input: unknown, old: FapiaoRequest, locale: Locale, policy: DraftPolicy) {
  const body = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;
  const invalid = (why: string) => new HttpProblem(422, 'validation-failed', { params: { why } });
  if (!REISSUE_REASONS.includes(body.reason as ReissueReason))
    throw invalid(`reason must be one of ${REISSUE_REASONS.join(', ')}`);
  const note = body.note ?? '';
  if (typeof note !== 'string' || note.length > MAX_NOTE_CHARS || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(note))
    throw invalid(`note must be a text of at most ${MAX_NOTE_CHARS} characters`);
  const decoded = decodeDraft(body.draft);
  if (!decoded.ok) throw invalid(decoded.issues[0]!.message.replace(/^\$/, 'draft'));
  const d = decoded.value;
  const draft: FapiaoDraft = {
    ...draftFromRequest(old),
    buyerKind: d.buyerKind,
    fapiaoKind: d.fapiaoKind,
    title: d.title,
    taxId: d.taxId,
    address: d.address,
    phone: d.phone,
    bankName: d.bankName,
    bankAccount: d.bankAccount,
    naturalPerson: d.naturalPerson,
    acceptChecksumWarning: d.acceptChecksumWarning,
  };
  const check = checkDraft(draft, reissueDeliveryOptions(old), policy);
  if (!check.ok)
    throw new HttpProblem(422, 'validation-failed', {
      detail: explainDraftError(check.errors[0]!, locale),
      extra: {
        errors: check.errors.map(e => ({ field: e.field, code: e.code, message: explainDraftError(e, locale) })),
      },
    });
  return {
    reason: body.reason as ReissueReason,
    note: note.trim(),
    fapiaoKind: draft.fapiaoKind,
    buyer: buyerFromDraft(draft),
  };
}

const sameCorrections = (r: Reissue, c: ReturnType<typeof correctionsOf>) =>
  r.reason === c.reason &&
  (r.note ?? '') === c.note &&
  r.fapiaoKind === c.fapiaoKind &&
  // jsonb keeps keys in its own order: compared with sorted keys.
  canonicalJson(r.buyer) === canonicalJson(c.buyer);

/**
 * `POST /fapiao-requests/{id}/reissue`: the customer asks for a reissue with corrections. The core decides whether it
 * can be asked for; the row lock makes two at once one reissue, and the same corrections again answer the reissue
 * already made (a double click or a retry creates nothing twice).
 */
export async function requestReissue(ctx: CustomerContext): Promise<void> {
  const { req, res, params, locale, services, customer } = ctx;
  const body = await readJson(req);
  const at = services.now();
  const { request, created } = await services.store.transaction(async tx => {
    const old = await requestOf(tx, customer, params.id!, { forUpdate: true });
    const corrections = correctionsOf(body, old, locale, services.draftPolicy);
    if (old.reissue && sameCorrections(old.reissue, corrections)) return { request: old, created: false };
    const check = checkReissue(old, corrections, at, services.reissuePolicy);
    if (!check.ok) {
      const message = explainReissueBlock(check.error, locale);
      const extra = { errors: [{ field: 'reissue', code: check.error.code, message }] };
      throw check.error.code === 'nothing-changed'
        ? new HttpProblem(422, 'validation-failed', { detail: message, extra })
        : new HttpProblem(409, 'conflict', { detail: message, extra });
    }
    const first = reissueStepsOf(old)[0]!;
    const next: FapiaoRequest = {
      ...old,
      reissue: {
        reason: corrections.reason,
        ...(corrections.note ? { note: corrections.note } : {}),
        fapiaoKind: corrections.fapiaoKind,
        buyer: corrections.buyer,
        requestedAt: iso(at),
        step: first,
        steps: [{ step: first, at: iso(at) }],
      },
    };
    await saveRequest(tx, customer.id, next);
    return { request: next, created: true };
  });
  send(res, created ? 202 : 200, request);
}

/** The red-letter Fapiao that reverses `blue`: the same amounts negated, the number and time the provider gave it. */
function redLetterOf(request: FapiaoRequest, blue: IssuedFapiao, red: IssuedNumber): IssuedFapiao {
  const { number, issuedAt } = red;
  return {
    number,
    kind: blue.kind,
    issuedAt,
    currency: blue.currency,
    net: toFen(-blue.net),
    tax: toFen(-blue.tax),
    gross: toFen(-blue.gross),
    files: fapiaoFileLinks(request.id, number),
    reverses: blue.number,
  };
}

/**
 * Reverses the old request's Fapiao and opens the request that issues the corrected one: red-letter Fapiao added, the
 * old ones marked, the old request `reversed`, the bills' claim moved to the new request (so they stay taken).
 */
async function reverseAndReplace(
  tx: Queryable,
  tenantId: string,
  old: FapiaoRequest,
  issued: readonly IssuedNumber[],
  at: number,
): Promise<FapiaoRequest> {
  const reissue = old.reissue!;
  // The provider names the red-letter Fapiao in the order it was given the blue ones (issuing-jobs.ts).
  const blues = old.fapiaos.filter(f => !f.reversedBy && !f.reverses);
  const reds = blues.map((blue, i) => redLetterOf(old, blue, issued[i]!));
  const replacementId = `REQ-${randomUUID().slice(0, 8).toUpperCase()}`;
  const { rows } = await tx.query<{ locale: string }>(
    'select locale from fapiao_requests where tenant_id = $2 and id = $1',
    [old.id, tenantId],
  );
  const { locale } = rows[0]!;
  const replacement: FapiaoRequest = {
    id: replacementId,
    invoiceIds: old.invoiceIds,
    ...(old.invoiceNumbers ? { invoiceNumbers: old.invoiceNumbers } : {}),
    // The same part of each bill: the claims move to the replacement as they are.
    ...(old.amounts ? { amounts: old.amounts } : {}),
    fapiaoKind: reissue.fapiaoKind,
    buyer: reissue.buyer,
    delivery: old.delivery,
    ...(old.email ? { email: old.email } : {}),
    ...(old.shipping ? { shipping: old.shipping } : {}),
    ...(old.pickup ? { pickup: old.pickup } : {}),
    ...(old.note ? { note: old.note } : {}),
    status: 'submitted',
    history: [{ status: 'submitted', at: iso(at) }],
    fapiaos: [],
    createdAt: iso(at),
    replaces: old.id,
  };
  await tx.query(
    'insert into fapiao_requests (id, tenant_id, created_at, status, body, locale) values ($1, $2, $3, $4, $5, $6)',
    [replacementId, tenantId, iso(at), 'submitted', JSON.stringify(replacement), locale],
  );
  for (const invoiceId of old.invoiceIds)
    await tx.query('insert into fapiao_request_invoices (tenant_id, request_id, invoice_id) values ($1, $2, $3)', [
      tenantId,
      replacementId,
      invoiceId,
    ]);
  await tx.query('update invoice_claims set request_id = $1 where tenant_id = $3 and request_id = $2', [
    replacementId,
    old.id,
    tenantId,
  ]);
  await enqueueIssue(tx, tenantId, replacementId, at);
  const redNumbers = reds.map(r => r.number).join('、');
  return {
    ...old,
    status: 'reversed',
    fapiaos: [
      ...old.fapiaos.map(f => {
        const red = reds.find(r => r.reverses === f.number);
        return red ? { ...f, reversedBy: red.number } : f;
      }),
      ...reds,
    ],
    history: [...old.history, { status: 'reversed', at: iso(at), note: `开票有误：已开具红字发票 ${redNumbers}` }],
    reissue: { ...reissue, replacementId },
  };
}

/** The reissue's next step, taken at `at`, with what that step brought (the confirmation form's number). */
function stepOn(r: FapiaoRequest, at: number, changes: Partial<Reissue> = {}): FapiaoRequest {
  const next = nextReissueStep(r, r.reissue!.step);
  return {
    ...r,
    reissue: { ...r.reissue!, ...changes, step: next, steps: [...r.reissue!.steps, { step: next, at: iso(at) }] },
  };
}

/** One step of a reissue as the back office takes it; the red-letter steps are the issuing provider's (a reversal). */
async function advanceReissue(
  tx: Queryable,
  tenantId: string,
  request: FapiaoRequest,
  at: number,
): Promise<FapiaoRequest | undefined> {
  const reissue = request.reissue!;
  switch (reissue.step) {
    case 'return-paper': // the paper Fapiao arrived back
      return stepOn(request, at);
    case 'red-letter-confirmation': // the provider enters the form and, once confirmed, issues the red-letter Fapiao
    case 'red-letter-fapiao': // a reissue a store took before the issuing queue, its form already confirmed
      await enqueueReversal(tx, tenantId, request.id, at);
      return undefined;
    case 'new-fapiao': {
      const replacement = (
        await tx.query<{ status: string }>('select status from fapiao_requests where tenant_id = $2 and id = $1', [
          reissue.replacementId,
          tenantId,
        ])
      ).rows[0];
      return replacement && (ISSUED_REQUEST_STATUSES as readonly string[]).includes(replacement.status)
        ? stepOn(request, at)
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The provider's answer to a reversal: the confirmation form confirmed (its number kept) and the red-letter Fapiao
 * issued; the old request is reversed and its replacement opened. Only a reissue waiting for it takes it.
 */
export const applyReversal: ApplyReversal = async (tx, tenantId, request, state, at) => {
  const step = request.reissue?.step;
  if (step !== 'red-letter-confirmation' && step !== 'red-letter-fapiao') return undefined;
  const confirmed =
    step === 'red-letter-fapiao'
      ? request
      : stepOn(request, at, state.confirmationNumber ? { confirmationNumber: state.confirmationNumber } : {});
  return stepOn(await reverseAndReplace(tx, tenantId, confirmed, state.fapiaos, at), at);
};

/** Moves every open reissue one step (any number of instances: `SKIP LOCKED`). */
export function advanceReissues(store: Store, at: number): Promise<number> {
  return moveRequests(
    store,
    "body->'reissue'->>'step' in ('return-paper', 'red-letter-confirmation', 'red-letter-fapiao', 'new-fapiao')",
    (tx, request, tenantId) => advanceReissue(tx, tenantId, request, at),
  );
}
