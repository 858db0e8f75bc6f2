import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addChinaWorkingDays,
  CHINA_CALENDAR,
  fapiaoTimeline,
  filingDeadline,
  isChinaWorkingDay,
  parseFapiaoAccount,
  type FapiaoRequest,
} from '../../../src/core/index.js';

describe("China's working days, from the State Council's notices", () => {
  it('knows holidays, weekends and the weekend days worked in exchange (调休)', () => {
    assert.equal(isChinaWorkingDay('2026-11-24'), true, 'a Tuesday');
    assert.equal(isChinaWorkingDay('2026-11-28'), false, 'a Saturday');
    assert.equal(isChinaWorkingDay('2026-10-05'), false, 'National Day week, a Monday');
    assert.equal(isChinaWorkingDay('2026-10-10'), true, 'a Saturday worked for National Day');
    assert.equal(isChinaWorkingDay('2026-02-14'), true, 'a Saturday worked for Spring Festival');
    assert.equal(isChinaWorkingDay('2026-02-23'), false, 'the last day of Spring Festival, a Monday');
    assert.equal(isChinaWorkingDay('2025-01-26'), true, 'a Sunday worked in 2025');
    assert.equal(isChinaWorkingDay('2025-10-08'), false, "2025's National Day and Mid-Autumn, eight days");
  });

  it('says nothing about a year not yet published, rather than guess', () => {
    assert.equal(isChinaWorkingDay('2027-01-04'), undefined);
    assert.equal(addChinaWorkingDays('2026-12-30', 2), undefined, 'the count reaches 2027');
    assert.equal(addChinaWorkingDays('2026-12-29', 2), '2026-12-31', 'within 2026 it answers');
    assert.deepEqual(Object.keys(CHINA_CALENDAR), ['2025', '2026']);
  });

  it('counts working days over weekends, holidays and 调休', () => {
    assert.equal(addChinaWorkingDays('2026-11-24', 2), '2026-11-26', 'Tuesday + 2: Thursday');
    assert.equal(addChinaWorkingDays('2026-11-27', 2), '2026-12-01', 'Friday + 2: Tuesday');
    assert.equal(addChinaWorkingDays('2026-11-28', 2), '2026-12-01', 'asked on a Saturday: from Monday');
    assert.equal(addChinaWorkingDays('2026-09-30', 2), '2026-10-09', 'over National Day: Thursday 8th, Friday 9th');
    assert.equal(addChinaWorkingDays('2026-10-09', 1), '2026-10-10', 'the Saturday worked counts');
    assert.equal(addChinaWorkingDays('2026-02-13', 2), '2026-02-24', 'Saturday 14th worked, then Spring Festival');
    assert.equal(addChinaWorkingDays('2026-11-24', 0), '2026-11-24');
  });
});

describe('filing deadlines, as the State Taxation Administration publishes them', () => {
  it("gives the deadline of the month after the Fapiao's, moved for holidays and weekends", () => {
    assert.deepEqual(filingDeadline('2026-09'), { period: '2026-09', date: '2026-10-26', published: true });
    assert.deepEqual(filingDeadline('2026-10'), { period: '2026-10', date: '2026-11-16', published: true });
    assert.deepEqual(filingDeadline('2026-11'), { period: '2026-11', date: '2026-12-15', published: true });
    assert.deepEqual(filingDeadline('2025-09'), { period: '2025-09', date: '2025-10-27', published: true });
    assert.deepEqual(filingDeadline('2025-12'), { period: '2025-12', date: '2026-01-20', published: true });
  });

  it('marks a deadline not yet published: the 15th, a weekend moved to Monday, which a holiday may still move', () => {
    assert.deepEqual(filingDeadline('2026-12'), { period: '2026-12', date: '2027-01-15', published: false });
    assert.deepEqual(
      filingDeadline('2027-04'),
      { period: '2027-04', date: '2027-05-17', published: false },
      'Sat 15th',
    );
    assert.deepEqual(
      filingDeadline('2027-07'),
      { period: '2027-07', date: '2027-08-16', published: false },
      'Sun 15th',
    );
  });
});

