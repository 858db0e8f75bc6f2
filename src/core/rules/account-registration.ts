import { EMAIL } from '../draft/fapiao-draft.js';
import { nextEmailAllowedAt } from './email-allowance.js';

/**
 * Registering a Fapiao account (21Vianet's process, docs/domain.md §1.3): the customer gives an order number from one of
 * their bills and an e-mail address, receives an activation link valid for 24 hours, may ask for it again (not too
 * often) and may register again with another address while the account is not active. The rules as data, checked the
 * same in the form and on the server.
 */
export const REGISTRATION_LIMITS = {
  orderNumberChars: 64,
  emailChars: 200,
  /** How long an activation link is valid. */
  activationHours: 24,
  /** The shortest wait between two activation e-mails. */
  resendSeconds: 60,
  /** At most this many activation e-mails in any 24 hours. */
  emailsPerDay: 5,
} as const;

export type RegistrationField = 'orderNumber' | 'email';
export const REGISTRATION_ERROR_CODES = [
  'required',
  'too-long-chars',
  'order-number-format',
  'email',
  // Known to the server only: the order number is not on any of the customer's bills, the account is already active,
  // too many e-mails were asked for.
  'order-number-unknown',
  'already-registered',
  'too-many-emails',
] as const;
export type RegistrationErrorCode = (typeof REGISTRATION_ERROR_CODES)[number];

export interface RegistrationError {
  readonly field: RegistrationField;
  readonly code: RegistrationErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface RegistrationInput {
  readonly orderNumber: string;
  readonly email: string;
}

export type RegistrationCheck =
  | { readonly ok: true; readonly value: RegistrationInput; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly RegistrationError[] };

/**
 * An order number as printed on the bill's PDF, as the customer may paste it: full-width characters (from a Chinese
 * document or input method) made half-width, spaces dropped, letters upper-case.
 */
export function normalizeOrderNumber(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9-]*$/;

/** The registration form's fields, checked as typed: every problem, by field, with a stable code. */
export function checkRegistration(input: RegistrationInput): RegistrationCheck {
  const errors: RegistrationError[] = [];
  const orderNumber = normalizeOrderNumber(input.orderNumber);
  const email = input.email.trim();
  if (!orderNumber) errors.push({ field: 'orderNumber', code: 'required' });
  else if (orderNumber.length > REGISTRATION_LIMITS.orderNumberChars)
    errors.push({
      field: 'orderNumber',
      code: 'too-long-chars',
      params: { max: REGISTRATION_LIMITS.orderNumberChars, actual: orderNumber.length },
    });
  else if (!ORDER_NUMBER.test(orderNumber)) errors.push({ field: 'orderNumber', code: 'order-number-format' });
  if (!email) errors.push({ field: 'email', code: 'required' });
  else if (email.length > REGISTRATION_LIMITS.emailChars)
    errors.push({
      field: 'email',
      code: 'too-long-chars',
      params: { max: REGISTRATION_LIMITS.emailChars, actual: email.length },
    });
  else if (!EMAIL.test(email)) errors.push({ field: 'email', code: 'email' });
  return errors.length ? { ok: false, errors } : { ok: true, value: { orderNumber, email }, errors: [] };
}

/** When the next activation e-mail may be sent (epoch ms), given when the earlier ones were; `undefined`: now. */
export function nextActivationEmailAt(sentAt: readonly number[], now: number): number | undefined {
  return nextEmailAllowedAt(sentAt, now, REGISTRATION_LIMITS);
}
