import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';

// nl: the elements' own words. One file per locale, so a one-locale build can leave the others out.
export const billList: Omit<BillListMessages, 'core'> = {
  number: 'Factuur', invoiceDate: 'Factuurdatum', period: 'Factuurperiode', dueDate: 'Vervaldatum', amount: 'Bedrag',
  status: 'Status', fapiao: 'Fapiao', actions: 'Acties', loading: 'Facturen laden…', empty: 'Geen facturen gevonden. Kies een andere periode of een ander factuuraccount.',
  noSource: 'Geen facturen te tonen: deze pagina heeft de lijst nog niet aan een factuurdienst gekoppeld.',
  malformed: n => `${n} ${n === 1 ? 'factuur kan' : 'facturen kunnen'} niet worden getoond omdat de gegevens ongeldig zijn.`,
  retry: 'Opnieuw proberen', search: 'Zoeken op factuurnummer', range: 'Periode', rangeAll: 'Alle datums', rangeCustom: 'Eigen periode',
  rangeMonths: n => `Laatste ${n} maanden`, from: 'Van', to: 'Tot en met', statusAll: 'Alle statussen', billingAccount: 'Factuuraccount', accountAll: 'Alle accounts',
  viewInvoices: 'Facturen', viewStatements: 'Overzichten', getFapiao: 'Fapiao aanvragen',
  viewPdf: n => `PDF van factuur ${n}`, downloadPdf: n => `PDF van factuur ${n} downloaden`, download: 'Downloaden',
  getFapiaoFor: n => `Fapiao aanvragen voor factuur ${n}`, select: n => `Factuur ${n} selecteren`, selectAllEligible: 'Alle facturen selecteren waarvoor een Fapiao kan',
  selection: (n, total) => `${n} geselecteerd · ${total}`, getFapiaoForSelected: n => `Fapiao aanvragen voor ${n} ${n === 1 ? 'factuur' : 'facturen'}`,
  selectToRequest: 'Vink facturen aan voor één Fapiao',
  downloadFailed: 'De PDF kon niet worden gedownload.',
  exportCsv: 'CSV exporteren', caption: n => `${n} facturen`, sortBy: c => `Sorteren op ${c.toLowerCase()}`,
  details: n => `Factuur ${n}`, close: 'Sluiten', lines: 'Regels', noLines: 'Geen regels.', description: 'Omschrijving', quantity: 'Aantal',
  taxRate: 'Btw-tarief', payments: 'Betalingen', noPayments: 'Nog geen betalingen.', paymentType: { payment: 'Betaling', refund: 'Terugbetaling' }, date: 'Datum',
  charges: 'Kosten', adjustments: 'Aanpassingen', net: 'Nettobedrag', tax: 'Btw', gross: 'Totaal incl. btw', amountDue: 'Openstaand', seller: 'Verkoper',
  statementsCaption: n => `${n} overzichten`, openingBalance: 'Beginsaldo', closingBalance: 'Eindsaldo', noStatements: 'Geen overzichten voor dit account.',
};

export const fapiaoRequest: Omit<RequestMessages, 'core'> = {
  heading: 'Fapiao aanvragen', forBills: (n, numbers) => `Voor ${n} ${n === 1 ? 'factuur' : 'facturen'}: ${numbers}`,
  noBills: 'Kies een of meer facturen om een Fapiao voor aan te vragen.', loading: 'Laden…', noSource: 'Deze pagina heeft het Fapiao-formulier nog niet aan een factuurdienst gekoppeld.',
  unregistered: 'Voor een Fapiao hebt u een geregistreerd Fapiao-account nodig. Registreer eenmalig en kom dan terug om hem aan te vragen.',
  register: 'Fapiao-account registreren', pendingActivation: 'Uw Fapiao-account wordt geactiveerd. Zodra het actief is kunt u een Fapiao aanvragen (meestal binnen 2 werkdagen).',
  profile: 'Opgeslagen kopergegevens', profileNew: 'Nieuwe gegevens', saveProfile: 'Deze kopergegevens bewaren voor een volgende keer', optional: 'optioneel',
  bytes: (u, m) => `${u} / ${m} bytes`, taxIdHint: 'Uniforme sociale kredietcode van 18 tekens (统一社会信用代码)',
  checksumWarning: e => `Deze code klopt niet met het controleteken (verwacht ${e}). Sommige codes van vóór 2016 hebben dat; controleer hem met het uittreksel.`,
  preview: 'Voorbeeld', planCount: n => `Er ${n === 1 ? 'wordt 1 Fapiao' : `worden ${n} Fapiao`} uitgegeven`, fapiaoNo: n => `Fapiao ${n}`, bill: 'Factuur', net: 'Bedrag excl. btw', tax: 'Btw', gross: 'Totaal incl. btw',
  total: 'Totaal', excluded: 'Niet inbegrepen', nothingToRequest: 'Geen van deze facturen kan nu worden opgenomen.',
  submit: 'Aanvraag versturen', submitting: 'Versturen…', cancel: 'Annuleren', fixErrors: n => `Verbeter ${n} ${n === 1 ? 'veld' : 'velden'}.`,
  submitted: id => `Aanvraag ${id} is verstuurd. U ontvangt de Fapiao zodra hij is uitgegeven.`,
  networkKept: 'Uw formulier is bewaard. Opnieuw versturen is veilig: de aanvraag wordt niet dubbel aangemaakt.',
  history: 'Uw Fapiao-aanvragen', noHistory: 'Nog geen Fapiao-aanvragen.', refresh: 'Vernieuwen', retry: 'Opnieuw proberen',
  requestTitle: (id, d) => `Aanvraag ${id} · ${d}`, billsLine: n => `Facturen: ${n}`, reason: 'Reden', issuedFapiao: n => `Fapiao ${n}`,
  reversedBy: n => `Teruggedraaid met rode Fapiao ${n}`, fileLabel: (f, n) => `${f} van Fapiao ${n}`, downloadFailed: 'Het bestand kon niet worden gedownload.', statusHistory: 'Statusgeschiedenis',
};
