import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressFromDraft,
  checkDraft,
  checkShippingAddress,
  emptyDraft,
  prefillDraft,
  useShippingAddress,
  type ShippingAddress,
} from '../../../src/core/index.js';

const office = { recipient: '王芳', phone: '021-60506050', address: '上海市浦东新区郭守敬路 498 号' };

describe('checkShippingAddress', () => {
  it('keeps a valid address, trimmed, and nothing else it was sent', () => {
    const check = checkShippingAddress({
      recipient: ' 王芳 ',
      phone: ' 021-60506050',
      address: office.address,
      courier: 'sf',
    });
    assert.deepEqual(check, { ok: true, value: office });
  });
  it('checks each field by the form’s rules, named as the form names it', () => {
    const codes = (input: unknown) => {
      const check = checkShippingAddress(input);
      return check.ok ? [] : check.errors.map(e => `${e.field}:${e.code}`);
    };
    assert.deepEqual(codes({ ...office, phone: 'call me' }), ['recipientPhone:phone-charset']);
    assert.deepEqual(codes({ ...office, address: '长'.repeat(200) }), ['postalAddress:too-long-bytes']);
    assert.deepEqual(codes({ ...office, recipient: '' }), ['recipient:required']);
    assert.deepEqual(codes({ ...office, recipient: 42 }), ['recipient:required']);
    assert.deepEqual(codes(null), ['recipient:required']);
    assert.deepEqual(codes([office]), ['recipient:required']);
  });
  it('an address that passes fills a paper draft without an error in its fields', () => {
    const check = checkShippingAddress(office);
    assert.ok(check.ok);
    const draft = useShippingAddress(emptyDraft({ delivery: 'paper', title: '康托索' }), check.value);
    const fields = new Set(['recipient', 'recipientPhone', 'postalAddress']);
    assert.deepEqual(
      checkDraft(draft).errors.filter(e => fields.has(e.field)),
      [],
    );
    assert.deepEqual(addressFromDraft(draft), office);
  });
});

describe('prefillDraft with an address book', () => {
  const book = (isDefault: boolean): ShippingAddress[] => [
    { id: 'SA-1', recipient: '李雷', phone: '13800138000', address: '北京市海淀区' },
    { id: 'SA-2', ...office, ...(isDefault ? { isDefault } : {}) },
  ];
  it('puts the default address in the paper fields, and leaves delivery as it was', () => {
    const prefill = prefillDraft({ profiles: [], requests: [], addresses: book(true) });
    assert.equal(prefill.addressId, 'SA-2');
    assert.equal(prefill.draft.delivery, 'electronic');
    assert.deepEqual(addressFromDraft(prefill.draft), office);
  });
  it('fills nothing without a default', () => {
    const prefill = prefillDraft({ profiles: [], requests: [], addresses: book(false) });
    assert.equal(prefill.addressId, undefined);
    assert.deepEqual(addressFromDraft(prefill.draft), { recipient: '', phone: '', address: '' });
  });
});
