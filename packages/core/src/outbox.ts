/**
 * Writes that could not be sent yet (offline, network failure) wait here, in the host page's
 * localStorage, until they are delivered — also after a reload. Each keeps its idempotency key, so a
 * write that did reach the server before the connection dropped is still counted once.
 *
 * An embed shares storage with its host page and has no service worker: keep entries minimal, give
 * each an expiry, keep a hash of the voter token (never the token) and remove an entry as soon as the
 * server confirms it. docs/privacy.md lists what is kept and for how long.
 */
import { toCivicError, type CivicError } from './errors.js';

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
  /** `voterHash(token)` of the voter who made it (`''` for no token): it is sent and shown only for them. */
  voter?: string;
  /** ISO time after which it is dropped unsent (a sign-up after 24 hours, a ballot when its poll closes). */
  expiresAt?: string;
}

/** What to select: a kind, a target, a voter's hash (`''` is the voter with no token). */
export interface OutboxFilter {
  kind?: string;
  target?: string;
  voter?: string;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const DEFAULT_KEY = 'civic-kit:outbox';
const HOUR = 3_600_000;
/** How long an entry queued without an expiry (by an earlier version) is kept. */
const DEFAULT_LIFETIME: Record<string, number> = { signup: 24 * HOUR };
const DEFAULT_LIFETIME_OTHER = 7 * 24 * HOUR;

/**
 * A short, one-way tag of a voter token, to match a queued write to the voter who made it without
 * keeping the token (cyrb53, 53 bits as 14 hex digits). `''` for no token.
 */
export function voterHash(token: string | undefined): string {
  if (token === undefined) return '';
  let h1 = 0xdeadbeef ^ token.length;
  let h2 = 0x41c6ce57 ^ token.length;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Keys being sent right now by this page, so two elements never send the same entry at once. */
const sending = /* @__PURE__ */ new Set<string>();
/**
 * The page's copy of each queue, by storage key: where storage is blocked or full, every element
 * and every `Outbox` over that key shares it, so a queued write lasts as long as the page.
 */
const memory = /* @__PURE__ */ new Map<string, OutboxEntry[]>();
/** Storage keys whose last write to storage failed: their page copy is the one to read. */
const unstored = /* @__PURE__ */ new Set<string>();
const byKey = /* @__PURE__ */ new Map<string, Outbox>();

export class Outbox {
  private readonly storageKey: string;
  private readonly storage: Storage | undefined;
  /** The page's one queue for a storage key (in `localStorage`, or for the page where that is blocked). */
  static for(storageKey: string = DEFAULT_KEY): Outbox {
    let box = byKey.get(storageKey);
    if (!box) byKey.set(storageKey, (box = new Outbox(storageKey)));
    return box;
  }

  constructor(storageKey = DEFAULT_KEY, storage: Storage | undefined = defaultStorage()) {
    this.storageKey = storageKey;
    this.storage = storage;
  }

  /** The storage key, to recognise `storage` events from other tabs about this queue. */
  get key(): string {
    return this.storageKey;
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

  list<T>(filter: OutboxFilter = {}): OutboxEntry<T>[] {
    return this.read().filter(
      (e) =>
        (!filter.kind || e.kind === filter.kind) &&
        (!filter.target || e.target === filter.target) &&
        (filter.voter === undefined || (e.voter ?? '') === filter.voter),
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
    filter: OutboxFilter,
    send: (entry: OutboxEntry<T>) => Promise<void>,
  ): Promise<{ delivered: OutboxEntry<T>[]; failed: { entry: OutboxEntry<T>; error: CivicError }[] }> {
    const delivered: OutboxEntry<T>[] = [];
    const failed: { entry: OutboxEntry<T>; error: CivicError }[] = [];
    for (const listed of this.list<T>(filter)) {
      if (sending.has(listed.key)) continue;
      // Read again: another tab (or flush) may have delivered it since the list was made.
      const entry = this.list<T>(filter).find((e) => e.key === listed.key);
      if (!entry) continue;
      sending.add(entry.key);
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
        sending.delete(entry.key);
      }
    }
    return { delivered, failed };
  }

  /** The entries, without those past their expiry (which are removed). */
  private read(): OutboxEntry[] {
    const all = this.readAll();
    const now = Date.now();
    const live = all.filter((e) => expiry(e) > now);
    if (live.length !== all.length) this.write(live);
    return live;
  }

  private readAll(): OutboxEntry[] {
    const copy = memory.get(this.storageKey) ?? [];
    if (unstored.has(this.storageKey)) return copy;
    try {
      const raw = this.storage?.getItem(this.storageKey);
      if (!this.storage) return copy;
      if (!raw) return [];
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]).map(upgrade) : [];
    } catch {
      return copy;
    }
  }

  private write(entries: OutboxEntry[]): void {
    memory.set(this.storageKey, entries);
    try {
      if (!this.storage) throw new Error('no storage');
      if (entries.length) this.storage.setItem(this.storageKey, JSON.stringify(entries));
      else this.storage.removeItem(this.storageKey);
      unstored.delete(this.storageKey);
    } catch {
      /* storage full or blocked: kept in memory for this page */
      unstored.add(this.storageKey);
    }
  }
}

/** When an entry is dropped unsent: its own expiry, or a default by kind for one queued without. */
function expiry(e: OutboxEntry): number {
  const at = e.expiresAt ? Date.parse(e.expiresAt) : NaN;
  if (Number.isFinite(at)) return at;
  const queued = Date.parse(e.queuedAt);
  return (Number.isFinite(queued) ? queued : 0) + (DEFAULT_LIFETIME[e.kind] ?? DEFAULT_LIFETIME_OTHER);
}

/** An entry an earlier version queued with the raw voter token: the token is replaced by its hash. */
function upgrade(e: OutboxEntry): OutboxEntry {
  const p = e.payload as { voter?: unknown } | null;
  if (e.voter !== undefined || !p || typeof p !== 'object' || !('voter' in p)) return e;
  const { voter, ...payload } = p;
  return { ...e, payload, voter: voterHash(typeof voter === 'string' ? voter : undefined) };
}

/** localStorage, or undefined where reading it throws (sandboxed frames, blocked storage). */
function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export { isOffline, SEND_TIMEOUT_SECONDS, withDeadline } from './deadline.js';
