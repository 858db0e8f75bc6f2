import { ApiError, type BillingClient, type Page } from '../../src/client/index.js';
import { queryInvoices, type FapiaoAccount, type FapiaoRequest, type Invoice } from '../../src/core/index.js';

/** An in-memory BillingClient for element tests: the same interface a host may implement. */
export class FixtureClient implements BillingClient {
  failNext: ApiError[] = [];
  /** Delay per listInvoices call, in call order (to test that a stale answer never wins). */
  delays: number[] = [];
  calls = 0;
  constructor(
    public invoices: Invoice[],
    public account: FapiaoAccount = { state: 'registered' },
    public requests: FapiaoRequest[] = [],
  ) {}
  async listBillingAccounts() {
    return [...new Set(this.invoices.map(i => i.billingAccount.id))].map(id => ({ id, name: id, currency: 'CNY' }));
  }
  async listInvoices(
    query: Parameters<BillingClient['listInvoices']>[0] = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<Page<Invoice>> {
    this.calls++;
    const delay = this.delays.shift() ?? 0;
    if (delay) await new Promise(r => setTimeout(r, delay));
    if (options.signal?.aborted) throw new ApiError('aborted', 'aborted');
    const failure = this.failNext.shift();
    if (failure) throw failure;
    const items = queryInvoices(this.invoices, query);
    return { items, nextCursor: null, total: items.length };
  }
  async getInvoice(id: string) {
    const found = this.invoices.find(i => i.id === id);
    if (!found) throw new ApiError('http', 'not found', { status: 404 });
    return found;
  }
  async listStatements() {
    return [];
  }
  async getFapiaoAccount() {
    return this.account;
  }
  async listBuyerProfiles() {
    return [];
  }
  async createBuyerProfile(): Promise<never> {
    throw new ApiError('http', 'not supported', { status: 501 });
  }
  async updateBuyerProfile(): Promise<never> {
    throw new ApiError('http', 'not supported', { status: 501 });
  }
  async deleteBuyerProfile() {}
  /**
   * Accepts every request from now on as a server would (the request back, submitted), and lists what was sent (the
   * input and its idempotency key) in the array it returns.
   */
  acceptRequests(): { input: Parameters<BillingClient['createFapiaoRequest']>[0]; key: string }[] {
    const sent: { input: Parameters<BillingClient['createFapiaoRequest']>[0]; key: string }[] = [];
    this.createFapiaoRequest = async (input, options) => {
      sent.push({ input, key: options.idempotencyKey });
      return {
        id: `REQ-${sent.length}`,
        invoiceIds: [...(input.invoiceIds ?? [])],
        fapiaoKind: input.draft.fapiaoKind,
        buyer: { buyerKind: input.draft.buyerKind, title: input.draft.title },
        delivery: input.draft.delivery,
        status: 'submitted',
        history: [],
        fapiaos: [],
        createdAt: '2026-11-24T04:00:00Z',
      };
    };
    return sent;
  }
  /** Tests replace this (or call `acceptRequests`) to accept or reject a request. */
  async createFapiaoRequest(
    _input: Parameters<BillingClient['createFapiaoRequest']>[0],
    _options: Parameters<BillingClient['createFapiaoRequest']>[1],
  ): Promise<FapiaoRequest> {
    throw new ApiError('http', 'not supported', { status: 501 });
  }
  async listFapiaoRequests() {
    return this.requests;
  }
  async getFapiaoRequest(id: string) {
    const found = this.requests.find(r => r.id === id);
    if (!found) throw new ApiError('http', 'not found', { status: 404 });
    return found;
  }
  invoicePdfUrl(id: string) {
    return `/files/${id}.pdf`;
  }
  statementPdfUrl(id: string) {
    return `/files/${id}.pdf`;
  }
  async download(_url: string): Promise<Blob> {
    return new Blob(['%PDF-'], { type: 'application/pdf' });
  }
}

/**
 * A FixtureClient whose backend registers Fapiao accounts, as the reference server does: the account turns
 * `pending-activation` with the address, a link valid 24 hours and the next e-mail a minute later. Counts the calls;
 * `failNextRegistration` makes the next call fail; `registrationDelayMs` keeps a call in flight.
 */
export class RegistrationClient extends FixtureClient {
  registrations: { orderNumber: string; email: string }[] = [];
  resends = 0;
  failNextRegistration: ApiError | undefined;
  registrationDelayMs = 0;
  now = () => Date.now();

  constructor(account: FapiaoAccount = { state: 'unregistered' }) {
    super([], account);
  }

  async registerFapiaoAccount(input: { orderNumber: string; email: string }): Promise<FapiaoAccount> {
    this.registrations.push(input);
    return this.#answer(input.email);
  }

  async resendActivationEmail(): Promise<FapiaoAccount> {
    this.resends++;
    return this.#answer(this.account.email ?? '');
  }

  async #answer(email: string): Promise<FapiaoAccount> {
    if (this.registrationDelayMs) await new Promise(r => setTimeout(r, this.registrationDelayMs));
    const failure = this.failNextRegistration;
    this.failNextRegistration = undefined;
    if (failure) throw failure;
    const now = this.now();
    this.account = {
      state: 'pending-activation',
      email,
      activationExpiresAt: new Date(now + 86_400_000).toISOString(),
      nextEmailAt: new Date(now + 60_000).toISOString(),
    };
    return this.account;
  }
}
