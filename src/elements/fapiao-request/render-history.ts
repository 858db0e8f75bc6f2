import { html, nothing, type TemplateResult } from 'lit';
import { isSafeHttpUrl, type FapiaoRequest, type IssuedFapiaoFile, type Locale } from '../../core/index.js';
import { formatAmount, formatDateTime } from '../shared/format.js';
import type { RequestMessages } from './messages.js';

/** One request: status, bills, status history, rejection reason, issued Fapiao with their files. */
export function renderRequest(
  request: FapiaoRequest,
  numbers: (request: FapiaoRequest) => string,
  onFile: (file: IssuedFapiaoFile, fapiaoNumber: string, event: Event) => void,
  m: RequestMessages,
  locale: Locale,
): TemplateResult {
  return html`<li class="request ${request.status}" part="request" data-id=${request.id}>
    <div class="request-head">
      <strong>${m.requestTitle(request.id, formatDateTime(request.createdAt, locale))}</strong>
      <span class="badge ${request.status}">${m.core.requestStatus[request.status]}</span>
    </div>
    <div>${m.billsLine(numbers(request))} · ${m.core.fapiaoKind[request.fapiaoKind]} · ${request.buyer.title}</div>
    ${request.rejectionReason ? html`<p class="rejected"><strong>${m.reason}:</strong> ${request.rejectionReason}</p>` : nothing}
    ${request.fapiaos.length
      ? html`<ul class="fapiaos">${request.fapiaos.map(f => html`<li>
          ${m.issuedFapiao(f.number)} · ${formatAmount(f.gross, f.currency, locale)} (${m.core.fapiaoKind[f.kind]})
          ${f.reversedBy ? html`<span class="reversal">${m.reversedBy(f.reversedBy)}</span>` : nothing}
          <span class="files">${f.files.filter(file => isSafeHttpUrl(file.url)).map(file => html`<a href=${file.url} download aria-label=${m.fileLabel(file.format.toUpperCase(), f.number)}
            @click=${(e: Event) => onFile(file, f.number, e)}>${file.format.toUpperCase()}</a>`)}</span>
        </li>`)}</ul>`
      : nothing}
    <details>
      <summary>${m.statusHistory}</summary>
      <ol class="history">${request.history.map(h => html`<li><time datetime=${h.at}>${formatDateTime(h.at, locale)}</time> · ${m.core.requestStatus[h.status]}${h.note ? html` — ${h.note}` : nothing}</li>`)}</ol>
    </details>
  </li>`;
}
