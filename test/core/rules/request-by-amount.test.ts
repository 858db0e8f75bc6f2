import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkEligibility,
  claimsByAmount,
  explainAmountError,
  fapiaoBalances,
  planFapiao,
  requestClaims,
  unclaimedOf,
  type ClaimingRequest,
  type FapiaoBuyer,
  type Invoice,
  toFen,
} from '../../../src/core/node.js';
import { makeInvoice } from '../../helpers/invoices.js';

const now = new Date('2026-11-26T12:00:00+08:00');
const buyer: FapiaoBuyer = { buyerKind: 'enterprise', title: '阿里云计算有限公司', taxId: '91330106673959654P' };
const SELLER = '21vianet-sh';
const paidOn = (day: string) => ({ paidAt: `${day}T10:00:00+08:00` });

// Three paid bills of one seller, paid on different days (listed out of order on purpose), and one of another seller.
const bills: Invoice[] = [
  makeInvoice({ id: 'C', number: 'C', gross: 30000, tax: 1698, ...paidOn('2026-11-10') }),
  makeInvoice({ id: 'A', number: 'A', gross: 10000, tax: 566, ...paidOn('2026-11-01') }),
  makeInvoice({ id: 'B', number: 'B', gross: 20000, tax: 1132, ...paidOn('2026-11-05') }),
  makeInvoice({ id: 'X', number: 'X', gross: 50000, tax: 2830, seller: { id: 'other' }, ...paidOn('2026-11-01') }),
];
const context = (requests: readonly ClaimingRequest[] = []) => ({ now, account: 'registered' as const, requests });

describe('claimsByAmount', () => {
  it('takes the oldest payments first, the last bill in part, to the fen', () => {
    const result = claimsByAmount(bills, { sellerId: SELLER, currency: 'CNY', gross: 25001 }, context());
    assert.ok(result.ok);
    assert.deepEqual(
      result.claims.map(c => [c.invoice.id, c.gross]),
      [
        ['A', 10000],
        ['B', 15001],
      ],
    );
    assert.deepEqual(requestClaims(result.claims), {
      invoiceIds: ['A', 'B'],
      invoiceNumbers: ['A', 'B'],
      amounts: [toFen(10000), toFen(15001)],
    });
  });

  it('records no amounts when every bill is taken whole', () => {
    const result = claimsByAmount(bills, { sellerId: SELLER, currency: 'CNY', gross: 30000 }, context());
    assert.ok(result.ok);
    assert.deepEqual(requestClaims(result.claims), { invoiceIds: ['A', 'B'], invoiceNumbers: ['A', 'B'] });
  });

  it('continues with what a bill has left after an earlier request by amount', () => {
    const earlier: ClaimingRequest = {
      id: 'R1',
      invoiceIds: ['A', 'B'],
      amounts: [toFen(10000), toFen(15001)],
      status: 'processing',
    };
    const result = claimsByAmount(bills, { sellerId: SELLER, currency: 'CNY', gross: 10000 }, context([earlier]));
    assert.ok(result.ok);
    assert.deepEqual(
      result.claims.map(c => [c.invoice.id, c.gross]),
      [
        ['B', 4999],
        ['C', 5001],
      ],
    );
  });

  it('refuses more than the seller has left, saying how much that is', () => {
    const result = claimsByAmount(bills, { sellerId: SELLER, currency: 'CNY', gross: 60001 }, context());
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.error, {
      code: 'amount-above-invoiceable',
      params: { invoiceable: 60000, currency: 'CNY' },
    });
    assert.equal(explainAmountError(result.error, 'en'), 'At most CN¥600.00 can be invoiced now.');
    assert.match(explainAmountError(result.error, 'zh-CN'), /当前最多可开票¥600\.00/);
    assert.match(explainAmountError(result.error, 'nl'), /hoogstens CN¥\s600,00/);
  });

  it('refuses zero, negative, fractional and unsafe amounts, and amounts below the minimum', () => {
    for (const gross of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      const result = claimsByAmount(bills, { sellerId: SELLER, currency: 'CNY', gross }, context());
      assert.ok(!result.ok && result.error.code === 'amount-not-positive', String(gross));
    }
    const minimum = claimsByAmount(
      bills,
      { sellerId: SELLER, currency: 'CNY', gross: 9999 },
      { ...context(), policy: { minimumFen: 10000 } },
    );
    assert.ok(!minimum.ok);
    assert.deepEqual(minimum.error, { code: 'amount-below-minimum', params: { minimum: 10000, currency: 'CNY' } });
  });

  it('leaves out other sellers, other currencies, bills still waiting and bills taken whole', () => {
    const waiting = makeInvoice({ id: 'W', number: 'W', ...paidOn('2026-11-25') });
    const usd = makeInvoice({ id: 'U', number: 'U', currency: 'USD', ...paidOn('2026-11-01') });
    const taken: ClaimingRequest = { id: 'R1', invoiceIds: ['A'], status: 'issued' };
    const result = claimsByAmount(
      [...bills, waiting, usd],
      { sellerId: SELLER, currency: 'CNY', gross: 1 },
      context([taken]),
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.claims.map(c => [c.invoice.id, c.gross]),
      [['B', 1]],
    );
    const all = claimsByAmount(
      [...bills, waiting],
      { sellerId: SELLER, currency: 'CNY', gross: 10 ** 9 },
      context([taken]),
    );
    assert.ok(!all.ok);
    assert.equal(all.invoiceable, 50000);
  });

  it('never claims more than asked or more than a bill has, and adds up to the amount (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 120_000_000 }),
        (grosses, asked) => {
          const invoices = grosses.map((gross, i) =>
            makeInvoice({
              id: `I${i}`,
              number: `I${i}`,
              gross,
              tax: 0,
              ...paidOn(`2026-10-${String(i + 1).padStart(2, '0')}`),
            }),
          );
          const total = grosses.reduce((a, b) => a + b, 0);
          const result = claimsByAmount(invoices, { sellerId: SELLER, currency: 'CNY', gross: asked }, context());
          if (asked > total) return !result.ok && result.invoiceable === total;
          if (!result.ok) return false;
          const sum = result.claims.reduce((a, c) => a + c.gross, 0);
          return sum === asked && result.claims.every(c => c.gross > 0 && c.gross <= c.invoice.amounts.gross);
        },
      ),
    );
  });
});

