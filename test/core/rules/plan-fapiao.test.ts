import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxGrossForNet, planFapiao, splitTaxInclusive, toFen, type FapiaoBuyer } from '../../../src/core/index.js';
import { makeInvoice } from '../../helpers/invoices.js';

const buyer: FapiaoBuyer = { buyerKind: 'enterprise', title: '阿里云计算有限公司', taxId: '91330106673959654P' };

describe('planFapiao', () => {
  it('merges invoices of one seller and currency into one Fapiao with a line each', () => {
    const plan = planFapiao(
      [makeInvoice({ id: 'A', number: 'A' }), makeInvoice({ id: 'B', number: 'B', gross: 106000, tax: 6000 })],
      buyer,
      { fapiaoKind: 'special' },
    );
    assert.equal(plan.fapiaos.length, 1);
    const f = plan.fapiaos[0]!;
    assert.deepEqual(
      f.lines.map(l => [l.invoiceId, l.gross, l.net, l.tax]),
      [
        ['A', 10000, 9434, 566],
        ['B', 106000, 100000, 6000],
      ],
    );
    assert.deepEqual([f.gross, f.net, f.tax], [116000, 109434, 6566]);
    assert.equal(f.lines[0]?.itemName, '*信息技术服务*云服务费');
    assert.deepEqual(plan.totals, [{ currency: 'CNY', gross: 116000, net: 109434, tax: 6566 }]);
  });
  it('keeps sellers and currencies apart', () => {
    const plan = planFapiao(
      [
        makeInvoice({ id: 'A' }),
        makeInvoice({ id: 'B', seller: { id: 'other' } }),
        makeInvoice({ id: 'C', currency: 'USD' }),
      ],
      buyer,
      { fapiaoKind: 'ordinary' },
    );
    assert.equal(plan.fapiaos.length, 3);
    assert.deepEqual(plan.totals.map(t => t.currency).sort(), ['CNY', 'USD']);
  });
  it('gives each invoice its own Fapiao when merging is off', () => {
    const plan = planFapiao([makeInvoice({ id: 'A' }), makeInvoice({ id: 'B' })], buyer, {
      fapiaoKind: 'ordinary',
      merge: false,
    });
    assert.equal(plan.fapiaos.length, 2);
  });
  it('splits above the per-Fapiao net limit and still accounts for every fen', () => {
    // 1,000,000.00 incl. VAT with a 100,000.00 net limit per Fapiao.
    const plan = planFapiao([makeInvoice({ id: 'BIG', gross: 100_000_000, tax: 5_660_377 })], buyer, {
      fapiaoKind: 'special',
      maxNetPerFapiao: 10_000_000,
    });
    assert.equal(plan.fapiaos.length, 10);
    assert.ok(plan.fapiaos.every(f => f.net <= 10_000_000));
    assert.equal(
      plan.fapiaos.reduce((a, f) => a + f.gross, 0),
      100_000_000,
    );
    assert.ok(plan.fapiaos.every(f => f.net + f.tax === f.gross));
  });
  it('finds the largest gross whose net fits the limit', () => {
    const g = maxGrossForNet(10_000_000, 600);
    assert.ok(splitTaxInclusive(g, 600).net <= 10_000_000);
    assert.ok(splitTaxInclusive(toFen(g + 1), 600).net > 10_000_000);
  });
  it('leaves out ineligible invoices with their reasons when a context is given', () => {
    const plan = planFapiao(
      [makeInvoice({ id: 'A' }), makeInvoice({ id: 'V', status: 'void' }), makeInvoice({ id: 'A' })],
      buyer,
      {
        fapiaoKind: 'ordinary',
        eligibility: { now: new Date('2026-11-24T12:00:00+08:00'), account: 'registered' },
      },
    );
    assert.equal(plan.fapiaos.length, 1);
    assert.equal(plan.fapiaos[0]?.lines.length, 1, 'a duplicate id is planned once');
    assert.deepEqual(plan.excluded, [{ invoiceId: 'V', reasons: [{ code: 'void' }] }]);
  });
  it('property: totals reconcile to the fen, limits hold, each line splits exactly', () => {
    fc.assert(
      fc.property(
        // Up to 50 M yuan per invoice, limits from 10,000 yuan: at most a few thousand pieces per run.
        fc.array(fc.integer({ min: 1, max: 5_000_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.option(fc.integer({ min: 1_000_000, max: 1_000_000_000 }), { nil: null }),
        fc.boolean(),
        fc.constantFrom(600, 900, 1300, 300),
        (amounts, maxNet, merge, rateBp) => {
          const invoices = amounts.map((gross, i) => makeInvoice({ id: `I${i}`, gross, tax: 0 }));
          const plan = planFapiao(invoices, buyer, { fapiaoKind: 'ordinary', maxNetPerFapiao: maxNet, merge, rateBp });
          const input = amounts.reduce((a, b) => a + b, 0);
          const planned = plan.fapiaos.reduce((a, f) => a + f.gross, 0);
          const perInvoice = new Map<string, number>();
          for (const f of plan.fapiaos)
            for (const l of f.lines) perInvoice.set(l.invoiceId, (perInvoice.get(l.invoiceId) ?? 0) + l.gross);
          return (
            planned === input &&
            invoices.every(inv => perInvoice.get(inv.id) === inv.amounts.gross) &&
            plan.fapiaos.every(f => f.net + f.tax === f.gross && f.lines.every(l => l.net + l.tax === l.gross)) &&
            (maxNet === null || plan.fapiaos.every(f => f.net <= maxNet)) &&
            plan.toleranceExceeded.length === 0
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
