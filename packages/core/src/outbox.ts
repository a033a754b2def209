/**
 * Writes that could not be sent yet (offline, network failure) wait here, in the host page's
 * localStorage, until they are delivered — also after a reload. Each keeps its idempotency key, so a
 * write that did reach the server before the connection dropped is still counted once.
 *
 * An embed shares storage with its host page and has no service worker: keep entries minimal and
 * remove them as soon as the server confirms.
 */
import { CivicError, toCivicError } from './errors.js';

export interface OutboxEntry<T = unknown> {
  /** The write's idempotency key; also its id here. */
  key: string;
  /** What kind of write, e.g. `vote` or `signup`. */
  kind: string;
  /** What it is about, e.g. the poll id. */
  target: string;
  payload: T;
  /** ISO time it was first queued. */
  queuedAt: string;
  attempts: number;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const DEFAULT_KEY = 'civic-kit:outbox';

export class Outbox {
  private readonly storageKey: string;
  private readonly storage: Storage | undefined;
  /** Keys being sent right now by this page, so two elements never send the same entry at once. */
  private static readonly sending = new Set<string>();

  constructor(storageKey = DEFAULT_KEY, storage: Storage | undefined = defaultStorage()) {
    this.storageKey = storageKey;
    this.storage = storage;
  }

  /** Whether entries survive a reload (false where storage is blocked: they then last for this page). */
  get persistent(): boolean {
    try {
      this.storage?.setItem(`${this.storageKey}:probe`, '1');
      this.storage?.removeItem(`${this.storageKey}:probe`);
      return !!this.storage;
    } catch {
      return false;
    }
  }

  list<T>(filter: { kind?: string; target?: string } = {}): OutboxEntry<T>[] {
    return this.read().filter(
      (e) => (!filter.kind || e.kind === filter.kind) && (!filter.target || e.target === filter.target),
    ) as OutboxEntry<T>[];
  }

  /** Queue a write (a second `put` with the same key replaces the first). */
  put<T>(entry: Omit<OutboxEntry<T>, 'queuedAt' | 'attempts'> & Partial<OutboxEntry<T>>): OutboxEntry<T> {
    const full: OutboxEntry<T> = { queuedAt: new Date().toISOString(), attempts: 0, ...entry };
    this.write([...this.read().filter((e) => e.key !== entry.key), full]);
    return full;
  }

  remove(key: string): void {
    this.write(this.read().filter((e) => e.key !== key));
  }

  /**
   * Try to deliver the matching entries once each. `send` throws a `CivicError`; a retryable one
   * (network, rate-limited) keeps the entry for later, any other removes it and is reported.
   */
  async flush<T>(
    filter: { kind?: string; target?: string },
    send: (entry: OutboxEntry<T>) => Promise<void>,
  ): Promise<{ delivered: OutboxEntry<T>[]; failed: { entry: OutboxEntry<T>; error: CivicError }[] }> {
    const delivered: OutboxEntry<T>[] = [];
    const failed: { entry: OutboxEntry<T>; error: CivicError }[] = [];
    for (const listed of this.list<T>(filter)) {
      if (Outbox.sending.has(listed.key)) continue;
      // Read again: another tab (or flush) may have delivered it since the list was made.
      const entry = this.list<T>(filter).find((e) => e.key === listed.key);
      if (!entry) continue;
      Outbox.sending.add(entry.key);
      try {
        await send(entry);
        this.remove(entry.key);
        delivered.push(entry);
      } catch (e) {
        const error = toCivicError(e);
        // Put it back only if it is still queued (not delivered elsewhere meanwhile).
        if (error.retryable) {
          if (this.list({}).some((x) => x.key === entry.key)) this.put({ ...entry, attempts: entry.attempts + 1 });
        } else {
          this.remove(entry.key);
          failed.push({ entry, error });
        }
      } finally {
        Outbox.sending.delete(entry.key);
      }
    }
    return { delivered, failed };
  }

  private memory: OutboxEntry[] = [];

  private read(): OutboxEntry[] {
    try {
      const raw = this.storage?.getItem(this.storageKey);
      if (!raw) return this.memory;
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return this.memory;
    }
  }

  private write(entries: OutboxEntry[]): void {
    this.memory = entries;
    try {
      if (entries.length) this.storage?.setItem(this.storageKey, JSON.stringify(entries));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      /* storage full or blocked: kept in memory for this page */
    }
  }
}

/** localStorage, or undefined where reading it throws (sandboxed frames, blocked storage). */
function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Whether the browser says it is offline (an online browser may still fail: treat `network` errors alike). */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/** How long an element waits for a write (vote, sign-up) before treating it as lost on the way. */
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
