import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEligibility,
  explainReason,
  LOCALES,
  REASON_CODES,
  type EligibilityContext,
  type ReasonCode,
} from '../../../src/core/node.js'; // the Node entry: every language registered
import { makeInvoice } from '../../helpers/invoices.js';

const ctx = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  now: new Date('2026-11-24T12:00:00+08:00'),
  account: 'registered',
  requests: [],
  ...over,
});
const codes = (r: { reasons: readonly { code: ReasonCode }[] }) => r.reasons.map(x => x.code);

describe(`checkEligibility (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('is eligible three China days after payment', () => {
    const r = checkEligibility(makeInvoice(), ctx());
    assert.deepEqual(r, {
      eligible: true,
      reasons: [],
      eligibleFrom: '2026-11-23T00:00:00+08:00',
      eligibleFromDate: '2026-11-23',
    });
  });
  it('counts the waiting period on China calendar days, to the second', () => {
    // Paid 23:59:59 in Shanghai on the 20th (15:59:59Z): eligible from the 23rd, 00:00 Shanghai (22nd 16:00Z).
    const invoice = makeInvoice({ paidAt: '2026-11-20T15:59:59Z' });
    const before = checkEligibility(invoice, ctx({ now: new Date('2026-11-22T15:59:59Z') }));
    assert.deepEqual(codes(before), ['waiting-period']);
    assert.deepEqual(before.reasons[0]?.params, { from: '2026-11-23', days: 3 });
    assert.equal(checkEligibility(invoice, ctx({ now: new Date('2026-11-22T16:00:00Z') })).eligible, true);
    // One second later in UTC is the next China day: eligible a day later.
    const late = makeInvoice({ paidAt: '2026-11-20T16:00:00Z' });
    assert.equal(checkEligibility(late, ctx({ now: new Date('2026-11-23T15:59:59Z') })).eligible, false);
    assert.equal(checkEligibility(late, ctx({ now: new Date('2026-11-23T16:00:00Z') })).eligibleFromDate, '2026-11-24');
  });
  it('falls back to the last payment when paidAt is absent', () => {
    const invoice = makeInvoice({ paidAt: undefined as never });
    delete (invoice as { paidAt?: string }).paidAt;
    assert.equal(checkEligibility(invoice, ctx()).eligibleFromDate, '2026-11-23');
  });
  it('reports a paid invoice without any payment date', () => {
    const invoice = { ...makeInvoice(), payments: [] };
    delete (invoice as { paidAt?: string }).paidAt;
    assert.deepEqual(codes(checkEligibility(invoice, ctx())), ['payment-date-unknown']);
  });
  const cases: [string, Parameters<typeof makeInvoice>[0], Partial<EligibilityContext>, ReasonCode[]][] = [
    ['unpaid', { status: 'due', due: 10000, payments: [], paidAt: undefined as never }, {}, ['not-paid']],
    ['partially paid', { status: 'partially-paid', due: 5000 }, {}, ['not-paid']],
    ['past due', { status: 'past-due', due: 10000 }, {}, ['not-paid']],
    ['void', { status: 'void' }, {}, ['void']],
    ['refunded', { status: 'refunded' }, {}, ['refunded']],
    ['credit note', { kind: 'credit-note', gross: -10000, tax: -566 }, {}, ['credit-note', 'non-positive-amount']],
    ['USD', { currency: 'USD' }, {}, ['currency-not-supported']],
    ['zero amount', { gross: 0, tax: 0 }, {}, ['non-positive-amount']],
    ['no account', {}, { account: 'unregistered' }, ['no-fapiao-account']],
    ['not activated', {}, { account: { state: 'pending-activation' } }, ['account-not-activated']],
    ['issued', {}, { requests: [{ id: 'R1', invoiceIds: ['INV-1'], status: 'issued' }] }, ['already-issued']],
    ['mailed', {}, { requests: [{ id: 'R1', invoiceIds: ['INV-1'], status: 'mailed' }] }, ['already-issued']],
    [
      'pending',
      {},
      { requests: [{ id: 'R1', invoiceIds: ['X', 'INV-1'], status: 'processing' }] },
      ['request-pending'],
    ],
    [
      'rejected request does not block',
      {},
      { requests: [{ id: 'R1', invoiceIds: ['INV-1'], status: 'rejected' }] },
      [],
    ],
    [
      "another invoice's request does not block",
      {},
      { requests: [{ id: 'R1', invoiceIds: ['INV-2'], status: 'issued' }] },
      [],
    ],
    ['below minimum', { gross: 9999, tax: 566 }, { policy: { minimumFen: 10000 } }, ['below-minimum']],
    ['window expired', {}, { policy: { requestWindowDays: 3 } }, ['window-expired']],
    ['window open', {}, { policy: { requestWindowDays: 180 } }, []],
    [
      'several at once',
      { status: 'due', due: 1, currency: 'USD' },
      { account: 'unregistered' },
      ['currency-not-supported', 'not-paid', 'no-fapiao-account'],
    ],
    [
      'a rule turned off by policy',
      { currency: 'USD' },
      { policy: { checks: REASON_CODES.filter(c => c !== 'currency-not-supported') } },
      [],
    ],
  ];
  for (const [name, invoice, context, expected] of cases) {
    it(`${name} → ${expected.join(', ') || 'eligible'}`, () => {
      const r = checkEligibility(makeInvoice(invoice), ctx(context));
      assert.deepEqual(codes(r), expected);
      assert.equal(r.eligible, expected.length === 0);
    });
  }
  it('returns the window end date and the waiting-period length from the policy', () => {
    const r = checkEligibility(
      makeInvoice(),
      ctx({ now: new Date('2026-11-21T00:00:00+08:00'), policy: { waitingDays: 5, requestWindowDays: 30 } }),
    );
    assert.equal(r.eligibleFromDate, '2026-11-25');
    assert.equal(r.expiresOn, '2026-12-20');
    assert.deepEqual(r.reasons[0]?.params, { from: '2026-11-25', days: 5 });
  });
  it("explains every reason in zh-CN, en and nl with the date on China's calendar", () => {
    const r = checkEligibility(
      makeInvoice({ paidAt: '2026-11-20T16:30:00Z' }),
      ctx({ now: new Date('2026-11-22T00:00:00Z') }),
    );
    const reason = r.reasons[0];
    assert.ok(reason);
    assert.match(explainReason(reason, 'zh-CN'), /2026年11月24日/);
    assert.match(explainReason(reason, 'en'), /Nov 24, 2026/);
    assert.match(explainReason(reason, 'nl'), /24 nov 2026/);
    for (const code of REASON_CODES) {
      const texts = LOCALES.map(l =>
        explainReason(
          { code, params: { from: '2026-11-24', on: '2026-11-24', days: 3, currency: 'USD', minimum: 10000 } },
          l,
        ),
      );
      assert.equal(new Set(texts).size, 3, `${code} has three distinct translations`);
      for (const t of texts) assert.ok(t.length > 5 && !t.includes('undefined'), t);
    }
  });
});
