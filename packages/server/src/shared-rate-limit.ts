/**
 * Rate limits kept in the database: `limit` requests per fixed window of `windowSeconds` per key, counted
 * with one atomic upsert, so every server process sharing a PostgreSQL database counts together (the
 * in-memory `RateLimiter` counts per process). Used for the limits that protect people's privacy and
 * the counts (matching, anonymous votes). A window may let up to twice the limit through across its
 * edge; the windows are short enough for that not to matter to what they protect.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './db/db.js';
import type { RateLimit } from './rate-limit.js';

export class SharedRateLimiter {
  private takes = 0;

  constructor(
    private readonly db: Queryable,
    private readonly name: string,
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one request for `key`: 0 when allowed, else the seconds until the window ends. */
  async take(key: string): Promise<number> {
    const { limit, windowSeconds } = this.rule;
    if (limit <= 0) return 0;
    const now = this.now();
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now / windowMs) * windowMs;
    const bucket = `${this.name}:${createHash('sha256').update(key).digest('base64url')}`;
    const row = await this.db.get<{ hits: number | string }>(
      `INSERT INTO rate_counts (bucket, window_start, hits) VALUES (?, ?, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counts.hits + 1 RETURNING hits`,
      [bucket, start],
    );
    if (++this.takes % 500 === 0)
      await this.db
        .run('DELETE FROM rate_counts WHERE bucket LIKE ? AND window_start < ?', [`${this.name}:%`, start - windowMs])
        .catch(() => undefined);
    if (Number(row?.hits ?? 0) <= limit) return 0;
    return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  }
}
