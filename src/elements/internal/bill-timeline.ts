import { nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../core/i18n/index.js';
import type { FapiaoAccount, FapiaoRequest } from '../../core/model/fapiao.js';
import type { Invoice } from '../../core/model/invoice.js';
import { holdsClaims } from '../../core/rules/claims.js';
import { requestsNaming, type Eligibility } from '../../core/rules/eligibility.js';
import { DEFAULT_ISSUE_WORKING_DAYS, fapiaoTimeline } from '../../core/rules/fapiao-timeline.js';
import { chinaDateOf } from '../../core/time/china-time.js';
import { renderTimeline } from '../fapiao-request/internal/timeline.js';
import { isLocaleLoaded, loadElementsLocale, requestMessages } from '../locales/index.js';

// In <fapiao-request>'s chunk (which re-exports it), fetched after a bills page's first render: the page's first
// render carries neither China's calendars nor the filing deadlines, and a bill's details ask for no chunk of their own
// (one more entry point split the first render's shared code into 9 chunks: 35,172 bytes instead of 33,996).

/**
 * A bill's way to its Fapiao in its details: requested on (or, not yet, the first day it can be), issued on or
 * expected by (the seller's working days over China's holidays and 调休), and the buyer's filing deadline for that
 * month. Nothing for a bill that cannot get a Fapiao; nothing before its words (the form's part) are in, which it
 * fetches, calling `onWords` once they are.
 */
export function renderBillTimeline(
  input: {
    readonly invoice: Invoice;
    readonly eligibility: Eligibility;
    readonly state: string;
    readonly requests: readonly FapiaoRequest[];
    readonly account: FapiaoAccount | undefined;
    readonly now: Date;
  },
  locale: Locale,
  onWords: () => void,
): TemplateResult | typeof nothing {
  if (!['eligible', 'eligible-from', 'requested', 'issued'].includes(input.state)) return nothing;
  if (!isLocaleLoaded(locale, ['request'])) {
    loadElementsLocale(locale, ['request']).then(onWords, () => {});
    return nothing;
  }
  // The latest request holding the bill (requests by amount may share one); none while it is still to be asked for.
  const request = input.eligibility.eligible
    ? undefined
    : requestsNaming(input.requests, input.invoice.id)
        .filter(r => holdsClaims(r) && Boolean(r.createdAt))
        .reduce<FapiaoRequest | undefined>((a, r) => (a && a.createdAt > r.createdAt ? a : r), undefined);
  const days = input.account?.issueWithinWorkingDays ?? DEFAULT_ISSUE_WORKING_DAYS;
  const timeline = fapiaoTimeline({
    eligibility: input.eligibility,
    ...(request ? { request } : {}),
    now: input.now,
    issueWithinWorkingDays: days,
  });
  const today = chinaDateOf(input.now);
  const from = timeline.availableFrom && timeline.availableFrom > today ? timeline.availableFrom : today;
  return renderTimeline(
    timeline,
    days,
    requestMessages(locale),
    locale,
    timeline.requestedOn ? { requestedOn: timeline.requestedOn } : { ifRequestedOn: from },
  );
}
