/**
 * The REST adapter: speaks the Civic Kit REST contract (`packages/server/openapi.json`) to any
 * server that implements it, such as `@civic-kit/server`.
 *
 * - every call has a timeout and honours `signal` (a cancelled call is `aborted`, never `network`);
 * - reads, and writes that carry an idempotency key (all of them), are retried on network failures
 *   and on 429/502/503/504 with exponential backoff and full jitter, waiting at least `Retry-After`;
 * - every response is validated with the core `parse*` functions (`invalid-response` otherwise); in a
 *   page of initiatives each item on its own: one that cannot be shown is left out and counted in the
 *   page's `warnings` (docs/adr/0005-places-without-a-pin-and-skipped-items.md);
 * - RFC 9457 problem details become a `CivicError` with the code their `type` names, with
 *   per-field messages and `retryAfter`;
 * - `subscribe` shares one `EventSource` for all topics, which reconnects with backoff.
 */
import {
  CIVIC_ERROR_CODES,
  CivicError,
  InitiativeSchema,
  InterestSchema,
  parseInitiative,
  parseInitiativePage,
  parseInterests,
  parseMatches,
  parseSignupForm,
  parsePlaceMatches,
  parsePoll,
  parseResponse,
  type Ballot,
  type CallOptions,
  type Capability,
  type ChangeEvent,
  type CivicAdapter,
  type CivicErrorCode,
  type Initiative,
  type InitiativeQuery,
  type Interest,
  type Matches,
  type PlaceMatch,
  type Page,
  type Poll,
  type SignupForm,
  type SignupInput,
  type Topic,
  type WriteOptions,
} from '@civic-kit/core';
import { backoff, Deadline, sleep, throwIfAborted } from '../http/index.js';
import { Skipped } from '../skipped.js';

export const REST_CAPABILITIES: readonly Capability[] = [
  'list-initiatives',
  'get-initiative',
  'support-initiative',
  'get-poll',
  'vote',
  'change-vote',
  'list-interests',
  'find-others',
  'find-places',
  'subscribe',
];

type EventSourceConstructor = new (url: string) => EventSource;

export interface RestAdapterOptions {
  /** The server's base URL, e.g. `https://api.our-town.org/civic`. */
  endpoint: string;
  /** A voter token from the host site, used when a call names none (reads show `myBallot` with it). */
  voter?: string | undefined;
  /** Milliseconds before one attempt counts as a network failure. Default 10 000. */
  timeoutMs?: number;
  /** Further attempts after the first, for retryable failures. Default 3. */
  retries?: number;
  /** First backoff step in milliseconds (doubling each time, with full jitter). Default 300. */
  retryBaseMs?: number;
  /** Longest backoff step. Default 8 000. */
  retryMaxMs?: number;
  /** A `Retry-After` longer than this (seconds) is not waited for: the call fails with `rate-limited`. Default 30. */
  maxRetryAfterSeconds?: number;
  /**
   * The per-browser id sent (as `Civic-Browser`) when there is no voter token, for polls that allow
   * anonymous voting. Default: a random id kept in localStorage per endpoint origin, made on the
   * browser's first write (nothing is stored for a visitor who only reads); `false` sends none.
   */
  browserId?: string | false;
  /**
   * Only initiatives from here, on a reference server that follows other communities: `local` (its own),
   * `followed` (every community it follows) or one community's actor address. Default: all of them.
   */
  sourceFilter?: string | undefined;
  fetch?: typeof fetch;
  /** Default: the global `EventSource`; without one, `subscribe` is not offered. */
  EventSource?: EventSourceConstructor | undefined;
  /** Jitter source (tests). */
  random?: () => number;
}

interface RequestOptions {
  signal?: AbortSignal | undefined;
  locale?: string | undefined;
  /** Send who is asking (voter token or browser id). */
  identify?: boolean;
  voter?: string | undefined;
  idempotencyKey?: string | undefined;
  body?: unknown;
}

const PROBLEM_PREFIX = 'urn:civic-kit:problem:';
const BROWSER_KEY = 'civic-kit:browser-id:';

/** A code for a response that carries no recognisable problem type. */
function codeForStatus(status: number): CivicErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status === 501 || status === 405) return 'unsupported';
  if (status === 502 || status === 503 || status === 504) return 'network';
  if (status >= 400 && status < 500) return 'invalid-request';
  return 'invalid-response';
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** `/place/lat` → `place.lat` (the dot paths `CivicError.fields` uses). */
const dotPath = (pointer: string) =>
  pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

