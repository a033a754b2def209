/**
 * 50 mount/unmount cycles of every element (through all its states in turn, from the harness in
 * test/hardening/registry.ts) leave nothing behind:
 * - no listener on `window`, `document` or a `matchMedia` list that was added and not removed;
 * - no timer started by library code still pending once the element is gone;
 * - no adapter subscription still open (the memory adapter's `subscribe`, wrapped);
 * - no `BroadcastChannel` or `EventSource` still open;
 * - no element kept alive: a `WeakRef` to every removed element is empty after a full garbage
 *   collection (forced through the DevTools protocol, Chromium), and the page's DOM node and JS listener
 *   counts and JS heap do not grow with the cycles.
 * Counts are taken against a baseline after one warm-up pass through every state (lazy chunks, caches
 * and translations loaded once are not leaks). A state is removed as soon as it shows (or after a
 * short wait), so removal mid-request is covered too.
 */
import { expect } from '@open-wc/testing';
import { bringToFront, heapAfterCollection, type HeapReport } from './commands.js';
import { nextTask, waitFor } from './dom.js';
import { label, settle } from './mount.js';
import { HARNESSES } from './registry.js';
import { knownElementIssue } from './robustness.js';
import { context, kit, uncaughtErrors } from './suite.js';
import type { ElementHarness } from './types.js';

const CYCLES = 50;

// ---- Instrumentation, installed before any element of this page is mounted ----

interface Registration {
  where: string;
  type: string;
  listener: unknown;
  capture: boolean;
}
const listeners: Registration[] = [];
function trackListeners(target: EventTarget, where: string, add = 'addEventListener', remove = 'removeEventListener') {
  const t = target as unknown as Record<string, (...a: unknown[]) => void>;
  const originalAdd = t[add]!;
  const originalRemove = t[remove]!;
  const captureOf = (o: unknown) => (typeof o === 'boolean' ? o : !!(o as { capture?: boolean } | undefined)?.capture);
  const find = (type: string, listener: unknown, capture: boolean) =>
    listeners.findIndex(
      (r) => r.where === where && r.type === type && r.listener === listener && r.capture === capture,
    );
  t[add] = function (this: unknown, type: unknown, listener: unknown, options: unknown) {
    const capture = captureOf(options);
    const o = (typeof options === 'object' ? options : {}) as { once?: boolean; signal?: AbortSignal } | null;
    // `once` listeners remove themselves when they fire; they are not counted.
    if (listener && !o?.once && find(String(type), listener, capture) < 0) {
      const r: Registration = { where, type: String(type), listener, capture };
      listeners.push(r);
      o?.signal?.addEventListener('abort', () => listeners.splice(listeners.indexOf(r) >>> 0, 1), { once: true });
    }
    return originalAdd.call(this, type, listener, options);
  };
  t[remove] = function (this: unknown, type: unknown, listener: unknown, options: unknown) {
    const i = find(String(type), listener, captureOf(options));
    if (i >= 0) listeners.splice(i, 1);
    return originalRemove.call(this, type, listener, options);
  };
}
trackListeners(window, 'window');
trackListeners(document, 'document');
{
  // Every MediaQueryList (`matchMedia`): both its listener APIs.
  const matchMedia = window.matchMedia.bind(window);
  window.matchMedia = (query: string) => {
    const list = matchMedia(query);
    trackListeners(list, `matchMedia(${query})`);
    trackListeners(list, `matchMedia(${query})`, 'addListener', 'removeListener');
    return list;
  };
}

/** Timers started from library code (a stack through /packages/), pending until they fire or are cleared. */
const timers = new Map<number, { kind: 'timeout' | 'interval'; ms: number; stack: string }>();
/** Every timer library code started (so the check is known to see them). */
let timersStarted = 0;
const fromLibrary = (stack: string) =>
  stack
    .split('\n')
    .slice(2)
    .some((line) => line.includes('/packages/'));
{
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const stack = new Error().stack ?? '';
    if (!fromLibrary(stack) || typeof handler !== 'function') return st(handler, ms, ...args);
    const id: number = st(
      (...a: unknown[]) => {
        timers.delete(id);
        (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timers.set(id, { kind: 'timeout', ms: Number(ms) || 0, stack });
    timersStarted++;
    return id;
  }) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    const stack = new Error().stack ?? '';
    if (fromLibrary(stack)) {
      timers.set(id, { kind: 'interval', ms: Number(ms) || 0, stack });
      timersStarted++;
    }
    return id;
  }) as typeof window.setInterval;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
}

