import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const billListStyles = [
  baseStyles,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
      margin-block-end: 0.75rem;
    }
    .views {
      display: inline-flex;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    button.tab {
      font: inherit;
      border: 0;
      padding: 0.375rem 0.75rem;
      background: var(--_surface);
      color: inherit;
      cursor: pointer;
    }
    button.tab[aria-pressed='true'] {
      background: var(--_accent);
      color: var(--fk-color-on-accent, #fff);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      justify-content: flex-end;
      margin-block-end: 0.5rem;
      min-block-size: 2rem;
    }
    .toolbar [role='status'] {
      margin-inline-end: auto;
      color: var(--_muted);
    }
    .scroller {
      max-block-size: var(--bill-list-max-height, 36rem);
      overflow: auto;
      border-block-start: 1px solid var(--_border);
    }
    /* A newer load (a filter, a refresh) runs: the old rows stay, dimmed, rather than a blank "loading". */
    .scroller.busy {
      opacity: 0.6;
      transition: opacity 0.15s 0.2s;
    }
    /* Off screen until a keyboard reaches it (the usual skip-link pattern). */
    button.skip {
      position: absolute;
      inset-inline-start: -10000px;
    }
    button.skip:focus {
      position: static;
      margin-block-end: 0.5rem;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block: 0.5rem;
    }
    /* Its place is kept while a long list's summary is computed after the first rows (no jump when it arrives). */
    .summary[aria-busy='true'] {
      min-block-size: 4.25rem;
    }
    .summary-item {
      font: inherit;
      color: inherit;
      display: grid;
      justify-items: start;
      gap: 0.125rem;
      text-align: start;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      cursor: pointer;
      /* Fill the line evenly: side by side on a desktop, two or three to a line on a phone. */
      flex: 1 1 8rem;
      max-inline-size: 16rem;
    }
    .summary-item[aria-pressed='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .summary-item:disabled {
      cursor: default;
      opacity: 0.7;
    }
    .summary-label,
    .summary-count {
      font-size: 0.8125em;
      color: var(--_muted);
    }
    .summary-amount {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .summary-item.eligible .summary-amount {
      color: var(--fk-color-success, #1a7f37);
    }
    .fapiao-files {
      display: block;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      color: var(--_muted);
      padding-block: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: var(--bill-list-cell-padding, 0.5rem 0.625rem);
      border-block-end: 1px solid var(--_border);
      vertical-align: middle;
    }
    th {
      font-weight: 600;
      white-space: nowrap;
    }
    thead th,
    thead td {
      position: sticky;
      inset-block-start: 0;
      background: var(--_surface);
      z-index: 1;
    }
    td.pick {
      inline-size: 1.5rem;
    }
    /* Dates, amounts and links never break mid-word ("2026年11月1" on one line, "日" on the next); only the Fapiao reason wraps. The scroller scrolls sideways when narrow. */
    tbody td:not(.fapiao-cell, .period),
    tbody th {
      white-space: nowrap;
    }
    td.period > span {
      white-space: nowrap;
    }
    td.fapiao-cell {
      min-inline-size: 12rem;
    }
    button.action {
      white-space: nowrap;
    }
    td.amount,
    th.amount {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    /* Virtual rows must all have one height: reasons stay on one line (their full text is still read out and in the details). */
    .virtual tbody tr[data-id] {
      block-size: var(--bill-list-row-height, 3rem);
    }
    .virtual .why {
      display: inline-block;
      vertical-align: bottom;
      max-inline-size: 24ch;
      margin-inline-start: 0.5em;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .virtual td,
    .virtual th {
      white-space: nowrap;
    }
    .spacer td {
      padding: 0;
      border: 0;
    }
    /* Wide: the bill's number stays in view while the table scrolls sideways. */
    tbody th[scope='row'] {
      position: sticky;
      inset-inline-start: 0;
      background: var(--_surface);
      z-index: 1;
    }
    /*
     * Narrow (a phone, a side panel): each bill is a card with what decides the next step (number, amount, date,
     * status, Fapiao state, its action); the billing period and due date are in its details. Virtual cards share one
     * height, measured like rows.
     */
    :host {
      container-type: inline-size;
    }
    @container (max-width: 640px) {
      table,
      caption,
      tbody,
      tr.spacer,
      tr.spacer td {
        display: block;
      }
      thead,
      td.period,
      td.due {
        display: none;
      }
      tbody tr[data-id] {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        grid-template-areas:
          'pick number amount'
          'pick date status'
          'pick fapiao fapiao'
          'pick links links';
        column-gap: 0.5rem;
        padding-block: 0.5rem;
        border-block-end: 1px solid var(--_border);
      }
      tbody tr[data-id] > * {
        border: 0;
        padding: 0.125rem 0;
        white-space: normal;
        min-inline-size: 0;
      }
      td.pick {
        grid-area: pick;
      }
      tbody th[scope='row'] {
        grid-area: number;
        position: static;
      }
      td.amount {
        grid-area: amount;
      }
      td.date {
        grid-area: date;
        color: var(--_muted);
      }
      td.status {
        grid-area: status;
        text-align: end;
        color: var(--_muted);
      }
      td.fapiao-cell {
        grid-area: fapiao;
      }
      td.links {
        grid-area: links;
      }
      .virtual tbody tr[data-id] {
        block-size: var(--bill-list-card-height, 9rem);
        overflow: hidden;
      }
      .virtual .why {
        max-inline-size: 100%;
      }
    }
    button.link,
    button.sort {
      all: unset;
      cursor: pointer;
      color: var(--_accent);
      border-radius: 3px;
    }
    button.sort {
      color: inherit;
    }
    .fapiao {
      font-size: 0.875em;
      color: var(--_muted);
    }
    .fapiao.eligible {
      color: var(--fk-color-success, #1a7f37);
    }
    .why {
      display: block;
      font-size: 0.8125em;
      color: var(--_muted);
      max-inline-size: 28ch;
    }
    .warning {
      color: var(--_danger);
    }
    .actions {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    a.download {
      text-decoration: none;
      font-size: 1.125em;
      line-height: 1;
      padding-inline: 0.125rem;
    }
    dialog {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--fk-color-text, #1f2328);
      max-inline-size: min(44rem, 92vw);
      padding: 1.25rem;
    }
    /* The dialog fits a 360 px phone: its width includes its padding, and a bill line's description wraps. */
    dialog {
      box-sizing: border-box;
      max-inline-size: min(44rem, calc(100vw - 1rem));
    }
    dialog tbody td:first-child,
    dialog tbody th {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    @media (max-width: 30rem) {
      dialog {
        padding: 0.75rem;
      }
      dialog th,
      dialog td {
        padding: 0.375rem 0.25rem;
      }
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    dialog header {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: 1rem;
    }
    dialog h2 {
      font-size: 1.125rem;
      margin: 0;
    }
    dialog h3 {
      font-size: 1rem;
      margin-block: 1rem 0.25rem;
    }
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0.75rem 0;
    }
    dl.totals {
      grid-template-columns: 1fr;
      max-inline-size: 22rem;
      margin-inline-start: auto;
    }
    dl.totals div {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      font-variant-numeric: tabular-nums;
    }
    dl .grand {
      font-weight: 600;
    }
    dt {
      color: var(--_muted);
      font-size: 0.875em;
    }
    dd {
      margin: 0;
    }
  `,
];