describe('a Fapiao timeline per bill', () => {
  const now = new Date('2026-11-24T04:00:00Z'); // Tuesday noon in Shanghai
  const request = (status: FapiaoRequest['status'], createdAt: string, issuedAt?: string) =>
    ({ status, createdAt, fapiaos: issuedAt ? [{ issuedAt }] : [] }) as unknown as FapiaoRequest;

  it('before a request: from when, the issue expected if asked today, and the filing deadline of that month', () => {
    assert.deepEqual(fapiaoTimeline({ eligibility: { eligibleFromDate: '2026-11-20' }, now }), {
      availableFrom: '2026-11-20',
      issue: { on: '2026-11-26', expected: true },
      filing: { period: '2026-11', date: '2026-12-15', published: true },
    });
  });

  it('a bill still in its waiting days counts from the first day it can be asked for', () => {
    const timeline = fapiaoTimeline({ eligibility: { eligibleFromDate: '2026-11-27' }, now });
    assert.deepEqual(timeline.issue, { on: '2026-12-01', expected: true });
    assert.deepEqual(timeline.filing, { period: '2026-12', date: '2027-01-15', published: false });
  });

  it("takes the seller's working days", () => {
    const timeline = fapiaoTimeline({ eligibility: {}, now, issueWithinWorkingDays: 5 });
    assert.deepEqual(timeline.issue, { on: '2026-12-01', expected: true });
  });

  it('an open request counts from its own day, and says when the expected day has passed', () => {
    const asked = request('submitted', '2026-11-23T02:00:00Z');
    assert.deepEqual(fapiaoTimeline({ eligibility: {}, request: asked, now }), {
      requestedOn: '2026-11-23',
      issue: { on: '2026-11-25', expected: true },
      filing: { period: '2026-11', date: '2026-12-15', published: true },
    });
    const old = request('processing', '2026-11-18T02:00:00Z');
    assert.deepEqual(fapiaoTimeline({ eligibility: {}, request: old, now }).issue, {
      on: '2026-11-20',
      expected: true,
      late: true,
    });
  });

  it('an issued request: its issue day in China (late evening UTC is the next day), and that period', () => {
    const issued = request('issued', '2026-10-30T02:00:00Z', '2026-10-31T17:30:00Z');
    assert.deepEqual(fapiaoTimeline({ eligibility: { eligibleFromDate: '2026-10-28' }, request: issued, now }), {
      availableFrom: '2026-10-28',
      requestedOn: '2026-10-30',
      issue: { on: '2026-11-01', expected: false },
      filing: { period: '2026-11', date: '2026-12-15', published: true },
    });
  });

  it('a withdrawn or rejected request counts as none; an expected day beyond the calendar is left out', () => {
    const withdrawn = request('cancelled', '2026-11-01T02:00:00Z');
    assert.equal(fapiaoTimeline({ eligibility: {}, request: withdrawn, now }).requestedOn, undefined);
    const late = fapiaoTimeline({ eligibility: {}, now: new Date('2026-12-30T04:00:00Z') });
    assert.deepEqual(late, {});
  });
});

describe("the seller's terms in the Fapiao account, as a client decodes them", () => {
  it('takes the form policy and the working days, and refuses what they cannot be', () => {
    const ok = parseFapiaoAccount({
      state: 'registered',
      draftPolicy: { specialBuyerDetails: 'optional' },
      issueWithinWorkingDays: 5,
    });
    assert.ok(ok.ok);
    assert.deepEqual(ok.value.draftPolicy, { specialBuyerDetails: 'optional' });
    assert.equal(ok.value.issueWithinWorkingDays, 5);
    for (const bad of [
      { draftPolicy: { specialBuyerDetails: 'maybe' } },
      { draftPolicy: {} },
      { issueWithinWorkingDays: -1 },
      { issueWithinWorkingDays: 1.5 },
      { issueWithinWorkingDays: '2' },
      { issueWithinWorkingDays: 1e9 },
    ]) {
      assert.equal(parseFapiaoAccount({ state: 'registered', ...bad }).ok, false, JSON.stringify(bad));
    }
  });
});
