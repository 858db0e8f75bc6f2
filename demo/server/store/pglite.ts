import { PGlite } from '@electric-sql/pglite';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Queryable, QueryResult, Store } from './store.js';

/** Thrown when another process holds the data directory: two servers on one PGlite store would fork its data. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
};

/**
 * An exclusive lock on a data directory: a file beside it (`.data.lock` for `data/`) that holds the owner's pid.
 * A lock whose process is gone is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dirname(dir), `.${basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new StoreLockedError(
          `The store in ${dir} is in use by process ${owner}. Stop that server, or start this one with another --data directory (or DATABASE_URL for a shared PostgreSQL).`,
        );
      }
      unlinkSync(path); // its owner is gone: a stale lock
    }
  }
  throw new StoreLockedError(`Could not lock the store in ${dir}`);
}

function adapt(db: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await db.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
  };
}

/** PGlite (Postgres in WASM) in `dataDir`, or in memory without one. One process per directory (locked). */
export async function openPglite(dataDir?: string): Promise<Store> {
  let release = () => {};
  if (dataDir) {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    release();
    throw error;
  }
  return {
    kind: 'pglite',
    ...adapt(db),
    transaction: work => db.transaction(tx => work(adapt(tx))),
    exec: async sql => void (await db.exec(sql)),
    close: async () => {
      await db.close();
      release();
    },
  };
}
