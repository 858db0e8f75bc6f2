import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { totalsByCurrency } from '../../../src/core/index.js';
import { makeInvoice } from '../../helpers/invoices.js';

describe('totalsByCurrency', () => {
  it('adds gross per currency and never across currencies', () => {
    const totals = totalsByCurrency([
      makeInvoice({ id: 'a', gross: 10000 }),
      makeInvoice({ id: 'b', currency: 'USD', gross: 250 }),
      makeInvoice({ id: 'c', gross: 1 }),
    ]);
    assert.deepEqual(totals, [
      { currency: 'CNY', gross: 10001, count: 2 },
      { currency: 'USD', gross: 250, count: 1 },
    ]);
  });
  it('is empty for no invoices', () => {
    assert.deepEqual(totalsByCurrency([]), []);
  });
  it('refuses a sum beyond the safe integer range instead of rounding it', () => {
    const huge = makeInvoice({ id: 'h', gross: Number.MAX_SAFE_INTEGER, tax: 0 });
    assert.throws(() => totalsByCurrency([huge, huge]), /\[fapiao-kit\] sum exceeds/);
  });
});
