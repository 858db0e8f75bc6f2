import { expect } from '@open-wc/testing';
import {
  allEligible,
  keptAfterReload,
  selectionSummarizer,
  toggled,
} from '../../../../../src/elements/bill-list/internal/selection.js';
import { makeInvoice } from '../../../../helpers/invoices.js';

const items = [
  makeInvoice({ id: 'a', gross: 100 }),
  makeInvoice({ id: 'b', gross: 250, currency: 'USD' }),
  makeInvoice({ id: 'c', gross: 300 }),
];
const eligible = (i: { id: string }) => i.id !== 'c';

describe('selection', () => {
  it('toggles one bill without changing the set it was given', () => {
    const none: ReadonlySet<string> = new Set();
    const one = toggled(none, 'a', true);
    expect([...one]).to.deep.equal(['a']);
    expect(none.size).to.equal(0);
    expect([...toggled(one, 'a', false)]).to.deep.equal([]);
  });
  it('ticks every eligible bill, and keeps after a reload only those still shown and eligible', () => {
    expect([...allEligible(items, eligible)]).to.deep.equal(['a', 'b']);
    const ticks = new Set(['a', 'c', 'gone']);
    expect([...keptAfterReload(ticks, items, eligible)]).to.deep.equal(['a']);
    const same = new Set(['a']);
    expect(keptAfterReload(same, items, eligible)).to.equal(same);
  });
  it('sums per currency and derives the summary once per rows and ticks', () => {
    const summarize = selectionSummarizer();
    const ticks = new Set(['a', 'b']);
    const s = summarize(items, ticks, eligible);
    expect(s.invoices.map(i => i.id)).to.deep.equal(['a', 'b']);
    expect(s.totals.map(t => [t.currency, t.gross])).to.deep.equal([
      ['CNY', 100],
      ['USD', 250],
    ]);
    expect(s.allEligiblePicked).to.equal(true);
    expect(summarize(items, ticks, eligible)).to.equal(s);
    expect(summarize(items, new Set(['a']), eligible).allEligiblePicked).to.equal(false);
  });
});
