import { expect } from '@open-wc/testing';
import {
  checkDraft,
  checkEligibility,
  emptyDraft,
  explainReason,
  formatMoney,
  hasCoreMessages,
  loadLocale,
  gbkByteLength,
  money,
  parseAmount,
  planFapiao,
  validateTaxId,
} from '../../src/core/index.js';
import { fromMicrosoftInvoice } from '../../src/core/microsoft.js';
import { INVALID_USCC, PILOT_ERA_CODES, VALID_USCC } from '../vectors/tax-ids.js';
import { makeInvoice } from '../helpers/invoices.js';

// The same rules in the browser as in Node: the shared vectors and the China-time boundary.
describe('core in Chromium', () => {
  it('validates the shared tax-ID vectors', () => {
    for (const [code] of VALID_USCC) expect(validateTaxId(code).valid, code).to.equal(true);
    for (const [code, problem] of INVALID_USCC) expect(validateTaxId(code).problem, code).to.equal(problem);
    for (const [code, check] of PILOT_ERA_CODES) expect(validateTaxId(code).expectedCheck).to.equal(check);
  });
  it('loads the words of one language on demand, and only that one', async () => {
    const reason = { code: 'void', params: {} } as const;
    expect(() => explainReason(reason, 'nl')).to.throw(/loadLocale\('nl'\)/);
    await loadLocale('nl');
    expect(explainReason(reason, 'nl')).to.contain('vervallen');
    expect(hasCoreMessages('en')).to.equal(false);
  });
  it('computes eligibility on China calendar days in the browser zone too', async () => {
    await loadLocale('zh-CN');
    const invoice = makeInvoice({ paidAt: '2026-11-20T15:59:59Z' });
    const context = { account: 'registered' as const };
    expect(checkEligibility(invoice, { ...context, now: new Date('2026-11-22T15:59:59Z') }).eligible).to.equal(false);
    expect(checkEligibility(invoice, { ...context, now: new Date('2026-11-22T16:00:00Z') }).eligible).to.equal(true);
    const waiting = checkEligibility(invoice, { ...context, now: new Date('2026-11-21T00:00:00Z') }).reasons[0]!;
    expect(explainReason(waiting, 'zh-CN')).to.contain('2026年11月23日');
  });
  it('counts GBK bytes with the browser decoder', () => {
    expect(gbkByteLength('阿里云计算有限公司')).to.equal(18);
    expect(
      checkDraft(emptyDraft({ title: '公司·（深圳）', taxId: '91330106673959654P', email: 'a@b.cn' })).ok,
    ).to.equal(true);
  });
  it('parses and formats money exactly', () => {
    expect(parseAmount(0.1 + 0.2).ok).to.equal(false);
    expect(formatMoney(money(123450, 'CNY'), 'zh-CN')).to.equal('¥1,234.50');
    const plan = planFapiao([makeInvoice()], { buyerKind: 'individual', title: '张三' }, { fapiaoKind: 'ordinary' });
    expect(plan.totals).to.deep.equal([{ currency: 'CNY', gross: 10000, net: 9434, tax: 566 }]);
  });
  it('maps the Microsoft example invoice', async () => {
    const fixture = await (await fetch('/test/fixtures/microsoft-billing/Invoice.json')).json();
    const r = fromMicrosoftInvoice(fixture.responses['200'].body);
    expect(r.ok).to.equal(true);
  });
});
