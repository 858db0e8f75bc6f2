import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDraft, emptyDraft } from '../../../src/core/index.js';

describe('decodeDraft', () => {
  it('keeps known fields as typed and fills missing ones with their empty value', () => {
    const r = decodeDraft({ title: ' 康托索 ', buyerKind: 'individual', unknown: 'dropped' });
    assert.ok(r.ok);
    assert.deepEqual(r.value, emptyDraft({ title: ' 康托索 ', buyerKind: 'individual' }));
    assert.equal('unknown' in r.value, false);
  });
  it('refuses what is not an object', () => {
    for (const input of [null, undefined, 'draft', 42, [], true])
      assert.equal(decodeDraft(input).ok, false, String(input));
  });
  it('refuses a field of the wrong type, naming it', () => {
    const r = decodeDraft({ title: 12 });
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.issues[0]?.path, r.issues[0]?.code], ['$.title', 'type.string']);
    assert.equal(decodeDraft({ acceptChecksumWarning: 'yes' }).ok, false);
  });
  it('refuses choices outside their lists', () => {
    assert.equal(decodeDraft({ buyerKind: 'ministry' }).ok, false);
    assert.equal(decodeDraft({ fapiaoKind: 'red' }).ok, false);
    assert.equal(decodeDraft({ delivery: 'pigeon' }).ok, false);
  });
  it('refuses absurdly long text before any rule has to read it', () => {
    assert.equal(decodeDraft({ email: `${'a'.repeat(60_000)}@x.cn` }).ok, false);
    assert.equal(decodeDraft({ note: 'x'.repeat(1000) }).ok, true);
  });
});
