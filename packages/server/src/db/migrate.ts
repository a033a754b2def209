import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.js';

/** `packages/server/migrations/`, from `src/db/` and from `dist/db/` alike. */
export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

/**
 * Apply every migration not applied yet, in file-name order, each in its own transaction. The same
 * files serve SQLite and PostgreSQL. Several processes starting at once take turns (PostgreSQL
 * advisory lock; SQLite's write lock).
 */
export async function migrate(db: Db, dir: URL = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const sql = await readFile(new URL(file, dir), 'utf8');
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [7_241_017]);
      if (await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [file])) return false;
      await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        file,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}
