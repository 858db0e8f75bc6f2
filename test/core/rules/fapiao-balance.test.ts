import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fapiaoBalances, toFen, type FapiaoRequest } from '../../../src/core/index.js';
import { makeInvoice } from '../../helpers/invoices.js';
import { issuedFapiao, issuedRequest } from '../../helpers/requests.js';

const now = new Date('2026-11-30T04:00:00Z');
const paidOn = (day: string) => ({ paidAt: `${day}T10:00:00+08:00`, payments: [] });
const bill = (id: string, gross: number, day = '2026-11-20', extra: object = {}) => {
  const invoice = makeInvoice({ id, number: id, gross, tax: Math.round((gross * 6) / 106), ...extra });
  return {
    ...invoice,
    ...paidOn(day),
    payments: [{ date: `${day}T10:00:00+08:00`, amount: toFen(gross), type: 'payment' as const }],
  };
};
const request = (over: Partial<FapiaoRequest>): FapiaoRequest => ({ ...issuedRequest, ...over });

describe('fapiaoBalances', () => {
  it('adds up what can be invoiced now and once the waiting days pass, per seller and currency', () => {
    const balances = fapiaoBalances(
      [
        bill('A', 10_600),
        bill('B', 21_200),
        bill('C', 5_300, '2026-11-29'),
        bill('D', 1_000, '2026-11-20', { currency: 'USD' }),
      ],
      { now, account: 'registered', requests: [] },
    );
    assert.deepEqual(
      balances.map(b => [b.currency, b.invoiceable, b.upcoming]),
      [['CNY', 31_800, 5_300]],
      'USD is not invoiceable here (no row of zeros), and never added to CNY',
    );
  });
  it('counts Fapiao in force as invoiced, not the reversed ones or the red-letter ones', () => {
    const issued = request({ id: 'R1', invoiceIds: ['A'], fapiaos: [{ ...issuedFapiao, gross: toFen(10_600) }] });
    const reversed = request({
      id: 'R2',
      invoiceIds: ['B'],
      status: 'reversed',
      fapiaos: [
        { ...issuedFapiao, number: '26310000000000000002', gross: toFen(21_200), reversedBy: '26310000000000000003' },
        { ...issuedFapiao, number: '26310000000000000003', gross: toFen(-21_200), reverses: '26310000000000000002' },
      ],
    });
    const [cny] = fapiaoBalances([bill('A', 10_600), bill('B', 21_200)], {
      now,
      account: 'registered',
      requests: [issued, reversed],
    });
    assert.equal(cny!.invoiced, 10_600);
    assert.equal(cny!.invoiceable, 21_200, 'B is free again once its Fapiao is reversed');
  });
  it('turns a refund on a bill whose Fapiao stands into a deficit (欠票), offset against what can be invoiced', () => {
    const refundedBill = {
      ...bill('A', 10_600),
      status: 'refunded' as const,
      payments: [
        { date: '2026-11-20T10:00:00+08:00', amount: toFen(10_600), type: 'payment' as const },
        { date: '2026-11-25T10:00:00+08:00', amount: toFen(4_000), type: 'refund' as const },
      ],
    };
    const issued = request({ id: 'R1', invoiceIds: ['A'], fapiaos: [{ ...issuedFapiao, gross: toFen(10_600) }] });
    const context = { now, account: 'registered' as const, requests: [issued] };
    const small = fapiaoBalances([refundedBill, bill('B', 3_000)], context)[0]!;
    assert.deepEqual(
      [small.deficit, small.invoiceable, small.invoiceableAfterOffset, small.deficitLeft],
      [4_000, 3_000, 0, 1_000],
    );
    const large = fapiaoBalances([refundedBill, bill('B', 21_200)], context)[0]!;
    assert.deepEqual([large.invoiceableAfterOffset, large.deficitLeft], [17_200, 0]);
    const reversed = request({ ...issued, status: 'reversed' });
    assert.deepEqual(
      fapiaoBalances([refundedBill], { ...context, requests: [reversed] }),
      [],
      'no Fapiao stands: nothing owed',
    );
  });
  it('keeps two sellers apart', () => {
    const other = { id: 'tencent', name: '腾讯云' };
    const balances = fapiaoBalances([bill('A', 10_600), bill('B', 21_200, '2026-11-20', { seller: other })], {
      now,
      account: 'registered',
      requests: [],
    });
    assert.deepEqual(
      balances.map(b => [b.sellerId, b.invoiceable]),
      [
        ['21vianet-sh', 10_600],
        ['tencent', 21_200],
      ],
    );
  });
});
