import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  billFapiaoStateOf,
  checkEligibility,
  summarizeFapiaoStates,
  toFen,
  type Invoice,
} from '../../../src/core/index.js';
import { fapiaoStateSummary } from '../../../src/core/rules/fapiao-summary.js';
import { makeInvoice } from '../../helpers/invoices.js';

// Paid 2026-11-20 10:00 China time: eligible from 2026-11-23.
const NOW = new Date('2026-11-24T04:00:00Z');

describe('summarizeFapiaoStates', () => {
  const bills = [
    makeInvoice({ id: 'a', gross: 10000 }),
    makeInvoice({ id: 'b', gross: 2501 }),
    makeInvoice({ id: 'c', gross: 700, paidAt: '2026-11-23T09:00:00+08:00' }),
    makeInvoice({ id: 'd', gross: 900, paidAt: '2026-11-22T09:00:00+08:00' }),
    makeInvoice({ id: 'e', gross: 5000 }),
    makeInvoice({ id: 'f', gross: 3000 }),
    makeInvoice({ id: 'g', gross: 4000, status: 'due' }),
    makeInvoice({ id: 'h', gross: 250, currency: 'USD' }),
  ];
  const requests = [
    { id: 'r1', invoiceIds: ['e'], status: 'submitted' as const },
    { id: 'r2', invoiceIds: ['f'], status: 'issued' as const },
  ];
  const of = (account: 'registered' | 'unregistered') => (i: Invoice) =>
    checkEligibility(i, { now: NOW, account, requests });

  it('adds the gross per Fapiao state in fen, with the earliest date of those still waiting', () => {
    assert.deepEqual(summarizeFapiaoStates(bills, of('registered')), [
      { state: 'eligible', count: 2, totals: [{ currency: 'CNY', gross: 12501 }] },
      { state: 'eligible-from', count: 2, totals: [{ currency: 'CNY', gross: 1600 }], earliest: '2026-11-25' },
      { state: 'requested', count: 1, totals: [{ currency: 'CNY', gross: 5000 }] },
      { state: 'issued', count: 1, totals: [{ currency: 'CNY', gross: 3000 }] },
    ]);
  });

  it('sets the account aside: an unregistered customer sees what they will be able to invoice', () => {
    const summary = summarizeFapiaoStates(bills, of('unregistered'));
    assert.deepEqual(summary[0], { state: 'eligible', count: 2, totals: [{ currency: 'CNY', gross: 12501 }] });
    assert.equal(billFapiaoStateOf(of('unregistered')(bills[0]!)).state, 'eligible');
    assert.equal(billFapiaoStateOf(of('unregistered')(bills[6]!)).state, 'not-available');
  });

  it('counts a bill a request by amount took part of for what it has left', () => {
    const partial = [{ id: 'r3', invoiceIds: ['a'], amounts: [toFen(6000)], status: 'submitted' as const }];
    const summary = summarizeFapiaoStates(bills, i =>
      checkEligibility(i, { now: NOW, account: 'registered', requests: [...requests, ...partial] }),
    );
    assert.deepEqual(summary[0], { state: 'eligible', count: 2, totals: [{ currency: 'CNY', gross: 4000 + 2501 }] });
  });

  it('keeps "eligible" (zero) and leaves out empty states; never adds across currencies', () => {
    const policy = { currencies: ['CNY', 'USD'] };
    const mixed = [makeInvoice({ id: 'u', gross: 100, currency: 'USD' }), makeInvoice({ id: 'c', gross: 100 })];
    const summary = summarizeFapiaoStates(mixed, i => checkEligibility(i, { now: NOW, account: 'registered', policy }));
    assert.deepEqual(summary, [
      {
        state: 'eligible',
        count: 2,
        totals: [
          { currency: 'USD', gross: 100 },
          { currency: 'CNY', gross: 100 },
        ],
      },
    ]);
    assert.deepEqual(summarizeFapiaoStates([], of('registered')), [{ state: 'eligible', count: 0, totals: [] }]);
  });

  it('sums the same a part at a time (a long list summed a slice per task)', () => {
    const summary = fapiaoStateSummary();
    for (const part of [bills.slice(0, 3), [], bills.slice(3, 7), bills.slice(7)])
      for (const bill of part) summary.add(bill, of('registered')(bill));
    assert.deepEqual(summary.totals(), summarizeFapiaoStates(bills, of('registered')));
    assert.deepEqual(summary.totals(), summary.totals(), 'read twice, the same');
  });
});
