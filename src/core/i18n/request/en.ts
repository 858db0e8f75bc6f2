import type { CoreRequestMessages } from '../messages.js';

// en: the core's words of a Fapiao request (draft errors, field names, kinds, statuses of requests, reissues),
// fetched with the form.
export const en: CoreRequestMessages = {
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
  taxIdOverride: () => 'I have checked it: use it anyway',
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
  amountError: {
    'amount-not-positive': () => 'Enter an amount above zero, in yuan with at most two decimals.',
    'amount-below-minimum': p => `The smallest amount a Fapiao can be requested for is ${p.minimumText}.`,
    'amount-above-invoiceable': p => `At most ${p.invoiceableText} can be invoiced now.`,
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
