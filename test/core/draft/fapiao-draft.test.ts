import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDraft,
  COURIERS,
  DEFAULT_DELIVERY_OPTIONS,
  DELIVERY_KINDS,
  draftFields,
  emailList,
  offeredDeliveryKinds,
  offers,
  type DeliveryOptions,
  emptyDraft,
  buyerFromDraft,
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
  it("leaves a 专票's address and bank to the seller: optional by its policy, then checked only where given", () => {
    const optional = { specialBuyerDetails: 'optional' } as const;
    const errors = (d: Partial<FapiaoDraft>) =>
      checkDraft(emptyDraft(d), DEFAULT_DELIVERY_OPTIONS, optional).errors.map(e => `${e.field}:${e.code}`);
    assert.deepEqual(errors({ ...enterprise, fapiaoKind: 'special' }), [], 'the platform asks for none of the four');
    assert.deepEqual(errors({ ...special, bankName: '', bankAccount: '' }), [], 'the address and phone alone');
    // What is given still obeys the Fapiao's rules: characters, and the two lines' 100 GBK bytes.
    assert.deepEqual(errors({ ...enterprise, fapiaoKind: 'special', phone: 'call me' }), ['phone:phone-charset']);
    assert.deepEqual(errors({ ...special, address: '上'.repeat(44) }), ['address:too-long-bytes']);
    assert.deepEqual(errors({ ...enterprise, fapiaoKind: 'special', bankAccount: 'ABC' }), [
      'bankAccount:account-charset',
    ]);
    // Still enterprises only, and the tax ID still required: the policy is about the four details, nothing else.
    assert.deepEqual(errors({ ...special, buyerKind: 'individual' }), ['fapiaoKind:special-requires-enterprise']);
    assert.deepEqual(errors({ ...enterprise, fapiaoKind: 'special', taxId: '' }), ['taxId:tax-id-empty']);
    // The buyer keeps what was given, no empty fields.
    assert.deepEqual(buyerFromDraft(emptyDraft({ ...enterprise, fapiaoKind: 'special', phone: ' 0571-85022088 ' })), {
      buyerKind: 'enterprise',
      title: enterprise.title,
      taxId: enterprise.taxId,
      phone: '0571-85022088',
    });
    // The default is the stricter rule, as before.
    assert.deepEqual(
      checkDraft(emptyDraft({ ...enterprise, fapiaoKind: 'special' })).errors.map(e => e.code),
      ['required', 'required', 'required', 'required'],
    );
  });
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
  it('takes several e-mail addresses, as people separate them, naming one that is not an address', () => {
    assert.deepEqual(emailList(' a@b.cn, c@d.cn；e@f.cn、 g@h.cn ;A@B.cn '), {
      addresses: ['a@b.cn', 'c@d.cn', 'e@f.cn', 'g@h.cn'],
      invalid: [],
    });
    assert.deepEqual(errorsOf({ ...enterprise, email: 'a@b.cn，c@d.cn' }), []);
    const bad = checkDraft(emptyDraft({ ...enterprise, email: 'a@b.cn, c-at-d.cn' })).errors;
    assert.deepEqual(
      bad.map(e => [e.code, e.params]),
      [['email', { address: 'c-at-d.cn' }]],
    );
    assert.equal(explainDraftError(bad[0]!, 'zh-CN'), '邮箱地址 c-at-d.cn 无效，请检查。');
    const six = Array.from({ length: 6 }, (_, i) => `u${i}@b.cn`).join(',');
    assert.deepEqual(errorsOf({ ...enterprise, email: six }), ['email:too-many-addresses']);
  });
  it('takes SF or Yunda for the courier, and a pick-up needs who collects but no address', () => {
    const courier = {
      ...enterprise,
      delivery: 'paper' as const,
      recipient: '李四',
      recipientPhone: '021-12345678',
      postalAddress: '上海市浦东新区科苑路88号',
    };
    assert.deepEqual(errorsOf({ ...courier, courier: 'yunda' }), []);
    const branch = { name: '上海分公司', address: '上海市浦东新区科苑路 88 号', phone: '400-089-0365' };
    const withPickup = { kinds: DELIVERY_KINDS, couriers: COURIERS, pickup: branch };
    assert.deepEqual(
      checkDraft(emptyDraft({ ...enterprise, delivery: 'pickup' }), withPickup).errors.map(e => `${e.field}:${e.code}`),
      ['recipient:required', 'recipientPhone:required'],
    );
    assert.deepEqual(draftFields({ buyerKind: 'enterprise', fapiaoKind: 'ordinary', delivery: 'pickup' }).slice(-3), [
      'recipient',
      'recipientPhone',
      'note',
    ]);
    assert.deepEqual(
      draftFields({ buyerKind: 'enterprise', fapiaoKind: 'ordinary', delivery: 'paper' }).slice(-5, -1),
      ['courier', 'recipient', 'recipientPhone', 'postalAddress'],
    );
    assert.deepEqual(errorsOf({ ...courier, recipientPhone: '0'.repeat(21) }), ['recipientPhone:too-long-chars']);
  });
  it('refuses a delivery the seller does not offer: pick-up without a branch, a courier not listed', () => {
    const pickup = { ...enterprise, delivery: 'pickup' as const, recipient: '李四', recipientPhone: '13800000000' };
    const check = (d: Partial<FapiaoDraft>, options: DeliveryOptions) =>
      checkDraft(emptyDraft(d), options).errors.map(e => `${e.field}:${e.code}`);
    // The default offers e-mail and courier only: a pick-up needs the seller's branch.
    assert.deepEqual(errorsOf(pickup), ['delivery:delivery-not-offered']);
    const branch = { name: '上海分公司', address: '上海市浦东新区科苑路 88 号', phone: '400-089-0365' };
    assert.deepEqual(check(pickup, { kinds: ['electronic', 'pickup'], couriers: [], pickup: branch }), []);
    assert.deepEqual(check(pickup, { kinds: ['electronic'], couriers: COURIERS, pickup: branch }), [
      'delivery:delivery-not-offered',
    ]);
    const yunda = {
      ...pickup,
      delivery: 'paper' as const,
      courier: 'yunda' as const,
      postalAddress: '上海市浦东新区科苑路88号',
    };
    assert.deepEqual(check(yunda, { kinds: ['paper'], couriers: ['sf'] }), ['courier:delivery-not-offered']);
    assert.deepEqual(offeredDeliveryKinds({ kinds: DELIVERY_KINDS, couriers: [] }), ['electronic']);
    assert.deepEqual(offeredDeliveryKinds(DEFAULT_DELIVERY_OPTIONS), ['electronic', 'paper']);
    assert.ok(offers({ kinds: DELIVERY_KINDS, couriers: COURIERS, pickup: branch }, emptyDraft(pickup)));
    assert.deepEqual(
      LOCALES.map(l => explainDraftError({ field: 'delivery', code: 'delivery-not-offered', params: {} }, l)),
      [
        '销售方不提供此交付方式，请另选一种。',
        'The seller does not offer this delivery; please choose another.',
        'De verkoper biedt deze levering niet aan; kies een andere.',
      ],
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
