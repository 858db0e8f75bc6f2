import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';

// en: the elements' own words. One file per locale, so a one-locale build can leave the others out.
export const billList: Omit<BillListMessages, 'core'> = {
  number: 'Invoice', invoiceDate: 'Invoice date', period: 'Billing period', dueDate: 'Due date', amount: 'Amount',
  status: 'Status', fapiao: 'Fapiao', actions: 'Actions', loading: 'Loading bills…', empty: 'No bills match. Try another date range or billing account.',
  noSource: 'No bills to show: this page has not connected the list to a billing service yet.',
  malformed: n => `${n} ${n === 1 ? 'bill' : 'bills'} could not be shown because the data is malformed.`,
  retry: 'Try again', search: 'Search by invoice number', range: 'Date range', rangeAll: 'All dates', rangeCustom: 'Custom range',
  rangeMonths: n => `Last ${n} months`, from: 'From', to: 'To', statusAll: 'All statuses', billingAccount: 'Billing account', accountAll: 'All accounts',
  viewInvoices: 'Invoices', viewStatements: 'Statements', getFapiao: 'Get Fapiao',
  viewPdf: n => `PDF of invoice ${n}`, downloadPdf: n => `Download the PDF of invoice ${n}`, download: 'Download',
  getFapiaoFor: n => `Get Fapiao for invoice ${n}`, select: n => `Select invoice ${n}`, selectAllEligible: 'Select all bills available for a Fapiao',
  selection: (n, total) => `${n} selected · ${total}`, getFapiaoForSelected: n => `Get Fapiao for ${n} ${n === 1 ? 'bill' : 'bills'}`,
  selectToRequest: 'Tick bills to request one Fapiao for them',
  downloadFailed: 'The PDF could not be downloaded.',
  exportCsv: 'Export CSV', caption: n => `${n} bills`, sortBy: c => `Sort by ${c.toLowerCase()}`,
  details: n => `Invoice ${n}`, close: 'Close', lines: 'Line items', noLines: 'No line items.', description: 'Description', quantity: 'Quantity',
  taxRate: 'VAT rate', payments: 'Payments', noPayments: 'No payments yet.', paymentType: { payment: 'Payment', refund: 'Refund' }, date: 'Date',
  charges: 'Charges', adjustments: 'Adjustments', net: 'Net amount', tax: 'VAT', gross: 'Total incl. VAT', amountDue: 'Amount due', seller: 'Seller',
  statementsCaption: n => `${n} statements`, openingBalance: 'Opening balance', closingBalance: 'Closing balance', noStatements: 'No statements for this account.',
};

export const fapiaoRequest: Omit<RequestMessages, 'core'> = {
  heading: 'Request a Fapiao', forBills: (n, numbers) => `For ${n} ${n === 1 ? 'bill' : 'bills'}: ${numbers}`,
  noBills: 'Choose one or more bills to request a Fapiao for.', loading: 'Loading…', noSource: 'This page has not connected the Fapiao form to a billing service yet.',
  unregistered: 'To receive a Fapiao you need a registered Fapiao account. Register once; then come back to request it.',
  register: 'Register a Fapiao account', pendingActivation: 'Your Fapiao account is being activated. You can request a Fapiao once it is active (usually within 2 working days).',
  profile: 'Saved buyer details', profileNew: 'New details', saveProfile: 'Save these buyer details for next time', optional: 'optional',
  bytes: (u, m) => `${u} / ${m} bytes`, taxIdHint: '18-character unified social credit code (统一社会信用代码)',
  checksumWarning: e => `This code fails its check character (expected ${e}). Some codes issued before 2016 do; check it against the business licence.`,
  preview: 'Preview', planCount: n => `${n} Fapiao will be issued`, fapiaoNo: n => `Fapiao ${n}`, bill: 'Bill', net: 'Amount excl. VAT', tax: 'VAT', gross: 'Total incl. VAT',
  total: 'Total', excluded: 'Not included', nothingToRequest: 'None of these bills can be included now.',
  submit: 'Submit request', submitting: 'Submitting…', cancel: 'Cancel', fixErrors: n => `Please correct ${n} ${n === 1 ? 'field' : 'fields'}.`,
  submitted: id => `Request ${id} was submitted. The Fapiao will be sent to you when it is issued.`,
  networkKept: 'Your form is kept. Submitting again is safe: the request will not be created twice.',
  history: 'Your Fapiao requests', noHistory: 'No Fapiao requests yet.', refresh: 'Refresh', retry: 'Try again',
  requestTitle: (id, d) => `Request ${id} · ${d}`, billsLine: n => `Bills: ${n}`, reason: 'Reason', issuedFapiao: n => `Fapiao ${n}`,
  reversedBy: n => `Reversed by red-letter Fapiao ${n}`, fileLabel: (f, n) => `${f} of Fapiao ${n}`, downloadFailed: 'The file could not be downloaded.', statusHistory: 'Status history',
};
