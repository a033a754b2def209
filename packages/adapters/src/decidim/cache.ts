/**
 * Decidim allows 100 API requests per minute per IP address, and every embed on a page (and every
 * visitor behind the same address) shares that budget. So answers are cached with
 * stale-while-revalidate, identical requests in flight are made once, and requests are counted in a
 * sliding one-minute window per instance.
 */

interface Entry {
  value?: unknown;
  /** When `value` was fetched (ms). */
  at: number;
  pending?: Promise<unknown> | undefined;
}

export class SwrCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly freshMs: number,
    private readonly staleMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * A fresh value at once; a stale one at once while one revalidation runs in the background; an
   * expired or missing one from `load`, shared by every caller that asks meanwhile.
   */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    const age = entry && 'value' in entry ? this.now() - entry.at : Infinity;
    if (age < this.freshMs) return Promise.resolve(entry!.value as T);
    if (age < this.staleMs) {
      if (!entry!.pending) this.start(key, entry!, load).catch(() => undefined); // keep the stale value
      return Promise.resolve(entry!.value as T);
    }
    if (entry?.pending) return entry.pending as Promise<T>;
    const fresh: Entry = entry ?? { at: 0 };
    this.entries.set(key, fresh);
    return this.start(key, fresh, load);
  }

  private start<T>(key: string, entry: Entry, load: () => Promise<T>): Promise<T> {
    const p = load().then(
      (value) => {
        if (this.entries.get(key) === entry) Object.assign(entry, { value, at: this.now(), pending: undefined });
        return value;
      },
      (e: unknown) => {
        entry.pending = undefined;
        if (!('value' in entry) && this.entries.get(key) === entry) this.entries.delete(key);
        throw e;
      },
    );
    entry.pending = p;
    return p;
  }

  /** A value cached and still fresh, without loading anything. */
  peek(key: string): unknown {
    const entry = this.entries.get(key);
    return entry && 'value' in entry && this.now() - entry.at < this.freshMs ? entry.value : undefined;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, { value, at: this.now() });
  }

  /** Every cached value (to update an item that changed in place). */
  *values(): IterableIterator<[string, unknown]> {
    for (const [key, entry] of this.entries) if ('value' in entry) yield [key, entry.value];
  }

  /** Replace a cached value, keeping its age. */
  replace(key: string, value: unknown): void {
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** At most `perMinute` requests in any sliding minute, and none while the server asked us to wait. */
export class RateLimiter {
  private times: number[] = [];
  private blockedUntil = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until a request may go out; 0 means now, and the request is counted. */
  take(): number {
    const now = this.now();
    this.times = this.times.filter((t) => now - t < 60_000);
    const wait = Math.max(
      this.blockedUntil - now,
      this.times.length >= this.perMinute ? this.times[0]! + 60_000 - now : 0,
    );
    if (wait <= 0) this.times.push(now);
    return Math.max(0, wait);
  }

  /** The server said 429: wait `seconds` before the next request. */
  block(seconds: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + seconds * 1000);
  }
}
