import type { CoreBillMessages } from '../messages.js';

// nl: the core's words a bills page needs (reasons, statuses, errors of calls, the CSV): they come
// with <bill-list>'s first render. The form's words are in ../request/nl.ts, registration's in ../account/nl.ts.
export const nl: CoreBillMessages = {
  fapiaoGloss:
    'Een Fapiao (发票) is de officiële Chinese belastingfactuur: het wettelijke aankoopbewijs voor declaraties en btw-aftrek.',
  reason: {
    void: () => 'Deze factuur is vervallen verklaard; er kan geen Fapiao voor worden uitgegeven.',
    refunded: () => 'Deze factuur is terugbetaald; er kan geen Fapiao voor worden uitgegeven.',
    'credit-note': () => 'Voor een creditnota kan geen Fapiao worden aangevraagd.',
    'status-unknown': p =>
      `De status van deze factuur${p.status ? ` (${p.status})` : ''} is nog onbekend voor fapiao-kit, dus er kan nu geen Fapiao voor worden aangevraagd. Neem contact op met support als u er een nodig hebt.`,
    'currency-not-supported': p =>
      `Fapiao worden alleen voor facturen in CNY uitgegeven; deze factuur is in ${p.currency}.`,
    'non-positive-amount': () => 'Het factuurbedrag is nul of negatief: er valt niets te factureren.',
    'below-minimum': p => `Het bedrag ligt onder het minimum van ${p.minimumText ?? p.minimum} voor een Fapiao.`,
    'not-paid': () => 'De factuur is nog niet volledig betaald. Na betaling kunt u een Fapiao aanvragen.',
    'payment-date-unknown': () => 'De betaaldatum ontbreekt. Neem contact op met de klantenservice.',
    'already-issued': () => 'Voor deze factuur is al een Fapiao uitgegeven.',
    'request-pending': () => 'Er loopt al een Fapiao-aanvraag voor deze factuur.',
    'no-fapiao-account': () => 'U hebt eerst een geregistreerd Fapiao-account nodig.',
    'account-not-activated': () =>
      'Uw Fapiao-account is nog niet geactiveerd. Klik op de link in de activeringsmail (24 uur geldig).',
    'waiting-period': p =>
      `Betalingen worden na ongeveer ${p.days} dagen verwerkt. U kunt vanaf ${p.fromText ?? p.from} een Fapiao aanvragen.`,
    'window-expired': p => `De termijn om een Fapiao aan te vragen is op ${p.onText ?? p.on} verstreken.`,
  },
  fapiaoState: {
    eligible: () => 'Beschikbaar',
    'eligible-from': p => `Beschikbaar vanaf ${p.fromText}`,
    requested: () => 'Aangevraagd',
    issued: () => 'Uitgegeven',
    'not-available': () => 'Niet beschikbaar',
  },
  csvColumns: {
    invoice: [
      'Factuur',
      'Factuurdatum',
      'Begin periode',
      'Einde periode',
      'Vervaldatum',
      'Valuta',
      'Netto',
      'Btw',
      'Totaal',
      'Openstaand',
      'Status',
      'Factuuraccount',
    ],
    fapiao: ['Fapiao', 'Waarom niet'],
  },
  invoiceStatus: {
    due: 'Openstaand',
    paid: 'Betaald',
    'partially-paid': 'Deels betaald',
    'past-due': 'Achterstallig',
    void: 'Vervallen',
    refunded: 'Terugbetaald',
    unknown: 'Andere status',
  },
  apiError: {
    network: () => 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    timeout: () => 'De server reageerde te laat. Probeer het opnieuw.',
    http: p =>
      p.detail
        ? String(p.detail)
        : `${Number(p.status) >= 500 ? 'De dienst had een probleem. Probeer het zo opnieuw.' : 'Dit kon niet worden uitgevoerd.'}${p.reference ? ` (referentie ${p.reference})` : ''}`,
    'rate-limited': () => 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    'invalid-response': () => 'De server stuurde gegevens in een onverwacht formaat.',
    aborted: () => 'Het verzoek is geannuleerd.',
  },
};
