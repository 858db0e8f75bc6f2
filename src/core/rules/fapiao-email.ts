import { DRAFT_LIMITS, emailList } from '../draft/fapiao-draft.js';
import type { FapiaoRequest } from '../model/fapiao.js';
import { ISSUED_REQUEST_STATUSES } from '../model/request-statuses.js';
import { nextEmailAllowedAt } from './email-allowance.js';

/**
 * Sending an issued e-Fapiao again (the customer lost the e-mail, or gave a wrong address): to the request's address or
 * another, not too often. The rules as data, the same in `<fapiao-request>` and on the server.
 */
export const FAPIAO_EMAIL_LIMITS = {
  /** The whole list of addresses, as the form's e-mail field takes it. */
  emailChars: DRAFT_LIMITS.emailChars,
  /** The shortest wait between two e-mails of one request. */
  resendSeconds: 60,
  /** At most this many e-mails of one request in any 24 hours. */
  emailsPerDay: 5,
} as const;

export const FAPIAO_EMAIL_ERROR_CODES = [
  'not-issued',
  'reversed',
  'required',
  'too-long-chars',
  'email',
  'too-many-addresses',
  'too-many-emails',
] as const;
export type FapiaoEmailErrorCode = (typeof FAPIAO_EMAIL_ERROR_CODES)[number];

export interface FapiaoEmailError {
  readonly code: FapiaoEmailErrorCode;
  /** `at` (ISO instant) for `too-many-emails`; `max` and `actual` for `too-long-chars`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type FapiaoEmailCheck =
  { readonly ok: true; readonly to: string } | { readonly ok: false; readonly error: FapiaoEmailError };

/** When the request's next e-mail may go (epoch ms), from the ones it went out with; `undefined`: now. */
export function nextFapiaoEmailAt(request: Pick<FapiaoRequest, 'emails'>, now: number): number | undefined {
  return nextEmailAllowedAt(
    (request.emails ?? []).map(e => Date.parse(e.sentAt)),
    now,
    FAPIAO_EMAIL_LIMITS,
  );
}

/** Why a request has nothing to e-mail whatever the address and time: not issued (yet), or every Fapiao reversed. */
export function fapiaoEmailBlocker(
  request: Pick<FapiaoRequest, 'status' | 'fapiaos'>,
): 'not-issued' | 'reversed' | undefined {
  const valid = request.fapiaos.some(f => !f.reversedBy);
  if (request.status === 'reversed' || (request.fapiaos.length > 0 && !valid)) return 'reversed';
  if (!ISSUED_REQUEST_STATUSES.includes(request.status) || !valid) return 'not-issued';
  return undefined;
}

/**
 * Whether the request's Fapiao can be e-mailed to `to` (the request's own addresses when empty; a list as the form takes
 * it) at `now`: only issued, not reversed, Fapiao, to well-formed addresses, within the allowance. The first problem, with a stable code.
 */
export function checkFapiaoEmail(request: FapiaoRequest, to: string, now: number): FapiaoEmailCheck {
  const fail = (code: FapiaoEmailErrorCode, params?: Record<string, string | number>): FapiaoEmailCheck => ({
    ok: false,
    error: { code, ...(params ? { params } : {}) },
  });
  const blocker = fapiaoEmailBlocker(request);
  if (blocker) return fail(blocker);
  const address = to.trim() || request.email?.trim() || '';
  if (!address) return fail('required');
  if (address.length > FAPIAO_EMAIL_LIMITS.emailChars)
    return fail('too-long-chars', { max: FAPIAO_EMAIL_LIMITS.emailChars, actual: address.length });
  const list = emailList(address);
  if (list.invalid.length) return fail('email', { address: list.invalid[0]! });
  if (list.addresses.length > DRAFT_LIMITS.emailAddresses)
    return fail('too-many-addresses', { max: DRAFT_LIMITS.emailAddresses, actual: list.addresses.length });
  const next = nextFapiaoEmailAt(request, now);
  if (next !== undefined) return fail('too-many-emails', { at: new Date(next).toISOString() });
  return { ok: true, to: list.addresses.join(', ') };
}
