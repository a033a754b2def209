/**
 * What the file-reading adapters (`/static`, `/activitystreams`) share: fetching JSON with a timeout,
 * validation messages that name the field, coordinates checked for order, and a client-side index
 * (the core memory adapter, which filters, sorts, measures distance and pages in the browser).
 */
import {
  CivicError,
  MemoryAdapter,
  parseResponse,
  type CallOptions,
  type CivicErrorCode,
  type Initiative,
  type InitiativeQuery,
  type Page,
  type PageWarning,
  type Poll,
} from '@civic-kit/core';

export const aborted = (cause?: unknown): CivicError =>
  new CivicError('aborted', 'The request was cancelled', { cause });

/** A malformed payload, naming where: `malformed('https://…/x.json', 'features.3.geometry', 'expected …')`. */
export const malformed = (what: string, path: string, problem: string, cause?: unknown): CivicError =>
  new CivicError('invalid-response', `${what} is malformed at ${path || 'the top level'}: ${problem}`, { cause });

/** Validate `data` with `schema`; anything malformed is `invalid-response` naming `path` in `what` and the field. */
export function checked<S extends Parameters<typeof parseResponse>[0]>(
  schema: S,
  data: unknown,
  what: string,
  path: string,
  kind: string,
): ReturnType<typeof parseResponse<S>> {
  return parseResponse(schema, data, `${kind}${path ? ` at ${path}` : ''} in ${what}`);
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
  const timeoutMs = o.timeoutMs ?? 10_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (o.signal?.aborted) throw aborted(o.signal.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const doFetch = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { Accept: o.accept ?? 'application/json' },
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (e) {
      if (o.signal?.aborted) throw aborted(o.signal.reason);
      throw new CivicError(
        'network',
        timedOut ? `${url} did not answer within ${timeoutMs} ms` : `${url} could not be reached`,
        { cause: e },
      );
    }
    if (!res.ok) throw new CivicError(codeForStatus(res.status), `${url} answered ${res.status}`);
    try {
      return (await res.json()) as unknown;
    } catch (e) {
      if (o.signal?.aborted) throw aborted(o.signal.reason);
      if (timedOut) throw new CivicError('network', `${url} did not answer within ${timeoutMs} ms`, { cause: e });
      throw new CivicError('invalid-response', `${url} is not JSON`, { cause: e });
    }
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

/** Settle with `promise`, or reject with `aborted` as soon as `signal` fires (the work goes on for others). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (x) => (signal.removeEventListener('abort', onAbort), resolve(x)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e as Error)),
    );
  });
}

const number = (x: unknown): number | undefined => {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '') return Number(x);
  return undefined;
};

/**
 * A latitude and longitude as a backend gave them (numbers or numeric strings), checked: a pair that
 * is only valid the other way round (latitude beyond ±90, longitude within it) is swapped back.
 * `undefined` when they cannot be a point.
 */
export function latLng(latIn: unknown, lngIn: unknown): { lat: number; lng: number } | undefined {
  const lat = number(latIn);
  const lng = number(lngIn);
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) return { lat, lng };
  if (Math.abs(lng) <= 90 && Math.abs(lat) <= 180) return { lat: lng, lng: lat };
  return undefined;
}

/** `"lon;lat"` (Mobilizon's `geom`) or `"lon,lat"` as a point. */
export function lonLatString(s: unknown): { lat: number; lng: number } | undefined {
  if (typeof s !== 'string') return undefined;
  const parts = s.split(/[;,]/).map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  return latLng(parts[1], parts[0]);
}

/**
 * Initiatives and polls already normalised and validated, queried in the browser through the core
 * memory adapter (text, tags, status, near + radius, bbox, sort, cursor paging): one implementation
 * of the contract's filters for every adapter that reads a whole file.
 */
export class ClientIndex {
  private readonly memory: MemoryAdapter;

  /**
   * `warnings` travel with every page listed (items of the source were left out); `left` tells
   * why an item that was left out cannot be had by its id.
   */
  constructor(
    initiatives: readonly Initiative[],
    polls: readonly Poll[],
    now?: () => Date,
    private readonly warnings: readonly PageWarning[] = [],
    private readonly left: ReadonlyMap<string, CivicError> = new Map(),
  ) {
    this.memory = new MemoryAdapter({
      data: { initiatives: [...initiatives], polls: [...polls] },
      ...(now ? { now } : {}),
    });
  }

  async list(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    const page = await this.memory.listInitiatives(query, { signal: o?.signal });
    return this.warnings.length ? { ...page, warnings: this.warnings.map((w) => ({ ...w })) } : page;
  }

  get(id: string, o?: CallOptions): Promise<Initiative> {
    const left = this.left.get(id);
    return left ? Promise.reject(left) : this.memory.getInitiative(id, { signal: o?.signal });
  }

  poll(id: string, o?: CallOptions): Promise<Poll> {
    const left = this.left.get(id);
    return left ? Promise.reject(left) : this.memory.getPoll(id, { signal: o?.signal });
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

/** An http(s) URL, resolved against `base`; anything else is a misconfiguration. */
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
