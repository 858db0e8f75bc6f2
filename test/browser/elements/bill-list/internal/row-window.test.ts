import { expect } from '@open-wc/testing';
import { rowWindow } from '../../../../../src/elements/bill-list/internal/row-window.js';

describe('rowWindow', () => {
  const base = { count: 100_000, rowHeight: 48, viewportHeight: 600, overscan: 10 };
  it('renders the rows in view plus the overscan, and spacers for the rest', () => {
    const w = rowWindow({ ...base, scrollTop: 48 * 500 });
    expect([w.start, w.end]).to.deep.equal([490, 524]);
    expect(w.padTop).to.equal(490 * 48);
    expect(w.padBottom).to.equal((100_000 - 524) * 48);
  });
  it('starts at the top and ends at the last row', () => {
    expect(rowWindow({ ...base, scrollTop: 0 }).start).to.equal(0);
    const end = rowWindow({ ...base, scrollTop: 48 * 100_000 });
    expect(end.end).to.equal(100_000);
    expect(end.padBottom).to.equal(0);
  });
  it('takes odd input without breaking: negative scroll, no rows, zero height', () => {
    expect(rowWindow({ ...base, scrollTop: -500 }).start).to.equal(0);
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).to.deep.equal({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    expect(rowWindow({ ...base, rowHeight: 0, scrollTop: 0 }).end).to.equal(100_000);
  });
});
