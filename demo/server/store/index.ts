import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Store } from './store.js';

export type { Queryable, QueryResult, Store } from './store.js';
export { isCheckViolation, isUniqueViolation } from './store.js';
export { clearStore, migrate, MIGRATIONS } from './migrations.js';
export { StoreLockedError, lockDataDir } from './pglite.js';

/**
 * PostgreSQL when a connection string is given, else PGlite in `dataDir` (in memory without one); migrated (up to
 * `upTo`, for tests that build a store as an older version left it).
 */
export async function openStore(options: { databaseUrl?: string; dataDir?: string; upTo?: number }): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(store, options.upTo);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
