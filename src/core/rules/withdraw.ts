import type { FapiaoRequest } from '../model/fapiao.js';

/**
 * Withdrawing a request (撤回) before it is issued (issue 15; Tencent Cloud allows it while the request waits, and
 * only then): a request still `submitted` can be withdrawn, and its bills can be requested again. Once the seller
 * has started issuing (`processing`) it cannot; an issued Fapiao is undone by a reissue or a red-letter reversal.
 */
export const WITHDRAW_BLOCK_CODES = ['issuing-started', 'already-issued', 'closed'] as const;
export type WithdrawBlockCode = (typeof WITHDRAW_BLOCK_CODES)[number];

/** Why this request cannot be withdrawn; `undefined` when it can. A withdrawn request is `closed` like a rejected one. */
export function withdrawBlocker(request: Pick<FapiaoRequest, 'status'>): WithdrawBlockCode | undefined {
  switch (request.status) {
    case 'submitted':
      return undefined;
    case 'processing':
      return 'issuing-started';
    case 'issued':
    case 'mailed':
    case 'ready-for-pickup':
    case 'reversed':
      return 'already-issued';
    default:
      return 'closed';
  }
}
