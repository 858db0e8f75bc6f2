import { html, nothing, type TemplateResult } from 'lit';
import type { RequestMessages } from './messages.js';

export interface PeriodArchiveOptions {
  /** The month offered first (`YYYY-MM`): the one before this one in China, the period a finance team closes next. */
  readonly month: string;
  /** The latest month there can be Fapiao for. */
  readonly max: string;
  /** The typed month was not one (a browser without a month picker takes text). */
  readonly invalid: boolean;
  readonly onDownload: (month: string) => void;
}

/**
 * The accountant's bundle for one month: a month field and its button. Browsers without a month picker show a text
 * field, so what was typed is checked (YYYY-MM) and the mistake said under it.
 */
export function renderPeriodArchive(o: PeriodArchiveOptions, m: RequestMessages): TemplateResult {
  // A group, not a <form>: the element's own form stays the only one (hosts and tests look for it).
  const download = (root: ParentNode | null) =>
    o.onDownload(root?.querySelector<HTMLInputElement>('#archive-month')?.value.trim() ?? '');
  return html`<div class="period-archive" part="period-archive" role="group" aria-labelledby="archive-month-label">
    <label id="archive-month-label" for="archive-month">${m.archiveMonth}</label>
    <input
      id="archive-month"
      type="month"
      .value=${o.month}
      max=${o.max}
      placeholder="YYYY-MM"
      aria-invalid=${o.invalid ? 'true' : 'false'}
      aria-describedby=${o.invalid ? 'archive-month-error' : nothing}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') download((e.currentTarget as HTMLElement).parentNode);
      }}
    />
    <button
      type="button"
      class="secondary"
      @click=${(e: Event) => download((e.currentTarget as HTMLElement).parentNode)}
    >
      ${m.downloadMonth}
    </button>
    ${o.invalid ? html`<span id="archive-month-error" class="field-error" role="alert">${m.monthInvalid}</span>` : nothing}
  </div>`;
}
