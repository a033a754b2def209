import pg from 'pg';
import type { Db, OpenOptions, Param, Queryable, Row } from './db.js';

const CHANNEL = 'civic_kit_events';
/** Serialization failures and deadlocks: the transaction is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** `?` placeholders (the SQL shared with SQLite) to PostgreSQL's `$1, $2…`. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const bind = (params: readonly Param[]): unknown[] => params.map((p) => (p === undefined ? null : p));

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    all: async <T = Row>(sql: string, params: readonly Param[] = []) =>
      (await client.query(numberPlaceholders(sql), bind(params))).rows as T[],
    get: async <T = Row>(sql: string, params: readonly Param[] = []) =>
      (await client.query(numberPlaceholders(sql), bind(params))).rows[0] as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) => ({
      changes: (await client.query(numberPlaceholders(sql), bind(params))).rowCount ?? 0,
    }),
    exec: async (sql: string) => void (await client.query(sql)),
  };
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * PostgreSQL through node-postgres: a pool per process; any number of processes may share the
 * database (all state lives there). Live events travel between processes with LISTEN/NOTIFY.
 */
export async function openPostgres(options: OpenOptions): Promise<Db> {
  const schema = options.schema;
  const connection = {
    connectionString: options.url,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  };
  if (schema) {
    const setup = new pg.Client({ connectionString: options.url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  pool.on('error', (e) => console.error('civic-server: idle PostgreSQL connection failed', e));
  const base = queryable(pool);

  let listener: pg.Client | undefined;
  const listeners = new Set<(payload: string) => void>();
  let closed = false;

  const startListening = async (): Promise<void> => {
    const client = new pg.Client(connection);
    client.on('notification', (m) => {
      if (m.channel === CHANNEL && m.payload !== undefined) for (const l of listeners) l(m.payload);
    });
    client.on('error', (e) => {
      console.error('civic-server: LISTEN connection failed; reconnecting', e);
      listener = undefined;
      if (!closed) setTimeout(() => void startListening().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };

  return {
    kind: 'postgres',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(queryable(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (e as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 4) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    },
    async notify(payload) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    async listen(onPayload) {
      listeners.add(onPayload);
      if (!listener) await startListening();
      return () => void listeners.delete(onPayload);
    },
    async close() {
      closed = true;
      listeners.clear();
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
