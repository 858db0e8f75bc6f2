import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions, type LogEntry } from '../../../demo/server/app.js';
import { openStore, type Store } from '../../../demo/server/store/index.js';

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
