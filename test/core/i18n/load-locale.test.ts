import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// The browser entry: no language registered until one is loaded (each test file runs in a process of its own).
import {
  explainReason,
  hasCoreMessages,
  loadLocale,
  coreMessages,
  registerCoreMessages,
  type CoreMessages,
} from '../../../src/core/index.js';

const reason = { code: 'void', params: {} } as const;

describe('languages on demand (the core without the Node entry)', () => {
  it('says how to load a language that is not there, instead of answering in another one', () => {
    assert.equal(hasCoreMessages('nl'), false);
    assert.throws(() => explainReason(reason, 'nl'), /nl words are not loaded.*loadLocale\('nl'\)/);
  });

  it('loads one language, once, and answers in it synchronously afterwards', async () => {
    const first = await loadLocale('nl');
    assert.equal(await loadLocale('nl'), first, 'the same catalogue the second time');
    assert.match(explainReason(reason, 'nl'), /vervallen verklaard/);
    assert.equal(hasCoreMessages('en'), false, 'only the language asked for');
    assert.throws(() => explainReason(reason, 'en'), /en words are not loaded/);
  });

  it("takes a host's own catalogue (the last registration wins)", async () => {
    const zh = await loadLocale('zh-CN');
    const custom: CoreMessages = { ...zh, reason: { ...zh.reason, void: () => '此账单已作废（自定义）' } };
    registerCoreMessages('zh-CN', custom);
    assert.equal(coreMessages('zh-CN'), custom);
    assert.equal(explainReason(reason, 'zh-CN'), '此账单已作废（自定义）');
  });
});