/** Open BroadcastChannels and EventSources. */
const open = new Set<{ kind: string; name: string }>();
{
  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    private readonly entry = { kind: 'BroadcastChannel', name: '' };
    constructor(name: string) {
      super(name);
      this.entry.name = name;
      open.add(this.entry);
    }
    override close() {
      open.delete(this.entry);
      super.close();
    }
  };
  const Source = window.EventSource;
  window.EventSource = class extends Source {
    private readonly entry = { kind: 'EventSource', name: '' };
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.entry.name = String(url);
      open.add(this.entry);
    }
    override close() {
      open.delete(this.entry);
      super.close();
    }
  };
}

/** Adapter subscriptions still open (every memory adapter: the harness's and the provider's demo one). */
const subscriptions = new Set<object>();
let subscriptionsMade = 0;
{
  const proto = kit.MemoryAdapter.prototype as { subscribe: (...a: unknown[]) => () => void };
  const subscribe = proto.subscribe;
  proto.subscribe = function (this: unknown, ...args: unknown[]) {
    const unsubscribe = subscribe.apply(this, args);
    const token = { topic: JSON.stringify(args[0]) };
    subscriptions.add(token);
    subscriptionsMade++;
    return () => {
      subscriptions.delete(token);
      unsubscribe();
    };
  };
}

// ---- The cycles ----

interface Snapshot {
  listeners: string[];
  timers: string[];
  subscriptions: string[];
  open: string[];
  heap?: HeapReport;
}
const describeListener = (r: Registration) => `${r.where} ${r.type}${r.capture ? ' (capture)' : ''}`;
async function snapshot(withHeap: boolean): Promise<Snapshot> {
  return {
    listeners: listeners.map(describeListener),
    timers: [...timers.values()].map(
      (t) =>
        `${t.kind} from ${
          t.stack
            .split('\n')
            .slice(2)
            .find((l) => l.includes('/packages/'))
            ?.trim() ?? '?'
        }`,
    ),
    subscriptions: [...subscriptions].map((s) => (s as { topic: string }).topic),
    open: [...open].map((o) => `${o.kind} ${o.name}`),
    ...(withHeap ? { heap: await heapAfterCollection() } : {}),
  };
}
const frame = () =>
  Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), nextTask(1000)]);

/**
 * Let what removed elements had under way finish before counting: the page is brought to the front
 * (tests run two pages at a time, and the one behind gets no frames, so what waits for a frame would
 * hold on to its element), and short timeouts (throttled in a page behind) get a moment to fire.
 * Intervals and long timeouts still pending after that are what an element left behind.
 */
async function quiesce(): Promise<void> {
  await bringToFront();
  await waitFor(() => document.visibilityState === 'visible', 'page in front', 5000).catch(() => undefined);
  await frame();
  await waitFor(
    () => ![...timers.values()].some((t) => t.kind === 'timeout' && t.ms < 1000),
    'short timeouts fired',
    3000,
  ).catch(() => undefined);
  await frame();
}

/** What `after` has more of than `before` (a multiset difference). */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Mount one state, let it show (or give up waiting after a while), and remove it; returns a WeakRef to it. */
async function cycle(harness: ElementHarness, index: number, section: HTMLElement): Promise<WeakRef<Element>> {
  const state = harness.states[index % harness.states.length]!;
  const built = state.build(context());
  section.append(built.root);
  try {
    await state.act?.(built);
    await waitFor(() => state.ready(built), label(harness, state), 1500);
    await settle(built.root);
  } catch {
    // Not reaching the state is states.test.ts's business; here it is removed wherever it got to.
  }
  built.root.remove();
  return new WeakRef(built.el);
}

