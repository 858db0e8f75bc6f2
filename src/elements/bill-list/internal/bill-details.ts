import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '../../../core/model/invoice.js';
import type { Locale } from '../../../core/i18n/index.js';
import { aside, formatAmount, formatDate } from '../../internal/format.js';
import type { BillListMessages } from './messages.js';

/** The body of the details dialog: amounts as the invoice states them, line items, payments. Text only through bindings. */
/** The bill's status in words; one the source has and the core does not know yet is named as the source sends it. */
export function statusText(invoice: Invoice, m: BillListMessages, locale: Locale): string {
  const word = m.core.invoiceStatus[invoice.status];
  return invoice.status === 'unknown' && invoice.rawStatus ? word + aside(invoice.rawStatus, locale) : word;
}

export function renderBillDetails(invoice: Invoice, m: BillListMessages, locale: Locale): TemplateResult {
  const money = (fen: Invoice['amounts']['gross']) => formatAmount(fen, invoice.currency, locale);
  const a = invoice.amounts;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return html` <dl class="facts">
      <div>
        <dt>${m.invoiceDate}</dt>
        <dd>${formatDate(invoice.invoiceDate, locale)}</dd>
      </div>
      <div>
        <dt>${m.period}</dt>
        <dd>${formatDate(invoice.billingPeriod.start, locale)} – ${formatDate(invoice.billingPeriod.end, locale)}</dd>
      </div>
      ${
        invoice.dueDate
          ? html`<div>
              <dt>${m.dueDate}</dt>
              <dd>${formatDate(invoice.dueDate, locale)}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${m.status}</dt>
        <dd>${statusText(invoice, m, locale)}</dd>
      </div>
      <div>
        <dt>${m.billingAccount}</dt>
        <dd>${invoice.billingAccount.name ?? invoice.billingAccount.id}</dd>
      </div>
      ${
        invoice.seller
          ? html`<div>
              <dt>${m.seller}</dt>
              <dd>${invoice.seller.name ?? invoice.seller.id}</dd>
            </div>`
          : nothing
      }
    </dl>
    <h3>${m.lines}</h3>
    ${
      invoice.lines.length === 0
        ? html`<p>${m.noLines}</p>`
        : html`<table class="lines">
            <thead>
              <tr>
                <th scope="col">${m.description}</th>
                <th scope="col" class="amount">${m.quantity}</th>
                <th scope="col" class="amount">${m.taxRate}</th>
                <th scope="col" class="amount">${m.amount}</th>
              </tr>
            </thead>
            <tbody>
              ${invoice.lines.map(
                line =>
                  html`<tr>
                    <td>${line.description}</td>
                    <td class="amount">${new Intl.NumberFormat(locale).format(line.quantity)}</td>
                    <td class="amount">
                      ${line.taxRateBp === undefined ? '—' : percent.format(line.taxRateBp / 10_000)}
                    </td>
                    <td class="amount">${money(line.amount)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <dl class="totals">
      <div>
        <dt>${m.charges}</dt>
        <dd>${money(a.charges)}</dd>
      </div>
      ${a.adjustments.map(
        x =>
          html`<div>
            <dt>${m.adjustments}</dt>
            <dd>−${money(x.amount)}</dd>
          </div>`,
      )}
      <div>
        <dt>${m.net}</dt>
        <dd>${money(a.net)}</dd>
      </div>
      <div>
        <dt>${m.tax}</dt>
        <dd>${money(a.tax)}</dd>
      </div>
      <div class="grand">
        <dt>${m.gross}</dt>
        <dd>${money(a.gross)}</dd>
      </div>
      <div>
        <dt>${m.amountDue}</dt>
        <dd>${money(a.due)}</dd>
      </div>
    </dl>
    <h3>${m.payments}</h3>
    ${
      invoice.payments.length === 0
        ? html`<p>${m.noPayments}</p>`
        : html`<table class="payments">
            <thead>
              <tr>
                <th scope="col">${m.date}</th>
                <th scope="col">${m.status}</th>
                <th scope="col" class="amount">${m.amount}</th>
              </tr>
            </thead>
            <tbody>
              ${invoice.payments.map(
                p =>
                  html`<tr>
                    <td>${formatDate(p.date, locale)}</td>
                    <td>${m.paymentType[p.type]}${p.method ? html` · ${p.method}` : nothing}</td>
                    <td class="amount">${money(p.amount)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}
