import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/index.js';
import type { IssuedFapiao } from '../../../core/model/fapiao.js';
import { currencyExponent, fenToDecimalString } from '../../../core/money/fen.js';
import { decodeFapiaoNumber, VERIFICATION_PLATFORM_URL, verificationFields } from '../../../core/rules/verification.js';
import { labelOf } from '../../internal/format.js';
import type { RequestMessages } from './messages.js';

/**
 * 查验 for one issued Fapiao: what its number says (year, tax bureau, channel), the fields the national verification
 * platform asks for, each with a copy button, and the platform itself in a new tab (its form has a captcha: the
 * customer fills it in). Which field was copied last is said in a live region.
 */
export class VerifyController {
  /** `<Fapiao number> <field>` copied last, for the live region; cleared when another is copied. */
  copied: string | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  async copy(key: string, text: string): Promise<void> {
    this.copied = undefined;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = key;
    } catch {
      // No clipboard (insecure page, denied): the value stays selectable in its field.
    }
    this.#host.requestUpdate();
  }

  render(fapiao: IssuedFapiao, m: RequestMessages, locale: Locale): TemplateResult {
    const fields = verificationFields(fapiao);
    const parts = decodeFapiaoNumber(fapiao.number);
    const exponent = currencyExponent(fields.currency);
    const rows = [
      ['number', m.verifyNumber, fields.number],
      ['date', m.verifyDate, fields.issueDate],
      ['net', m.verifyNet, fenToDecimalString(fields.net, exponent)],
      ['gross', m.verifyGross, fenToDecimalString(fields.gross, exponent)],
    ] as const;
    const id = (field: string) => `verify-${fapiao.number}-${field}`;
    return html`<details class="verify" part="verify">
      <summary>${m.verify}</summary>
      <p>${m.verifyIntro}</p>
      ${parts ? html`<p class="number-parts">${m.numberParts(parts.year, parts.bureau, parts.channel)}</p>` : nothing}
      <dl>
        ${rows.map(
          ([field, label, value]) =>
            html`<div>
              <dt><label for=${id(field)}>${label}</label></dt>
              <dd>
                <input
                  id=${id(field)}
                  readonly
                  .value=${value}
                  @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
                />
                <button
                  type="button"
                  class="secondary"
                  aria-label=${m.copyField(label)}
                  @click=${() => void this.copy(`${fapiao.number} ${field}`, value)}
                >
                  ${m.copy}
                </button>
              </dd>
            </div>`,
        )}
      </dl>
      <span class="copied" role="status"
        >${
          this.copied?.startsWith(`${fapiao.number} `)
            ? labelOf(m.copied, locale) + rows.find(r => this.copied === `${fapiao.number} ${r[0]}`)![1]
            : ''
        }</span
      >
      <a href=${VERIFICATION_PLATFORM_URL} target="_blank" rel="noopener noreferrer">${m.verifyOpen}</a>
    </details>`;
  }
}
