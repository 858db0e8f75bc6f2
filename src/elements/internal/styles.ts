import { css } from 'lit';

/**
 * What both elements share: the theme tokens (every custom property has a fallback, so an element looks right with
 * no host CSS at all), form controls, buttons and focus rings.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* In a host's grid or flex layout, shrink to the space given (the table scrolls inside) instead of widening the page. */
    min-inline-size: 0;
    max-inline-size: 100%;
    font: inherit;
    color: var(--fk-color-text, #1f2328);
    --_accent: var(--fk-color-accent, #0b5cad);
    --_muted: var(--fk-color-muted, #57606a);
    --_border: var(--fk-color-border, #d0d7de);
    --_surface: var(--fk-color-surface, #fff);
    --_danger: var(--fk-color-danger, #b42318);
    --_radius: var(--fk-radius, 6px);
  }
  :host([hidden]) {
    display: none;
  }
  /* What the customer must know before anything else (no Fapiao account yet), with the one action that helps. */
  .notice {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface);
    margin-block-end: 0.75rem;
  }
  .notice > p {
    margin-block: 0 0.5rem;
  }
  .action-link {
    display: inline-block;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--fk-color-on-accent, #fff);
    text-decoration: none;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  select,
  input,
  textarea {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--fk-color-text, #1f2328);
  }
  input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  button.action,
  button.secondary {
    font: inherit;
    padding: 0.25rem 0.625rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--fk-color-on-accent, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .error {
    color: var(--_danger);
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  textarea {
    font: inherit;
    padding: 0.375rem 0.5rem;
    resize: vertical;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
