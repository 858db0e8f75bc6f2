import { html, nothing, type TemplateResult } from 'lit';
import { explainReason, type Locale } from '../../../core/i18n/index.js';
import type { PlanPreview } from '../../../core/rules/plan-fapiao.js';
import type { Invoice } from '../../../core/model/invoice.js';
import { aside, formatAmount, labelOf, listOf } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';

/** The preview: which bills go on which Fapiao, net + VAT per Fapiao, totals, and why a bill is left out. */
export function renderPlanPreview(
  plan: PlanPreview,
  invoices: readonly Invoice[],
  m: RequestMessages,
  locale: Locale,
): TemplateResult {
  const numberOf = (id: string) => invoices.find(i => i.id === id)?.number ?? id;
  return html`<section class="plan" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${m.preview}</h3>
    ${plan.fapiaos.length === 0 ? html`<p>${m.nothingToRequest}</p>` : html`<p>${m.planCount(plan.fapiaos.length)}</p>`}
    ${plan.fapiaos.map((f, n) => {
      const money = (fen: typeof f.gross) => formatAmount(fen, f.currency, locale);
      return html`<table class="plan-table">
        <caption>
          ${m.fapiaoNo(n + 1)} · ${m.core.fapiaoKind[f.fapiaoKind]}
        </caption>
        <thead>
          <tr>
            <th scope="col">${m.bill}</th>
            <th scope="col" class="amount">${m.net}</th>
            <th scope="col" class="amount">${m.tax}</th>
            <th scope="col" class="amount">${m.gross}</th>
          </tr>
        </thead>
        <tbody>
          ${f.lines.map(
            l =>
              html`<tr>
                <th scope="row">${l.invoiceNumber}</th>
                <td class="amount" data-label=${m.net}>${money(l.net)}</td>
                <td class="amount" data-label=${m.tax}>${money(l.tax)}</td>
                <td class="amount" data-label=${m.gross}>${money(l.gross)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${m.total}</th>
            <td class="amount" data-label=${m.net}>${money(f.net)}</td>
            <td class="amount" data-label=${m.tax}>${money(f.tax)}</td>
            <td class="amount" data-label=${m.gross}>${money(f.gross)}</td>
          </tr>
        </tfoot>
      </table>`;
    })}
    ${
      plan.fapiaos.length > 1
        ? plan.totals.map(
            t =>
              html`<p class="grand">
                ${labelOf(m.total, locale)}${formatAmount(t.gross, t.currency, locale)}${aside(
                  listOf(
                    [
                      `${m.net} ${formatAmount(t.net, t.currency, locale)}`,
                      `${m.tax} ${formatAmount(t.tax, t.currency, locale)}`,
                    ],
                    locale,
                  ),
                  locale,
                )}
              </p>`,
          )
        : nothing
    }
    ${
      plan.excluded.length
        ? html`<h4>${m.excluded}</h4>
            <ul class="excluded">
              ${plan.excluded.map(x => html`<li><strong>${numberOf(x.invoiceId)}</strong>: ${x.reasons.map(r => explainReason(r, locale)).join(' ')}</li>`)}
            </ul>`
        : nothing
    }
  </section>`;
}
