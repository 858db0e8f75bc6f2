import { html, nothing, type TemplateResult } from 'lit';
import type { FapiaoTimeline } from '../../../core/rules/fapiao-timeline.js';
import { formatChinaDate } from '../../../core/time/format-date.js';
import { formatChinaMonth } from '../../../core/time/format-month.js';
import type { Locale } from '../../../core/i18n/index.js';
import type { RequestMessages } from './messages.js';

/**
 * A request's way to its Fapiao in words (the core's `fapiaoTimeline`): asked today (in the form), the issue day
 * expected from the seller's working days or as it happened, and the filing deadline of that tax period. Steps the
 * core could not know (a calendar not yet published) are left out, never guessed.
 */
export function renderTimeline(
  timeline: FapiaoTimeline,
  workingDays: number,
  m: RequestMessages,
  locale: Locale,
  options: {
    readonly today?: boolean;
    /** A bill's timeline: the day it was requested, or (not yet) the first day it can be, which the rest follows. */
    readonly requestedOn?: string;
    readonly ifRequestedOn?: string;
  } = {},
): TemplateResult | typeof nothing {
  const { issue, filing } = timeline;
  if (!issue) return nothing;
  const day = (date: string) => formatChinaDate(date, locale);
  const issueText = !issue.expected
    ? m.timelineIssued(day(issue.on))
    : issue.late
      ? m.timelineLate(day(issue.on))
      : m.timelineExpected(day(issue.on), workingDays);
  return html`<ol class="timeline" part="timeline" aria-label=${m.timelineLabel}>
    ${options.today ? html`<li>${m.timelineToday}</li>` : nothing}
    ${options.requestedOn ? html`<li>${m.timelineRequested(day(options.requestedOn))}</li>` : nothing}
    ${options.ifRequestedOn ? html`<li>${m.timelineIfRequested(day(options.ifRequestedOn))}</li>` : nothing}
    <li>${issueText}</li>
    ${
      filing
        ? html`<li>
            ${m.timelineFiling(formatChinaMonth(filing.period, locale), day(filing.date), filing.published)}
          </li>`
        : nothing
    }
  </ol>`;
}
