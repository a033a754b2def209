import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db, Param, Queryable, Row } from './db.js';

type Statement = Database.Statement<unknown[], unknown>;

const bind = (params: readonly Param[]): unknown[] =>
  params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));

/**
 * SQLite through better-sqlite3: one connection, used by one server process. Calls are queued so
 * that an async transaction never interleaves with another request's statements.
 */
export function openSqlite(path: string): Db {
  if (path !== ':memory:') {
    // Sign-ups are personal data: the files are the owner's alone (SQLite gives -wal and -shm the same mode).
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, s);
    }
    return s;
  };
  const direct: Queryable = {
    all: <T = Row>(sql: string, params: readonly Param[] = []) =>
      Promise.resolve(prepare(sql).all(...bind(params)) as T[]),
    get: <T = Row>(sql: string, params: readonly Param[] = []) =>
      Promise.resolve(prepare(sql).get(...bind(params)) as T | undefined),
    run: (sql: string, params: readonly Param[] = []) =>
      Promise.resolve({ changes: prepare(sql).run(...bind(params)).changes }),
    exec: (sql: string) => Promise.resolve(void db.exec(sql)),
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const listeners = new Set<(payload: string) => void>();
  let closed = false;

  return {
    kind: 'sqlite',
    all: (sql, params) => serial(() => direct.all(sql, params)),
    get: (sql, params) => serial(() => direct.get(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    exec: (sql) => serial(() => direct.exec(sql)),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    notify: (payload) => {
      for (const l of listeners) queueMicrotask(() => l(payload));
      return Promise.resolve();
    },
    listen: (onPayload) => {
      listeners.add(onPayload);
      return Promise.resolve(() => void listeners.delete(onPayload));
    },
    close: () =>
      serial(() => {
        if (!closed) {
          closed = true;
          listeners.clear();
          db.close();
        }
        return Promise.resolve();
      }),
  };
}
