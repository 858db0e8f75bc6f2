import type { CoreAccountMessages } from '../messages.js';

// en: the core's words of registering a Fapiao account, fetched with <fapiao-account>.
export const en: CoreAccountMessages = {
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
};
