/** A write's deadline, and whether the browser says it is offline: what every write and lookup uses. */
import { CivicError } from './errors.js';

/** Whether the browser says it is offline (an online browser may still fail: treat `network` errors alike). */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/** How long an element waits for a write (vote, sign-up, support) before treating it as lost on the way. */
export const SEND_TIMEOUT_SECONDS = 30;

/**
 * An adapter write with a deadline. When `seconds` pass with no answer, the call is aborted through the
 * signal it was given and fails as `network`, so the element queues the write under its idempotency key
 * rather than saying "Sending…" for ever; should the first call still land, the key makes the queued
 * repeat count once. A `seconds` that is not a positive number means no deadline. `leave` ends the wait
 * at once the same way (an element that leaves the page queues what it was sending and keeps no timer).
 */
export function withDeadline<T>(
  call: (signal: AbortSignal) => Promise<T>,
  seconds: number = SEND_TIMEOUT_SECONDS,
  leave?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: (() => void) | undefined;
  const lost = new Promise<never>((_, reject) => {
    const give = (why: string) => {
      reject(new CivicError('network', why));
      controller.abort();
    };
    if (seconds > 0 && seconds < 2_000_000)
      timer = setTimeout(() => give(`No answer within ${seconds} s`), seconds * 1000);
    stop = () => give('The element left the page before an answer came');
    if (leave?.aborted) stop();
    else leave?.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([call(controller.signal), lost]).finally(() => {
    clearTimeout(timer);
    if (stop) leave?.removeEventListener('abort', stop);
  });
}
