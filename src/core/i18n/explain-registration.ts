// The words of a registration problem, fetched with <fapiao-account>.
import type { Locale } from './messages.js';
import { coreAccountMessages } from './catalogues.js';
import { formatChinaDateTime } from '../time/format-month.js';
import type { RegistrationError } from '../rules/account-registration.js';

/** A registration problem in words, the field named; `too-many-emails` shows its time in China time. */
export function explainRegistrationError(error: RegistrationError, locale: Locale): string {
  const messages = coreAccountMessages(locale);
  const p: Record<string, string | number> = { ...error.params, label: messages.registrationField[error.field] };
  if (typeof p.at === 'string') p.atText = formatChinaDateTime(p.at, locale);
  return messages.registrationError[error.code](p);
}
