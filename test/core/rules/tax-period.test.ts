import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPeriod, inPeriod, monthPeriod, previousChinaMonth } from '../../../src/core/index.js';

describe('tax periods', () => {
  it('makes a month its first and last day, leap years included', () => {
    assert.deepEqual(monthPeriod('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
    assert.deepEqual(monthPeriod('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(monthPeriod('2026-11'), { from: '2026-11-01', to: '2026-11-30' });
    for (const bad of ['', '2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '２０２６-10'])
      assert.equal(monthPeriod(bad), undefined, bad);
  });
  it('the month before, in China: 1 December 08:30 in Shanghai is still 30 November in UTC', () => {
    assert.equal(previousChinaMonth(new Date('2026-12-01T00:30:00Z')), '2026-11');
    assert.equal(previousChinaMonth(new Date('2026-11-30T16:30:00Z')), '2026-11', 'already December in China');
    assert.equal(previousChinaMonth(new Date('2027-01-15T04:00:00Z')), '2026-12');
  });
  it('checks a period: real dates, in order, at most 366 days', () => {
    assert.deepEqual(checkPeriod('2026-10-01', '2026-10-31'), { from: '2026-10-01', to: '2026-10-31' });
    assert.deepEqual(checkPeriod('2028-01-01', '2028-12-31'), { from: '2028-01-01', to: '2028-12-31' }, '366 days');
    assert.equal(checkPeriod('2026-01-01', '2027-01-02'), 'too-long');
    assert.equal(checkPeriod('2026-10-31', '2026-10-01'), 'order');
    assert.equal(checkPeriod('2026-02-30', '2026-03-01'), 'dates');
    assert.equal(checkPeriod('', '2026-03-01'), 'dates');
  });
  it('puts an instant in the period of its China day', () => {
    const october = monthPeriod('2026-10')!;
    assert.equal(inPeriod('2026-10-31T15:59:59Z', october), true, '23:59:59 on 31 October in China');
    assert.equal(inPeriod('2026-10-31T16:00:00Z', october), false, 'already 1 November in China');
    assert.equal(inPeriod('2026-09-30T16:00:00Z', october), true);
  });
});
