import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DraftField, FapiaoDraft } from '../../../core/draft/fapiao-draft.js';
import type { Locale } from '../../../core/i18n/index.js';
import { aside } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';

type ChoiceField = 'buyerKind' | 'fapiaoKind' | 'delivery' | 'courier';
type TextField = Exclude<DraftField, ChoiceField>;

/** What a field template needs from the form: the draft, the errors to show, and where edits go. */
export interface FieldContext {
  readonly draft: FapiaoDraft;
  readonly m: RequestMessages;
  readonly locale: Locale;
  /** The messages to show under the field (the core's, once touched, and the server's). */
  readonly errorsFor: (field: DraftField) => readonly string[];
  readonly onEdit: <K extends keyof FapiaoDraft>(field: K, value: FapiaoDraft[K]) => void;
  readonly onTouch: (field: DraftField) => void;
}

export interface TextFieldOptions {
  readonly type?: string;
  readonly required?: boolean;
  /** A GBK byte counter; `pairedWith` names the field that shares the limit (the counter then names both). */
  readonly counter?: { readonly used: number; readonly max: number; readonly pairedWith?: TextField };
  /** Ids of other hints that describe this field too (the pair's counter under the next field). */
  readonly describedBy?: string;
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly multiline?: boolean;
  readonly inputmode?: string;
}

/** A labelled text input (or textarea) with its hint, GBK byte counter and errors, all tied by `aria-describedby`. */
export function renderTextField(field: TextField, ctx: FieldContext, options: TextFieldOptions = {}): TemplateResult {
  const { m } = ctx;
  const errors = ctx.errorsFor(field);
  const describedBy = [
    options.hint ? `${field}-hint` : '',
    options.counter ? `${field}-count` : '',
    errors.length ? `${field}-error` : '',
    options.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const onInput = (e: Event) => ctx.onEdit(field, (e.target as HTMLInputElement).value);
  const invalid = errors.length > 0 ? 'true' : 'false';
  const value = live(ctx.draft[field]);
  return html`<div class="field">
    <label for=${field}
      >${m.core.field[field]}${options.required ? nothing : html`<span class="muted">${aside(m.optional, ctx.locale)}</span>`}</label
    >
    ${
      options.multiline
        ? html`<textarea
            id=${field}
            name=${field}
            rows="2"
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            @input=${onInput}
            @blur=${() => ctx.onTouch(field)}
          ></textarea>`
        : html`<input
            id=${field}
            name=${field}
            type=${options.type ?? 'text'}
            .value=${value}
            aria-invalid=${invalid}
            ?required=${options.required}
            autocomplete=${options.autocomplete ?? nothing}
            inputmode=${options.inputmode ?? nothing}
            aria-describedby=${describedBy || nothing}
            @input=${onInput}
            @blur=${() => ctx.onTouch(field)}
          />`
    }
    ${options.hint ? html`<span id=${`${field}-hint`} class="hint">${options.hint}</span>` : nothing}
    ${
      options.counter
        ? html`<span id=${`${field}-count`} class="counter ${options.counter.used > options.counter.max ? 'over' : ''}"
            >${
              options.counter.pairedWith
                ? m.bytesPair(
                    m.core.field[options.counter.pairedWith],
                    m.core.field[field],
                    options.counter.used,
                    options.counter.max,
                  )
                : m.bytes(options.counter.used, options.counter.max)
            }</span
          >`
        : nothing
    }
    ${errors.length ? html`<span id=${`${field}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
  </div>`;
}

/**
 * A radio group; `allowed` says which values can be chosen now (the others show disabled, with `disabledWhy` said
 * under the group so nobody wonders why).
 */
export function renderChoice<K extends ChoiceField>(
  field: K,
  values: readonly FapiaoDraft[K][],
  ctx: FieldContext,
  allowed: readonly FapiaoDraft[K][] = values,
  disabledWhy?: string,
): TemplateResult {
  const { m } = ctx;
  const labels: Record<string, string> = {
    buyerKind: m.core.buyerKind,
    fapiaoKind: m.core.fapiaoKind,
    delivery: m.core.delivery,
    courier: m.core.courier,
  }[field];
  const errors = ctx.errorsFor(field);
  const why = disabledWhy && values.some(v => !allowed.includes(v)) ? disabledWhy : '';
  const describedBy = [why ? `${field}-why` : '', errors.length ? `${field}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="choice" aria-describedby=${describedBy || nothing}>
    <legend>${m.core.field[field]}</legend>
    ${values.map(
      v =>
        html`<label class="radio"
          ><input
            type="radio"
            name=${field}
            value=${v}
            .checked=${live(ctx.draft[field] === v)}
            ?disabled=${!allowed.includes(v)}
            @change=${() => ctx.onEdit(field, v)}
          />${labels[v]}</label
        >`,
    )}
    ${why ? html`<span id=${`${field}-why`} class="hint">${why}</span>` : nothing}
    ${errors.length ? html`<span id=${`${field}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
  </fieldset>`;
}
