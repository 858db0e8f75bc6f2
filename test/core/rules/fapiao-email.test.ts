import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkFapiaoEmail,
  explainFapiaoEmailError,
  FAPIAO_EMAIL_ERROR_CODES,
  LOCALES,
  nextActivationEmailAt,
  nextEmailAllowedAt,
  nextFapiaoEmailAt,
  REGISTRATION_LIMITS,
  type FapiaoRequest,
} from '../../../src/core/node.js';
import { issuedFapiao, issuedRequest } from '../../helpers/requests.js';

const NOW = Date.parse('2026-11-24T04:00:00Z');
const MINUTE = 60_000;
const fapiao = issuedFapiao;
const issued = issuedRequest;
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { email, ...withoutEmail } = issued;
const sent = (...minutesAgo: number[]) =>
  minutesAgo.map(m => ({ to: 'finance@contoso.cn', sentAt: new Date(NOW - m * MINUTE).toISOString() }));
const codeOf = (r: FapiaoRequest, to = '', now = NOW) => {
  const check = checkFapiaoEmail(r, to, now);
  return check.ok ? check.to : check.error.code;
};

describe('checkFapiaoEmail: sending an issued Fapiao again', () => {
  it("goes to the request's address, or another well-formed one", () => {
    assert.equal(codeOf(issued), 'finance@contoso.cn');
    assert.equal(codeOf(issued, '  ap@contoso.cn '), 'ap@contoso.cn');
    assert.equal(codeOf({ ...withoutEmail, status: 'mailed', delivery: 'paper' }, 'ap@contoso.cn'), 'ap@contoso.cn');
    assert.equal(codeOf(withoutEmail), 'required');
    assert.equal(codeOf(issued, 'not an address'), 'email');
    assert.equal(
      codeOf(issued, 'ap@contoso.cn；boss@contoso.cn'),
      'ap@contoso.cn, boss@contoso.cn',
      'several, as a list',
    );
    assert.equal(codeOf(issued, Array.from({ length: 6 }, (_, i) => `u${i}@b.cn`).join(' ')), 'too-many-addresses');
    assert.equal(codeOf(issued, `${'a'.repeat(200)}@b.cn`), 'too-long-chars');
  });
  it('only for issued Fapiao that were not reversed', () => {
    for (const status of ['submitted', 'processing', 'rejected', 'cancelled'] as const)
      assert.equal(codeOf({ ...issued, status, fapiaos: [] }), 'not-issued', status);
    assert.equal(codeOf({ ...issued, status: 'reversed' }), 'reversed');
    assert.equal(codeOf({ ...issued, fapiaos: [{ ...fapiao, reversedBy: '26310000000000000002' }] }), 'reversed');
    assert.equal(codeOf({ ...issued, status: 'ready-for-pickup' }), 'finance@contoso.cn');
  });
  it('waits a minute between two e-mails and sends at most five in any 24 hours, saying from when', () => {
    assert.equal(codeOf({ ...issued, emails: sent(2) }), 'finance@contoso.cn');
    const soon = checkFapiaoEmail({ ...issued, emails: sent(0.5) }, '', NOW);
    assert.deepEqual(soon, {
      ok: false,
      error: { code: 'too-many-emails', params: { at: new Date(NOW + 0.5 * MINUTE).toISOString() } },
    });
    const five = { ...issued, emails: sent(600, 500, 400, 300, 200) };
    const full = checkFapiaoEmail(five, '', NOW);
    assert.equal(!full.ok && full.error.params?.at, new Date(NOW - 600 * MINUTE + 86_400_000).toISOString());
    assert.equal(nextFapiaoEmailAt(five, NOW + 14 * 60 * MINUTE + 1), undefined, 'the oldest left the 24 hours');
    assert.equal(
      nextFapiaoEmailAt({ ...issued, emails: sent(60 * 25, 60 * 25, 60 * 25, 60 * 25, 60 * 25) }, NOW),
      undefined,
    );
  });
  it('is the activation e-mail allowance with other numbers (one rule)', () => {
    const times = [NOW - 5 * MINUTE, NOW - 30 * 1000];
    assert.equal(nextActivationEmailAt(times, NOW), nextEmailAllowedAt(times, NOW, REGISTRATION_LIMITS));
    assert.equal(nextActivationEmailAt(times, NOW), NOW + 30 * 1000);
  });
  it('says every problem in the three languages, its time in China time', () => {
    for (const code of FAPIAO_EMAIL_ERROR_CODES)
      for (const locale of LOCALES)
        assert.ok(explainFapiaoEmailError({ code, params: { max: 200, actual: 212 } }, locale).length > 10, code);
    const error = { code: 'too-many-emails' as const, params: { at: '2026-11-24T16:30:00Z' } };
    assert.match(explainFapiaoEmailError(error, 'zh-CN'), /2026.*11.*25.*00:30/);
    assert.match(explainFapiaoEmailError(error, 'en'), /from .*25.*12:30|from .*25.*00:30/);
  });
});