describe('partial claims', () => {
  const partOfB: ClaimingRequest = {
    id: 'R1',
    invoiceIds: ['A', 'B'],
    amounts: [toFen(10000), toFen(15001)],
    status: 'submitted',
  };

  it('leave a bill eligible for its rest, which eligibility reports', () => {
    const b = bills[2]!;
    assert.equal(unclaimedOf(b, [partOfB]), 4999);
    const e = checkEligibility(b, context([partOfB]));
    assert.equal(e.eligible, true);
    assert.equal(e.unclaimed, 4999);
    // The bill taken whole is pending, as before.
    assert.deepEqual(
      checkEligibility(bills[1]!, context([partOfB])).reasons.map(r => r.code),
      ['request-pending'],
    );
  });

  it('add up across requests until nothing is left, then block with every holder', () => {
    const rest: ClaimingRequest = { id: 'R2', invoiceIds: ['B'], amounts: [toFen(4999)], status: 'issued' };
    const e = checkEligibility(bills[2]!, context([partOfB, rest]));
    assert.deepEqual(
      e.reasons.map(r => r.code),
      ['already-issued', 'request-pending'],
    );
    assert.equal(e.unclaimed, undefined);
  });

  it('are given back by a rejected or withdrawn request', () => {
    for (const status of ['rejected', 'cancelled'] as const) {
      const e = checkEligibility(bills[2]!, context([{ ...partOfB, status }]));
      assert.equal(e.eligible, true);
      assert.equal(e.unclaimed, undefined, status);
    }
  });

  it('plan the rest of a bill requested whole, and an amount given for it', () => {
    const rest = planFapiao([bills[2]!], buyer, { fapiaoKind: 'ordinary', eligibility: context([partOfB]) });
    assert.deepEqual(
      rest.fapiaos[0]!.lines.map(l => [l.invoiceId, l.gross, l.net + l.tax]),
      [['B', 4999, 4999]],
    );
    const byAmount = planFapiao(bills.slice(1, 3), buyer, {
      fapiaoKind: 'ordinary',
      amounts: new Map([['B', 15001]]),
    });
    assert.deepEqual(
      byAmount.fapiaos[0]!.lines.map(l => [l.invoiceId, l.gross]),
      [
        ['A', 10000],
        ['B', 15001],
      ],
    );
    assert.equal(byAmount.fapiaos[0]!.gross, 25001);
    assert.throws(() => planFapiao([bills[2]!], buyer, { fapiaoKind: 'ordinary', amounts: new Map([['B', 20001]]) }));
  });

  it('count every request in force on a bill as invoiced, and owe back no more of a refund than was invoiced', () => {
    const fapiao = (number: string, gross: number) => ({
      number,
      kind: 'ordinary' as const,
      issuedAt: '2026-11-22T02:00:00Z',
      currency: 'CNY',
      net: toFen(gross),
      tax: toFen(0),
      gross: toFen(gross),
      files: [],
    });
    // Bill B (¥200.00) invoiced in two parts by two requests, then ¥180.00 of it refunded.
    const refundedB = makeInvoice({
      id: 'B',
      number: 'B',
      gross: 20000,
      tax: 1132,
      ...paidOn('2026-11-05'),
      payments: [
        { date: '2026-11-05T10:00:00+08:00', amount: 20000, type: 'payment' },
        { date: '2026-11-25T10:00:00+08:00', amount: 18000, type: 'refund' },
      ] as unknown as Invoice['payments'],
    });
    const first = {
      id: 'R1',
      invoiceIds: ['B'],
      amounts: [toFen(5000)],
      status: 'issued' as const,
      fapiaos: [fapiao('1', 5000)],
    };
    const second = {
      id: 'R2',
      invoiceIds: ['B'],
      amounts: [toFen(7000)],
      status: 'issued' as const,
      fapiaos: [fapiao('2', 7000)],
    };
    const [cny] = fapiaoBalances([refundedB], { now, account: 'registered', requests: [first, second] });
    assert.equal(cny?.invoiced, 12000, 'both parts');
    assert.equal(cny?.deficit, 12000, 'the refund beyond the invoiced ¥120.00 owes nothing back');
    const [one] = fapiaoBalances([refundedB], { now, account: 'registered', requests: [first] });
    assert.equal(one?.deficit, 5000);
  });

  it('count only what is left in the balance', () => {
    const requests = [Object.assign({ fapiaos: [] }, partOfB)];
    const [cny] = fapiaoBalances(bills.slice(0, 3), { now, account: 'registered', requests });
    assert.equal(cny?.invoiceable, 30000 + 4999);
  });
});
