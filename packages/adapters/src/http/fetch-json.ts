/**
 * A GET of JSON with a deadline: what the adapters that read a whole file fetch with.
 */
import { CivicError, type CivicErrorCode } from '@civic-kit/core';
import { throwIfAborted } from './abort.js';
import { Deadline } from './deadline.js';

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