/** An error response (problem details or anything else) as a `CivicError`. */
export async function errorFromResponse(res: Response): Promise<CivicError> {
  let problem: Record<string, unknown> | undefined;
  if (/json/i.test(res.headers.get('content-type') ?? '')) {
    try {
      const body: unknown = await res.json();
      if (body && typeof body === 'object' && !Array.isArray(body)) problem = body as Record<string, unknown>;
    } catch {
      /* not JSON after all */
    }
  }
  const type = typeof problem?.type === 'string' ? problem.type : '';
  const named = type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : problem?.code;
  const code = CIVIC_ERROR_CODES.includes(named as CivicErrorCode)
    ? (named as CivicErrorCode)
    : codeForStatus(res.status);
  const detail = typeof problem?.detail === 'string' ? problem.detail : undefined;
  const title = typeof problem?.title === 'string' ? problem.title : undefined;
  const fields: Record<string, string> = {};
  if (Array.isArray(problem?.errors)) {
    for (const e of problem.errors as Record<string, unknown>[]) {
      if (!e || typeof e.detail !== 'string') continue;
      const key =
        typeof e.parameter === 'string' ? e.parameter : typeof e.pointer === 'string' ? dotPath(e.pointer) : '';
      if (key && !(key in fields)) fields[key] = e.detail;
    }
  }
  const retryAfter =
    parseRetryAfter(res.headers.get('retry-after')) ??
    (typeof problem?.retryAfter === 'number' ? problem.retryAfter : undefined);
  return new CivicError(code, (detail ?? title ?? `The server answered ${res.status}`).slice(0, 500), {
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    cause: problem ?? res.status,
  });
}

/**
 * The id kept for this browser per endpoint origin. Made and stored only for a write (`create`): a
 * visitor who only reads leaves nothing in the page's storage; a read sends an id only once one exists.
 */
