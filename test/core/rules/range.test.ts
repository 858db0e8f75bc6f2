import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { customRangeFrom, rangeMonths, rangeToDates } from '../../../src/core/index.js';

// 16:30 UTC on 30 November is already 1 December in China: presets count from the China day.
const NOW = new Date('2026-11-30T16:30:00Z');

describe('rangeToDates', () => {
  it('counts preset months back from today in China', () => {
    assert.deepEqual(rangeToDates('3', '', '', NOW), { from: '2026-09-01' });
    assert.deepEqual(rangeToDates('12', '', '', NOW), { from: '2025-12-01' });
  });
  it('clamps to the end of a shorter month (31 May − 3 months is 28 February)', () => {
    assert.deepEqual(rangeToDates('3', '', '', new Date('2026-05-31T04:00:00Z')), { from: '2026-02-28' });
    assert.deepEqual(rangeToDates('3', '', '', new Date('2028-05-31T04:00:00Z')), { from: '2028-02-29' });
  });
  it('has no bounds for all, and ignores from/to unless the range is custom', () => {
    assert.deepEqual(rangeToDates('all', '2026-01-01', '2026-02-01', NOW), {});
    assert.deepEqual(rangeToDates('6', '2026-01-01', '2026-02-01', NOW), { from: '2026-06-01' });
  });
  it('takes custom dates only when they are real calendar dates', () => {
    assert.deepEqual(rangeToDates('custom', '2026-01-01', '2026-02-01', NOW), { from: '2026-01-01', to: '2026-02-01' });
    assert.deepEqual(rangeToDates('custom', '2026-02-31', 'yesterday', NOW), {});
    assert.deepEqual(rangeToDates('custom', '', '2026-02-28', NOW), { to: '2026-02-28' });
  });
  it('treats unknown ranges as all', () => {
    assert.deepEqual(rangeToDates('7', '', '', NOW), {});
    assert.equal(rangeMonths('7'), undefined);
    assert.equal(rangeMonths('6'), 6);
  });
  it('starts a custom range where the preset was, ending today in China', () => {
    assert.deepEqual(customRangeFrom('3', NOW), { from: '2026-09-01', to: '2026-12-01' });
    assert.deepEqual(customRangeFrom('all', NOW), { from: '2025-12-01', to: '2026-12-01' });
  });
});
