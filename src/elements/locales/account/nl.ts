import type { AccountMessages } from '../../fapiao-account/internal/messages.js';

// nl: <fapiao-account>'s own words and the core's words of registration, a module of their own: a bills page does
// not fetch them.
export { nl as core } from '../../../core/i18n/account/nl.js';
export const fapiaoAccount: Omit<AccountMessages, 'core'> = {
  heading: 'Fapiao-account',
  loading: 'Uw Fapiao-account wordt geladen…',
  retry: 'Opnieuw proberen',
  noSource: 'Niets te tonen: stel het attribuut api-base of de eigenschap client in.',
  intro:
    'Om een Fapiao (de officiële Chinese belastingfactuur) aan te vragen hebt u een Fapiao-account nodig. Registreer het met het ordernummer van een van uw facturen en uw e-mailadres; we sturen u een link om het te activeren.',
  orderNumberHint: 'Op de pdf van elk van uw facturen, bij "Ordernummer".',
  emailHint: 'Hierheen gaat de activeringslink, en later uw e-Fapiao.',
  register: 'Registreren',
  sending: 'Bezig met versturen…',
  fixErrors: n => (n === 1 ? 'Eén veld vraagt uw aandacht.' : `${n} velden vragen uw aandacht.`),
  checkMail: email =>
    `Kijk in uw mail: we stuurden een activeringslink naar ${email}. Open die om uw account te activeren.`,
  validUntil: when => `De link werkt tot ${when}.`,
  expired: email => `De activeringslink naar ${email} is verlopen (links werken 24 uur). Vraag een nieuwe aan.`,
  resend: 'Activeringsmail opnieuw versturen',
  resendFrom: when => `U kunt vanaf ${when} een nieuwe e-mail aanvragen.`,
  resent: email => `Er is een nieuwe link onderweg naar ${email}; de vorige werkt niet meer.`,
  changeEmail: 'Een ander e-mailadres gebruiken',
  keepEmail: 'Adres houden',
  active: email => `Uw Fapiao-account is actief (${email}).`,
  activeNoEmail: 'Uw Fapiao-account is actief.',
  elsewhere: 'U hebt een Fapiao-account nodig om Fapiao aan te vragen.',
  registerElsewhere: 'Fapiao-account registreren',
};