function storedBrowserId(endpoint: string, create: boolean): string | undefined {
  const fresh = () =>
    globalThis.crypto?.randomUUID?.() ??
    `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  let key = BROWSER_KEY;
  try {
    key += new URL(endpoint, globalThis.location?.href).origin;
    const storage = globalThis.localStorage;
    const existing = storage?.getItem(key);
    if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
    if (!create) return undefined;
    const id = fresh();
    storage?.setItem(key, id);
    return id;
  } catch {
    return create ? fresh() : undefined; // storage blocked: one id for this page, from its first write
  }
}

export class RestAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability>;
  readonly endpoint: string;
  private readonly options: RestAdapterOptions;
  private readonly fetchFn: typeof fetch;
  private readonly EventSourceCtor: EventSourceConstructor | undefined;
  private browser: string | undefined;
  private readonly listeners = new Map<string, Set<(e: ChangeEvent) => void>>();
  private source: EventSource | undefined;
  private sourceTopics = '';
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnects = 0;
  private disposed = false;

  constructor(options: RestAdapterOptions) {
    this.options = options;
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.EventSourceCtor = 'EventSource' in options ? options.EventSource : globalThis.EventSource;
    this.capabilities = new Set(REST_CAPABILITIES.filter((c) => c !== 'subscribe' || this.EventSourceCtor));
  }

  // ─── the contract ─────────────────────────────────────────────────────────────────────────

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    const p = new URLSearchParams();
    if (query.q) p.set('q', query.q);
    if (query.tags?.length) p.set('tags', query.tags.join(','));
    if (query.status?.length) p.set('status', query.status.join(','));
    if (query.near) p.set('near', `${query.near.lat},${query.near.lng}`);
    if (query.radiusKm !== undefined) p.set('radiusKm', String(query.radiusKm));
    if (query.bbox) p.set('bbox', query.bbox.join(','));
    if (query.sort) p.set('sort', query.sort);
    if (query.cursor) p.set('cursor', query.cursor);
    if (query.limit !== undefined) p.set('limit', String(query.limit));
    if (this.options.sourceFilter) p.set('source', this.options.sourceFilter);
    const qs = p.toString();
    return this.initiativePage(await this.request('GET', `/initiatives${qs ? `?${qs}` : ''}`, { ...o }));
  }

  /**
   * A page of initiatives: the envelope (cursor, total, the server's own warnings) as the contract says,
   * else `invalid-response`; then each item on its own, one that cannot be shown left out and counted.
   */
  private initiativePage(body: unknown): Page<Initiative> {
    const list = body && typeof body === 'object' ? (body as { items?: unknown }).items : undefined;
    if (!Array.isArray(list)) return parseInitiativePage(body);
    const page = parseInitiativePage({ ...(body as object), items: [] });
    const skipped = new Skipped();
    list.forEach((item, i) => {
      try {
        page.items.push(parseResponse(InitiativeSchema, item, `initiative at items.${i} in /initiatives`));
      } catch (e) {
        if (!(e instanceof CivicError)) throw e;
        skipped.addError(e);
      }
    });
    const warning = skipped.warning(this.sourceName);
    if (warning) page.warnings = [...(page.warnings ?? []), warning];
    return page;
  }

  /** The name warnings and console lines give this server: its host. */
  private get sourceName(): string {
    try {
      return new URL(this.endpoint, globalThis.location?.href).host || this.endpoint;
    } catch {
      return this.endpoint;
    }
  }

  async getInitiative(id: string, o?: CallOptions & { voter?: string | undefined }): Promise<Initiative> {
    return parseInitiative(
      await this.request('GET', `/initiatives/${encodeURIComponent(id)}`, { ...o, identify: true }),
    );
  }

  async supportInitiative(id: string, o: WriteOptions): Promise<Initiative> {
    return parseInitiative(
      await this.request('POST', `/initiatives/${encodeURIComponent(id)}/support`, { ...o, identify: true, body: {} }),
    );
  }

  async getPoll(id: string, o?: CallOptions & { voter?: string | undefined }): Promise<Poll> {
    return parsePoll(await this.request('GET', `/polls/${encodeURIComponent(id)}`, { ...o, identify: true }));
  }

  async vote(pollId: string, ballot: Ballot, o: WriteOptions): Promise<Poll> {
    return parsePoll(
      await this.request('POST', `/polls/${encodeURIComponent(pollId)}/votes`, { ...o, identify: true, body: ballot }),
    );
  }

  /** The causes a person may pick; one the server sends that cannot be shown is left out and said once. */
  async listInterests(o?: CallOptions): Promise<Interest[]> {
    const body = await this.request('GET', '/interests', { ...o });
    if (!Array.isArray(body)) return parseInterests(body);
    const skipped = new Skipped();
    const interests: Interest[] = [];
    body.forEach((item, i) => {
      try {
        interests.push(parseResponse(InterestSchema, item, `interest at ${i} in /interests`));
      } catch (e) {
        if (!(e instanceof CivicError)) throw e;
        skipped.addError(e);
      }
    });
    skipped.warning(this.sourceName);
    return interests;
  }

  /** `GET /places?q=`; a server older than it answers 404, and the sign-up form then sends the text as typed. */
  async findPlaces(text: string, o?: CallOptions): Promise<PlaceMatch[]> {
    return parsePlaceMatches(await this.request('GET', `/places?${new URLSearchParams({ q: text })}`, { ...o }));
  }

  /** `GET /signups/form`: a stamp for the form being shown, its shortest fill time, the server's consent words. */
  async signupForm(o?: CallOptions): Promise<SignupForm> {
    return parseSignupForm(await this.request('GET', '/signups/form', { ...o }));
  }

  async findOthers(signup: SignupInput, o: WriteOptions): Promise<Matches> {
    return parseMatches(await this.request('POST', '/signups', { ...o, identify: true, body: signup }));
  }

  subscribe(topic: Topic, onEvent: (event: ChangeEvent) => void): () => void {
    if (!this.EventSourceCtor || this.disposed) return () => undefined;
    const key = `${topic.kind}:${topic.id}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(onEvent);
    this.scheduleReopen(0, false);
    return () => {
      set.delete(onEvent);
      if (!set.size) this.listeners.delete(key);
      this.scheduleReopen(0, false);
    };
  }

  /** Close the live connection (the provider calls this when it replaces the adapter). */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = undefined;
  }

  // ─── HTTP ─────────────────────────────────────────────────────────────────────────────────

  private backoff(attempt: number): number {
    const o = this.options;
    return backoff(attempt, { baseMs: o.retryBaseMs, maxMs: o.retryMaxMs, random: o.random });
  }

  private headers(method: string, o: RequestOptions): Headers {
    const h = new Headers({ Accept: 'application/json, application/problem+json' });
    if (o.locale) h.set('Accept-Language', o.locale);
    if (o.body !== undefined) h.set('Content-Type', 'application/json');
    if (o.idempotencyKey !== undefined) h.set('Idempotency-Key', `"${o.idempotencyKey.replace(/["\\]/g, '')}"`);
    if (o.identify) {
      const voter = o.voter ?? this.options.voter;
      if (voter) h.set('Authorization', `Bearer ${voter}`);
      else if (this.options.browserId !== false) {
        this.browser ??= this.options.browserId || storedBrowserId(this.endpoint, method !== 'GET');
        if (this.browser) h.set('Civic-Browser', this.browser);
      }
    }
    void method;
    return h;
  }

  /** One call with timeouts, retries and error mapping; resolves to the parsed JSON body. */
  private async request(method: 'GET' | 'POST', path: string, o: RequestOptions): Promise<unknown> {
    const signal = o.signal;
    const retries = this.options.retries ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    // Safe to repeat: reads, and writes the server recognises by their key.
    const retryable = method === 'GET' || o.idempotencyKey !== undefined;
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const deadline = new Deadline(timeoutMs, signal);
      let failure: CivicError;
      try {
        const headers = this.headers(method, o);
        const res = await this.fetchFn(`${this.endpoint}${path}`, {
          method,
          headers,
          body,
          signal: deadline.signal,
          credentials: 'omit',
          cache: 'no-store',
          // The voter token is for this endpoint alone: a request carrying it follows no redirect, so no
          // other host can receive it, whatever the browser does with headers on a redirect.
          ...(headers.has('Authorization') ? { redirect: 'error' as const } : {}),
        });
        if (res.ok) {
          if (!/json/i.test(res.headers.get('content-type') ?? ''))
            throw new CivicError('invalid-response', `The server answered ${path} with something other than JSON`);
          try {
            return await res.json();
          } catch (e) {
            if (deadline.signal.aborted) throw e;
            throw new CivicError('invalid-response', `The server answered ${path} with malformed JSON`, { cause: e });
          }
        }
        failure = await errorFromResponse(res);
        const wait = failure.retryAfter;
        // A load balancer's 502 and 504 (the server behind it restarting) pass like a 503.
        const transient = res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
        if (
          !retryable ||
          !transient ||
          attempt >= retries ||
          (wait !== undefined && wait > (this.options.maxRetryAfterSeconds ?? 30))
        )
          throw failure;
        await sleep(Math.max((wait ?? 0) * 1000, this.backoff(attempt)), signal);
        continue;
      } catch (e) {
        failure = deadline.failure(e, 'The server');
        // A failure the server answered with (or a cancel) is final; a connection that failed may be retried.
        if (e instanceof CivicError || failure.code === 'aborted' || !retryable || attempt >= retries) throw failure;
      } finally {
        deadline.done();
      }
      await sleep(this.backoff(attempt), signal);
    }
  }

  // ─── live updates ─────────────────────────────────────────────────────────────────────────

  private scheduleReopen(delayMs: number, resume: boolean): void {
    if (this.disposed) return;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      this.reopen(resume);
    }, delayMs);
  }

  private reopen(resume: boolean): void {
    const topics = [...this.listeners.keys()].sort().join(',');
    if (!resume && topics === this.sourceTopics && this.source && this.source.readyState !== 2) return;
    this.source?.close();
    this.source = undefined;
    this.sourceTopics = topics;
    if (!topics || !this.EventSourceCtor) return;
    const url = `${this.endpoint}/events?topics=${encodeURIComponent(topics)}${resume ? '&lastEventId=resume' : ''}`;
    const source = new this.EventSourceCtor(url);
    this.source = source;
    source.addEventListener('ready', () => (this.reconnects = 0));
    source.addEventListener('change', (m) => this.deliver((m as MessageEvent<string>).data));
    source.addEventListener('error', () => {
      // Reconnect ourselves (not the browser's way), always asking for every topic as it is now:
      // changes made while the stream was down, or before it first connected, are not lost.
      if (this.source !== source) return;
      source.close();
      this.scheduleReopen(this.backoff(Math.min(this.reconnects++, 6)) + 250, true);
    });
  }

  private deliver(data: string): void {
    let event: ChangeEvent;
    try {
      const raw = JSON.parse(data) as { kind?: unknown; id?: unknown; poll?: unknown; initiative?: unknown };
      if (typeof raw.id !== 'string') throw new CivicError('invalid-response', 'An event without an id');
      if (raw.kind === 'poll') event = { kind: 'poll', id: raw.id, poll: parsePoll(raw.poll) };
      else if (raw.kind === 'initiative')
        event = { kind: 'initiative', id: raw.id, initiative: parseInitiative(raw.initiative) };
      else throw new CivicError('invalid-response', 'An event of an unknown kind');
    } catch (e) {
      console.warn('Civic Kit REST adapter: ignored a malformed live event', e);
      return;
    }
    for (const l of [...(this.listeners.get(`${event.kind}:${event.id}`) ?? [])]) {
      try {
        l(event);
      } catch (e) {
        console.error(e);
      }
    }
  }
}
