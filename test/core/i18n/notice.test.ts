import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainNotice, parseFapiaoAccount } from '../../../src/core/node.js'; // the Node entry: every language registered

describe("an operator's stock-shortage notice", () => {
  const notice = { kind: 'stock-shortage', expectedIssueDate: '2026-12-03' } as const;
  it('says in three languages that stock is short and from which China day issuing resumes', () => {
    assert.equal(
      explainNotice(notice, 'zh-CN'),
      '发票库存不足，预计2026年12月3日起恢复开具。您现在仍可提交申请，我们将按顺序开具。',
    );
    assert.match(explainNotice(notice, 'en')!, /expected to be issued from Dec 3, 2026/);
    assert.match(explainNotice(notice, 'nl')!, /vanaf 3 dec\.? 2026/);
    assert.match(explainNotice({ kind: 'stock-shortage' }, 'en')!, /takes longer than usual/);
  });
  it('has no words for a kind it does not know (a newer server), and the account still decodes', () => {
    assert.equal(explainNotice({ kind: 'holiday-closure' }, 'en'), undefined);
    const account = parseFapiaoAccount({ state: 'registered', notices: [{ kind: 'holiday-closure' }, notice] });
    assert.equal(account.ok, true);
    assert.equal(
      parseFapiaoAccount({
        state: 'registered',
        notices: [{ kind: 'stock-shortage', expectedIssueDate: '2026-02-30' }],
      }).ok,
      false,
    );
  });
});
