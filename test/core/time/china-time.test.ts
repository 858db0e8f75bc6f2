import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChinaDays,
  chinaDateOf,
  chinaDaysBetween,
  formatChinaDate,
  isCalendarDate,
  isIsoInstant,
  startOfChinaDay,
  toChinaIso,
} from '../../../src/core/index.js';

describe('China time (whatever process.env.TZ is)', () => {
  it(`runs under TZ=${process.env.TZ ?? '(unset)'}`, () => assert.ok(true));
  it('puts 15:59:59Z on the same China day and 16:00:00Z on the next', () => {
    assert.equal(chinaDateOf('2026-11-20T15:59:59Z'), '2026-11-20');
    assert.equal(chinaDateOf('2026-11-20T16:00:00Z'), '2026-11-21');
    assert.equal(chinaDateOf('2026-11-20T23:59:59+08:00'), '2026-11-20');
    assert.equal(chinaDateOf('2026-11-21T00:00:00+08:00'), '2026-11-21');
  });
  it('reads a bare date as China midnight', () => {
    assert.equal(startOfChinaDay('2026-11-20').toISOString(), '2026-11-19T16:00:00.000Z');
    assert.equal(chinaDateOf('2026-11-20'), '2026-11-20');
  });
  it('adds China calendar days and counts them', () => {
    assert.equal(toChinaIso(addChinaDays(startOfChinaDay('2026-12-30T20:00:00Z'), 3)), '2027-01-03T00:00:00+08:00');
    assert.equal(chinaDaysBetween('2026-11-20T15:59:59Z', '2026-11-20T16:00:00Z'), 1);
    assert.equal(chinaDaysBetween('2024-02-28', '2024-03-01'), 2);
  });
  it('validates dates and instants strictly', () => {
    assert.ok(isCalendarDate('2024-02-29'));
    assert.ok(!isCalendarDate('2026-02-29'));
    assert.ok(!isCalendarDate('2026-13-01'));
    assert.ok(isIsoInstant('2018-01-16T17:32:28Z'));
    assert.ok(isIsoInstant('2026-11-20T10:00:00.123+08:00'));
    assert.ok(!isIsoInstant('2026-11-20T10:00:00'), 'an instant without a zone is ambiguous');
    assert.ok(!isIsoInstant('2026-11-20'));
    // Read by hand, not by Date.parse (which rolls 2026-02-29 over to 1 March and takes 24:00).
    for (const good of ['2024-02-29T10:00Z', '2026-11-20T10:00+0800', '2026-11-20T23:59:59.123456789-05:30'])
      assert.ok(isIsoInstant(good), good);
    for (const bad of [
      '2026-02-29T10:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20T10:60Z',
      '2026-11-20T10:00:60Z',
      '2026-11-20T10:00:00.Z',
      '2026-11-20T10:00:00.1234567890Z',
      '2026-11-20T10:00+24:00',
      '2026-11-20T10:00+08:60',
      '2026-11-20T10:00+08:00x',
      '2026-11-20T10:00+8:00',
      '2026-11-20t10:00Z',
      '2026-11-20T1a:00Z',
      '２０２６-11-20T10:00Z',
    ])
      assert.ok(!isIsoInstant(bad), bad);
  });
  it("formats dates in the three locales on China's calendar", () => {
    assert.equal(formatChinaDate('2026-11-20T16:30:00Z', 'zh-CN'), '2026年11月21日');
    assert.equal(formatChinaDate('2026-11-20T16:30:00Z', 'en'), 'Nov 21, 2026');
    assert.equal(formatChinaDate('2026-11-20T16:30:00Z', 'nl'), '21 nov 2026');
  });
});

import fc from 'fast-check';
import { chinaDateOfByZoneRules } from '../../../src/core/index.js';

describe('fast paths agree with the general ones', () => {
  it('the fixed-offset China date equals the IANA zone rules for every instant since 1992', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        d => chinaDateOf(d) === chinaDateOfByZoneRules(d),
      ),
      { numRuns: 3000 },
    );
  });
  it('uses the zone rules before 1992 (China observed DST until 1991)', () => {
    // 1988-06-15 23:30 UTC was 08:30 the next day under China's DST (UTC+9): same day either way, but the
    // midnight boundary moves: 1988-06-15T15:30Z is 00:30 on the 16th in DST, 23:30 on the 15th without.
    assert.equal(chinaDateOf('1988-06-15T15:30:00Z'), chinaDateOfByZoneRules('1988-06-15T15:30:00Z'));
    assert.equal(chinaDateOf('1988-06-15T15:30:00Z'), '1988-06-16');
  });
});

import { chinaDayStartMs, instantMsOf, toInstant } from '../../../src/core/time/china-time.js';

describe('instants read by hand', () => {
  const shapes = (d: Date, offsetMinutes: number): string[] => {
    const iso = d.toISOString(); // 2026-11-20T15:59:59.123Z
    const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const a = Math.abs(offsetMinutes);
    const zone = `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    return [
      iso,
      iso.slice(0, 19) + 'Z',
      local + zone,
      local.slice(0, 19) + zone,
      local.slice(0, 21) + zone,
      iso.slice(0, 23) + '456Z',
      iso.slice(0, 10),
      iso.slice(0, 16) + 'Z',
      local.slice(0, 19) + zone.replace(':', ''),
    ];
  };
  it('give the milliseconds Date gives, for every shape an API sends and the ones it should not', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (d, offset) => shapes(d, offset).every(text => Object.is(instantMsOf(text), toInstant(text).getTime())),
      ),
      { numRuns: 5000 },
    );
  });
  it('leave what is not a real time to Date, which gives the same answer as before', () => {
    for (const text of [
      '2026-02-30T10:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20T10:60:00Z',
      '2026-11-20T10:00:00+24:00',
      '2026-11-20T10:00:00ZZ',
      '2026-11-20t10:00:00z',
      '',
      'soon',
      '0099-01-01T00:00:00Z',
      '２０２６-11-20T10:00:00Z',
    ])
      assert.ok(Object.is(instantMsOf(text), toInstant(text).getTime()), text);
  });
  it('China day starts on numbers equal the Date arithmetic, before and after 1992', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1985-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        (d, days) => chinaDayStartMs(d.getTime(), days) === addChinaDays(startOfChinaDay(d), days).getTime(),
      ),
      { numRuns: 5000 },
    );
  });
});
