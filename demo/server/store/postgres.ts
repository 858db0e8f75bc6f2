import pg from 'pg';
import type { Queryable, QueryResult, Store } from './store.js';

// bigint columns (amounts) come back as numbers: every amount is a safe integer of fen, checked where it is stored.
pg.types.setTypeParser(pg.types.builtins.INT8, value => Number(value));

function adapt(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
  };
}

/** A real PostgreSQL through `pg`'s pool: any number of server instances may share it. */
export async function openPostgres(connectionString: string, options: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {}); // an idle client's lost connection: the pool replaces it on the next query
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...adapt(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(adapt(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async sql => void (await pool.query(sql)),
    close: () => pool.end(),
  };
}
