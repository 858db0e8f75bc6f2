import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDraft,
  draftFromRequest,
  prefillDraft,
  type BuyerProfile,
  type FapiaoRequest,
} from '../../../src/core/index.js';

const TAX_ID = '91330106673959654P';
const request = (over: Partial<FapiaoRequest>): FapiaoRequest => ({
  id: 'REQ-1',
  invoiceIds: ['INV-1'],
  invoiceNumbers: ['1'],
  fapiaoKind: 'ordinary',
  buyer: { buyerKind: 'enterprise', title: '阿里云计算有限公司', taxId: TAX_ID },
  delivery: 'electronic',
  email: 'finance@aliyun.example',
  status: 'issued',
  history: [],
  fapiaos: [],
  createdAt: '2026-10-01T02:00:00Z',
  ...over,
});
const profile = (over: Partial<BuyerProfile>): BuyerProfile => ({
  id: 'BP-1',
  buyerKind: 'enterprise',
  title: '腾讯科技（深圳）有限公司',
  taxId: '9144030071526726XG',
  ...over,
});

describe('prefillDraft: what a returning customer finds in the form', () => {
  it('gives a first-time customer the account e-mail only, with "save these details" on', () => {
    const p = prefillDraft({ profiles: [], requests: [], accountEmail: 'a@contoso.cn' });
    assert.equal(p.from, 'account');
    assert.equal(p.draft.title, '');
    assert.equal(p.draft.email, 'a@contoso.cn');
    assert.equal(p.saveProfile, true);
  });
  it('takes the buyer and e-mail of the latest request that went through (not a rejected one)', () => {
    const p = prefillDraft({
      profiles: [],
      requests: [
        request({ id: 'old', createdAt: '2026-01-01T00:00:00Z', buyer: { buyerKind: 'individual', title: '张三' } }),
        request({ id: 'new' }),
        request({
          id: 'rejected',
          status: 'rejected',
          createdAt: '2026-11-01T00:00:00Z',
          buyer: { buyerKind: 'individual', title: '写错了' },
        }),
      ],
      accountEmail: 'account@contoso.cn',
    });
    assert.equal(p.from, 'request');
    assert.deepEqual(
      [p.draft.buyerKind, p.draft.title, p.draft.taxId, p.draft.email],
      ['enterprise', '阿里云计算有限公司', TAX_ID, 'finance@aliyun.example'],
    );
  });
  it('prefers the saved profile of the last request’s buyer, else the newest saved one; saving starts off', () => {
    const used = profile({ id: 'BP-used', title: '阿里云计算有限公司', taxId: TAX_ID });
    const newest = profile({ id: 'BP-new' });
    const p = prefillDraft({ profiles: [used, newest], requests: [request({})] });
    assert.equal(p.profileId, 'BP-used');
    assert.equal(p.saveProfile, false);
    assert.equal(prefillDraft({ profiles: [used, newest], requests: [] }).profileId, 'BP-new');
  });
  it('starts from the default title the customer chose, over the one last used', () => {
    const used = profile({ id: 'BP-used', title: '阿里云计算有限公司', taxId: TAX_ID });
    const chosen = profile({ id: 'BP-default', isDefault: true });
    const p = prefillDraft({ profiles: [chosen, used], requests: [request({})] });
    assert.equal(p.profileId, 'BP-default');
    assert.equal(p.draft.title, '腾讯科技（深圳）有限公司');
    assert.equal(p.from, 'profile');
  });
  it('keeps a profile’s own e-mail, else the request’s, else the account’s', () => {
    const withMail = profile({ email: 'p@tencent.example' });
    assert.equal(prefillDraft({ profiles: [withMail], requests: [] }).draft.email, 'p@tencent.example');
    assert.equal(prefillDraft({ profiles: [profile({})], requests: [], accountEmail: 'x@y.cn' }).draft.email, 'x@y.cn');
  });
});

describe('draftFromRequest: a rejected request back in the form', () => {
  it('keeps buyer, Fapiao kind, paper delivery and note, and passes the field rules', () => {
    // A paper request keeps no e-mail.
    const { email: _email, ...paper } = request({
      status: 'rejected',
      fapiaoKind: 'special',
      buyer: {
        buyerKind: 'enterprise',
        title: '阿里云计算有限公司',
        taxId: TAX_ID,
        address: '杭州市西湖区转塘科技经济区块12号',
        phone: '0571-85022088',
        bankName: '招商银行杭州分行',
        bankAccount: '571905434610702',
      },
      delivery: 'paper',
      shipping: { recipient: '王芳', phone: '021-60506050', address: '上海市浦东新区郭守敬路 498 号' },
      note: '请注明项目编号',
    });
    const draft = draftFromRequest(paper);
    assert.equal(draft.fapiaoKind, 'special');
    assert.deepEqual(
      [draft.delivery, draft.recipient, draft.postalAddress, draft.note],
      ['paper', '王芳', '上海市浦东新区郭守敬路 498 号', '请注明项目编号'],
    );
    assert.deepEqual(checkDraft(draft).errors, []);
  });
});
