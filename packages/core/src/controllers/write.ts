/**
 * The one write path of every element that writes (a vote, a sign-up, a support): the idempotency key
 * and the deadline, leaving the page, the outbox, retry while the page is open, which element on the
 * page looks after a queued write, and what other tabs did. docs/architecture.md describes it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicError, toCivicError } from '../errors.js';
import { Outbox, voterHash, type OutboxEntry } from '../outbox.js';
import { isOffline, SEND_TIMEOUT_SECONDS, withDeadline } from '../deadline.js';

/** Where a write is: none yet, on its way, waiting in the queue, counted, or refused. */
export const WRITE_PHASES = ['idle', 'sending', 'queued', 'done', 'failed'] as const;
export type WritePhase = (typeof WRITE_PHASES)[number];

/** One write: its idempotency key (kept on every retry of it) and what it sends. */
export interface Write<P> {
  readonly key: string;
  readonly payload: P;
}

/** How a write ended, as the element that shows it is told. */
export interface WriteEnd {
  /** It had waited in the queue. */
  readonly fromQueue: boolean;
  /** This element shows it (else it is another element's, or one nobody on the page shows now). */
  readonly mine: boolean;
}

export interface WriteControllerOptions<P, R> {
  /** What kind of write, e.g. `vote`; also its kind in the outbox. */
  kind: string;
  /** What the writes are about now (a poll id, an initiative id); undefined: nothing to write to yet. */
  target: () => string | undefined;
  /** The voter token now. Queued writes are matched on its hash and sent with it. */
  voter: () => string | undefined;
  /** Seconds to wait for an answer (not a positive number: no deadline). Default 30. */
  timeout?: () => number;
  /** The outbox (default: the page's one queue under `storageKey`). */
  outbox?: () => Outbox | undefined;
  /** The storage key of the page's queue to use when `outbox` gives none (default `civic-kit:outbox`). */
  storageKey?: () => string | undefined;
  /** Whether the data source can take this write now. */
  ready: () => boolean;
  /** The adapter call. */
  send: (payload: P, o: { idempotencyKey: string; voter: string | undefined; signal: AbortSignal }) => Promise<R>;
  /** Until when a queued write of this payload may still be sent (epoch ms). */
  expires: (payload: P) => number;
  /** A newer write of the same voter about the same target replaces one still waiting (a ballot). */
  replaces?: boolean;
  /** Counted. `fromQueue` when it had waited; `mine` false when sent for a write no element shows. */
  delivered: (write: Write<P>, result: R, end: WriteEnd) => void;
  /** Finally refused (not a network failure: those are queued). */
  failed: (write: Write<P>, error: CivicError, end: WriteEnd) => void;
  /** Put in the queue, with the error that put it there. */
  queued?: (write: Write<P>, error: CivicError) => void;
  /** Another element or tab sent this element's queued write. */
  deliveredElsewhere?: (write: Write<P>) => void;
  /** A write this voter queued earlier (before a reload, say) is now this element's to show. */
  restored?: (write: Write<P>) => void;
}

/** Retry delays: the first after about `firstMs`, doubling, with jitter, never more than `maxMs`. */
export const writeRetry = { firstMs: 4000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (0-based): exponential backoff with jitter (half to all of
 * `firstMs · 2^attempt`, at most `maxMs`). `random` is for tests.
 */
export function retryDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(writeRetry.maxMs, writeRetry.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + Math.min(1, Math.max(0, random)) / 2));
}

/** Every write controller on the page now: one of them may send a write another one shows. */
const connected = /* @__PURE__ */ new Set<WriteController<unknown, unknown>>();

/**
 * A Lit `ReactiveController` for one element's writes. The element builds the payload, calls
 * `submit`, renders `phase` and says what it means; the controller does the rest.
 */
export class WriteController<P, R> implements ReactiveController {
  /** Where this element's write is now. */
  phase: WritePhase = 'idle';
  /** The write shown now (on its way, queued, or the last one). */
  write: Write<P> | undefined;
  /** Why the last write failed (final) or waits (queued). */
  error: CivicError | undefined;
  /** The last result came from the queue. */
  fromQueue = false;
  /** Whether the queue lasts beyond this page (false where storage is blocked). */
  persistent = true;

