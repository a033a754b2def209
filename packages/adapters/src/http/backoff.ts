/** How long to wait before trying a request again: exponential, with full jitter. */

export interface BackoffOptions {
  /** The ceiling of the first wait (default 300 ms); it doubles with each attempt. */
  baseMs?: number | undefined;
  /** No wait is longer (default 8 s). */
  maxMs?: number | undefined;
  /** For tests. */
  random?: (() => number) | undefined;
}

/** The wait before retry number `attempt` (0-based): full jitter under `baseMs · 2^attempt`, at most `maxMs`. */
export function backoff(attempt: number, o: BackoffOptions = {}): number {
  const ceiling = Math.min(o.maxMs ?? 8000, (o.baseMs ?? 300) * 2 ** attempt);
  return Math.floor((o.random ?? Math.random)() * ceiling);
}
