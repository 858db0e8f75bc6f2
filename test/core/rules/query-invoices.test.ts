import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { queryInvoices } from '../../../src/core/index.js';
import { makeInvoice } from '../../helpers/invoices.js';

const invoices = [
  makeInvoice({ id: 'b', number: 'INV-B', invoiceDate: '2026-10-31T16:30:00Z', gross: 500 }), // 1 Nov in China
  makeInvoice({ id: 'a', number: 'INV-A', invoiceDate: '2026-10-01T02:00:00Z', gross: 500, status: 'due' }),
  makeInvoice({ id: 'c', number: 'inv-c', invoiceDate: '2026-09-01', gross: 900, billingAccount: { id: 'acct-2' } }),
];
const ids = (list: readonly { id: string }[]) => list.map(i => i.id);

describe('queryInvoices', () => {
  it('sorts newest first by default and breaks ties by id in the same direction', () => {
    assert.deepEqual(ids(queryInvoices(invoices, {})), ['b', 'a', 'c']);
    assert.deepEqual(ids(queryInvoices(invoices, { sort: 'amount' })), ['a', 'b', 'c']);
    assert.deepEqual(ids(queryInvoices(invoices, { sort: '-amount' })), ['c', 'b', 'a']);
  });
  it('filters by China days, inclusive', () => {
    assert.deepEqual(ids(queryInvoices(invoices, { from: '2026-11-01' })), ['b']);
    assert.deepEqual(ids(queryInvoices(invoices, { to: '2026-10-31' })), ['a', 'c']);
  });
  it('filters by status, billing account and number (any case)', () => {
    assert.deepEqual(ids(queryInvoices(invoices, { status: ['due'] })), ['a']);
    assert.deepEqual(ids(queryInvoices(invoices, { billingAccount: 'acct-2' })), ['c']);
    assert.deepEqual(ids(queryInvoices(invoices, { search: ' INV-C ' })), ['c']);
    assert.deepEqual(ids(queryInvoices(invoices, { search: '%' })), []);
  });
  it('leaves its input alone', () => {
    const before = ids(invoices);
    queryInvoices(invoices, { sort: 'amount' });
    assert.deepEqual(ids(invoices), before);
  });
});
