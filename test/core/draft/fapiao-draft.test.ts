import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDraft,
  draftFields,
  emptyDraft,
  explainDraftError,
  gbkByteLength,
  LOCALES,
  measureGbk,
  type FapiaoDraft,
} from '../../../src/core/node.js'; // the Node entry: every language registered

const errorsOf = (d: Partial<FapiaoDraft>) => checkDraft(emptyDraft(d)).errors.map(e => `${e.field}:${e.code}`);
const enterprise = { title: '阿里云计算有限公司', taxId: '91330106673959654P', email: 'finance@example.cn' };
const special = {
  ...enterprise,
  fapiaoKind: 'special' as const,
  address: '杭州市西湖区转塘科技经济区块12号',
  phone: '0571-85022088',
  bankName: '招商银行杭州分行',
  bankAccount: '571905434610702',
};

describe('GBK byte counting', () => {
  it('counts ASCII as 1 byte and Chinese as 2, not JS length', () => {
    assert.equal(gbkByteLength('阿里云计算有限公司'), 18);
    assert.equal(gbkByteLength('Alibaba Cloud'), 13);
    assert.equal(gbkByteLength('腾讯科技（深圳）有限公司'), 24);
    assert.equal(gbkByteLength('·—“”'), 8);
  });
  it('finds characters GBK cannot encode', () => {
    assert.deepEqual(measureGbk('云😀计算😀').unencodable, ['😀']);
    assert.deepEqual(measureGbk('한국').unencodable, ['한', '국']);
  });
});

describe('checkDraft: Fapiao field rules', () => {
  it('accepts an ordinary Fapiao for an enterprise with name and tax ID', () =>
    assert.deepEqual(errorsOf(enterprise), []));
  it('accepts an individual with a name only', () =>
    assert.deepEqual(errorsOf({ buyerKind: 'individual', title: '张三', email: 'z@example.cn' }), []));
  it('requires the tax ID for enterprises', () =>
    assert.deepEqual(errorsOf({ ...enterprise, taxId: '' }), ['taxId:tax-id-empty']));
  it("validates an individual's optional tax ID when given", () =>
    assert.deepEqual(errorsOf({ buyerKind: 'individual', title: '张三', email: 'z@example.cn', taxId: '123' }), [
      'taxId:tax-id-length',
    ]));
  it('allows special VAT Fapiao for enterprises only', () =>
    assert.deepEqual(errorsOf({ ...special, buyerKind: 'individual' }), ['fapiaoKind:special-requires-enterprise']));
  it('accepts a complete special VAT Fapiao', () => assert.deepEqual(errorsOf(special), []));
  it('requires address, phone, bank and account for special VAT Fapiao', () =>
    assert.deepEqual(errorsOf({ ...enterprise, fapiaoKind: 'special' }), [
      'address:required',
      'phone:required',
      'bankName:required',
      'bankAccount:required',
    ]));
  it('limits the title to 100 GBK bytes (50 Chinese characters)', () => {
    assert.deepEqual(errorsOf({ ...enterprise, title: '云'.repeat(50) }), []);
    const check = checkDraft(emptyDraft({ ...enterprise, title: '云'.repeat(51) }));
    assert.deepEqual(
      check.errors.map(e => [e.field, e.code, e.params]),
      [['title', 'too-long-bytes', { max: 100, actual: 102 }]],
    );
  });
  it('limits address + phone and bank + account to 100 GBK bytes together', () => {
    assert.deepEqual(errorsOf({ ...special, address: '上'.repeat(44) }), ['address:too-long-bytes']);
    assert.deepEqual(errorsOf({ ...special, bankName: '银'.repeat(43) }), ['bankName:too-long-bytes']);
  });
  it('rejects angle brackets, emoji, bad phone and account characters, bad email', () => {
    assert.deepEqual(errorsOf({ ...enterprise, title: '<b>公司</b>' }), ['title:angle-brackets']);
    assert.deepEqual(errorsOf({ ...enterprise, title: '公司😀' }), ['title:unencodable']);
    assert.deepEqual(errorsOf({ ...special, phone: 'call me' }), ['phone:phone-charset']);
    assert.deepEqual(errorsOf({ ...special, bankAccount: 'ABC' }), ['bankAccount:account-charset']);
    assert.deepEqual(errorsOf({ ...enterprise, email: 'not-an-email' }), ['email:email']);
  });
  it('needs a postal address for paper delivery, not an email', () => {
    assert.deepEqual(errorsOf({ ...enterprise, email: '', delivery: 'paper' }), [
      'recipient:required',
      'recipientPhone:required',
      'postalAddress:required',
    ]);
    assert.deepEqual(
      errorsOf({
        ...enterprise,
        email: '',
        delivery: 'paper',
        recipient: '李四',
        recipientPhone: '021-12345678',
        postalAddress: '上海市浦东新区科苑路88号',
      }),
      [],
    );
  });
  it('lets the user override a checksum warning on a well-formed code', () => {
    const draft = { ...enterprise, taxId: '91350100M0001TGQXM' };
    const blocked = checkDraft(emptyDraft(draft));
    assert.deepEqual(
      blocked.errors.map(e => e.code),
      ['tax-id-checksum'],
    );
    assert.equal(blocked.taxIdWarning?.expectedCheck, '1');
    const accepted = checkDraft(emptyDraft({ ...draft, acceptChecksumWarning: true }));
    assert.equal(accepted.ok, true);
    assert.ok(accepted.taxIdWarning, 'the warning is still reported so the UI can show it');
  });
  it('says a resident ID with a wrong check digit is a typo, with the digit, and offers no override', () => {
    const check = checkDraft(emptyDraft({ ...enterprise, taxId: '110101199003074518' }));
    assert.deepEqual(
      check.errors.map(e => [e.code, e.params.expected]),
      [['tax-id-check-digit', '4']],
    );
    assert.equal(check.taxIdWarning, undefined);
    assert.equal(
      explainDraftError(check.errors[0]!, 'en'),
      'The last character of this number does not match its check rule (it would be 4); please look for a typo.',
    );
  });
  it('reports usage for live counters', () => {
    assert.deepEqual(checkDraft(emptyDraft(special)).usage, { title: 18, addressPhone: 45, bankAccount: 31, note: 0 });
  });
  it('lists the fields for each combination', () => {
    assert.deepEqual(draftFields({ buyerKind: 'individual', fapiaoKind: 'ordinary', delivery: 'electronic' }), [
      'buyerKind',
      'fapiaoKind',
      'title',
      'taxId',
      'delivery',
      'email',
      'note',
    ]);
    assert.ok(
      draftFields({ buyerKind: 'enterprise', fapiaoKind: 'special', delivery: 'paper' }).includes('bankAccount'),
    );
  });
  it('explains every error in the three locales with the field name', () => {
    const check = checkDraft(emptyDraft({ ...enterprise, title: '' }));
    const texts = LOCALES.map(l => explainDraftError(check.errors[0]!, l));
    assert.deepEqual(texts, ['请填写发票抬头。', 'Enter the buyer name (title).', 'Vul naam koper (titel) in.']);
  });
});
