import type { ReactiveControllerHost } from 'lit';
import { checkEligibility, type Eligibility } from '../../../core/rules/eligibility.js';
import { queryEntries, queryInvoices } from '../../../core/rules/query-invoices.js';
import type { ApiError } from '../../../core/api-error.js';
import type { FapiaoAccount, FapiaoRequest } from '../../../core/model/fapiao.js';
import type { Invoice, Statement } from '../../../core/model/invoice.js';
import type { BillingAccount, BillingClient, InvoiceQuery } from '../../../client/billing-client.js';
import { asApiError } from '../../../core/api-error.js';
import { HostInvoices, type ValidatedInvoices } from '../../internal/host-invoices.js';
import { LoadController, NO_SOURCE } from '../../internal/load-controller.js';
import { inSlices } from '../../internal/slices.js';

/** What the list loads from: the host's data or a client, and the filters. Read at the start of every load. */
export interface BillSource {
  readonly client: BillingClient | undefined;
  readonly invoices: readonly unknown[] | undefined;
  readonly statements: readonly Statement[] | undefined;
  readonly fapiaoAccount: FapiaoAccount | undefined;
  readonly fapiaoRequests: readonly FapiaoRequest[] | undefined;
  readonly view: 'invoices' | 'statements';
  readonly query: InvoiceQuery;
  readonly now: Date;
}

export interface BillData {
  readonly items: readonly Invoice[];
  /** The bills `items` are picked from (the host's, validated, or those loaded): their checks hold across sorts. */
  readonly pool: readonly Invoice[];
  readonly account: FapiaoAccount;
  readonly requests: readonly FapiaoRequest[];
  readonly accounts: readonly BillingAccount[];
  readonly statements: readonly Statement[];
  /** Host invoices skipped because they failed validation. */
  readonly malformed: number;
  /** The time the eligibility of these bills is decided at. */
  readonly now: Date;
  /**
   * Why the Fapiao account or the requests could not be loaded (and nothing earlier stands in for them): the bills are
   * shown, but no bill is offered for a Fapiao, since whether it may be is not known.
   */
  readonly fapiaoUnknown?: ApiError;
  /**
   * A long host list's first rows, validated and shown while the rest of it is (`items` holds those rows only; the
   * final data replaces this within the load): `count` is how many entries the query keeps before validation, the
   * list's length unless some are malformed. The summary, the billing accounts and the malformed count wait for it.
   */
  readonly settling?: { readonly count: number };
}

/** Invoices fetched per call while loading a range; the list loads every page of the range. */
const PAGE_SIZE = 500;
const REGISTERED: FapiaoAccount = { state: 'registered' };
const NO_REQUESTS: readonly FapiaoRequest[] = [];
/** Bills checked between looks at the clock when a long list's eligibility is checked in slices. */
const ELIGIBILITY_STEP = 250;
/** Host lists up to this long are validated before their first render; longer ones show their first rows first. */
const VALIDATE_AT_ONCE = 5_000;
/** Rows validated before a long list's first render: a tall screen's worth and the scroll's overscan. */
const FIRST_ROWS = 200;

/**
 * The bills of a `<bill-list>`: from the host's `invoices` (validated) or from the client (every page of the range,
 * with the Fapiao account, the requests, the billing accounts and, for the statements view, the statements), and each
 * bill's eligibility, checked once per load.
 */
export class BillDataController {
  readonly load: LoadController<BillData>;
  readonly #source: () => BillSource;
  readonly #hostInvoices = new HostInvoices('bill-list');
  // A Map, not a WeakMap: it lives as long as one load's data and is dropped whole with it, and 100,000 weak entries
  // cost the garbage collector more than the checks themselves (`npm run bench grid`).
  #eligibility = new Map<Invoice, Eligibility>();
  #eligibilityFor: BillData | undefined;
  /** Finishes the current load's validation at once, when a long list is settling. */
  #settleNow: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, source: () => BillSource, onError: (error: ApiError) => void) {
    this.#source = source;
    this.load = new LoadController(host, (signal, show) => this.#fetch(signal, show), onError);
  }

  /**
   * Validates the rest of a settling long list at once and shows the whole of it (an export or "select all" needs
   * every bill now, not in a moment). Does nothing when the data is complete.
   */
  settleNow(): void {
    if (this.data?.settling) this.#settleNow?.();
  }

  /** The last loaded data (kept while a newer load runs). */
  get data(): BillData | undefined {
    return this.load.value;
  }

  /**
   * Checks the eligibility of every bill of `data` a slice at a time, yielding to the browser between slices, so that
   * a long list's summary does not hold a frame; `each` is given every bill with it, in the same slices. Resolves
   * `false` when newer data replaced `data` meanwhile.
   */
  async checkInSlices(data: BillData, each?: (invoice: Invoice, eligibility: Eligibility) => void): Promise<boolean> {
    const { items } = data;
    let next = 0;
    const step = () => {
      const end = Math.min(next + ELIGIBILITY_STEP, items.length);
      for (; next < end; next++) {
        const e = this.eligibilityOf(items[next]!);
        each?.(items[next]!, e);
      }
      return next < items.length;
    };
    return inSlices(step, () => this.data === data);
  }

  /** The bill's eligibility at the load's time, for its account and requests; computed once per bill and load. */
  eligibilityOf(invoice: Invoice): Eligibility {
    const data = this.load.value;
    // The checks hold while what they depend on does: a new sort or filter of the same bills keeps them.
    const before = this.#eligibilityFor;
    if (
      data?.pool !== before?.pool ||
      data?.account !== before?.account ||
      data?.requests !== before?.requests ||
      data?.now.getTime() !== before?.now.getTime()
    ) {
      this.#eligibility = new Map();
      this.#eligibilityFor = data;
    }
    let e = this.#eligibility.get(invoice);
    if (!e) {
      e = checkEligibility(invoice, {
        now: data?.now ?? new Date(),
        account: data?.account ?? REGISTERED,
        requests: data?.requests ?? [],
      });
      this.#eligibility.set(invoice, e);
    }
    return e;
  }

