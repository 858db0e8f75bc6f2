import { randomUUID } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions, type LogEntry } from '../../../demo/server/app.js';
import { openStore, type Store } from '../../../demo/server/store/index.js';
import type { FapiaoRequest, Invoice } from '../../../src/core/index.js';

/** Fixed "now" for the store and the rules: 2026-11-24 12:00 in Shanghai. */
export const NOW = Date.parse('2026-11-24T04:00:00Z');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  readonly url: string;
  readonly api: string;
  readonly app: App;
  readonly store: Store;
  /** Every 5xx (and, with logRequests, every request) the server logged. */
  readonly logs: LogEntry[];
  admin(path: string, body?: unknown, method?: string): Promise<unknown>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<AppOptions, 'store'>> {
  /** A PostgreSQL to use instead of PGlite in a temp directory; seeded afresh. */
  readonly databaseUrl?: string;
}

/** A real server on an ephemeral loopback port with a real store (PGlite in a temp directory, or a PostgreSQL). */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'fapiao-kit-'));
  const store = await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: dir! });
  const logs: LogEntry[] = [];
  const app = createApp({
    demo: { adminToken: ADMIN_TOKEN },
    now: NOW,
    staticRoot: process.cwd(),
    logger: entry => logs.push(entry),
    ...options,
    store,
  });
  const url = await app.listen(0);
  const admin = async (path: string, body?: unknown, method = 'POST') => {
    const r = await fetch(`${url}/__admin${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return r.json();
  };
  await admin('/reset');
  return {
    url,
    api: `${url}/api/v1/`,
    app,
    store,
    logs,
    admin,
    reset: async () => void (await admin('/reset')),
    stop: async () => {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls the API as a customer the way a browser does: `lang` as Accept-Language, a JSON body with an idempotency key
 * of its own (the Fapiao request POST needs one; other routes ignore it).
 */
export function callApi(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  lang = 'en',
  token: string = TOKENS.contoso,
): Promise<Response> {
  return fetch(server.api + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'accept-language': lang,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export const TOKENS = {
  contoso: 'demo-token-contoso',
  fabrikam: 'demo-token-fabrikam',
  northwind: 'demo-token-northwind',
} as const;

/**
 * Contoso's new request for a paid Azure bill no request holds yet, answered 201 (the tests that need a fresh request
 * to move through the back office start here).
 */
export async function requestForFreeBill(server: TestServer, draft: object, lang = 'en'): Promise<FapiaoRequest> {
  const page = (await (
    await callApi(server, 'GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=20')
  ).json()) as {
    items: Invoice[];
  };
  const listed = (await (await callApi(server, 'GET', 'fapiao-requests')).json()) as { items: FapiaoRequest[] };
  const taken = new Set(listed.items.flatMap(r => r.invoiceIds));
  const invoice = page.items.find(i => !taken.has(i.id));
  if (!invoice) throw new Error('no paid Azure bill is free for a request');
  const answer = await callApi(server, 'POST', 'fapiao-requests', { invoiceIds: [invoice.id], draft }, lang);
  if (answer.status !== 201) throw new Error(`request not created: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as FapiaoRequest;
}

/**
 * A server for the enclosing `describe`, reset before each test, with the customer's calls bound to it: `call` as
 * `callApi` does, `json` for an answer's body.
 */
export function serverForEachTest(options: TestServerOptions = {}) {
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer(options);
  });
  after(async () => server?.stop());
  beforeEach(async () => server!.reset());
  return {
    get server(): TestServer {
      return server!;
    },
    call: (method: string, path: string, body?: unknown, lang?: string, token?: string) =>
      callApi(server!, method, path, body, lang, token),
    json: async <T>(r: Response | Promise<Response>) => (await (await r).json()) as T,
  };
}
