import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/index.js';
import type { Fen } from '../../../core/money/fen.js';
import type { FapiaoBalance } from '../../../core/rules/fapiao-balance.js';
import { formatAmount, labelOf } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';

/**
 * The customer's Fapiao balance above the history: per seller and currency, what can be invoiced now and after the
 * waiting days, what is invoiced, and 欠票 after refunds (offset against the next Fapiao). Figures that are zero are
 * left out; a seller is named by id only when there are several.
 */
export function renderBalance(
  balances: readonly FapiaoBalance[],
  m: RequestMessages,
  locale: Locale,
): TemplateResult | typeof nothing {
  const shown = balances.filter(b => b.invoiceable || b.upcoming || b.invoiced || b.deficit);
  if (!shown.length) return nothing;
  const sellers = new Set(shown.map(b => b.sellerId)).size;
  return html`<section class="balance" part="balance" aria-labelledby="balance-title">
    <h3 id="balance-title">${m.balanceTitle}</h3>
    ${shown.map(b => {
      const figures: [string, Fen][] = [
        [m.balanceInvoiceable, b.invoiceable],
        [m.balanceUpcoming, b.upcoming],
        [m.balanceInvoiced, b.invoiced],
        [m.balanceDeficit, b.deficit],
      ];
      return html`${sellers > 1 ? html`<p class="seller">${b.sellerId}</p>` : nothing}
        <dl>
          ${figures
            .filter(([, fen]) => fen !== 0)
            .map(
              ([label, fen]) =>
                html`<div>
                  <dt>${labelOf(label, locale)}</dt>
                  <dd>${formatAmount(fen, b.currency, locale)}</dd>
                </div>`,
            )}
        </dl>`;
    })}
  </section>`;
}
