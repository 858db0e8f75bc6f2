import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../demo/server/app.js';
import { openDb, type Db } from '../../../demo/server/db.js';
import { seed } from '../../../demo/server/seed.js';

/** Fixed "now" for the store and the rules: 2026-11-24 12:00 in Shanghai. */
export const NOW = Date.parse('2026-11-24T04:00:00Z');

export interface TestServer {
  readonly url: string;
  readonly api: string;
  readonly app: App;
  readonly db: Db;
  admin(path: string, body?: unknown, method?: string): Promise<unknown>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** A real server on an ephemeral loopback port with a real store in a temp directory. */
export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fapiao-kit-'));
  const db = await openDb(dir);
  await seed(db, NOW);
  const app = createApp({ db, admin: true, now: NOW, staticRoot: process.cwd() });
  const url = await app.listen(0);
  const admin = async (path: string, body?: unknown, method = 'POST') => {
    const r = await fetch(`${url}/__admin${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return r.json();
  };
  return {
    url,
    api: `${url}/api/v1/`,
    app,
    db,
    admin,
    reset: async () => void (await admin('/reset')),
    stop: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TOKENS = {
  contoso: 'demo-token-contoso',
  fabrikam: 'demo-token-fabrikam',
  northwind: 'demo-token-northwind',
} as const;
