import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBuyerProfile, checkDraft, emptyDraft } from '../../../src/core/index.js';

const TAX_ID = '91330106673959654P';
const codes = (input: unknown) => {
  const r = checkBuyerProfile(input);
  return r.ok ? [] : r.errors.map(e => `${e.field}:${e.code}`);
};

describe('checkBuyerProfile: a saved profile obeys the form rules', () => {
  it('keeps an enterprise title and tax ID, trimmed and normalised, empties left out', () => {
    const r = checkBuyerProfile({
      buyerKind: 'enterprise',
      title: ' 阿里云计算有限公司 ',
      taxId: TAX_ID.toLowerCase(),
      phone: '',
    });
    assert.deepEqual(r, { ok: true, value: { buyerKind: 'enterprise', title: '阿里云计算有限公司', taxId: TAX_ID } });
  });
  it('asks for all four special-Fapiao fields once one is given', () => {
    assert.deepEqual(codes({ buyerKind: 'enterprise', title: '阿里云', taxId: TAX_ID, address: '杭州' }), [
      'phone:required',
      'bankName:required',
      'bankAccount:required',
    ]);
  });
  it("takes the seller's policy: with the 专票 details optional, a profile may hold some of them", () => {
    const profile = { buyerKind: 'enterprise', title: '阿里云', taxId: TAX_ID, address: '杭州' };
    assert.deepEqual(checkBuyerProfile(profile, { specialBuyerDetails: 'optional' }), {
      ok: true,
      value: { buyerKind: 'enterprise', title: '阿里云', taxId: TAX_ID, address: '杭州' },
    });
    const bad = checkBuyerProfile({ ...profile, bankAccount: 'ABC' }, { specialBuyerDetails: 'optional' });
    assert.deepEqual(bad.ok ? [] : bad.errors.map(e => `${e.field}:${e.code}`), ['bankAccount:account-charset']);
  });
  it('checks an e-mail only when one is given', () => {
    assert.deepEqual(codes({ buyerKind: 'individual', title: '张三' }), []);
    assert.deepEqual(codes({ buyerKind: 'individual', title: '张三', email: 'not-an-address' }), ['email:email']);
  });
  it('refuses what is not a profile: no title, wrong types, arrays, null', () => {
    assert.deepEqual(codes({ buyerKind: 'enterprise', taxId: TAX_ID }), ['title:required']);
    assert.equal(checkBuyerProfile({ buyerKind: 'enterprise', title: 42 }).ok, false);
    assert.equal(checkBuyerProfile([]).ok, false);
    assert.equal(checkBuyerProfile(null).ok, false);
  });
  it('refuses control characters, which would break the Fapiao XML', () => {
    assert.deepEqual(codes({ buyerKind: 'individual', title: '张\u0000三' }), ['title:control-characters']);
    assert.deepEqual(codes({ buyerKind: 'individual', title: '张三\n' }), ['title:control-characters']);
  });
});

describe('checkDraft: control characters and hostile lengths', () => {
  it('allows line feeds only in the note and the postal address', () => {
    const base = emptyDraft({ buyerKind: 'individual', title: '张三', email: 'a@example.cn' });
    assert.deepEqual(checkDraft({ ...base, note: '第一行\n第二行' }).errors, []);
    assert.deepEqual(
      checkDraft({ ...base, note: 'bell\u0007' }).errors.map(e => e.code),
      ['control-characters'],
    );
    assert.deepEqual(
      checkDraft({ ...base, title: '\ud800张三' }).errors.map(e => `${e.field}:${e.code}`),
      ['title:control-characters'],
    );
  });
  it('checks the length of an e-mail before its pattern (a 60 KB address once held the event loop for 2 s)', () => {
    const errors = checkDraft(
      emptyDraft({ buyerKind: 'individual', title: '张三', email: `${'a.'.repeat(30_000)}@` }),
    ).errors;
    assert.deepEqual(
      errors.map(e => e.code),
      ['too-long-chars'],
    );
    assert.deepEqual(
      checkDraft(emptyDraft({ buyerKind: 'individual', title: '张三', email: 'a@b..cn' })).errors.map(e => e.code),
      ['email'],
    );
  });
});
