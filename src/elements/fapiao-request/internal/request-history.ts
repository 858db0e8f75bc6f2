import { html, nothing, type TemplateResult } from 'lit';
import { explainApiError, type Locale } from '../../../core/i18n/index.js';
import { explainReissueBlock } from '../../../core/i18n/explain-request.js';
import { reissueBlocker, reissueProgress, type ReissuePolicy } from '../../../core/rules/reissue.js';
import { isSafeHttpUrl } from '../../../core/model/decode.js';
import { newestRequestFirst, type FapiaoRequest, type IssuedFapiaoFile } from '../../../core/model/fapiao.js';
import type { ApiError } from '../../../core/api-error.js';
import { aside, formatAmount, labelOf } from '../../internal/format.js';
import { formatChinaDateTime as formatDateTime } from '../../../core/time/format-month.js';
import type { RequestMessages } from './messages.js';
import { renderEmailLine } from './resend-email.js';
import { renderWithdraw, type WithdrawController } from './withdraw.js';
import { renderReissueForm, type ReissueController } from './reissue-form.js';
import type { VerifyController } from './verify.js';
import { renderPeriodArchive, type PeriodArchiveOptions } from './period-archive.js';
import { renderBalance } from './balance.js';
import type { FapiaoBalance } from '../../../core/rules/fapiao-balance.js';
import { fapiaoTimeline } from '../../../core/rules/fapiao-timeline.js';
import { renderTimeline } from './timeline.js';

export interface RequestHistoryOptions {
  readonly requests: readonly FapiaoRequest[];
  /** The bill numbers of a request, for showing it ("INV-1, INV-2"). */
  readonly numbersOf: (request: FapiaoRequest) => string;
  /** An issued file that could not be downloaded: said above the list, which stays. */
  readonly fileError: ApiError | undefined;
  readonly onFile: (file: IssuedFapiaoFile, fapiaoNumber: string, event: Event) => void;
  readonly onRefresh: () => void;
  /** Every issued Fapiao in one ZIP; absent when the client cannot make one. */
  readonly onArchive?: (requests: readonly FapiaoRequest[]) => void;
  /** The customer's Fapiao balance; empty when the client has none. */
  readonly balances: readonly FapiaoBalance[];
  /** The accountant's bundle of one month; absent when the client cannot make one. */
  readonly periodArchive?: PeriodArchiveOptions;
  /** "Send the e-mail again" on issued requests; absent when the client cannot. */
  readonly resend?: Parameters<typeof renderEmailLine>[1];
  /** "Ask for a reissue" on issued requests, and its form; absent when the client cannot. */
  readonly reissue?: {
    readonly controller: ReissueController;
    readonly now: number;
    readonly policy: ReissuePolicy;
    readonly onSubmit: (request: FapiaoRequest) => void;
  };
  /** "Withdraw" on a request not yet being issued; absent when the client cannot. */
  readonly withdraw?: { readonly controller: WithdrawController; readonly onConfirm: (request: FapiaoRequest) => void };
  /** 查验 beside each issued Fapiao. */
  readonly verify: VerifyController;
  /** Each open or issued request's timeline: now, and the seller's issuing time in working days. */
  readonly timeline: { readonly now: Date; readonly issueWithinWorkingDays: number };
  /** "Correct and request again" on a rejected request. */
  readonly onRequestAgain: (request: FapiaoRequest) => void;
  readonly m: RequestMessages;
  readonly locale: Locale;
}

/** The customer's requests, newest first: status, bills, status history, rejection reason, issued Fapiao and files. */
export function renderRequestHistory(o: RequestHistoryOptions): TemplateResult {
  const { m, locale } = o;
  const requests = [...o.requests].sort(newestRequestFirst);
  const issued = requests.filter(r => r.fapiaos.length);
  const count = issued.reduce((n, r) => n + r.fapiaos.length, 0);
  const onArchive = o.onArchive;
  return html`<section part="history" aria-labelledby="history-title" class="history-section">
    <div class="history-head">
      <h2 id="history-title">${m.history}</h2>
      <button class="secondary" @click=${o.onRefresh}>${m.refresh}</button>
      ${
        onArchive && count > 1
          ? html`<button class="secondary archive" part="archive" @click=${() => onArchive(issued)}>
              ${m.downloadAll(count)}
            </button>`
          : nothing
      }
    </div>
    ${renderBalance(o.balances, m, locale)}
    ${o.periodArchive && count ? renderPeriodArchive(o.periodArchive, m) : nothing}
    ${o.fileError ? html`<p class="error-box" role="alert">${m.downloadFailed} ${explainApiError(o.fileError, locale)}</p>` : nothing}
    ${
      requests.length === 0
        ? html`<p>${m.noHistory}</p>`
        : html`<ul class="requests">
            ${requests.map(r => renderRequest(r, o))}
          </ul>`
    }
  </section>`;
}

/** Where the Fapiao of a request goes: the e-mail address, or who receives the paper Fapiao and where. */
export function deliveryLine(request: FapiaoRequest, m: RequestMessages): string {
  const { shipping, pickup } = request;
  if (shipping) {
    const courier = shipping.courier ? m.core.courier[shipping.courier] : '';
    return m.shippedTo(courier, shipping.recipient, shipping.phone, shipping.address);
  }
  if (pickup) return m.pickupBy(pickup.collector, pickup.phone, pickup.point.name, pickup.point.address);
  return request.email ? m.emailedTo(request.email) : '';
}

