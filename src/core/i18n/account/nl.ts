import type { CoreAccountMessages } from '../messages.js';

// nl: the core's words of registering a Fapiao account, fetched with <fapiao-account>.
export const nl: CoreAccountMessages = {
  registrationField: { orderNumber: 'Ordernummer', email: 'E-mailadres' },
  registrationError: {
    required: p => `Vul het ${String(p.label).toLowerCase()} in.`,
    'too-long-chars': p => `Te lang: ${p.actual} van ${p.max} tekens.`,
    'order-number-format': () =>
      'Een ordernummer bevat alleen letters, cijfers en koppeltekens. U vindt het op de pdf van uw factuur, bij "Ordernummer".',
    email: () => 'Dit is geen e-mailadres: er hoort een @ en een domein in, zoals naam@voorbeeld.nl.',
    'order-number-unknown': () =>
      'Geen van uw facturen heeft dit ordernummer. Kopieer het van de pdf van een van uw facturen en probeer het opnieuw.',
    'already-registered': () => 'Uw Fapiao-account is al actief: u kunt nu Fapiao aanvragen.',
    'too-many-emails': p =>
      `Te veel activeringsmails voor nu. U kunt ${p.at ? `vanaf ${p.atText ?? p.at}` : 'later'} een nieuwe aanvragen.`,
  },
};