  private leaving = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private flushing = false;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget & { isConnected: boolean },
    private readonly o: WriteControllerOptions<P, R>,
  ) {
    host.addController(this);
  }

  /** The browser says it is offline (not only: the data source could not be reached). */
  get offline(): boolean {
    return isOffline();
  }

  get box(): Outbox {
    return this.o.outbox?.() ?? Outbox.for(this.o.storageKey?.() || undefined);
  }

  private get voterTag(): string {
    return voterHash(this.o.voter());
  }

  hostConnected(): void {
    this.leaving = new AbortController();
    connected.add(this as WriteController<unknown, unknown>);
    globalThis.addEventListener?.('online', this.onWake);
    globalThis.addEventListener?.('offline', this.onNetwork);
    globalThis.addEventListener?.('focus', this.onWake);
    globalThis.addEventListener?.('storage', this.onStorage);
    globalThis.document?.addEventListener('visibilitychange', this.onVisible);
    // Shown again (moved, or a reload's element reconnected): look at the queue again.
    if ((this.host as { hasUpdated?: boolean }).hasUpdated) this.resume();
  }

  /** Show this voter's queued write, if any, and try to send what waits (on connect, or a new target). */
  resume(): void {
    this.restore();
    void this.flush();
  }

  hostDisconnected(): void {
    // A write still on its way is queued under its key, not left waiting on a detached element.
    this.leaving.abort();
    connected.delete(this as WriteController<unknown, unknown>);
    clearTimeout(this.timer);
    this.timer = undefined;
    globalThis.removeEventListener?.('online', this.onWake);
    globalThis.removeEventListener?.('offline', this.onNetwork);
    globalThis.removeEventListener?.('focus', this.onWake);
    globalThis.removeEventListener?.('storage', this.onStorage);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisible);
  }

  /** Forget the write shown (the element now shows something else); what is queued stays queued. */
  reset(): void {
    this.phase = 'idle';
    this.write = undefined;
    this.error = undefined;
    this.fromQueue = false;
    this.retries = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.host.requestUpdate();
  }

  /** Send a write now (queued if the browser is offline or the data source cannot be reached). */
  async submit(payload: P, key: string): Promise<void> {
    const write: Write<P> = { key, payload };
    this.write = write;
    this.error = undefined;
    this.fromQueue = false;
    this.phase = 'sending';
    this.host.requestUpdate();
    if (this.offline) return this.enqueue(write, new CivicError('network', 'The browser is offline'));
    try {
      const result = await this.call(payload, key, this.o.voter());
      // Sent again by hand while it waited: the queued copy is done with too.
      this.box.remove(key);
      if (this.write !== write) return; // replaced meanwhile (another poll id, say)
      this.settle(write, result, undefined, false);
    } catch (e) {
      if (this.write !== write) return;
      const error = toCivicError(e);
      if (error.code === 'network' || error.code === 'aborted') return this.enqueue(write, error);
      this.box.remove(key);
      this.settle(write, undefined, error, false);
    }
  }

  /** A write that cannot be sent at all (no data source, or one that cannot take it): failed, said so. */
  refuse(payload: P, key: string, error: CivicError): void {
    const write: Write<P> = { key, payload };
    this.write = write;
    this.settle(write, undefined, error, false);
  }

  /**
   * Show a write this voter queued earlier (before a reload, say) that no other element on the page
   * shows: it becomes this element's, and is returned so the element can show what it was.
   */
  restore(): Write<P> | undefined {
    const target = this.o.target();
    if (!target || (this.write && this.phase !== 'idle')) return undefined;
    let entries: OutboxEntry<P>[];
    try {
      entries = this.box.list<P>({ kind: this.o.kind, target, voter: this.voterTag });
    } catch {
      return undefined;
    }
    // Most elements have nothing queued: look at the others (every connected one) only when this one has.
    if (!entries.length) return undefined;
    const taken = new Set([...connected].filter((c) => c !== this && c.phase === 'queued').map((c) => c.write?.key));
    const entry = entries.filter((e) => !taken.has(e.key)).pop();
    if (!entry) return undefined;
    this.write = { key: entry.key, payload: entry.payload };
    this.persistent = this.box.persistent;
    this.phase = 'queued';
    this.error = undefined;
    this.host.requestUpdate();
    this.schedule(entry.attempts);
    this.o.restored?.(this.write);
    return this.write;
  }

  /** Send what waits in the queue for this target and voter, each once, with its own key. */
  async flush(): Promise<void> {
    const target = this.o.target();
    if (!target || this.flushing || this.offline || !this.host.isConnected || !this.o.ready()) return;
    const filter = { kind: this.o.kind, target, voter: this.voterTag };
    const box = this.box;
    const mineBefore = this.phase === 'queued' ? this.write : undefined;
    if (!box.list(filter).length) {
      if (mineBefore) this.elsewhere(mineBefore);
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = true;
    const results = new Map<string, R>();
    const voter = this.o.voter();
    try {
      const { delivered, failed } = await box.flush<P>(filter, async (entry) => {
        results.set(entry.key, await this.call(entry.payload, entry.key, voter));
      });
      for (const entry of delivered) this.settleQueued(entry, results.get(entry.key), undefined);
      for (const { entry, error } of failed) this.settleQueued(entry, undefined, error);
    } finally {
      this.flushing = false;
    }
    const left = box.list(filter);
    if (left.length) {
      this.retries = Math.max(this.retries, ...left.map((e) => e.attempts));
      this.schedule(this.retries);
    } else this.retries = 0;
    if (
      mineBefore &&
      this.phase === 'queued' &&
      this.write === mineBefore &&
      !left.some((e) => e.key === mineBefore.key)
    )
      this.elsewhere(mineBefore);
  }

  private call(payload: P, key: string, voter: string | undefined): Promise<R> {
    return withDeadline(
      (signal) => this.o.send(payload, { idempotencyKey: key, voter, signal }),
      this.o.timeout?.() ?? SEND_TIMEOUT_SECONDS,
      this.leaving.signal,
    );
  }

  private enqueue(write: Write<P>, error: CivicError): void {
    const target = this.o.target();
    const box = this.box;
    const voter = this.voterTag;
    if (target !== undefined) {
      if (this.o.replaces) {
        for (const e of box.list({ kind: this.o.kind, target, voter })) if (e.key !== write.key) box.remove(e.key);
      }
      box.put<P>({
        key: write.key,
        kind: this.o.kind,
        target,
        payload: write.payload,
        voter,
        expiresAt: new Date(this.o.expires(write.payload)).toISOString(),
      });
    }
    this.persistent = box.persistent;
    this.phase = 'queued';
    this.error = error;
    this.host.requestUpdate();
    this.o.queued?.(write, error);
    this.schedule(this.retries);
  }

  /** Retry by itself while the page is open; not while the browser is offline (`online` wakes it). */
  private schedule(attempt: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.host.isConnected || this.offline) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.retries = attempt + 1;
      void this.flush();
    }, retryDelay(attempt));
  }

  private settle(write: Write<P>, result: R | undefined, error: CivicError | undefined, fromQueue: boolean): void {
    this.fromQueue = fromQueue;
    this.retries = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    const end: WriteEnd = { fromQueue, mine: true };
    if (error) {
      this.phase = 'failed';
      this.error = error;
      this.host.requestUpdate();
      this.o.failed(write, error, end);
    } else {
      this.phase = 'done';
      this.error = undefined;
      this.host.requestUpdate();
      this.o.delivered(write, result as R, end);
    }
  }

  /** A queued write was sent: the element that shows it settles it; with none, this one tells the host. */
  private settleQueued(entry: OutboxEntry<P>, result: R | undefined, error: CivicError | undefined): void {
    const owner = [...connected].find(
      (c) => c.o.kind === this.o.kind && c.phase === 'queued' && c.write?.key === entry.key,
    ) as WriteController<P, R> | undefined;
    const write = owner?.write ?? { key: entry.key, payload: entry.payload };
    if (owner) return owner.settle(write, result, error, true);
    const end: WriteEnd = { fromQueue: true, mine: false };
    if (error) this.o.failed(write, error, end);
    else this.o.delivered(write, result as R, end);
  }

  private elsewhere(write: Write<P>): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.o.deliveredElsewhere?.(write);
  }

  private readonly onWake = (): void => {
    this.onNetwork();
    void this.flush();
  };

  /** What a queued write's status says depends on whether the browser is online. */
  private readonly onNetwork = (): void => {
    if (this.phase === 'queued') this.host.requestUpdate();
  };

  private readonly onVisible = (): void => {
    if (globalThis.document?.visibilityState === 'visible') this.onWake();
  };

  /** Another tab changed the queue: a write this element shows as waiting may have been sent there. */
  private readonly onStorage = (e: StorageEvent): void => {
    if (e.key === null || e.key === this.box.key) this.recheck();
  };

  /** If the write shown as waiting is no longer in the queue, another element or tab sent it. */
  recheck(): void {
    const w = this.write;
    if (this.phase === 'queued' && w && !this.box.list({ kind: this.o.kind }).some((x) => x.key === w.key))
      this.elsewhere(w);
  }
}
