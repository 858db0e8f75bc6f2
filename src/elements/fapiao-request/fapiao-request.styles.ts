import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const fapiaoRequestStyles = [
  baseStyles,
  css`
    h2 {
      font-size: 1.125rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    h4 {
      font-size: 0.9375rem;
      margin: 0.75rem 0 0.25rem;
    }
    form {
      display: grid;
      /* minmax(0, …): a wide child (a long address, the preview) wraps or reflows instead of widening the page. */
      grid-template-columns: minmax(0, 1fr);
      gap: 0.875rem;
      max-inline-size: 44rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    .field label {
      display: block;
      color: var(--fk-color-text, #1f2328);
      font-weight: 600;
      font-size: 0.9375em;
    }
    .muted,
    .hint,
    .counter {
      color: var(--_muted);
      font-weight: normal;
      font-size: 0.8125em;
    }
    .counter.over,
    .field-error,
    p.rejected {
      color: var(--_danger);
    }
    .field-error {
      font-size: 0.875em;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    fieldset.choice {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      margin: 0;
    }
    legend {
      font-weight: 600;
      font-size: 0.9375em;
      padding-inline: 0.25rem;
    }
    label.radio {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      color: inherit;
      font-size: 1em;
    }
    label.radio:has(input:disabled) {
      color: var(--_muted);
    }
    .pickup-point {
      display: grid;
      gap: 0.125rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .warning {
      display: grid;
      gap: 0.375rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 3px solid var(--fk-color-warning, #9a6700);
      background: color-mix(in srgb, var(--fk-color-warning, #9a6700) 8%, var(--_surface));
    }
    .plan {
      container-type: inline-size;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem 0.875rem;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      margin-block: 0.5rem;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.25rem 0.5rem;
      border-block-end: 1px solid var(--_border);
    }
    .amount {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    /* On a phone each bill of the preview is a small block: its number, then net, VAT and total, each labelled. */
    @container (max-width: 28rem) {
      .plan-table thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      .plan-table tr {
        display: grid;
        padding-block: 0.375rem;
        border-block-end: 1px solid var(--_border);
      }
      .plan-table th,
      .plan-table td {
        border: 0;
        padding: 0.125rem 0;
      }
      .plan-table td {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
      }
      .plan-table td::before {
        content: attr(data-label);
        color: var(--_muted);
        font-weight: normal;
      }
    }
    tfoot th,
    tfoot td,
    .grand {
      font-weight: 600;
    }
    .buttons {
      display: flex;
      gap: 0.75rem;
    }
    button.action,
    button.secondary {
      padding: 0.5rem 1rem;
    }
    .error-box {
      border: 1px solid var(--_danger);
      color: var(--_danger);
      border-radius: var(--_radius);
      padding: 0.5rem 0.875rem;
      margin: 0;
    }
    .success {
      border: 1px solid var(--fk-color-success, #1a7f37);
      color: var(--fk-color-success, #1a7f37);
      border-radius: var(--_radius);
      padding: 0.5rem 0.875rem;
    }
    .history-section {
      margin-block-start: 1.5rem;
    }
    .reissue-form {
      display: grid;
      gap: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem;
      margin-block: 0.5rem;
    }
    .reissue-form h3 {
      margin: 0;
      font-size: 1em;
    }
    .reissue p {
      margin: 0.25rem 0;
    }
    ol.steps {
      margin: 0.25rem 0;
      padding-inline-start: 1.25rem;
    }
    ol.steps li.current {
      font-weight: 600;
    }
    ol.steps li.pending {
      color: var(--_muted);
    }
    li.red-letter {
      color: var(--_danger);
    }
    button.action.danger {
      background: var(--_danger);
      border-color: var(--_danger);
    }
    .withdraw-confirm p {
      margin: 0.25rem 0;
    }
    .resend-form {
      display: grid;
      gap: 0.375rem;
      max-inline-size: 28rem;
      margin-block: 0.375rem;
    }
    .emailed,
    .sent {
      font-size: 0.875em;
      margin: 0;
    }
    .history-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    ul.requests {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    li.request {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.625rem 0.875rem;
      display: grid;
      gap: 0.375rem;
    }
    .request-head {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .badge {
      font-size: 0.8125em;
      padding: 0.0625rem 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      color: var(--_muted);
    }
    .badge.issued,
    .badge.mailed {
      color: var(--fk-color-success, #1a7f37);
    }
    .badge.rejected,
    .badge.reversed {
      color: var(--_danger);
    }
    .fapiaos {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .files {
      display: inline-flex;
      gap: 0.5rem;
      margin-inline-start: 0.5rem;
    }
    .reversal {
      color: var(--_danger);
      margin-inline-start: 0.5rem;
    }
    /* A request's timeline: its steps on one line where they fit, the arrows for the eye only. */
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      color: var(--_muted);
    }
    .timeline li:not(:last-child)::after {
      content: '→' / '';
      margin-inline-start: 0.5rem;
    }
    .balance {
      margin-block: 0.5rem;
    }
    .balance h3 {
      font-size: 1em;
      margin: 0 0 0.25rem;
    }
    .balance dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0;
    }
    .balance dl > div {
      display: flex;
      gap: 0.25rem;
    }
    .balance dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .balance .seller {
      margin: 0.25rem 0 0;
      color: var(--_muted);
    }
    .period-archive {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-block: 0.5rem;
    }
    .period-archive input {
      font: inherit;
    }
    .period-archive .field-error {
      flex-basis: 100%;
    }
    .verify dl {
      display: grid;
      gap: 0.25rem;
      margin: 0.25rem 0;
    }
    .verify dl > div {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .verify dt {
      min-inline-size: 8rem;
    }
    .verify dd {
      display: flex;
      gap: 0.5rem;
      margin: 0;
    }
    .verify input {
      font: inherit;
      font-variant-numeric: tabular-nums;
      inline-size: 14rem;
      max-inline-size: 100%;
    }
    ol.history {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
      color: var(--_muted);
    }
    summary {
      cursor: pointer;
      color: var(--_accent);
    }
  `,
];
