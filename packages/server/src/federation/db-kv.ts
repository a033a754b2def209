/**
 * Fedify's key–value store and message queue over the server's own database (SQLite or PostgreSQL,
 * through the one `Db` interface), so that federation keeps its state where everything else is and
 * several processes on one PostgreSQL database share one queue.
 */
import type {
  KvKey,
  KvStore,
  KvStoreSetOptions,
  MessageQueue,
  MessageQueueEnqueueOptions,
  MessageQueueListenOptions,
} from '@fedify/fedify';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';

const keyText = (key: KvKey): string => key.join('\n');
const millis = (d: { total(unit: 'millisecond'): number } | undefined): number => (d ? d.total('millisecond') : 0);

export class DbKvStore implements KvStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const row = await this.db.get<{ kv_value: string; expires_at: string | null }>(
      'SELECT kv_value, expires_at FROM fedify_kv WHERE kv_key = ?',
      [keyText(key)],
    );
    if (!row) return undefined;
    if (row.expires_at && row.expires_at <= this.now().toISOString()) {
      await this.db.run('DELETE FROM fedify_kv WHERE kv_key = ? AND expires_at = ?', [keyText(key), row.expires_at]);
      return undefined;
    }
    return JSON.parse(row.kv_value) as T;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const ttl = millis(options?.ttl);
    const expires = ttl > 0 ? new Date(this.now().getTime() + ttl).toISOString() : null;
    await this.db.run(
      `INSERT INTO fedify_kv (kv_key, kv_value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (kv_key) DO UPDATE SET kv_value = excluded.kv_value, expires_at = excluded.expires_at`,
      [keyText(key), JSON.stringify(value), expires],
    );
  }

  async delete(key: KvKey): Promise<void> {
    await this.db.run('DELETE FROM fedify_kv WHERE kv_key = ?', [keyText(key)]);
  }

  /** Drop expired entries (called now and then). */
  async prune(): Promise<number> {
    return (
      await this.db.run('DELETE FROM fedify_kv WHERE expires_at IS NOT NULL AND expires_at <= ?', [
        this.now().toISOString(),
      ])
    ).changes;
  }
}

export interface DbMessageQueueOptions {
  /** How often an idle listener looks for due messages. Default 250 ms. */
  pollMs?: number;
  /** A message taken by a process that then died is taken again after this long. Default 5 minutes. */
  leaseMs?: number;
}

/**
 * A queue in the `fedify_queue` table: each message is taken by one listener (a conditional update
 * claims it), handled, then deleted. Fedify retries failed deliveries itself, by enqueueing them again
 * with a delay; a message whose handler throws is logged and dropped so that it cannot loop.
 */
export class DbMessageQueue implements MessageQueue {
  private readonly pollMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    options: DbMessageQueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.leaseMs = options.leaseMs ?? 300_000;
  }

  async enqueue(message: unknown, options?: MessageQueueEnqueueOptions): Promise<void> {
    await this.enqueueMany([message], options);
  }

  async enqueueMany(messages: unknown[], options?: MessageQueueEnqueueOptions): Promise<void> {
    const at = new Date(Date.now() + millis(options?.delay)).toISOString();
    await this.db.transaction(async (tx) => {
      for (const m of messages)
        await tx.run('INSERT INTO fedify_queue (id, message, deliver_at) VALUES (?, ?, ?)', [
          randomUUID(),
          JSON.stringify(m),
          at,
        ]);
    });
  }

  async listen(
    handler: (message: unknown) => Promise<void> | void,
    options?: MessageQueueListenOptions,
  ): Promise<void> {
    const signal = options?.signal;
    while (!signal?.aborted) {
      let handled = 0;
      try {
        handled = await this.takeDue(handler);
      } catch (e) {
        if (signal?.aborted) break;
        console.error('civic-server: the federation queue could not be read', e);
      }
      if (!handled)
        await new Promise<void>((resolve) => {
          const stop = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            signal?.removeEventListener('abort', stop);
            resolve();
          }, this.pollMs);
          signal?.addEventListener('abort', stop, { once: true });
        });
    }
  }

  private async takeDue(handler: (message: unknown) => Promise<void> | void): Promise<number> {
    const now = new Date();
    const stale = new Date(now.getTime() - this.leaseMs).toISOString();
    const due = await this.db.all<{ id: string; message: string }>(
      `SELECT id, message FROM fedify_queue WHERE deliver_at <= ? AND (taken_at IS NULL OR taken_at < ?)
       ORDER BY deliver_at LIMIT 20`,
      [now.toISOString(), stale],
    );
    let handled = 0;
    for (const row of due) {
      const claimed = await this.db.run(
        'UPDATE fedify_queue SET taken_at = ? WHERE id = ? AND (taken_at IS NULL OR taken_at < ?)',
        [new Date().toISOString(), row.id, stale],
      );
      if (!claimed.changes) continue; // another process took it
      try {
        await handler(JSON.parse(row.message));
      } catch (e) {
        console.error('civic-server: a federation task failed', e);
      }
      await this.db.run('DELETE FROM fedify_queue WHERE id = ?', [row.id]);
      handled++;
    }
    return handled;
  }
}
