import { html, nothing, type TemplateResult } from 'lit';
import { isSafeHttpUrl } from '../../../core/model/decode.js';
import type { Locale } from '../../../core/i18n/index.js';
import type { Statement } from '../../../core/model/invoice.js';
import { formatAmount, formatDate } from '../../internal/format.js';
import type { BillListMessages } from './messages.js';

/**
 * The statements view: one row per period with its balances and its PDF. `onPdf` gets the click first (to fetch the
 * PDF with the client's credentials where a plain link would arrive without them).
 */
export function renderStatementsTable(
  statements: readonly Statement[],
  m: BillListMessages,
  locale: Locale,
  onPdf: (statement: Statement, url: string, event: Event) => void,
): TemplateResult {
  if (statements.length === 0) return html`<p part="empty" role="status">${m.noStatements}</p>`;
  return html`<div class="scroller" part="scroller">
    <table part="table">
      <caption>
        ${m.statementsCaption(statements.length)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${m.period}</th>
          <th scope="col">${m.billingAccount}</th>
          <th scope="col" class="amount">${m.openingBalance}</th>
          <th scope="col" class="amount">${m.charges}</th>
          <th scope="col" class="amount">${m.payments}</th>
          <th scope="col" class="amount">${m.closingBalance}</th>
          <th scope="col">${m.actions}</th>
        </tr>
      </thead>
      <tbody>
        ${statements.map(s => {
          const url = s.document && isSafeHttpUrl(s.document.url) ? s.document.url : undefined;
          const money = (fen: Statement['charges']) => formatAmount(fen, s.currency, locale);
          const period = `${formatDate(s.period.start, locale)} – ${formatDate(s.period.end, locale)}`;
          return html`<tr part="row" data-id=${s.id}>
            <th scope="row">${period}</th>
            <td>${s.billingAccount.name ?? s.billingAccount.id}</td>
            <td class="amount">${money(s.openingBalance)}</td>
            <td class="amount">${money(s.charges)}</td>
            <td class="amount">${money(s.payments)}</td>
            <td class="amount">${money(s.closingBalance)}</td>
            <td>
              ${
                url
                  ? html`<a
                      href=${url}
                      target="_blank"
                      rel="noopener"
                      aria-label=${`PDF ${period}`}
                      @click=${(e: Event) => onPdf(s, url, e)}
                      >PDF</a
                    >`
                  : nothing
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
