import { css } from 'lit';

/** Every custom property has a fallback, so the element looks right with no host CSS at all. */
export const billListStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: inherit;
    color: var(--fk-color-text, #1f2328);
    --_accent: var(--fk-color-accent, #0b5cad);
    --_muted: var(--fk-color-muted, #57606a);
    --_border: var(--fk-color-border, #d0d7de);
    --_danger: var(--fk-color-danger, #b42318);
  }
  :host([hidden]) { display: none; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-block-end: 0.75rem; }
  label { display: grid; gap: 0.25rem; font-size: 0.875em; color: var(--_muted); }
  select, input { font: inherit; padding: 0.375rem 0.5rem; border: 1px solid var(--_border); border-radius: 6px; background: var(--fk-color-surface, #fff); color: inherit; }
  table { width: 100%; border-collapse: collapse; }
  caption { text-align: start; color: var(--_muted); padding-block: 0.25rem; }
  th, td { text-align: start; padding: var(--bill-list-cell-padding, 0.5rem 0.625rem); border-block-end: 1px solid var(--_border); }
  th { font-weight: 600; white-space: nowrap; }
  td.amount, th.amount { text-align: end; font-variant-numeric: tabular-nums; }
  button.link, button.sort { all: unset; cursor: pointer; color: var(--_accent); border-radius: 3px; }
  button.sort { color: inherit; }
  button.link:focus-visible, button.sort:focus-visible, a:focus-visible, button.action:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  a { color: var(--_accent); }
  button.action { font: inherit; padding: 0.25rem 0.625rem; border-radius: 6px; border: 1px solid var(--_accent); background: var(--_accent); color: var(--fk-color-on-accent, #fff); cursor: pointer; }
  .fapiao { font-size: 0.875em; color: var(--_muted); }
  .fapiao.eligible { color: var(--fk-color-success, #1a7f37); }
  .why { display: block; font-size: 0.8125em; color: var(--_muted); max-width: 28ch; }
  .error { color: var(--_danger); display: flex; gap: 0.75rem; align-items: center; }
  .actions { display: flex; gap: 0.75rem; align-items: center; }
`;
