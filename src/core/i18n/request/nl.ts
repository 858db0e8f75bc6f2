import type { CoreRequestMessages } from '../messages.js';

// nl: the core's words of a Fapiao request (draft errors, field names, kinds, statuses of requests, reissues),
// fetched with the form.
export const nl: CoreRequestMessages = {
  draftError: {
    required: p => `Vul ${String(p.label ?? 'dit veld').toLowerCase()} in.`,
    'too-long-bytes': p => `Te lang: ${p.actual} van ${p.max} bytes (een Chinees teken telt 2 bytes).`,
    'too-long-chars': p => `Te lang: ${p.actual} van ${p.max} tekens.`,
    unencodable: p => `Deze tekens kunnen niet op een Fapiao worden gedrukt: ${p.chars}`,
    'angle-brackets': () => 'De naam mag geen < of > bevatten.',
    'phone-charset': () => 'Een telefoonnummer mag alleen cijfers, haakjes en streepjes bevatten.',
    'account-charset': () => 'Een rekeningnummer mag alleen cijfers bevatten.',
    email: p => (p.address ? `${p.address} is geen geldig e-mailadres.` : 'Vul een geldig e-mailadres in.'),
    'special-requires-enterprise': () =>
      'Een speciale btw-Fapiao is alleen voor bedrijven; andere kopers krijgen een gewone Fapiao.',
    'tax-id-empty': () => 'Bedrijven moeten hun fiscaal nummer invullen.',
    'natural-person-tax-id': () =>
      'Een natuurlijk persoon vult zijn eigen fiscaal nummer in (meestal het identiteitsnummer): de Fapiao wordt daaronder bewaard.',
    'tax-id-length': p => `Een fiscaal nummer heeft 15, 17, 18 of 20 tekens; dit heeft er ${p.length}.`,
    'tax-id-truncated': () =>
      'Dit lijkt een sociale kredietcode waarvan één teken ontbreekt: een kredietcode heeft 18 tekens.',
    'tax-id-charset': () => 'Een fiscaal nummer bevat alleen cijfers en hoofdletters.',
    'tax-id-format': () =>
      'Dit fiscaal nummer is niet goed gevormd (een kredietcode bevat geen I, O, Z, S of V, en cijfers op positie 3–8).',
    'tax-id-checksum': p =>
      `Het controleteken klopt niet (volgens de regel zou het ${p.expected} zijn). Sommige codes van vóór 2016 hebben dat: vergelijk hem met het uittreksel en vink, als hij juist is, hieronder „Ik heb het gecontroleerd: toch gebruiken” aan.`,
    'tax-id-check-digit': p =>
      `Het laatste teken van dit nummer klopt niet met de controleregel (het zou ${p.expected} zijn); zoek naar een tikfout.`,
    'control-characters': () => 'Dit veld bevat stuurtekens (uit kopiëren en plakken?) die niet op een Fapiao passen.',
    'delivery-not-offered': () => 'De verkoper biedt deze levering niet aan; kies een andere.',
    'too-many-addresses': p => `Hoogstens ${p.max} adressen (${p.actual} opgegeven).`,
  },
  field: {
    buyerKind: 'Soort koper',
    fapiaoKind: 'Soort Fapiao',
    title: 'Naam koper (titel)',
    taxId: 'Fiscaal nummer',
    address: 'Geregistreerd adres',
    phone: 'Geregistreerd telefoonnummer',
    bankName: 'Bank',
    bankAccount: 'Rekeningnummer',
    delivery: 'Levering',
    email: 'E-mailadres voor levering',
    courier: 'Koerier',
    recipient: 'Ontvanger',
    recipientPhone: 'Telefoon ontvanger',
    postalAddress: 'Postadres',
    note: 'Opmerking',
  },
  buyerKind: {
    enterprise: 'Bedrijf',
    government: 'Overheid of publieke instelling',
    individual: 'Particulier',
    other: 'Overig',
  },
  fapiaoKind: { special: 'Speciale btw-Fapiao', ordinary: 'Gewone Fapiao' },
  delivery: {
    electronic: 'Elektronisch (per e-mail)',
    paper: 'Papier, per koerier (ontvanger betaalt)',
    pickup: 'Papier, ophalen bij het kantoor',
  },
  courier: { sf: 'SF Express', yunda: 'Yunda Express' },
  requestStatus: {
    submitted: 'Ingediend',
    processing: 'In behandeling',
    issued: 'Uitgegeven',
    mailed: 'Verzonden',
    'ready-for-pickup': 'Klaar om op te halen',
    rejected: 'Afgewezen',
    cancelled: 'Geannuleerd',
    reversed: 'Teruggedraaid (rode Fapiao)',
  },
  taxIdOverride: () => 'Ik heb het gecontroleerd: toch gebruiken',
  fapiaoEmailError: {
    'not-issued': () => 'De Fapiao kan worden gemaild zodra hij is uitgegeven.',
    reversed: () => 'Deze Fapiao is teruggedraaid (rode Fapiao) en wordt niet meer verstuurd.',
    required: () => 'Vul het e-mailadres in waar de Fapiao heen moet.',
    'too-long-chars': p => `Te lang: ${p.actual} van ${p.max} tekens.`,
    email: p =>
      p.address
        ? `${p.address} is geen geldig e-mailadres.`
        : 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    'too-many-addresses': p => `Hoogstens ${p.max} adressen (${p.actual} opgegeven).`,
    'too-many-emails': p =>
      `Te veel e-mails voor deze Fapiao. U kunt hem opnieuw versturen ${p.at ? `vanaf ${p.atText ?? p.at}` : 'later'}.`,
  },
  reissueReason: {
    'buyer-name': 'De naam van de koper (titel) klopt niet',
    'tax-id': 'Het fiscaal nummer klopt niet',
    'fapiao-kind': 'Het soort Fapiao klopt niet (bijv. speciale btw nodig)',
    'buyer-details': 'Adres, telefoon of bankgegevens kloppen niet',
    other: 'Een andere fout op de Fapiao',
  },
  reissueBlock: {
    'not-issued': () => 'Opnieuw uitgeven kan zodra de Fapiao is uitgegeven.',
    reversed: () => 'Deze Fapiao is teruggedraaid (rode Fapiao); er is niets opnieuw uit te geven.',
    'reissue-open': () => 'Deze Fapiao wordt al opnieuw uitgegeven.',
    'window-passed': p =>
      `Opnieuw uitgeven moet binnen ${p.days} dagen na uitgifte worden gevraagd (tot ${p.untilText ?? p.until}); neem contact op met support.`,
    'nothing-changed': () => 'Verbeter wat er mis was: een Fapiao met dezelfde gegevens hoeft niet opnieuw.',
  },
  reissueStep: {
    'return-paper': 'Papieren Fapiao terugsturen',
    'red-letter-confirmation': 'Bevestigingsformulier voor de rode Fapiao',
    'red-letter-fapiao': 'Rode Fapiao draait de oude terug',
    'new-fapiao': 'Nieuwe Fapiao uitgegeven',
    done: 'Opnieuw uitgegeven',
  },
  amountError: {
    'amount-not-positive': () => 'Vul een bedrag boven nul in, in yuan met hoogstens twee decimalen.',
    'amount-below-minimum': p => `Een Fapiao kan worden aangevraagd vanaf ${p.minimumText}.`,
    'amount-above-invoiceable': p => `Er kan nu hoogstens ${p.invoiceableText} worden gefactureerd.`,
  },
  withdrawBlock: {
    'issuing-started':
      'De uitgifte is begonnen; de aanvraag kan niet meer worden ingetrokken. Klopt er iets niet, vraag dan na uitgifte om heruitgave.',
    'already-issued':
      'De Fapiao is uitgegeven en kan niet worden ingetrokken; vraag om heruitgave als er iets niet klopt.',
    closed: 'Deze aanvraag is afgesloten; er valt niets in te trekken.',
  },
  notice: {
    'stock-shortage': p =>
      p.onText
        ? `De voorraad Fapiao raakt op: nieuwe Fapiao worden naar verwachting vanaf ${p.onText} uitgegeven. U kunt de uwe nu aanvragen; die wordt op volgorde uitgegeven.`
        : 'De voorraad Fapiao raakt op, dus uitgeven duurt langer dan gewoonlijk. U kunt de uwe nu aanvragen; die wordt op volgorde uitgegeven.',
  },
};
