// The words of a request's problems: the draft's, the e-mail's, the reissue's, and the operator's notices. A module
// of its own, fetched with the form: a bills page's first render explains bills only.
import type { Locale, Message } from './messages.js';
import { coreRequestMessages } from './catalogues.js';
import type { DraftError } from '../draft/fapiao-draft.js';
import { formatChinaDate, type DateFormatter } from '../time/format-date.js';
import { formatChinaDateTime } from '../time/format-month.js';
import type { FapiaoEmailError } from '../rules/fapiao-email.js';
import type { ReissueBlock } from '../rules/reissue.js';
import type { ServiceNotice } from '../model/fapiao.js';

export function explainDraftError(error: DraftError, locale: Locale): string {
  const messages = coreRequestMessages(locale);
  return messages.draftError[error.code]({ ...error.params, label: messages.field[error.field] });
}

/** Why an issued Fapiao cannot be e-mailed (again) now, in words; `too-many-emails` says from when, in China time. */
export function explainFapiaoEmailError(error: FapiaoEmailError, locale: Locale): string {
  const p: Record<string, string | number> = { ...error.params };
  if (typeof p.at === 'string') p.atText = formatChinaDateTime(p.at, locale);
  return coreRequestMessages(locale).fapiaoEmailError[error.code](p);
}

/** Why a reissue cannot be asked for, in words; `window-passed` gives its last day on China's calendar. */
export function explainReissueBlock(block: ReissueBlock, locale: Locale, formatDay: DateFormatter = formatChinaDate) {
  const p: Record<string, string | number> = { ...block.params };
  if (typeof p.until === 'string') p.untilText = formatDay(p.until, locale);
  return coreRequestMessages(locale).reissueBlock[block.code](p);
}

/**
 * An operator's notice in words, its expected issue date on China's calendar; `undefined` for a kind the core has no
 * words for (a newer server's), which the elements then leave out rather than show half.
 */
export function explainNotice(notice: ServiceNotice, locale: Locale, formatDay: DateFormatter = formatChinaDate) {
  const words = (coreRequestMessages(locale).notice as Record<string, Message | undefined>)[notice.kind];
  return words?.(notice.expectedIssueDate ? { onText: formatDay(notice.expectedIssueDate, locale) } : {});
}
