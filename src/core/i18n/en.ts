import type { CoreMessages } from './messages.js';

export const en: CoreMessages = {
  fapiaoGloss:
    'A Fapiao (发票) is the official Chinese tax invoice: the legal proof of purchase used for expense claims and VAT deduction.',
  reason: {
    void: () => 'This invoice was voided, so no Fapiao can be issued for it.',
    refunded: () => 'This invoice was refunded, so no Fapiao can be issued for it.',
    'credit-note': () => 'A credit note cannot get a Fapiao.',
    'status-unknown': p =>
      `This bill's status${p.status ? ` (${p.status})` : ''} is not one fapiao-kit knows yet, so a Fapiao cannot be requested for it now. Contact support if you need one.`,
    'currency-not-supported': p => `Fapiao are issued for CNY invoices only; this invoice is in ${p.currency}.`,
    'non-positive-amount': () => 'The invoice amount is zero or negative: there is nothing to invoice.',
    'below-minimum': p => `The amount is below the minimum of ${p.minimumText ?? p.minimum} for a Fapiao.`,
    'not-paid': () => 'The invoice is not fully paid yet. You can request a Fapiao after paying.',
    'payment-date-unknown': () => 'The payment date is missing. Please contact support.',
    'already-issued': () => 'A Fapiao has already been issued for this invoice.',
    'request-pending': () => 'A Fapiao request for this invoice is already being processed.',
    'no-fapiao-account': () => 'You need a registered Fapiao account first.',
    'account-not-activated': () =>
      'Your Fapiao account is not activated yet. Click the link in the activation email (valid for 24 hours).',
    'waiting-period': p =>
      `Payments take about ${p.days} days to synchronise. You can request a Fapiao from ${p.fromText ?? p.from}.`,
    'window-expired': p => `The period for requesting a Fapiao ended on ${p.onText ?? p.on}.`,
  },
  draftError: {
    required: p => `Enter the ${String(p.label ?? 'value').toLowerCase()}.`,
    'too-long-bytes': p => `Too long: ${p.actual} of ${p.max} bytes (a Chinese character takes 2 bytes).`,
    'too-long-chars': p => `Too long: ${p.actual} of ${p.max} characters.`,
    unencodable: p => `These characters cannot be printed on a Fapiao: ${p.chars}`,
    'angle-brackets': () => 'The name cannot contain < or >.',
    'phone-charset': () => 'A phone number may only contain digits, brackets and hyphens.',
    'account-charset': () => 'A bank account number may only contain digits.',
    email: p => (p.address ? `${p.address} is not a valid e-mail address.` : 'Enter a valid email address.'),
    'special-requires-enterprise': () =>
      'A special VAT Fapiao is for enterprise buyers only; other buyers get an ordinary Fapiao.',
    'tax-id-empty': () => 'Enterprise buyers must enter their taxpayer ID.',
    'natural-person-tax-id': () =>
      'A natural person enters their own taxpayer ID (usually the resident ID number): the Fapiao is filed under it.',
    'tax-id-length': p => `A taxpayer ID has 15, 17, 18 or 20 characters; this one has ${p.length}.`,
    'tax-id-truncated': () =>
      'This looks like a unified social credit code with one character missing: a credit code has 18 characters.',
    'tax-id-charset': () => 'A taxpayer ID contains only digits and capital letters.',
    'tax-id-format': () =>
      'This taxpayer ID is not well-formed (a credit code has no I, O, Z, S or V, and digits in positions 3–8).',
    'tax-id-checksum': p =>
      `The check character does not match (by the rule it would be ${p.expected}). Some codes issued before 2016 are like this: compare it with the business licence and, if it is right, tick “I have checked it: use it anyway” below.`,
    'tax-id-check-digit': p =>
      `The last character of this number does not match its check rule (it would be ${p.expected}); please look for a typo.`,
    'control-characters': () =>
      'This field holds control characters (from a copy and paste?) that cannot be printed on a Fapiao.',
    'delivery-not-offered': () => 'The seller does not offer this delivery; please choose another.',
    'too-many-addresses': p => `At most ${p.max} addresses (${p.actual} given).`,
  },
  field: {
    buyerKind: 'Buyer type',
    fapiaoKind: 'Fapiao type',
    title: 'Buyer name (title)',
    taxId: 'Taxpayer ID',
    address: 'Registered address',
    phone: 'Registered phone',
    bankName: 'Bank',
    bankAccount: 'Bank account',
    delivery: 'Delivery',
    email: 'Email for delivery',
    courier: 'Courier',
    recipient: 'Recipient',
    recipientPhone: 'Recipient phone',
    postalAddress: 'Postal address',
    note: 'Note',
  },
  buyerKind: {
    enterprise: 'Enterprise',
    government: 'Government or public institution',
    individual: 'Individual',
    other: 'Other',
  },
  fapiaoKind: { special: 'Special VAT Fapiao', ordinary: 'Ordinary Fapiao' },
  delivery: {
    electronic: 'Electronic (by email)',
    paper: 'Paper, by courier (freight collect)',
    pickup: 'Paper, collected at the branch',
  },
  courier: { sf: 'SF Express', yunda: 'Yunda Express' },
  fapiaoState: {
    eligible: () => 'Available',
    'eligible-from': p => `Available from ${p.fromText}`,
    requested: () => 'Requested',
    issued: () => 'Issued',
    'not-available': () => 'Not available',
  },
  csvColumns: {
    invoice: [
      'Invoice',
      'Invoice date',
      'Period start',
      'Period end',
      'Due date',
      'Currency',
      'Net',
      'VAT',
      'Total',
      'Amount due',
      'Status',
      'Billing account',
    ],
    fapiao: ['Fapiao', 'Why not'],
  },
  invoiceStatus: {
    due: 'Due',
    paid: 'Paid',
    'partially-paid': 'Partially paid',
    'past-due': 'Past due',
    void: 'Void',
    refunded: 'Refunded',
    unknown: 'Other status',
  },
  requestStatus: {
    submitted: 'Submitted',
    processing: 'Processing',
    issued: 'Issued',
    mailed: 'Mailed',
    'ready-for-pickup': 'Ready for pick-up',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    reversed: 'Reversed (red-letter)',
  },
  apiError: {
    network: () => 'Could not reach the server. Check your connection and try again.',
    timeout: () => 'The server took too long to answer. Please try again.',
    http: p =>
      p.detail
        ? String(p.detail)
        : `${Number(p.status) >= 500 ? 'The service had a problem. Please try again in a moment.' : 'This could not be done.'}${p.reference ? ` (reference ${p.reference})` : ''}`,
    'rate-limited': () => 'Too many requests. Please wait a moment and try again.',
    'invalid-response': () => 'The server sent data in an unexpected format.',
    aborted: () => 'The request was cancelled.',
  },
  taxIdOverride: () => 'I have checked it: use it anyway',
  registrationField: { orderNumber: 'Order number', email: 'E-mail address' },
  registrationError: {
    required: p => `Enter the ${String(p.label).toLowerCase()}.`,
    'too-long-chars': p => `Too long: ${p.actual} of ${p.max} characters.`,
    'order-number-format': () =>
      'An order number has letters, digits and hyphens only. You find it on the PDF of your bill, next to "Order number".',
    email: () => 'This is not an e-mail address: it needs an @ and a domain, as in name@example.com.',
    'order-number-unknown': () =>
      'None of your bills has this order number. Copy it from the PDF of one of your bills and try again.',
    'already-registered': () => 'Your Fapiao account is already active: you can request Fapiao now.',
    'too-many-emails': p =>
      `Too many activation e-mails for now. You can ask for another one ${p.at ? `from ${p.atText ?? p.at}` : 'later'}.`,
  },
  fapiaoEmailError: {
    'not-issued': () => 'The Fapiao can be e-mailed once it is issued.',
    reversed: () => 'This Fapiao was reversed (red-letter) and is no longer sent.',
    required: () => 'Enter the e-mail address to send the Fapiao to.',
    'too-long-chars': p => `Too long: ${p.actual} of ${p.max} characters.`,
    email: p =>
      p.address
        ? `${p.address} is not a valid e-mail address.`
        : 'Enter a valid e-mail address, like name@example.com.',
    'too-many-addresses': p => `At most ${p.max} addresses (${p.actual} given).`,
    'too-many-emails': p =>
      `Too many e-mails for this Fapiao for now. You can send it again ${p.at ? `from ${p.atText ?? p.at}` : 'later'}.`,
  },
  reissueReason: {
    'buyer-name': 'The buyer name (title) is wrong',
    'tax-id': 'The tax ID is wrong',
    'fapiao-kind': 'The Fapiao type is wrong (e.g. special VAT needed)',
    'buyer-details': 'Address, phone or bank details are wrong',
    other: 'Another error on the Fapiao',
  },
  reissueBlock: {
    'not-issued': () => 'A reissue can be asked for once the Fapiao is issued.',
    reversed: () => 'This Fapiao was reversed (red-letter); there is nothing to reissue.',
    'reissue-open': () => 'A reissue of this Fapiao is under way.',
    'window-passed': p =>
      `A reissue must be asked for within ${p.days} days of issue (until ${p.untilText ?? p.until}); please contact support.`,
    'nothing-changed': () => 'Correct what was wrong: a Fapiao with the same details needs no reissue.',
  },
  reissueStep: {
    'return-paper': 'Send the paper Fapiao back',
    'red-letter-confirmation': 'Red-letter confirmation form',
    'red-letter-fapiao': 'Red-letter Fapiao reverses the old one',
    'new-fapiao': 'New Fapiao issued',
    done: 'Reissue complete',
  },
  withdrawBlock: {
    'issuing-started':
      'Issuing has started, so the request can no longer be withdrawn. If something is wrong, ask for a reissue once it is issued.',
    'already-issued': 'The Fapiao is issued and cannot be withdrawn; ask for a reissue if something is wrong.',
    closed: 'This request is closed; there is nothing to withdraw.',
  },
  notice: {
    'stock-shortage': p =>
      p.onText
        ? `Fapiao stock is running short: new Fapiao are expected to be issued from ${p.onText}. You can request yours now; it is issued in turn.`
        : 'Fapiao stock is running short, so issuing takes longer than usual. You can request yours now; it is issued in turn.',
  },
};
