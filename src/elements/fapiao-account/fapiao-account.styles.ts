import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const fapiaoAccountStyles = [
  baseStyles,
  css`
    section {
      display: grid;
      gap: 0.5rem;
      max-inline-size: 36rem;
    }
    h2 {
      font-size: 1.0625rem;
      margin: 0;
    }
    p {
      margin: 0;
    }
    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    .field label {
      font-weight: 600;
      font-size: 0.9375em;
    }
    .hint,
    .muted {
      color: var(--_muted);
      font-size: 0.8125em;
    }
    .field-error,
    .error-box {
      color: var(--_danger);
    }
    .field-error {
      font-size: 0.875em;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .status:focus {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .status.active {
      color: var(--fk-color-success, #1a7f37);
    }
  `,
];
