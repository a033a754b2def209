/**
 * One suite of write tests, run against every element that writes (the poll's vote, the sign-up, the
 * card's support): each case must end with the write counted exactly once, and the element saying
 * what is true on the way.
 */
import {
  MemoryAdapter,
  Outbox,
  voterHash,
  writeRetry,
  type CivicWriteDoneEvent,
  type WriteOptions,
} from '@civic-kit/core';
import { expect, waitUntil } from '@open-wc/testing';
import type { ScriptedAdapter } from './adapters.js';

type Method = 'vote' | 'findOthers' | 'supportInitiative';

export interface WriteSubject {
  /** The element's tag, for the suite's title. */
  tag: string;
  method: Method;
  event: 'civic-vote-done' | 'civic-signup-done' | 'civic-support-done';
  /** A fresh demo adapter. */
  adapter: () => ScriptedAdapter;
  /** A new element in the page, through `adapter`, ready to write; `props` are set on it. */
  mount: (adapter: ScriptedAdapter, props: Record<string, unknown>) => Promise<HTMLElement>;
  /** Make the write as a person would. */
  write: (el: HTMLElement) => Promise<void>;
  /** How many writes of this voter the data source holds now (read past the adapter's script). */
  counted: (adapter: ScriptedAdapter, voter: string) => Promise<number>;
  /** How long a queued write of this kind is kept unsent, in ms from now. */
  keptMs: (adapter: ScriptedAdapter) => Promise<number>;
  /** What the element says: queued while online, queued while offline, done (sent now or from the queue). */
  says: { unreachable: RegExp; offline: RegExp; thisPage?: RegExp; done: RegExp };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const keys = (adapter: ScriptedAdapter, method: Method) =>
  (adapter.calls[method] ?? []).map((args) => (args[args.length - 1] as WriteOptions).idempotencyKey);
const blocked = () => {
  throw new Error('storage blocked');
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stubOnline(online: boolean): () => void {
  Object.defineProperty(navigator, 'onLine', { get: () => online, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)['onLine'];
}

export function describeWrites(s: WriteSubject): void {
  describe(`${s.tag}: the write path`, () => {
    const saved = { ...writeRetry };
    let storageKey = '';
    let outbox: Outbox;
    let voter = '';
    let events: CivicWriteDoneEvent[] = [];
    const onDone = (e: Event) => events.push(e as CivicWriteDoneEvent);
    const mounted: HTMLElement[] = [];
    const mount = async (adapter: ScriptedAdapter, props: Record<string, unknown> = {}) => {
      const el = await s.mount(adapter, { outbox, voter, ...props });
      mounted.push(el);
      return el;
    };
    const until = (what: () => boolean, message: string, timeout = 5000) => waitUntil(what, message, { timeout });
    const once = async (adapter: ScriptedAdapter) => {
      expect(await s.counted(adapter, voter), 'counted exactly once').to.equal(1);
      const sent = keys(adapter, s.method);
      expect(new Set(sent).size, 'one idempotency key throughout').to.equal(1);
      expect(outbox.list(), 'nothing left in the queue').to.deep.equal([]);
      const counted = events.filter((e) => !e.queued && !e.error);
      expect(counted.length, `one "${s.event}" saying it was counted`).to.equal(1);
    };

    beforeEach(() => {
      // Short waits between retries, so "by itself within a minute" is seconds here.
      Object.assign(writeRetry, { firstMs: 60, maxMs: 240 });
      storageKey = `civic-write-suite-${Math.random().toString(36).slice(2)}`;
      outbox = new Outbox(storageKey);
      voter = `voter-${Math.random().toString(36).slice(2)}`;
      events = [];
      document.addEventListener(s.event, onDone);
    });
    afterEach(() => {
      Object.assign(writeRetry, saved);
      document.removeEventListener(s.event, onDone);
      mounted.splice(0).forEach((el) => el.remove());
      localStorage.removeItem(storageKey);
    });

    it('queues a write the data source never answers once the deadline passes, then delivers it by itself', async () => {
      const adapter = s.adapter();
      const el = await mount(adapter, { sendTimeout: 0.2 });
      const gate = adapter.hold(s.method);
      await s.write(el);
      await gate.arrived;
      await until(() => s.says.unreachable.test(text(el)), 'not queued after the deadline');
      expect(text(el), 'the browser is online').not.to.match(s.says.offline);
      expect(events.filter((e) => e.queued)).to.have.length(1);
      gate.release(); // the first call lands late: the key keeps it to one
      await until(() => s.says.done.test(text(el)), 'not delivered by itself');
      await until(() => outbox.list().length === 0, 'still queued');
      await once(adapter);
    });

    it('delivers by itself, with the page left open, a write the source failed twice while online', async () => {
      const adapter = s.adapter().failNext(s.method, 'network').failNext(s.method, 'network');
      const el = await mount(adapter);
      await s.write(el);
      await until(() => s.says.unreachable.test(text(el)), 'not queued after the failure');
      expect(text(el), 'the browser is online: not "offline"').not.to.match(s.says.offline);
      // No `online` event, no reload, no click: the retry comes by itself.
      await until(() => s.says.done.test(text(el)), 'not delivered by itself');
      expect(keys(adapter, s.method)).to.have.length(3);
      await once(adapter);
      expect(
        events.filter((e) => e.delivered),
        'the delivery from the queue says so',
      ).to.have.length(1);
    });

    it('says "offline" only while the browser is offline, and sends once it is back', async () => {
      const adapter = s.adapter();
      const el = await mount(adapter);
      const back = stubOnline(false);
      try {
        await s.write(el);
        await until(() => s.says.offline.test(text(el)), 'not queued as offline');
        await pause(300);
        expect(adapter.calls[s.method], 'nothing sent while offline').to.equal(undefined);
      } finally {
        back();
      }
      window.dispatchEvent(new Event('online'));
      await until(() => s.says.done.test(text(el)), 'not sent when back online');
      await once(adapter);
    });

    it('keeps a queued write across a reload and delivers it once', async () => {
      Object.assign(writeRetry, { firstMs: 60_000, maxMs: 60_000 });
      const adapter = s.adapter().failNext(s.method, 'network');
      const first = await mount(adapter);
      await s.write(first);
      await until(() => s.says.unreachable.test(text(first)), 'not queued');
      first.remove();
      // A reload: a new element and a new queue over the same storage.
      outbox = new Outbox(storageKey);
      const second = await mount(adapter);
      await until(() => s.says.done.test(text(second)), 'the queued write was not delivered after the reload');
      await once(adapter);
    });

    it('stops showing a write as queued once another tab sent it, and never sends it again', async () => {
      Object.assign(writeRetry, { firstMs: 60_000, maxMs: 60_000 });
      const adapter = s.adapter().failNext(s.method, 'network');
      const el = await mount(adapter);
      await s.write(el);
      await until(() => s.says.unreachable.test(text(el)), 'not queued');
      const [entry] = outbox.list();
      // The other tab: it sends the entry with its key, removes it, and this tab hears of it.
      const o = { idempotencyKey: entry!.key, voter };
      if (s.method === 'vote')
        await MemoryAdapter.prototype.vote.call(
          adapter,
          entry!.target,
          (entry!.payload as { ballot: never }).ballot,
          o,
        );
      else if (s.method === 'supportInitiative')
        await MemoryAdapter.prototype.supportInitiative.call(adapter, entry!.target, o);
      else await MemoryAdapter.prototype.findOthers.call(adapter, entry!.payload as never, o);
      localStorage.removeItem(storageKey);
      window.dispatchEvent(new StorageEvent('storage', { key: storageKey }));
      await until(() => !s.says.unreachable.test(text(el)), 'still shown as queued');
      window.dispatchEvent(new Event('online'));
      await pause(300);
      expect(keys(adapter, s.method), 'not sent again by this tab').to.have.length(1);
      expect(await s.counted(adapter, voter)).to.equal(1);
    });

    it('keeps a queued write for the page where storage is blocked, shared by every element on it', async () => {
      Object.assign(writeRetry, { firstMs: 60_000, maxMs: 60_000 });
      const adapter = s.adapter().failNext(s.method, 'network');
      outbox = new Outbox(storageKey, { getItem: blocked, setItem: blocked, removeItem: blocked });
      const first = await mount(adapter);
      await s.write(first);
      await until(() => s.says.unreachable.test(text(first)), 'not queued');
      if (s.says.thisPage) expect(text(first)).to.match(s.says.thisPage);
      first.remove();
      // Another element on the same page, with its own Outbox over the same (blocked) key.
      outbox = new Outbox(storageKey, { getItem: blocked, setItem: blocked, removeItem: blocked });
      const second = await mount(adapter);
      await until(() => s.says.done.test(text(second)), 'the page lost the queued write');
      await once(adapter);
    });

    it('shows and sends a queued write only for the voter who made it, keeping a hash, never the token', async () => {
      Object.assign(writeRetry, { firstMs: 60_000, maxMs: 60_000 });
      const adapter = s.adapter().failNext(s.method, 'network');
      const theirs = voter;
      const first = await mount(adapter);
      await s.write(first);
      await until(() => s.says.unreachable.test(text(first)), 'not queued');
      first.remove();
      const raw = localStorage.getItem(storageKey) ?? '';
      expect(raw, 'the voter token is not kept').not.to.contain(theirs);
      expect(outbox.list()[0]?.voter).to.equal(voterHash(theirs));
      // Someone else at this browser: the write is not theirs to see or send.
      voter = `someone-else-${Math.random()}`;
      const other = await mount(adapter);
      await pause(300);
      expect(text(other)).not.to.match(s.says.unreachable);
      expect(keys(adapter, s.method), 'not sent for someone else').to.have.length(1);
      other.remove();
      voter = theirs;
      const again = await mount(adapter);
      await until(() => s.says.done.test(text(again)), 'not delivered for the voter who made it');
      await once(adapter);
    });

    it('drops a queued write once it expires, unsent and unshown', async () => {
      Object.assign(writeRetry, { firstMs: 60_000, maxMs: 60_000 });
      const adapter = s.adapter().failNext(s.method, 'network');
      const first = await mount(adapter);
      await s.write(first);
      await until(() => s.says.unreachable.test(text(first)), 'not queued');
      first.remove();
      const [entry] = outbox.list();
      const kept = Date.parse(entry!.expiresAt!) - Date.now();
      const expected = await s.keptMs(adapter);
      expect(Math.abs(kept - expected), `kept ${kept} ms, expected ${expected} ms`).to.be.below(60_000);
      // Time passes: the entry is past its expiry.
      outbox.put({ ...entry!, expiresAt: new Date(Date.now() - 1000).toISOString() });
      const next = await mount(adapter);
      await pause(300);
      expect(text(next)).not.to.match(s.says.unreachable);
      expect(keys(adapter, s.method), 'an expired write is not sent').to.have.length(1);
      expect(localStorage.getItem(storageKey), 'and no longer stored').to.equal(null);
      expect(await s.counted(adapter, voter)).to.equal(0);
    });

    it('queues a write still on its way when the element leaves the page; the next one sends it once', async () => {
      const adapter = s.adapter();
      const el = await mount(adapter);
      const gate = adapter.hold(s.method);
      await s.write(el);
      await gate.arrived;
      el.remove();
      await until(() => outbox.list().length === 1, 'not queued when the element left');
      gate.release();
      const next = await mount(adapter);
      await until(() => s.says.done.test(text(next)), 'the next element did not send it');
      await once(adapter);
    });
  });
}
