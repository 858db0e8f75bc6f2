import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkReissue,
  explainReissueBlock,
  LOCALES,
  nextReissueStep,
  REISSUE_BLOCK_CODES,
  REISSUE_REASONS,
  REISSUE_STEPS,
  coreMessages,
  reissueBlocker,
  reissueProgress,
  reissueStepsOf,
  type Reissue,
} from '../../../src/core/node.js';
import { issuedFapiao, issuedRequest } from '../../helpers/requests.js';

const NOW = new Date('2026-11-24T04:00:00Z');
const fapiao = issuedFapiao;
const issued = issuedRequest;
const corrected = {
  reason: 'buyer-name' as const,
  fapiaoKind: 'ordinary' as const,
  buyer: { ...issued.buyer, title: '康托索（上海）信息技术有限公司' },
};
const reissue = (step: Reissue['step']): Reissue => ({
  ...corrected,
  requestedAt: '2026-11-21T02:00:00Z',
  step,
  steps: [{ step: 'red-letter-confirmation', at: '2026-11-21T02:00:00Z' }],
});

describe('reissue (换开): which Fapiao can be reissued, and why not', () => {
  it('takes an issued, mailed or collected request whose Fapiao are in force', () => {
    for (const status of ['issued', 'mailed', 'ready-for-pickup'] as const)
      assert.equal(reissueBlocker({ ...issued, status }, NOW), undefined, status);
    assert.deepEqual(checkReissue(issued, corrected, NOW), { ok: true });
  });
  it('refuses what is not issued, reversed, or already being reissued', () => {
    for (const status of ['submitted', 'processing', 'rejected', 'cancelled'] as const)
      assert.equal(reissueBlocker({ ...issued, status, fapiaos: [] }, NOW)?.code, 'not-issued', status);
    assert.equal(reissueBlocker({ ...issued, status: 'reversed' }, NOW)?.code, 'reversed');
    assert.equal(reissueBlocker({ ...issued, fapiaos: [{ ...fapiao, reversedBy: '2631' }] }, NOW)?.code, 'reversed');
    assert.equal(reissueBlocker({ ...issued, reissue: reissue('red-letter-fapiao') }, NOW)?.code, 'reissue-open');
    // A finished reissue leaves the old request reversed: nothing to reissue there.
    assert.equal(reissueBlocker({ ...issued, status: 'reversed', reissue: reissue('done') }, NOW)?.code, 'reversed');
  });
  it("holds to the seller's window in China days from the last issue, and says until when", () => {
    // Issued 2026-11-20 10:00 China time; 3 days later is the 23rd, the 24th is the 4th day.
    assert.equal(reissueBlocker(issued, NOW, { windowDays: 4 }), undefined);
    assert.deepEqual(reissueBlocker(issued, NOW, { windowDays: 3 }), {
      code: 'window-passed',
      params: { days: 3, until: '2026-11-23' },
    });
    // Late at night UTC is the next day in China: the 24th 23:30 UTC is the 25th in Shanghai.
    assert.equal(reissueBlocker(issued, new Date('2026-11-24T15:59:00Z'), { windowDays: 4 }), undefined);
    assert.equal(reissueBlocker(issued, new Date('2026-11-24T16:00:00Z'), { windowDays: 4 })?.code, 'window-passed');
  });
  it('needs a correction: the same buyer and type is not a reissue', () => {
    assert.deepEqual(checkReissue(issued, { reason: 'other', fapiaoKind: 'ordinary', buyer: issued.buyer }, NOW), {
      ok: false,
      error: { code: 'nothing-changed' },
    });
    assert.deepEqual(checkReissue(issued, { reason: 'fapiao-kind', fapiaoKind: 'special', buyer: issued.buyer }, NOW), {
      ok: true,
    });
  });
  it('has a paper Fapiao sent back first; steps in order, with where the reissue stands', () => {
    assert.deepEqual(reissueStepsOf(issued), ['red-letter-confirmation', 'red-letter-fapiao', 'new-fapiao', 'done']);
    assert.deepEqual(reissueStepsOf({ delivery: 'paper' })[0], 'return-paper');
    assert.deepEqual(reissueStepsOf({ delivery: 'pickup' })[0], 'return-paper');
    assert.equal(nextReissueStep(issued, 'red-letter-confirmation'), 'red-letter-fapiao');
    assert.equal(nextReissueStep(issued, 'done'), 'done');
    assert.deepEqual(
      reissueProgress({ ...issued, reissue: reissue('red-letter-fapiao') }).map(p => [p.step, p.state]),
      [
        ['red-letter-confirmation', 'done'],
        ['red-letter-fapiao', 'current'],
        ['new-fapiao', 'pending'],
        ['done', 'pending'],
      ],
    );
    assert.ok(reissueProgress({ ...issued, reissue: reissue('done') }).every(p => p.state === 'done'));
    assert.deepEqual(reissueProgress(issued), []);
  });
  it('says every reason, block and step in the three languages', () => {
    for (const locale of LOCALES) {
      const m = coreMessages(locale);
      for (const r of REISSUE_REASONS) assert.ok(m.reissueReason[r].length > 3);
      for (const s of REISSUE_STEPS) assert.ok(m.reissueStep[s].length > 3);
      for (const code of REISSUE_BLOCK_CODES)
        assert.ok(explainReissueBlock({ code, params: { days: 180, until: '2027-05-19' } }, locale).length > 10);
    }
    const block = { code: 'window-passed' as const, params: { days: 180, until: '2027-05-19' } };
    assert.equal(explainReissueBlock(block, 'zh-CN'), '换开须在开票后 180 天内申请（截至2027年5月19日），请联系客服。');
    assert.match(explainReissueBlock(block, 'en'), /within 180 days of issue \(until May 19, 2027\)/);
  });
});
