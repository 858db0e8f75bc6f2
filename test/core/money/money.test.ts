import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addMoney,
  allocateFen,
  fenToDecimalString,
  formatMoney,
  money,
  parseAmount,
  splitTaxInclusive,
  sumFen,
  taxOnNet,
  toFen,
  type Fen,
} from '../../../src/core/index.js';

describe('parseAmount', () => {
  const good: [unknown, number][] = [
    [16.53, 1653],
    [19.99, 1999],
    ['1234.50', 123450],
    ['1234.5', 123450],
    ['0.01', 1],
    [0, 0],
    ['-2.00', -200],
    [33.99, 3399],
    ['12.300', 1230],
    ['9999999.99', 999999999],
    [1e13, 1e15],
    ['  7.10 ', 710],
    [-0, 0],
    ['90071992547409.91', 9007199254740991],
  ];
  for (const [input, fen] of good) {
    it(`reads ${JSON.stringify(input)} as ${fen} minor units`, () => {
      const r = parseAmount(input);
      assert.deepEqual(r, { ok: true, value: fen });
    });
  }
  const bad: [unknown, string][] = [
    [0.1 + 0.2, 'amount.precision'],
    [1e21, 'amount.format'],
    ['12.305', 'amount.precision'],
    ['1,234.50', 'amount.format'],
    ['abc', 'amount.format'],
    [NaN, 'amount.not-finite'],
    [Infinity, 'amount.not-finite'],
    [null, 'amount.type'],
    [{}, 'amount.type'],
    ['1e3', 'amount.format'],
    ['', 'amount.format'],
    ['90071992547409.92', 'amount.range'],
    [1.005, 'amount.precision'],
  ];
  for (const [input, code] of bad) {
    it(`rejects ${String(input)} with ${code}`, () => {
      const r = parseAmount(input, 2, '$.total');
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.issues[0]?.code, code);
        assert.match(r.issues[0]?.message ?? '', /^\$\.total: /);
      }
    });
  }
  it('respects the currency exponent (JPY has none)', () => {
    assert.deepEqual(parseAmount('1500', 0), { ok: true, value: 1500 });
    assert.equal(parseAmount('1500.5', 0).ok, false);
  });
  it('round-trips every integer amount through its decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), n => {
        const r = parseAmount(fenToDecimalString(toFen(n)));
        return r.ok && r.value === n;
      }),
    );
  });
});

describe('money arithmetic', () => {
  it('refuses floats and unsafe integers', () => {
    assert.throws(() => toFen(1.5), /safe integer/);
    assert.throws(() => toFen(2 ** 53), /safe integer/);
    assert.throws(() => sumFen([toFen(Number.MAX_SAFE_INTEGER), toFen(1)]), /safe integer range/);
  });
  it('refuses to add different currencies', () => {
    assert.throws(() => addMoney(money(1, 'CNY'), money(1, 'USD')), /CNY and USD/);
    assert.deepEqual(addMoney(money(10, 'CNY'), money(5, 'cny')), { fen: 15, currency: 'CNY' });
  });
  it('builds decimal strings from integers', () => {
    assert.equal(fenToDecimalString(toFen(123450)), '1234.50');
    assert.equal(fenToDecimalString(toFen(5)), '0.05');
    assert.equal(fenToDecimalString(toFen(-5)), '-0.05');
    assert.equal(fenToDecimalString(toFen(1500), 0), '1500');
  });
  it('formats through Intl in zh-CN, en and nl', () => {
    assert.equal(formatMoney(money(123450, 'CNY'), 'zh-CN'), '¥1,234.50');
    assert.equal(formatMoney(money(123450, 'CNY'), 'en'), 'CN¥1,234.50');
    assert.match(formatMoney(money(123450, 'CNY'), 'nl'), /^CN¥\s1\.234,50$/);
    // Exact beyond float precision: 90,071,992,547,409.91.
    assert.equal(formatMoney(money(9007199254740991, 'CNY'), 'en'), 'CN¥90,071,992,547,409.91');
  });
});

describe('allocateFen', () => {
  it('spreads the remainder so nothing is lost', () => {
    assert.deepEqual(allocateFen(toFen(10000), [1, 1, 1]), [3334, 3333, 3333]);
    assert.deepEqual(allocateFen(toFen(-100), [1, 2]), [-33, -67]);
    assert.deepEqual(allocateFen(toFen(5), [0, 1]), [0, 5]);
  });
  it('always sums to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some(w => w > 0));
          const parts = allocateFen(toFen(total), weights);
          return parts.reduce((a, b) => a + b, 0) === total && parts.every(Number.isSafeInteger);
        },
      ),
    );
  });
});

describe('splitTaxInclusive (DOMAIN.md §2.6 worked examples)', () => {
  const table: [number, number, number][] = [
    [10000, 9434, 566],
    [106000, 100000, 6000],
    [1234567, 1164686, 69881],
    [17, 16, 1],
    [1, 1, 0],
    [999999999, 943396225, 56603774],
  ];
  for (const [gross, net, tax] of table) {
    it(`${gross} → net ${net} + tax ${tax}`, () => {
      assert.deepEqual(splitTaxInclusive(toFen(gross), 600), { gross, net, tax });
    });
  }
  it('net + tax = gross, and tax is within 1 fen of tax on net (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom(600, 900, 1300, 300, 100, 150, 0),
        (gross, rate) => {
          const s = splitTaxInclusive(toFen(gross), rate);
          return s.net + s.tax === gross && Math.abs(s.tax - taxOnNet(s.net as Fen, rate)) <= 1;
        },
      ),
    );
  });
  it('rejects impossible rates', () => {
    assert.throws(() => splitTaxInclusive(toFen(100), -1));
    assert.throws(() => splitTaxInclusive(toFen(100), 6.5));
  });
});
