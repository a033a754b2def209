/**
 * Cancelling: a call the caller cancelled is `aborted` (never `network`), and waits end when it is.
 */
import { CivicError } from '@civic-kit/core';

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
