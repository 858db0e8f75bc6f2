import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// The browser entry: no language registered until one is loaded (each test file runs in a process of its own).
import { en as enBills } from '../../../src/core/i18n/bills/en.js';
import { en as enRequest } from '../../../src/core/i18n/request/en.js';
import { en as enAccount } from '../../../src/core/i18n/account/en.js';
import {
  explainDraftError,
  explainReason,
  explainRegistrationError,
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

  it("takes a language in its parts (a bills page's words first, the form's and registration's later); the whole needs all", () => {
    const draftError = { field: 'title', code: 'required', params: {} } as const;
    registerCoreMessages('en', enBills);
    assert.equal(hasCoreMessages('en', 'bills'), true);
    assert.equal(hasCoreMessages('en', 'request'), false);
    assert.equal(hasCoreMessages('en'), false, 'not the whole language yet');
    assert.match(explainReason(reason, 'en'), /voided/, "a bills page's words answer at once");
    assert.throws(() => explainDraftError(draftError, 'en'), /en words are not loaded/);
    assert.throws(() => coreMessages('en'), /en words are not loaded/);

    registerCoreMessages('en', enRequest);
    assert.equal(explainDraftError(draftError, 'en'), 'Enter the buyer name (title).');
    assert.equal(hasCoreMessages('en'), false, 'registration is a part of its own');
    const registrationError = { field: 'email', code: 'required', params: {} } as const;
    assert.throws(() => explainRegistrationError(registrationError, 'en'), /en words are not loaded/);
    registerCoreMessages('en', enAccount);
    assert.equal(hasCoreMessages('en'), true);
    assert.equal(explainRegistrationError(registrationError, 'en'), 'Enter the e-mail address.');
    assert.equal(coreMessages('en').reason, enBills.reason, 'the whole is the two parts together');
    assert.equal(coreMessages('en').draftError, enRequest.draftError);

    // A part registered again replaces that part only.
    const custom = { ...enBills, reason: { ...enBills.reason, void: () => 'Voided (custom)' } };
    registerCoreMessages('en', custom);
    assert.equal(explainReason(reason, 'en'), 'Voided (custom)');
    assert.equal(coreMessages('en').reason, custom.reason);
    assert.equal(coreMessages('en').draftError, enRequest.draftError);
  });
});
