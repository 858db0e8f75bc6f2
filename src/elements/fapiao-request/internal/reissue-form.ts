import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { asApiError, type ApiError } from '../../../core/api-error.js';
import { buyerFromDraft } from '../../../core/draft/buyer-profile.js';
import {
  checkDraft,
  draftFields,
  type DraftCheck,
  type DraftField,
  type FapiaoDraft,
} from '../../../core/draft/fapiao-draft.js';
import { draftFromRequest } from '../../../core/draft/prefill.js';
import { updateDraft } from '../../../core/draft/update-draft.js';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import { explainDraftError, explainReissueBlock } from '../../../core/i18n/explain-request.js';
import {
  DEFAULT_DRAFT_POLICY,
  REISSUE_REASONS,
  type DraftPolicy,
  type FapiaoRequest,
  type ReissueReason,
} from '../../../core/model/fapiao.js';
import {
  checkReissue,
  reissueDeliveryOptions,
  type ReissueBlock,
  type ReissuePolicy,
} from '../../../core/rules/reissue.js';
import { renderBuyerFields, type FieldContext } from './form-fields.js';
import type { RequestMessages } from './messages.js';

/** What the reissue form sends: the reason, the customer's note, the corrected draft (its buyer part counts). */
export interface ReissueSubmission {
  readonly reason: ReissueReason;
  readonly note: string;
  readonly draft: FapiaoDraft;
}

interface ReissueState {
  readonly requestId: string;
  readonly draft: FapiaoDraft;
  readonly reason: ReissueReason | undefined;
  readonly note: string;
  readonly touched: ReadonlySet<DraftField>;
  readonly showAll: boolean;
  readonly sending: boolean;
  readonly problem?: ReissueBlock | ApiError | 'reason-required';
}

const PREFIX = 'reissue-';

function withoutProblem(state: ReissueState): Omit<ReissueState, 'problem'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { problem, ...rest } = state;
  return rest;
}

/**
 * Asking for a reissue (换开) of one issued request at a time: the reason, the corrected buyer (the request's as the
 * start, checked by the core as typed), a note; the core's `checkReissue` before any call, one call however often the
 * button is pressed, the server's field errors under their fields, and everything typed kept on failure.
 */
