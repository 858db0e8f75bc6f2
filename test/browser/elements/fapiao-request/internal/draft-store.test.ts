import { expect } from '@open-wc/testing';
import { emptyDraft } from '../../../../../src/core/index.js';
import { DraftStore, fingerprint, keyFor } from '../../../../../src/elements/fapiao-request/internal/draft-store.js';

describe('DraftStore', () => {
  beforeEach(() => sessionStorage.clear());
  it('keeps the draft, the profile choice and the attempt across a reload', () => {
    const store = new DraftStore('t');
    const draft = emptyDraft({ title: '康托索' });
    store.save({ draft, saveProfile: true, attempt: { key: 'k-1234567', fingerprint: 'f' } });
    expect(new DraftStore('t').load()).to.deep.equal({
      draft,
      saveProfile: true,
      attempt: { key: 'k-1234567', fingerprint: 'f' },
    });
  });
  it('drops a tampered or stale entry instead of showing odd values', () => {
    for (const raw of ['{', 'null', '"x"', '{"draft":{"title":42}}', '{"draft":{"buyerKind":"alien"}}']) {
      sessionStorage.setItem('fapiao', raw);
      expect(new DraftStore('fapiao').load(), raw).to.equal(undefined);
    }
    sessionStorage.setItem('fapiao', '{"draft":{"title":"ok"},"saveProfile":"yes","attempt":{"key":1}}');
    expect(new DraftStore('fapiao').load()).to.deep.equal({ draft: emptyDraft({ title: 'ok' }), saveProfile: false });
  });
  it('works without storage (private mode, quota)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    const store = new DraftStore('x', broken);
    expect(store.load()).to.equal(undefined);
    store.save({ draft: emptyDraft(), saveProfile: false });
    store.clear();
  });
});

describe('idempotency keys', () => {
  it('reuse the key while the body is unchanged (in any key order) and take a new one when it changes', () => {
    const draft = emptyDraft({ title: 'a' });
    const print = fingerprint(['2', '1'], draft, false);
    expect(fingerprint(['1', '2'], { ...draft }, false)).to.equal(print);
    const first = keyFor({ draft, saveProfile: false }, print);
    expect(keyFor(first.stored, print).key).to.equal(first.key);
    expect(keyFor(first.stored, fingerprint(['1', '2'], draft, true)).key).to.not.equal(first.key);
  });
});
