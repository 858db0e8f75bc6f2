import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedFapiaoKinds,
  applyProfile,
  emptyDraft,
  updateDraft,
  type BuyerProfile,
} from '../../../src/core/index.js';

describe('updateDraft', () => {
  it('sets one field', () => {
    assert.equal(updateDraft(emptyDraft(), 'title', '阿里云').title, '阿里云');
  });
  it('gives an individual the ordinary Fapiao (a special one is for enterprises only)', () => {
    const special = updateDraft(emptyDraft(), 'fapiaoKind', 'special');
    assert.equal(special.fapiaoKind, 'special');
    assert.equal(updateDraft(special, 'buyerKind', 'individual').fapiaoKind, 'ordinary');
    assert.equal(
      updateDraft(updateDraft(emptyDraft(), 'buyerKind', 'individual'), 'fapiaoKind', 'special').fapiaoKind,
      'ordinary',
    );
  });
  it('asks again for the checksum confirmation when the tax ID changes', () => {
    const confirmed = updateDraft(emptyDraft(), 'acceptChecksumWarning', true);
    assert.equal(updateDraft(confirmed, 'title', 'x').acceptChecksumWarning, true);
    assert.equal(updateDraft(confirmed, 'taxId', '91350100M000100Y43').acceptChecksumWarning, false);
  });
  it('never changes the draft it was given', () => {
    const draft = emptyDraft();
    updateDraft(draft, 'title', 'x');
    assert.equal(draft.title, '');
  });
});

describe('applyProfile', () => {
  const profile: BuyerProfile = {
    id: 'p',
    buyerKind: 'enterprise',
    title: '康托索',
    taxId: '91310115MA1K4PQX2U',
    email: 'a@b.cn',
  };
  it('fills the buyer fields and the e-mail; clears fields the profile lacks; keeps the delivery', () => {
    const draft = applyProfile(emptyDraft({ address: 'old', delivery: 'paper', acceptChecksumWarning: true }), profile);
    assert.equal(draft.title, '康托索');
    assert.equal(draft.taxId, '91310115MA1K4PQX2U');
    assert.equal(draft.address, '');
    assert.equal(draft.email, 'a@b.cn');
    assert.equal(draft.delivery, 'paper');
    assert.equal(draft.acceptChecksumWarning, false);
  });
  it('applies the same buyer-kind rule as updateDraft', () => {
    const draft = applyProfile(emptyDraft({ fapiaoKind: 'special' }), {
      id: 'i',
      buyerKind: 'individual',
      title: '张三',
    });
    assert.equal(draft.fapiaoKind, 'ordinary');
    assert.deepEqual(allowedFapiaoKinds('individual'), ['ordinary']);
    assert.deepEqual(allowedFapiaoKinds('enterprise'), ['ordinary', 'special']);
  });
});