export class ReissueController {
  state: ReissueState | undefined;
  /** The seller's rules for the form (from the Fapiao account), as the request form has them. */
  draftPolicy: DraftPolicy = DEFAULT_DRAFT_POLICY;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  open(request: FapiaoRequest): void {
    this.#set({
      requestId: request.id,
      draft: draftFromRequest(request),
      reason: undefined,
      note: '',
      touched: new Set(),
      showAll: false,
      sending: false,
    });
  }

  close(): void {
    this.#set(undefined);
  }

  #edit(changes: Partial<ReissueState>): void {
    // An edit clears the problem said about what was there before.
    if (this.state && !this.state.sending) this.#set({ ...withoutProblem(this.state), ...changes });
  }

  /**
   * The field context the shared buyer fields render with (ids prefixed: the request form may be on the page too), the
   * render's own check of the draft.
   */
  fieldContext(check: DraftCheck, m: RequestMessages, locale: Locale): FieldContext {
    const state = this.state!;
    const serverErrors = this.#serverErrors();
    return {
      draft: state.draft,
      m,
      locale,
      idPrefix: PREFIX,
      errorsFor: field => [
        ...(state.showAll || state.touched.has(field)
          ? check.errors.filter(e => e.field === field).map(e => explainDraftError(e, locale))
          : []),
        ...serverErrors.filter(e => e.field === field).map(e => e.message),
      ],
      onEdit: (field, value) => this.#edit({ draft: updateDraft(state.draft, field, value) }),
      onTouch: field => this.#edit({ touched: new Set([...state.touched, field]) }),
      draftPolicy: this.draftPolicy,
    };
  }

  setReason(reason: ReissueReason): void {
    this.#edit({ reason });
  }

  setNote(note: string): void {
    this.#edit({ note });
  }

  #serverErrors(): { field: string; message: string }[] {
    const p = this.state?.problem;
    if (!p || typeof p !== 'object' || !('kind' in p)) return [];
    return (p.problem?.errors ?? []).map(e => ({ field: e.field, message: e.message ?? e.code }));
  }

  /** Checks, then sends once; the updated request comes back through `onDone`. */
  async submit(
    request: FapiaoRequest,
    now: number,
    policy: ReissuePolicy,
    call: (submission: ReissueSubmission) => Promise<FapiaoRequest>,
    onDone: (request: FapiaoRequest) => void,
  ): Promise<boolean> {
    const state = this.state;
    if (!state || state.sending || state.requestId !== request.id) return false;
    const draftCheck = checkDraft(state.draft, reissueDeliveryOptions(request), this.draftPolicy);
    const buyerErrors = draftCheck.errors.filter(e => draftFields(state.draft).includes(e.field));
    if (!state.reason) return (this.#set({ ...state, showAll: true, problem: 'reason-required' }), false);
    if (buyerErrors.length) return (this.#set({ ...state, showAll: true }), false);
    const reissue = checkReissue(
      request,
      { reason: state.reason, fapiaoKind: state.draft.fapiaoKind, buyer: buyerFromDraft(state.draft) },
      now,
      policy,
    );
    if (!reissue.ok) return (this.#set({ ...state, showAll: true, problem: reissue.error }), false);
    const rest = withoutProblem(state);
    this.#set({ ...rest, sending: true });
    try {
      const updated = await call({ reason: state.reason, note: state.note, draft: state.draft });
      this.#set(undefined);
      onDone(updated);
      return true;
    } catch (error) {
      this.#set({ ...rest, sending: false, showAll: true, problem: asApiError(error) });
      return false;
    }
  }

  #set(state: ReissueState | undefined): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

/** The reissue form for `request`, when it is the one open. */
export function renderReissueForm(
  request: FapiaoRequest,
  controller: ReissueController,
  onSubmit: () => void,
  m: RequestMessages,
  locale: Locale,
): TemplateResult {
  const state = controller.state!;
  const check = checkDraft(state.draft, reissueDeliveryOptions(request), controller.draftPolicy);
  const ctx = controller.fieldContext(check, m, locale);
  const p = state.problem;
  const top =
    p === 'reason-required'
      ? m.reissueReasonRequired
      : p && 'kind' in p
        ? p.problem?.errors?.length &&
          p.problem.errors.every(e => draftFields(state.draft).includes(e.field as DraftField))
          ? ''
          : explainApiError(p, locale)
        : p
          ? explainReissueBlock(p, locale)
          : '';
  const paper = request.delivery !== 'electronic';
  return html`<form
    class="reissue-form"
    part="reissue-form"
    novalidate
    aria-labelledby=${`${PREFIX}${request.id}-title`}
    @submit=${(e: Event) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    <h3 id=${`${PREFIX}${request.id}-title`}>${m.reissueTitle}</h3>
    <p class="hint">${paper ? m.reissueExplainPaper : m.reissueExplain}</p>
    <fieldset class="choice reasons" aria-describedby=${p === 'reason-required' ? `${PREFIX}problem` : nothing}>
      <legend>${m.reissueReason}</legend>
      ${REISSUE_REASONS.map(
        r =>
          html`<label class="radio"
            ><input
              type="radio"
              name="reissue-reason"
              value=${r}
              .checked=${live(state.reason === r)}
              @change=${() => controller.setReason(r)}
            />${m.core.reissueReason[r]}</label
          >`,
      )}
    </fieldset>
    ${renderBuyerFields(ctx, check)}
    <div class="field">
      <label for=${`${PREFIX}note`}>${m.reissueNote}</label>
      <textarea
        id=${`${PREFIX}note`}
        name="reissue-note"
        rows="2"
        maxlength="200"
        .value=${live(state.note)}
        @input=${(e: Event) => controller.setNote((e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
    ${top ? html`<p id=${`${PREFIX}problem`} class="error-box" role="alert">${top}</p>` : nothing}
    <div class="buttons">
      <button type="submit" class="action" ?disabled=${state.sending} aria-busy=${state.sending ? 'true' : 'false'}>
        ${state.sending ? m.reissueSending : m.reissueSubmit}
      </button>
      <button type="button" class="secondary" @click=${() => controller.close()}>${m.cancel}</button>
    </div>
  </form>`;
}
