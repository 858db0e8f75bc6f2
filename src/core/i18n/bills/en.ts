import type { CoreBillMessages } from '../messages.js';

// en: the core's words a bills page needs (reasons, statuses, errors of calls, the CSV): they come
// with <bill-list>'s first render. The form's words are in ../request/en.ts, registration's in ../account/en.ts.
export const en: CoreBillMessages = {
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
};
