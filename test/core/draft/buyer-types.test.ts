import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedFapiaoKinds,
  BUYER_KIND_CODES,
  BUYER_KINDS,
  buyerFromDraft,
  checkBuyerProfile,
  checkDraft,
  decodeDraft,
  emptyDraft,
  explainDraftError,
  parseFapiaoRequest,
  updateDraft,
} from '../../../src/core/node.js'; // the Node entry: every language registered
import { issuedRequest } from '../../helpers/requests.js';

// A resident ID number of the national standard's example shape, its check digit computed (docs/domain.md §3.2).
const PERSON_ID = '11010519491231002X';

describe('the four buyer types of the 数电 issuing APIs', () => {
  it('are enterprise, government or public institution, individual and other, with the APIs’ codes 01–04', () => {
    assert.deepEqual(BUYER_KINDS, ['enterprise', 'government', 'individual', 'other']);
    assert.deepEqual(
      BUYER_KINDS.map(k => BUYER_KIND_CODES[k]),
      ['01', '02', '03', '04'],
    );
    for (const kind of BUYER_KINDS) {
      const decoded = decodeDraft({ buyerKind: kind });
      assert.ok(decoded.ok && decoded.value.buyerKind === kind, kind);
    }
    assert.equal(decodeDraft({ buyerKind: 'martian' }).ok, false);
  });
  it('a special VAT Fapiao for enterprises only; a tax ID required of an enterprise, checked if another gives one', () => {
    assert.deepEqual(
      BUYER_KINDS.map(k => allowedFapiaoKinds(k).includes('special')),
      [true, false, false, false],
    );
    const government = emptyDraft({ buyerKind: 'government', title: '上海市浦东新区财政局', email: 'a@b.cn' });
    assert.equal(checkDraft(government).ok, true, 'no tax ID needed');
    assert.deepEqual(
      checkDraft({ ...government, fapiaoKind: 'special' }).errors.map(e => e.code),
      ['special-requires-enterprise', 'required', 'required', 'required', 'required'],
    );
    assert.deepEqual(
      checkDraft({ ...government, taxId: '12345' }).errors.map(e => e.code),
      ['tax-id-length'],
    );
  });
});

describe('the natural-person flag (自然人标识)', () => {
  const person = emptyDraft({ buyerKind: 'individual', title: '张三', email: 'zhangsan@example.cn' });
  it('asks the person’s own tax ID, in words that say why', () => {
    const flagged = updateDraft(person, 'naturalPerson', true);
    const errors = checkDraft(flagged).errors;
    assert.deepEqual(
      errors.map(e => `${e.field}:${e.code}`),
      ['taxId:natural-person-tax-id'],
    );
    assert.match(explainDraftError(errors[0]!, 'zh-CN'), /本人的纳税人识别号/);
    assert.equal(checkDraft({ ...flagged, taxId: PERSON_ID }).ok, true);
    assert.equal(checkDraft(person).ok, true, 'without the flag an individual needs no tax ID');
  });
  it('is for individuals only: another buyer type clears it', () => {
    const flagged = updateDraft(person, 'naturalPerson', true);
    assert.equal(updateDraft(flagged, 'buyerKind', 'enterprise').naturalPerson, false);
    assert.equal(updateDraft(flagged, 'buyerKind', 'other').naturalPerson, false);
  });
  it('travels with the buyer, a saved profile and a request as read back', () => {
    const flagged = { ...updateDraft(person, 'naturalPerson', true), taxId: PERSON_ID };
    assert.deepEqual(buyerFromDraft(flagged), {
      buyerKind: 'individual',
      title: '张三',
      taxId: PERSON_ID,
      naturalPerson: true,
    });
    assert.equal(buyerFromDraft({ ...flagged, buyerKind: 'other' }).naturalPerson, undefined);
    const profile = checkBuyerProfile({
      buyerKind: 'individual',
      title: '张三',
      taxId: PERSON_ID,
      naturalPerson: true,
    });
    assert.ok(profile.ok && profile.value.naturalPerson === true);
    const read = parseFapiaoRequest({ ...issuedRequest, buyer: buyerFromDraft(flagged) });
    assert.ok(read.ok && read.value.buyer.naturalPerson === true);
    assert.equal(
      parseFapiaoRequest({ ...issuedRequest, buyer: { ...issuedRequest.buyer, naturalPerson: 'yes' } }).ok,
      false,
    );
  });
});
