import { parseInvoice } from '../../core/model/parse-invoice.js';
import type { Invoice } from '../../core/model/invoice.js';
import { inSlices } from './slices.js';

export interface ValidatedInvoices {
  readonly valid: readonly Invoice[];
  /** Entries that failed validation and are not shown. */
  readonly malformed: number;
}

/** Entries validated between looks at the clock when a long array is validated in slices. */
const STEP = 250;

/** One host array's entries as validated so far: an entry's invoice, `null` when malformed, `undefined` when not yet. */
interface Checks {
  readonly source: readonly unknown[];
  readonly results: (Invoice | null | undefined)[];
  /** Every entry before this index has been validated. */
  next: number;
  malformed: number;
  done: ValidatedInvoices | undefined;
}

/**
 * Invoices a host hands over (`el.invoices = …`) are untrusted data like an API answer: each is checked with
 * `parseInvoice`, malformed ones are skipped and counted (the first few are logged with their issues). Each entry is
 * validated once per array: all at once (`validate`), or the entries to show first (`entry`) and the rest a slice at a
 * time (`validateInSlices`), so a long list paints its first rows before it has checked 100,000.
 */
export class HostInvoices {
  #checks: Checks | undefined;

  constructor(private readonly tag: string) {}

  /** Whether every entry of `source` has been validated (a `validate` answers at once). */
  isValidated(source: readonly unknown[]): boolean {
    return this.#checks?.source === source && this.#checks.done !== undefined;
  }

  /** The entry at `index` of `source` as an invoice, or `undefined` when it is malformed. */
  entry(source: readonly unknown[], index: number): Invoice | undefined {
    return this.#at(this.#checksOf(source), index) ?? undefined;
  }

  /** Every entry of `source`: the valid ones in their order, and how many were not. */
  validate(source: readonly unknown[]): ValidatedInvoices {
    const checks = this.#checksOf(source);
    if (!checks.done) this.#checkUpTo(checks, source.length);
    return checks.done!;
  }

  /**
   * Validates what is left of `source` a slice at a time, yielding to the browser before each slice, until every
   * entry is (a `validate` meanwhile finishes it at once); throws when the signal is aborted.
   */
  async validateInSlices(source: readonly unknown[], signal: AbortSignal): Promise<void> {
    const checks = this.#checksOf(source);
    const step = () => {
      if (!checks.done) this.#checkUpTo(checks, Math.min(checks.next + STEP, source.length));
      return !checks.done;
    };
    if (!(await inSlices(step, () => !signal.aborted && this.#checks === checks))) signal.throwIfAborted();
  }

  #checksOf(source: readonly unknown[]): Checks {
    if (this.#checks?.source !== source) {
      this.#checks = { source, results: new Array(source.length), next: 0, malformed: 0, done: undefined };
    }
    return this.#checks;
  }

  /** Validates entries from `checks.next` up to `end`; the whole array's result once the last is. */
  #checkUpTo(checks: Checks, end: number): void {
    for (let index = checks.next; index < end; index++) this.#at(checks, index);
    checks.next = end;
    if (end === checks.source.length) {
      const valid: Invoice[] = [];
      for (const result of checks.results) if (result) valid.push(result);
      checks.done = { valid, malformed: checks.malformed };
    }
  }

  /** The entry at `index`, validated once. */
  #at(checks: Checks, index: number): Invoice | null {
    const known = checks.results[index];
    if (known !== undefined) return known;
    const parsed = parseInvoice(checks.source[index]);
    if (parsed.ok) return (checks.results[index] = parsed.value);
    checks.results[index] = null;
    // The issues are read again with the entry's path for the few logged (a path per entry costs 100,000 strings).
    if (++checks.malformed <= 3) {
      const issues = (parseInvoice(checks.source[index], `$[${index}]`) as typeof parsed).issues;
      console.warn(`[fapiao-kit] <${this.tag}> skipped a malformed invoice:`, issues);
    }
    return null;
  }
}
