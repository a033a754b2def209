/**
 * Token buckets kept in this process's memory: `limit` requests per `windowSeconds` per key,
 * refilled continuously. Behind a load balancer each process counts on its own (so the effective
 * limit is per process); put a shared limiter in front for a hard global one.
 */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rule: RateLimit;
  private readonly now: () => number;
  private sweeps = 0;

  constructor(rule: RateLimit, now: () => number = Date.now) {
    this.rule = rule;
    this.now = now;
  }

  /** Take one token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const { limit, windowSeconds } = this.rule;
    if (limit <= 0) return 0;
    const now = this.now();
    const perMs = limit / (windowSeconds * 1000);
    const b = this.buckets.get(key) ?? { tokens: limit, at: now };
    b.tokens = Math.min(limit, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (++this.sweeps % 1000 === 0) this.sweep(now, perMs);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  /** Forget full buckets, so memory stays bounded by the active keys. */
  private sweep(now: number, perMs: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * perMs >= this.rule.limit) this.buckets.delete(k);
  }
}
