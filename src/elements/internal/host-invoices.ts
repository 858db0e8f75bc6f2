import { parseInvoice } from '../../core/model/parse-invoice.js';
import type { Invoice } from '../../core/model/invoice.js';

export interface ValidatedInvoices {
  readonly valid: readonly Invoice[];
  /** Entries that failed validation and are not shown. */
  readonly malformed: number;
}

/**
 * Invoices a host hands over (`el.invoices = …`) are untrusted data like an API answer: each is checked with
 * `parseInvoice`, malformed ones are skipped and counted (the first few are logged with their issues). The result is
 * kept per array, so re-renders do not validate again.
 */
export class HostInvoices {
  #last: { source: readonly unknown[]; result: ValidatedInvoices } | undefined;

  constructor(private readonly tag: string) {}

  validate(source: readonly unknown[]): ValidatedInvoices {
    if (this.#last?.source === source) return this.#last.result;
    const valid: Invoice[] = [];
    let malformed = 0;
    for (let index = 0; index < source.length; index++) {
      const parsed = parseInvoice(source[index]);
      if (parsed.ok) valid.push(parsed.value);
      // The issues are read again with the entry's path for the few logged (a path per entry costs 100,000 strings).
      else if (++malformed <= 3) {
        const issues = (parseInvoice(source[index], `$[${index}]`) as typeof parsed).issues;
        console.warn(`[fapiao-kit] <${this.tag}> skipped a malformed invoice:`, issues);
      }
    }
    const result = { valid, malformed };
    this.#last = { source, result };
    return result;
  }
}
