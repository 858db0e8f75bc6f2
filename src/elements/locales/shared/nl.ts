import type { BillListMessages } from '../../bill-list/internal/messages.js';

// nl: the words every element needs, with the core's for a bills page, in one module: the one request an
// element makes for its language. <fapiao-request>'s own words are in ../request/nl.ts, fetched with the form,
// <fapiao-account>'s in ../account/nl.ts.
export { nl as core } from '../../../core/i18n/bills/nl.js';
export const locale = 'nl';
/**
 * A count as nl writes it (19,975; 19.975 in Dutch), through one Intl formatter made when first needed (each
 * `toLocaleString(locale)` makes a new one: some 10 ms a caption). Here, not shared: a language is one module.
 */
let counts: Intl.NumberFormat | undefined;
const count = (n: number): string => (counts ??= new Intl.NumberFormat(locale)).format(n);

export const billList: Omit<BillListMessages, 'core'> = {
  number: 'Factuur',
  invoiceDate: 'Factuurdatum',
  period: 'Factuurperiode',
  dueDate: 'Vervaldatum',
  amount: 'Bedrag',
  status: 'Status',
  fapiao: 'Fapiao',
  actions: 'Acties',
  loading: 'Facturen laden…',
  empty: 'Geen facturen gevonden. Kies een andere periode of een ander factuuraccount.',
  noSource: 'Geen facturen te tonen: deze pagina heeft de lijst nog niet aan een factuurdienst gekoppeld.',
  malformed: n =>
    `${count(n)} ${n === 1 ? 'factuur kan' : 'facturen kunnen'} niet worden getoond omdat de gegevens ongeldig zijn.`,
  retry: 'Opnieuw proberen',
  clearFilters: 'Filters wissen',
  accountUnregistered:
    'Voor een Fapiao voor deze facturen hebt u een geregistreerd Fapiao-account nodig. Registreer eenmalig met uw ordernummer en e-mailadres; vraag daarna de Fapiao aan.',
  accountPending:
    'Uw Fapiao-account is nog niet geactiveerd. Klik op de link in de activeringsmail (24 uur geldig); geen mail gekregen of de link verlopen? Registreer opnieuw met het juiste e-mailadres.',
  registerAccount: 'Fapiao-account registreren',
  waitingWhy: days => `Een betaling is na ongeveer ${days} dagen in het Fapiao-systeem verwerkt.`,
  fapiaoLeft: amount => `Hiervan is nog ${amount} aan te vragen; de rest is aangevraagd.`,
  searchFor: text => `nummer met “${text}”`,
  emptyFiltered: filters =>
    `Geen facturen in deze periode voor ${filters.join(', ')}. Wis de filters om ze allemaal te zien.`,
  fapiaoUnknown: 'Fapiao-status niet geladen',
  fapiaoStatusFailed: 'De facturen worden getoond, maar hun Fapiao-status kon niet worden geladen.',
  summaryLabel: 'Fapiao-bedragen',
  billCount: n => (n === 1 ? '1 factuur' : `${count(n)} facturen`),
  fapiaoFilter: {
    eligible: 'Fapiao nu aan te vragen',
    'eligible-from': 'Fapiao binnenkort aan te vragen',
    requested: 'Fapiao aangevraagd',
    issued: 'Fapiao uitgegeven',
    'not-available': 'geen Fapiao mogelijk',
  },
  fapiaoPdf: 'Fapiao-PDF',
  fapiaoPdfOf: n => `Fapiao-PDF (${n})`,
  skipToRequest: 'Naar de eerste „Fapiao aanvragen”',
  skipToBills: 'Naar de facturen',
  search: 'Zoeken op factuurnummer',
  range: 'Periode',
  rangeAll: 'Alle datums',
  rangeCustom: 'Eigen periode',
  rangeMonths: n => `Laatste ${n} maanden`,
  from: 'Van',
  to: 'Tot en met',
  statusAll: 'Alle statussen',
  billingAccount: 'Factuuraccount',
  accountAll: 'Alle accounts',
  viewInvoices: 'Facturen',
  viewStatements: 'Overzichten',
  getFapiao: 'Fapiao aanvragen',
  viewPdf: n => `PDF van factuur ${n}`,
  downloadPdf: n => `PDF van factuur ${n} downloaden`,
  download: 'Downloaden',
  getFapiaoFor: n => `Fapiao aanvragen voor factuur ${n}`,
  select: n => `Factuur ${n} selecteren`,
  selectAllEligible: 'Alle facturen selecteren waarvoor een Fapiao kan',
  selection: (n, total) => `${count(n)} geselecteerd · ${total}`,
  getFapiaoForSelected: n => `Fapiao aanvragen voor ${count(n)} ${n === 1 ? 'factuur' : 'facturen'}`,
  selectToRequest: 'Vink facturen aan voor één Fapiao',
  downloadFailed: 'De PDF kon niet worden gedownload.',
  exportCsv: 'CSV exporteren',
  caption: n => `${count(n)} facturen`,
  sortBy: c => `Sorteren op ${c.toLowerCase()}`,
  details: n => `Factuur ${n}`,
  close: 'Sluiten',
  lines: 'Regels',
  noLines: 'Geen regels.',
  description: 'Omschrijving',
  quantity: 'Aantal',
  taxRate: 'Btw-tarief',
  payments: 'Betalingen',
  noPayments: 'Nog geen betalingen.',
  paymentType: { payment: 'Betaling', refund: 'Terugbetaling' },
  date: 'Datum',
  charges: 'Kosten',
  adjustments: 'Aanpassingen',
  net: 'Nettobedrag',
  tax: 'Btw',
  gross: 'Totaal incl. btw',
  amountDue: 'Openstaand',
  seller: 'Verkoper',
  statementsCaption: n => `${count(n)} overzichten`,
  openingBalance: 'Beginsaldo',
  closingBalance: 'Eindsaldo',
  noStatements: 'Geen overzichten voor dit account.',
};
