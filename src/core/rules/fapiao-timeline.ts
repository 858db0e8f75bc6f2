import type { FapiaoRequest } from '../model/fapiao.js';
import { ISSUED_REQUEST_STATUSES } from '../model/request-statuses.js';
import { holdsClaims } from './claims.js';
import { addChinaWorkingDays } from '../time/china-calendar.js';
import { chinaDateOf, type CalendarDate } from '../time/china-time.js';
import type { Eligibility } from './eligibility.js';
import { filingDeadline, type FilingDeadline } from './filing-deadline.js';

/** How many working days the seller takes to issue a Fapiao: 21Vianet's 2 (docs/domain.md §1.3). */
export const DEFAULT_ISSUE_WORKING_DAYS = 2;

/**
 * A bill's way to its Fapiao, as China days: from when it can be asked for, when it was, when the Fapiao was issued or
 * is expected (the seller's working days, holidays and 调休 counted), and the filing deadline of the tax period it
 * falls in, which is the buyer's to meet. Each step is absent when it cannot be known.
 */
export interface FapiaoTimeline {
  /** The first day a request is possible (payment plus the waiting days); absent without a payment date. */
  readonly availableFrom?: CalendarDate;
  /** The day the request was made. */
  readonly requestedOn?: CalendarDate;
  /**
   * The issue day: as it happened, or `expected` (the request's day, else the first day it can be made, plus the
   * seller's working days; `late` once that day has passed); absent when the count reaches an unpublished calendar.
   */
  readonly issue?: { readonly on: CalendarDate; readonly expected: boolean; readonly late?: boolean };
  /** The filing deadline of the issue day's tax period. */
  readonly filing?: FilingDeadline;
}

export interface TimelineInput {
  /** The bill's eligibility now (`checkEligibility`): its `eligibleFromDate`. */
  readonly eligibility: Pick<Eligibility, 'eligibleFromDate'>;
  /** The bill's request, if any; a withdrawn or rejected one counts as none. */
  readonly request?: Pick<FapiaoRequest, 'createdAt' | 'status' | 'fapiaos'>;
  readonly now: Date;
  /** The seller's issuing time in working days; `DEFAULT_ISSUE_WORKING_DAYS` when not given. */
  readonly issueWithinWorkingDays?: number;
}

/** The timeline of one bill (or of the bills of one request, which share it). Pure: `now` is passed in. */
export function fapiaoTimeline(input: TimelineInput): FapiaoTimeline {
  const today = chinaDateOf(input.now);
  const availableFrom = input.eligibility.eligibleFromDate;
  const request = input.request && holdsClaims(input.request) ? input.request : undefined;
  const requestedOn = request && chinaDateOf(request.createdAt);
  let issue: FapiaoTimeline['issue'];
  if (request && ISSUED_REQUEST_STATUSES.includes(request.status)) {
    const issuedAt = request.fapiaos[0]?.issuedAt;
    if (issuedAt) issue = { on: chinaDateOf(issuedAt), expected: false };
  } else {
    const start = requestedOn ?? (availableFrom && availableFrom > today ? availableFrom : today);
    const on = addChinaWorkingDays(start, input.issueWithinWorkingDays ?? DEFAULT_ISSUE_WORKING_DAYS);
    if (on) issue = on < today ? { on, expected: true, late: true } : { on, expected: true };
  }
  return {
    ...(availableFrom ? { availableFrom } : {}),
    ...(requestedOn ? { requestedOn } : {}),
    ...(issue ? { issue, filing: filingDeadline(issue.on.slice(0, 7)) } : {}),
  };
}