function renderRequest(request: FapiaoRequest, o: RequestHistoryOptions): TemplateResult {
  const { m, locale } = o;
  const delivery = deliveryLine(request, m);
  return html`<li class="request ${request.status}" part="request" data-id=${request.id} tabindex="-1">
    <div class="request-head">
      <strong>${m.requestTitle(request.id, formatDateTime(request.createdAt, locale))}</strong>
      <span class="badge ${request.status}">${m.core.requestStatus[request.status]}</span>
    </div>
    <div>${m.billsLine(o.numbersOf(request))} · ${m.core.fapiaoKind[request.fapiaoKind]} · ${request.buyer.title}</div>
    ${request.replaces ? html`<div class="replaces">${m.replaces(request.replaces)}</div>` : nothing}
    ${delivery ? html`<div class="delivery">${delivery}</div>` : nothing}
    ${renderEmailLine(request, o.resend, m, locale)}
    ${
      request.tracking
        ? html`<div class="tracking" part="tracking">
            ${m.tracking(m.core.courier[request.tracking.courier], request.tracking.number)}
          </div>`
        : nothing
    }
    ${renderTimeline(
      fapiaoTimeline({ eligibility: {}, request, ...o.timeline }),
      o.timeline.issueWithinWorkingDays,
      m,
      locale,
    )}
    ${request.rejectionReason ? html`<p class="rejected"><strong>${labelOf(m.reason, locale)}</strong>${request.rejectionReason}</p>` : nothing}
    ${o.withdraw ? renderWithdraw(request, o.withdraw.controller, o.withdraw.onConfirm, m, locale) : nothing}
    ${
      request.status === 'rejected'
        ? html`<button class="secondary again" @click=${() => o.onRequestAgain(request)}>${m.requestAgain}</button>`
        : nothing
    }
    ${
      request.fapiaos.length
        ? html`<ul class="fapiaos">
            ${request.fapiaos.map(
              f =>
                html`<li class=${f.reverses ? 'red-letter' : nothing}>
                  ${f.reverses ? m.redLetterFapiao(f.number, f.reverses) : m.issuedFapiao(f.number)} ·
                  ${formatAmount(f.gross, f.currency, locale)}${aside(m.core.fapiaoKind[f.kind], locale)}
                  ${f.reversedBy ? html`<span class="reversal">${m.reversedBy(f.reversedBy)}</span>` : nothing}
                  <span class="files"
                    >${f.files
                      .filter(file => isSafeHttpUrl(file.url))
                      .map(
                        file =>
                          html`<a
                            href=${file.url}
                            download
                            aria-label=${m.fileLabel(file.format.toUpperCase(), f.number)}
                            @click=${(e: Event) => o.onFile(file, f.number, e)}
                            >${file.format.toUpperCase()}</a
                          >`,
                      )}</span
                  >
                  ${o.verify.render(f, m, locale)}
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${renderReissue(request, o)}
    <details>
      <summary>${m.statusHistory}</summary>
      <ol class="history">
        ${request.history.map(
          h =>
            html`<li>
              <time datetime=${h.at}>${formatDateTime(h.at, locale)}</time> ·
              ${m.core.requestStatus[h.status]}${h.note ? html` — ${h.note}` : nothing}
            </li>`,
        )}
      </ol>
    </details>
  </li>`;
}

/** A reissue under way or done (its steps), the form when open, else the button or why there is none. */
function renderReissue(request: FapiaoRequest, o: RequestHistoryOptions): TemplateResult | typeof nothing {
  const { m, locale } = o;
  const reissue = request.reissue;
  const progress = reissue
    ? html`<section class="reissue" part="reissue-progress" tabindex="-1" aria-labelledby=${`reissue-${request.id}`}>
        <p id=${`reissue-${request.id}`}>
          <strong>${m.reissueProgress(m.core.reissueReason[reissue.reason])}</strong> · ${reissue.buyer.title}
        </p>
        <ol class="steps">
          ${reissueProgress(request).map(
            p =>
              html`<li class=${p.state} aria-current=${p.state === 'current' ? 'step' : nothing}>
                ${m.core.reissueStep[p.step]}${p.at ? html` · <time datetime=${p.at}>${formatDateTime(p.at, locale)}</time>` : nothing}
              </li>`,
          )}
        </ol>
        ${reissue.confirmationNumber ? html`<div>${m.confirmationNumber(reissue.confirmationNumber)}</div>` : nothing}
        ${reissue.replacementId ? html`<div>${m.replacedBy(reissue.replacementId)}</div>` : nothing}
      </section>`
    : nothing;
  const r = o.reissue;
  if (!r) return progress;
  if (r.controller.state?.requestId === request.id)
    return html`${progress}${renderReissueForm(request, r.controller, () => r.onSubmit(request), m, locale)}`;
  const blocker = reissueBlocker(request, r.now, r.policy);
  if (!blocker)
    return html`${progress}<button
        class="secondary reissue-open"
        part="reissue"
        @click=${() => r.controller.open(request)}
      >
        ${m.reissueOpen}
      </button>`;
  // Only the seller's window is worth saying: the other blockers are plain from the request itself.
  return blocker.code === 'window-passed'
    ? html`${progress}
        <p class="hint">${explainReissueBlock(blocker, locale)}</p>`
    : progress;
}
