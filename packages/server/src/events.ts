/**
 * Live changes for `GET /events`. A write says which topic changed (`poll:<id>` or
 * `initiative:<id>`) through the database (`NOTIFY` on PostgreSQL, so every server process hears
 * it); each process then reads the public view once and sends it to every stream subscribed to
 * that topic. Bursts are coalesced: 200 votes in a moment are a handful of events, each with the
 * counts as they are then.
 */
import type { ChangeEvent } from '@civic-kit/core';
import type { Db } from './db/db.js';
import { publicInitiative, publicPoll } from './store.js';

export type TopicKey = `poll:${string}` | `initiative:${string}`;
type Listener = (event: ChangeEvent) => void;

export const parseTopic = (s: string): TopicKey | undefined => {
  const m = /^(poll|initiative):(.{1,200})$/.exec(s);
  return m ? (s as TopicKey) : undefined;
};

export class LiveEvents {
  private readonly db: Db;
  private readonly now: () => Date;
  private readonly subscribers = new Map<string, Set<Listener>>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopListening: (() => void) | undefined;
  private readonly coalesceMs: number;

  constructor(db: Db, now: () => Date, coalesceMs = 30) {
    this.db = db;
    this.now = now;
    this.coalesceMs = coalesceMs;
  }

  async start(): Promise<void> {
    this.stopListening = await this.db.listen((payload) => this.schedule(payload));
  }

  stop(): void {
    this.stopListening?.();
    if (this.timer) clearTimeout(this.timer);
    this.subscribers.clear();
  }

  /** After a commit: tell every process that `topic` changed. */
  async changed(topic: TopicKey): Promise<void> {
    try {
      await this.db.notify(topic);
    } catch (e) {
      console.error('civic-server: could not announce a change', e);
    }
  }

  /** Hear every change of `topics`; returns the way to stop. */
  subscribe(topics: readonly TopicKey[], listener: Listener): () => void {
    for (const t of topics) {
      let set = this.subscribers.get(t);
      if (!set) this.subscribers.set(t, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const t of topics) {
        const set = this.subscribers.get(t);
        set?.delete(listener);
        if (set && !set.size) this.subscribers.delete(t);
      }
    };
  }

  /** The current public view of a topic (sent to a stream that reconnects, so it misses nothing). */
  async snapshot(topic: TopicKey): Promise<ChangeEvent | undefined> {
    const [kind, ...rest] = topic.split(':');
    const id = rest.join(':');
    try {
      if (kind === 'poll') return { kind: 'poll', id, poll: await publicPoll(this.db, id, this.now()) };
      return { kind: 'initiative', id, initiative: await publicInitiative(this.db, id) };
    } catch {
      return undefined; // deleted or unknown: nothing to say
    }
  }

  private schedule(topic: string): void {
    if (!this.subscribers.has(topic)) return;
    this.pending.add(topic);
    this.timer ??= setTimeout(() => void this.flush(), this.coalesceMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const topics = [...this.pending];
    this.pending.clear();
    for (const topic of topics) {
      const listeners = this.subscribers.get(topic);
      if (!listeners?.size) continue;
      const event = await this.snapshot(topic as TopicKey);
      if (!event) continue;
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch (e) {
          console.error(e);
        }
      }
    }
  }
}