  #fetch(signal: AbortSignal, show: (data: BillData) => void): BillData | typeof NO_SOURCE | Promise<BillData> {
    const source = this.#source();
    const { client, now, query } = source;
    this.#settleNow = undefined;
    if (source.invoices) {
      if (source.invoices.length > VALIDATE_AT_ONCE && !this.#hostInvoices.isValidated(source.invoices))
        return this.#firstRowsFirst(source, source.invoices, signal, show);
      const host = this.#hostInvoices.validate(source.invoices);
      return hostData(source, host, queryInvoices(host.valid, query));
    }
    if (!client) {
      if (source.statements && source.view === 'statements') {
        return {
          items: [],
          pool: [],
          account: REGISTERED,
          requests: [],
          accounts: [],
          statements: source.statements,
          malformed: 0,
          now,
        };
      }
      return NO_SOURCE;
    }
    const previous = this.load.value;
    return (async () => {
      // The bills decide whether the load succeeded; each side call fails alone. A failed refresh keeps what was
      // shown before; with nothing before, the Fapiao side is "not known" and the billing accounts come from the bills.
      const [items, statements] = await Promise.all([
        source.view === 'invoices' ? loadAll(client, query, signal) : Promise.resolve(previous?.items ?? []),
        source.view === 'statements'
          ? client.listStatements(query.billingAccount ? { billingAccount: query.billingAccount } : {}, { signal })
          : Promise.resolve(previous?.statements ?? []),
      ]);
      const [account, requests, accounts] = await Promise.allSettled([
        client.getFapiaoAccount({ signal }),
        client.listFapiaoRequests({ signal }),
        client.listBillingAccounts({ signal }),
      ]);
      if (signal.aborted) throw signal.reason;
      const kept = <T>(r: PromiseSettledResult<T>, before: T | undefined): T | undefined =>
        r.status === 'fulfilled' ? r.value : before;
      const knownAccount = kept(account, previous?.account);
      const knownRequests = kept(requests, previous?.requests);
      const failure = [account, requests].find(r => r.status === 'rejected') as PromiseRejectedResult | undefined;
      return {
        items,
        pool: items,
        account: knownAccount ?? REGISTERED,
        requests: knownRequests ?? [],
        accounts: kept(accounts, previous?.accounts) ?? accountsOf(items),
        statements,
        malformed: 0,
        now,
        ...(knownAccount && knownRequests ? {} : { fapiaoUnknown: asApiError(failure?.reason) }),
      };
    })();
  }

  /**
   * A long host list: the query ordered on the entries as they are, the first rows validated in that order and shown,
   * the rest validated a slice at a time after the first render; then the whole list, in the same order (an entry the
   * order left out is one validation leaves out). Every row shown has been validated.
   */
  #firstRowsFirst(
    source: BillSource,
    entries: readonly unknown[],
    signal: AbortSignal,
    show: (data: BillData) => void,
  ): Promise<BillData> {
    const hosts = this.#hostInvoices;
    const order = queryEntries(entries, source.query);
    const first: Invoice[] = [];
    for (let k = 0; k < order.length && first.length < FIRST_ROWS; k++) {
      const invoice = hosts.entry(entries, order[k]!);
      if (invoice) first.push(invoice);
    }
    const previous = this.load.value;
    // The first rows as if they were the list, but the billing accounts and the malformed count of before (those of
    // 200 rows would say too few) until the whole list is in.
    show({
      ...hostData(source, { valid: first, malformed: previous?.malformed ?? 0 }, first),
      accounts: previous?.accounts ?? [],
      settling: { count: order.length },
    });
    let whole: BillData | undefined;
    const complete = (): BillData => {
      if (whole) return whole;
      const host = hosts.validate(entries);
      const items: Invoice[] = [];
      for (const index of order) {
        const invoice = hosts.entry(entries, index);
        if (invoice) items.push(invoice);
      }
      return (whole = hostData(source, host, items));
    };
    this.#settleNow = () => show(complete());
    return hosts.validateInSlices(entries, signal).then(() => {
      signal.throwIfAborted(); // a newer load took over: its entries are the ones to validate
      return complete();
    });
  }
}

/** The data of a host's bills: `items`, those of `host.valid` the query keeps, with what the host gave beside them. */
function hostData(source: BillSource, host: ValidatedInvoices, items: readonly Invoice[]): BillData {
  return {
    items,
    pool: host.valid,
    account: source.fapiaoAccount ?? REGISTERED,
    requests: source.fapiaoRequests ?? NO_REQUESTS,
    accounts: accountsOf(host.valid),
    statements: source.statements ?? [],
    malformed: host.malformed,
    now: source.now,
  };
}

async function loadAll(client: BillingClient, query: InvoiceQuery, signal: AbortSignal): Promise<Invoice[]> {
  const items: Invoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listInvoices({ ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The billing accounts named by host invoices, for the account filter. */
function accountsOf(invoices: readonly Invoice[]): BillingAccount[] {
  const byId = new Map<string, BillingAccount>();
  for (const i of invoices) {
    const { id, name } = i.billingAccount;
    if (!byId.has(id)) byId.set(id, { id, name: name ?? id, currency: i.currency });
  }
  return [...byId.values()];
}
