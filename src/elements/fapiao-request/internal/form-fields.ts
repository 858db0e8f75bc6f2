import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DRAFT_LIMITS, type DraftCheck, type DraftField, type FapiaoDraft } from '../../../core/draft/fapiao-draft.js';
import { allowedFapiaoKinds } from '../../../core/draft/update-draft.js';
import { BUYER_KINDS, type DraftPolicy } from '../../../core/model/fapiao.js';
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
  /** The seller's rules for the form: a 专票's address and bank marked required or optional as they are checked. */
  readonly draftPolicy: DraftPolicy;
  /** Prefixes ids and names, for a second form in the same shadow root (the reissue's). */
  readonly idPrefix?: string;
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
  const id = `${ctx.idPrefix ?? ''}${field}`;
  const errors = ctx.errorsFor(field);
  const describedBy = [
    options.hint ? `${id}-hint` : '',
    options.counter ? `${id}-count` : '',
    errors.length ? `${id}-error` : '',
    options.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const onInput = (e: Event) => ctx.onEdit(field, (e.target as HTMLInputElement).value);
  const invalid = errors.length > 0 ? 'true' : 'false';
  const value = live(ctx.draft[field]);
  return html`<div class="field">
    <label for=${id}
      >${m.core.field[field]}${options.required ? nothing : html`<span class="muted">${aside(m.optional, ctx.locale)}</span>`}</label
    >
    ${
      options.multiline
        ? html`<textarea
            id=${id}
            name=${id}
            rows="2"
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            @input=${onInput}
            @blur=${() => ctx.onTouch(field)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${id}
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
    ${options.hint ? html`<span id=${`${id}-hint`} class="hint">${options.hint}</span>` : nothing}
    ${
      options.counter
        ? html`<span id=${`${id}-count`} class="counter ${options.counter.used > options.counter.max ? 'over' : ''}"
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
    ${errors.length ? html`<span id=${`${id}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
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
  const id = `${ctx.idPrefix ?? ''}${field}`;
  const why = disabledWhy && values.some(v => !allowed.includes(v)) ? disabledWhy : '';
  const describedBy = [why ? `${id}-why` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="choice" aria-describedby=${describedBy || nothing}>
    <legend>${m.core.field[field]}</legend>
    ${values.map(
      v =>
        html`<label class="radio"
          ><input
            type="radio"
            name=${id}
            value=${v}
            .checked=${live(ctx.draft[field] === v)}
            ?disabled=${!allowed.includes(v)}
            @change=${() => ctx.onEdit(field, v)}
          />${labels[v]}</label
        >`,
    )}
    ${why ? html`<span id=${`${id}-why`} class="hint">${why}</span>` : nothing}
    ${errors.length ? html`<span id=${`${id}-error`} class="field-error">${errors.join(' ')}</span>` : nothing}
  </fieldset>`;
}

/**
 * The buyer's part of a Fapiao form (the request's and the reissue's): buyer and Fapiao type, title and tax ID with the
 * checksum override, and for 专票 address/phone and bank/account with their shared byte counters.
 */
export function renderBuyerFields(ctx: FieldContext, check: DraftCheck): TemplateResult {
  const { m, draft: d } = ctx;
  const p = ctx.idPrefix ?? '';
  const counter = (used: number, max: number) => ({ used, max });
  const detailsRequired = ctx.draftPolicy.specialBuyerDetails === 'required';
  return html`<div class="row">
      ${renderChoice('buyerKind', BUYER_KINDS, ctx)}
      ${renderChoice('fapiaoKind', ['ordinary', 'special'], ctx, allowedFapiaoKinds(d.buyerKind), m.specialDisabled)}
    </div>
    ${renderTextField('title', ctx, { required: true, counter: counter(check.usage.title, DRAFT_LIMITS.titleBytes), autocomplete: 'organization' })}
    ${
      d.buyerKind === 'individual'
        ? html`<label class="radio natural-person"
            ><input
              type="checkbox"
              name=${`${p}naturalPerson`}
              part="natural-person"
              .checked=${live(d.naturalPerson)}
              @change=${(e: Event) => ctx.onEdit('naturalPerson', (e.target as HTMLInputElement).checked)}
            />${m.naturalPerson}</label
          >`
        : nothing
    }
    ${renderTextField('taxId', ctx, {
      required: d.buyerKind === 'enterprise' || d.naturalPerson,
      hint: d.naturalPerson ? m.naturalPersonTaxIdHint : m.taxIdHint,
      autocomplete: 'off',
    })}
    ${
      // One message says it (under the tax ID, from the core); here only the box it names, which stays once ticked.
      check.taxIdWarning
        ? html`<div class="warning override">
            <label class="radio"
              ><input
                type="checkbox"
                name=${`${p}acceptChecksumWarning`}
                aria-describedby=${ctx.errorsFor('taxId').length ? `${p}taxId-error` : nothing}
                .checked=${live(d.acceptChecksumWarning)}
                @change=${(e: Event) => ctx.onEdit('acceptChecksumWarning', (e.target as HTMLInputElement).checked)}
              />${m.core.taxIdOverride({})}</label
            >
          </div>`
        : nothing
    }
    ${
      d.fapiaoKind === 'special'
        ? html`${renderTextField('address', ctx, {
            required: detailsRequired,
            autocomplete: 'street-address',
            describedBy: `${p}phone-count`,
          })}
          ${renderTextField('phone', ctx, {
            required: detailsRequired,
            type: 'tel',
            counter: {
              ...counter(check.usage.addressPhone, DRAFT_LIMITS.addressPlusPhoneBytes),
              pairedWith: 'address',
            },
            autocomplete: 'tel',
          })}
          ${renderTextField('bankName', ctx, { required: detailsRequired, describedBy: `${p}bankAccount-count` })}
          ${renderTextField('bankAccount', ctx, {
            required: detailsRequired,
            inputmode: 'numeric',
            counter: { ...counter(check.usage.bankAccount, DRAFT_LIMITS.bankPlusAccountBytes), pairedWith: 'bankName' },
          })}`
        : nothing
    }`;
}
