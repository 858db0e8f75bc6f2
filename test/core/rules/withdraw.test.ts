import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  coreMessages,
  FAPIAO_REQUEST_STATUSES,
  LOCALES,
  WITHDRAW_BLOCK_CODES,
  withdrawBlocker,
} from '../../../src/core/node.js';

describe('withdrawBlocker: a request can be withdrawn until the seller starts issuing it', () => {
  it('takes a submitted request only, and says why not for every other status', () => {
    const outcome = Object.fromEntries(FAPIAO_REQUEST_STATUSES.map(status => [status, withdrawBlocker({ status })]));
    assert.deepEqual(outcome, {
      submitted: undefined,
      processing: 'issuing-started',
      issued: 'already-issued',
      mailed: 'already-issued',
      'ready-for-pickup': 'already-issued',
      rejected: 'closed',
      cancelled: 'closed',
      reversed: 'already-issued',
    });
  });
  it('says each reason in the three languages', () => {
    for (const locale of LOCALES)
      for (const code of WITHDRAW_BLOCK_CODES) assert.ok(coreMessages(locale).withdrawBlock[code].length > 10);
    assert.match(coreMessages('zh-CN').withdrawBlock['issuing-started'], /开票已开始，无法撤回/);
  });
});
