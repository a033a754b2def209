/**
 * One request's time: the caller's signal joined to a timeout, and what a failure within it stands for.
 */
import { CivicError } from '@civic-kit/core';
import { aborted } from './abort.js';

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
