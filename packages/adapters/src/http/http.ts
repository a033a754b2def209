/**
 * The HTTP plumbing every adapter shares: the `aborted` error, waiting that a signal cuts short,
 * backoff with jitter, and a deadline for one request that joins the caller's signal to a timeout
 * (`fetchJson` is a GET of JSON built on it). An adapter keeps only what is its own: headers, status
 * codes, bodies, when to retry.
 */
import { CivicError, type CivicErrorCode } from '@civic-kit/core';

/** A call the caller cancelled through its signal: always `aborted`, never `network`. */
export const aborted = (cause?: unknown): CivicError =>
  new CivicError('aborted', 'The request was cancelled', { cause });

/** Throw `aborted` when `signal` has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw aborted(signal.reason);
}

/** Resolve after `ms`, or reject with `aborted` as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal.reason));
    const onAbort = () => {
      clearTimeout(t);
      reject(aborted(signal?.reason));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settle with `promise`, or reject with `aborted` as soon as `signal` fires (the work goes on for others). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

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

/**
 * One request's time: `signal` aborts when the caller's signal does or when `timeoutMs` passes.
 * Call `done()` when the response (body included) has been read.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onAbort = () => this.controller.abort();
  private expired = false;

  constructor(
    readonly timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    outer?.addEventListener('abort', this.onAbort, { once: true });
    if (outer?.aborted) this.controller.abort();
  }

  /** The signal to give `fetch`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The time ran out (rather than the caller cancelling). */
  get timedOut(): boolean {
    return this.expired;
  }

  /**
   * What a failure of the request stands for: `aborted` when the caller cancelled; a `CivicError` as
   * it is (unless it is the `aborted` of this deadline running out); anything else (a fetch that threw,
   * the time running out) `network`, naming `who` did not answer.
   */
  failure(e: unknown, who: string): CivicError {
    if (this.outer?.aborted) return aborted(this.outer.reason);
    if (e instanceof CivicError && !(this.expired && e.code === 'aborted')) return e;
    return new CivicError(
      'network',
      this.expired ? `${who} did not answer within ${this.timeoutMs} ms` : `${who} could not be reached`,
      { cause: e },
    );
  }

  done(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
  }
}

const codeForStatus = (status: number): CivicErrorCode =>
  status === 404 || status === 410
    ? 'not-found'
    : status === 401 || status === 403
      ? 'unauthorized'
      : status === 429
        ? 'rate-limited'
        : status >= 500
          ? 'network'
          : 'invalid-response';

export interface FetchJsonOptions {
  fetch?: typeof fetch | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  accept?: string;
}

/** GET `url` as JSON: a timeout, the caller's signal (`aborted`), HTTP failures as `CivicError`s. */
export async function fetchJson(url: string, o: FetchJsonOptions = {}): Promise<unknown> {
  throwIfAborted(o.signal);
  const deadline = new Deadline(o.timeoutMs ?? 10_000, o.signal);
  const doFetch = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  try {
    const res = await doFetch(url, {
      headers: { Accept: o.accept ?? 'application/json' },
      signal: deadline.signal,
      credentials: 'omit',
    });
    if (!res.ok) throw new CivicError(codeForStatus(res.status), `${url} answered ${res.status}`);
    try {
      return (await res.json()) as unknown;
    } catch (e) {
      if (deadline.signal.aborted) throw e;
      throw new CivicError('invalid-response', `${url} is not JSON`, { cause: e });
    }
  } catch (e) {
    throw deadline.failure(e, url);
  } finally {
    deadline.done();
  }
}

/** Readable name for a URL: its host (or the URL itself). */
export function hostOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).host || url;
  } catch {
    return url;
  }
}

/** An http(s) URL, resolved against the page; anything else is a misconfiguration. */
export function endpointUrl(endpoint: string | undefined, adapter: string): string {
  const value = endpoint?.trim();
  if (!value) throw new CivicError('misconfigured', `adapter="${adapter}" needs an endpoint="https://…" attribute`);
  let url: URL;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch (e) {
    throw new CivicError('misconfigured', `The endpoint "${value}" is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CivicError('misconfigured', `The endpoint "${value}" must be an http(s) URL`);
  return url.href;
}
