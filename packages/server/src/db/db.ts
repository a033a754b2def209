/**
 * The one database interface the server speaks: SQLite (better-sqlite3, embedded default) and
 * PostgreSQL (node-postgres, through `DATABASE_URL`) both implement it. Queries are written once,
 * with `?` placeholders and the SQL both databases understand; the PostgreSQL driver numbers them.
 */
export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | undefined;

export interface Queryable {
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'sqlite' | 'postgres';
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Tell every server process sharing this database that `payload` changed (PostgreSQL: NOTIFY;
   * SQLite: this process only, which is every process there is).
   */
  notify(payload: string): Promise<void>;
  /** Hear what `notify` said, in this process; returns the way to stop listening. */
  listen(onPayload: (payload: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** Whether `e` is a unique-constraint violation from either database. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface OpenOptions {
  /** `postgres://…` (PostgreSQL); anything else is a SQLite file path (`:memory:` for none). */
  url: string;
  /** PostgreSQL: the schema to keep the tables in (created when missing). Default `public`. */
  schema?: string | undefined;
  /** PostgreSQL: connections per process. */
  poolSize?: number | undefined;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (isPostgresUrl(options.url)) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options);
  }
  const { openSqlite } = await import('./sqlite.js');
  return openSqlite(options.url);
}
