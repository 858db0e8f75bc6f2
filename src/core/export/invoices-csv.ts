import type { Invoice } from '../model/invoice.js';
import type { Eligibility } from '../rules/eligibility.js';
import { fapiaoStateOf } from '../rules/fapiao-state.js';
import { chinaDateOf } from '../time/china-time.js';
import { currencyExponent, fenToDecimalString } from '../money/fen.js';
import { coreBillMessages, explainReason, explainFapiaoState, type Locale } from '../i18n/index.js';

export interface InvoicesCsvOptions {
  readonly locale: Locale;
  /** The eligibility of each invoice, for the Fapiao columns; omit them when not given. */
  readonly eligibility?: (invoice: Invoice) => Eligibility;
}

/**
 * The invoices as CSV for a spreadsheet: headers in the user's language, dates as China calendar days
 * (`2026-11-01`), amounts as plain decimals (`1234.50`, no grouping, so any locale's spreadsheet reads them as
 * numbers). Starts with a UTF-8 BOM so Excel shows Chinese text; lines end in CRLF (RFC 4180).
 */
export function invoicesToCsv(invoices: readonly Invoice[], options: InvoicesCsvOptions): string {
  const { locale, eligibility } = options;
  const m = coreBillMessages(locale);
  const header = [...m.csvColumns.invoice, ...(eligibility ? m.csvColumns.fapiao : [])];
  const lines = [header.map(csvText).join(',')];
  for (const invoice of invoices) {
    const exponent = currencyExponent(invoice.currency);
    const amount = (fen: number) => fenToDecimalString(fen as Invoice['amounts']['gross'], exponent);
    const cells = [
      csvText(invoice.number),
      chinaDateOf(invoice.invoiceDate),
      chinaDateOf(invoice.billingPeriod.start),
      chinaDateOf(invoice.billingPeriod.end),
      invoice.dueDate ? chinaDateOf(invoice.dueDate) : '',
      invoice.currency,
      amount(invoice.amounts.net),
      amount(invoice.amounts.tax),
      amount(invoice.amounts.gross),
      amount(invoice.amounts.due),
      csvText(m.invoiceStatus[invoice.status]),
      csvText(invoice.billingAccount.name ?? invoice.billingAccount.id),
    ];
    if (eligibility) {
      const e = eligibility(invoice);
      cells.push(
        csvText(explainFapiaoState(fapiaoStateOf(e), locale)),
        csvText(e.reasons.map(r => explainReason(r, locale)).join(' ')),
      );
    }
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A text cell: quoted when it holds a comma, quote or line break; and defused when it starts like a formula
 * (`=`, `+`, `-`, `@`, tab, CR), which spreadsheets would otherwise run (CSV injection). Numbers never go through here.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
