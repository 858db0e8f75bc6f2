/**
 * The reference server's storage: the same SQL on PGlite (embedded, the default) and on PostgreSQL (`DATABASE_URL`).
 * Exactly-once is the database's job: transactions and unique constraints, never a lock in one process.
 */
export interface QueryResult<T> {
  readonly rows: T[];
  /** Rows inserted, updated or deleted. */
  readonly rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements at once (schema, truncation). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's unique_violation, optionally of one constraint (by name): a duplicate, never a server error. */
/** A refusal by a named check, or by a trigger raising with that constraint name (SQLSTATE 23514). */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  return e?.code === '23514' && (e.constraint === constraint || Boolean(e.message?.includes(constraint)));
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (e?.code !== '23505') return false;
  return constraint === undefined || e.constraint === constraint || Boolean(e.message?.includes(`"${constraint}"`));
}