describe('the leak checks see a leak', () => {
  it('an element kept by the page is alive after garbage collection; one let go is not', async function () {
    this.timeout(60_000); // a full collection through the debugger takes seconds on a busy machine
    const kept = document.createElement('div');
    (window as unknown as { __kept: unknown }).__kept = kept;
    const refs = [new WeakRef(kept), new WeakRef(document.createElement('div'))];
    const heap = await heapAfterCollection();
    if (!heap.supported) this.skip();
    expect(refs.map((r) => !!r.deref())).to.deep.equal([true, false]);
    delete (window as unknown as { __kept?: unknown }).__kept;
  });

  it('a listener left on window is counted', () => {
    const before = listeners.length;
    const listener = () => undefined;
    window.addEventListener('resize', listener);
    expect(listeners.length).to.equal(before + 1);
    window.removeEventListener('resize', listener);
    expect(listeners.length).to.equal(before);
  });
});

describe(`${CYCLES} mount/unmount cycles of every element leave nothing behind`, function () {
  this.timeout(120_000);
  const errors = uncaughtErrors();
  beforeEach(() => (errors.length = 0));

  for (const harness of HARNESSES) {
    it(`<${harness.tag}>`, async function () {
      if (!customElements.get(harness.tag)) this.skip();
      const section = document.createElement('section');
      section.setAttribute('aria-label', harness.tag);
      document.body.append(section);
      // Warm-up: every state once.
      for (let i = 0; i < harness.states.length; i++) await cycle(harness, i, section);
      await quiesce();
      const before = await snapshot(true);

      const refs: WeakRef<Element>[] = [];
      for (let i = 0; i < CYCLES; i++) refs.push(await cycle(harness, i, section));
      section.remove();
      await quiesce();
      const after = await snapshot(true);

      /** What is left behind, each with the resource it names (matched against a known issue's text). */
      const problems: { text: string; resource: string }[] = [];
      for (const [what, list] of [
        ['listener left on', added(before.listeners, after.listeners)],
        ['timer pending:', added(before.timers, after.timers)],
        ['subscription open:', added(before.subscriptions, after.subscriptions)],
        ['still open:', added(before.open, after.open)],
      ] as const) {
        const counts = new Map<string, number>();
        for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
        for (const [x, n] of counts) problems.push({ text: `${what} ${x}${n > 1 ? ` ×${n}` : ''}`, resource: x });
      }
      const heap = after.heap;
      if (heap?.supported && before.heap?.supported) {
        const alive = refs.filter((r) => r.deref()).length;
        if (alive)
          problems.push({
            text: `${alive} of ${CYCLES} removed elements still alive after garbage collection`,
            resource: 'alive',
          });
        const grew = (k: 'nodes' | 'jsEventListeners') => after.heap![k]! - before.heap![k]!;
        // A removed element's shadow tree is hundreds of nodes: growth with the cycles shows in the thousands.
        if (grew('nodes') > 500) problems.push({ text: `DOM nodes grew by ${grew('nodes')}`, resource: 'nodes' });
        if (grew('jsEventListeners') > 50)
          problems.push({ text: `JS event listeners grew by ${grew('jsEventListeners')}`, resource: 'listeners' });
        const heapGrowth = heap.heap! - before.heap.heap!;
        if (heapGrowth > 2_000_000)
          problems.push({ text: `JS heap grew by ${(heapGrowth / 1e6).toFixed(1)} MB`, resource: 'heap' });
        console.log(
          `<${harness.tag}>: ${CYCLES} cycles; ${alive} alive, nodes ${grew('nodes')}, listeners ${grew('jsEventListeners')}, heap ${(heapGrowth / 1e3).toFixed(0)} kB`,
        );
      }
      expect(errors, 'uncaught errors in the page').to.deep.equal([]);
      // A known leak covers only what its text names; anything else left behind fails now.
      const known = harness.knownIssues?.leaks ?? '';
      expect(problems.filter((p) => !known.includes(p.resource)).map((p) => p.text)).to.deep.equal([]);
      await knownElementIssue(this, harness, 'leaks', () => expect(problems.map((p) => p.text)).to.deep.equal([]));
    });
  }

  it('saw the timers and subscriptions the elements started (those checks are not blind)', () => {
    expect(timersStarted, 'timers').to.be.greaterThan(0);
    expect(subscriptionsMade, 'subscriptions').to.be.greaterThan(0);
  });
});
