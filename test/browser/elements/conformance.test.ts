import { html } from 'lit';
import '../../helpers/define.js';
import type { BillingClient } from '../../../src/client/index.js';
import { FixtureClient, RegistrationClient } from '../../helpers/fixture-client.js';
import { makeInvoice } from '../../helpers/invoices.js';
import { runElementConformance } from '../suites/element-conformance.suite.js';

const NOW = new Date('2026-11-24T12:00:00+08:00');
const invoices = [
  makeInvoice({ id: 'A', number: 'INV-A', paidAt: '2026-11-05T10:00:00+08:00' }),
  makeInvoice({ id: 'B', number: 'INV-B', invoiceDate: '2026-10-01T10:00:00+08:00' }),
];
const client = () => new FixtureClient(invoices);

runElementConformance({
  tag: 'bill-list',
  render: (c: BillingClient | undefined) => html`<bill-list .client=${c} .now=${NOW}></bill-list>`,
  client,
  errorEvent: 'bill-error',
  english: 'Invoice date',
  dutch: 'Factuurdatum',
});

runElementConformance({
  tag: 'fapiao-request',
  render: (c: BillingClient | undefined) =>
    html`<fapiao-request
      .client=${c}
      .invoices=${invoices}
      .now=${NOW}
      poll-seconds="0"
      draft-key="conformance"
    ></fapiao-request>`,
  client,
  errorEvent: 'fapiao-error',
  english: 'Request a Fapiao',
  dutch: 'Fapiao aanvragen',
});

runElementConformance({
  tag: 'fapiao-account',
  render: (c: BillingClient | undefined) => html`<fapiao-account .client=${c}></fapiao-account>`,
  client: () => new RegistrationClient(),
  errorEvent: 'fapiao-account-error',
  english: 'Order number',
  dutch: 'Ordernummer',
});
