import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkRegistration,
  explainRegistrationError,
  nextActivationEmailAt,
  normalizeOrderNumber,
  REGISTRATION_LIMITS,
} from '../../../src/core/node.js'; // the Node entry: every language registered

describe('registering a Fapiao account', () => {
  it('takes an order number as pasted from a Chinese PDF, and a trimmed address', () => {
    assert.equal(normalizeOrderNumber(' ｇ０１２３-４５ '), 'G0123-45');
    const r = checkRegistration({ orderNumber: 'ｇ０１２３４５６７８９', email: '  li.lei@example.cn ' });
    assert.deepEqual(r, { ok: true, value: { orderNumber: 'G0123456789', email: 'li.lei@example.cn' }, errors: [] });
  });
  it('names every problem by field, with a stable code, in three languages', () => {
    const r = checkRegistration({ orderNumber: '订单 12', email: 'li.lei@' });
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.errors.map(e => [e.field, e.code]),
      [
        ['orderNumber', 'order-number-format'],
        ['email', 'email'],
      ],
    );
    assert.deepEqual(
      checkRegistration({ orderNumber: '', email: '' }).errors.map(e => [e.field, e.code]),
      [
        ['orderNumber', 'required'],
        ['email', 'required'],
      ],
    );
    const long = checkRegistration({ orderNumber: 'A'.repeat(65), email: `${'a'.repeat(200)}@x.cn` });
    assert.deepEqual(
      long.errors.map(e => [e.code, e.params?.max]),
      [
        ['too-long-chars', REGISTRATION_LIMITS.orderNumberChars],
        ['too-long-chars', REGISTRATION_LIMITS.emailChars],
      ],
    );
    const required = { field: 'orderNumber', code: 'required' } as const;
    assert.equal(explainRegistrationError(required, 'zh-CN'), '请填写订单号。');
    assert.equal(explainRegistrationError(required, 'en'), 'Enter the order number.');
    assert.equal(explainRegistrationError(required, 'nl'), 'Vul het ordernummer in.');
    const wait = { field: 'email', code: 'too-many-emails', params: { at: '2026-11-26T02:05:00Z' } } as const;
    assert.match(explainRegistrationError(wait, 'zh-CN'), /2026年11月26日.*10:05/);
  });
  it('spaces activation e-mails: a minute apart, five in any 24 hours', () => {
    const t0 = Date.parse('2026-11-26T00:00:00Z');
    const minute = 60_000;
    assert.equal(nextActivationEmailAt([], t0), undefined);
    assert.equal(nextActivationEmailAt([t0], t0 + 30_000), t0 + minute);
    assert.equal(nextActivationEmailAt([t0], t0 + minute), undefined);
    const five = [0, 10, 20, 30, 40].map(m => t0 + m * minute);
    assert.equal(nextActivationEmailAt(five, t0 + 50 * minute), t0 + 86_400_000, 'the oldest of the five + 24 h');
    assert.equal(nextActivationEmailAt(five, t0 + 86_400_000 + 1), undefined, 'the oldest fell out of the day');
  });
});
