/**
 * Validating what an adapter returned without one long main-thread task: items are checked in slices
 * of about 8 ms, yielding between slices (a page of 10,000 initiatives from a static file would
 * otherwise block the page for a few hundred milliseconds). Shared by the list and the map.
 */
import {
  CIVIC_ERROR_CODES,
  CivicError,
  parseInitiative,
  type Initiative,
  type Page,
  type PageWarning,
} from '@civic-kit/core';
import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';
import type { TemplateResult } from 'lit';

const SLICE_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Let the browser handle input and paint before going on (not a timer: no clamping, no throttling). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return afterTask();
}

const aborted = () => new CivicError('aborted', 'The request was cancelled');

/**
 * Run `each` over `items` in slices, yielding between them; stops with `aborted` when `signal` fires.
 * `each` returns the value to keep, or `undefined` to skip the item.
 */
export async function inSlices<T>(
  items: readonly unknown[],
  each: (item: unknown, index: number) => T | undefined,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    const kept = each(items[i], i);
    if (kept !== undefined) out.push(kept);
    if ((i & 15) === 15 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      if (signal?.aborted) throw aborted();
      sliceStart = performance.now();
    }
  }
  return out;
}

/** The page's shape, checked before its items (a malformed page is one `invalid-response`). */
export function pageShape(data: unknown): {
  items: unknown[];
  nextCursor: string | undefined;
  total: number | undefined;
  warnings: PageWarning[];
} {
  const page = data as Partial<Record<keyof Page<unknown>, unknown>> | null;
  const bad = (why: string) =>
    new CivicError('invalid-response', `The backend sent a malformed page of initiatives (${why})`);
  if (typeof page !== 'object' || page === null || !Array.isArray(page.items)) throw bad('items: expected an array');
  if (page.nextCursor !== undefined && typeof page.nextCursor !== 'string') throw bad('nextCursor: expected a string');
  const total = page.total;
  if (total !== undefined && (typeof total !== 'number' || !Number.isInteger(total) || total < 0))
    throw bad('total: expected a count');
  // Sources a federated adapter could not read: kept when well formed, the rest of the page stands.
  const warnings = (Array.isArray(page.warnings) ? (page.warnings as unknown[]) : []).filter(
    (w): w is PageWarning =>
      typeof w === 'object' &&
      w !== null &&
      typeof (w as PageWarning).source === 'string' &&
      !!(w as PageWarning).source.trim() &&
      CIVIC_ERROR_CODES.includes((w as PageWarning).code) &&
      ((w as PageWarning).skipped === undefined ||
        (Number.isInteger((w as PageWarning).skipped) && (w as PageWarning).skipped! >= 0)),
  );
  return { items: page.items as unknown[], nextCursor: page.nextCursor, total, warnings };
}

/** A page of initiatives, every item validated; any malformed item makes the whole page `invalid-response`. */
export async function parsePageInSlices(data: unknown, signal?: AbortSignal): Promise<Page<Initiative>> {
  const { items, nextCursor, total, warnings } = pageShape(data);
  const parsed = await inSlices(items, (item) => parseInitiative(item), signal);
  return { items: parsed, nextCursor, total, ...(warnings.length ? { warnings } : {}) };
}

/**
 * A ResizeObserver that hands its entries over in the next task instead of inside the browser's
 * resize-observation step. The virtualizer resizes its container from inside a child's resize
 * callback, which the browser reports as "ResizeObserver loop completed with undelivered
 * notifications" — an `error` event on the host page's `window`. Delivered a task later, the same
 * layout work happens outside the loop, and the next frame observes the result.
 *
 * In a hidden document (a background tab, a prerendered page) the browser delivers no resize
 * observations at all; there, observed elements are measured every few hundred milliseconds
 * instead (timers of hidden pages are throttled by the browser anyway), so a list rendered while
 * hidden is laid out when it is shown.
 */
export class DeferredResizeObserver implements ResizeObserver {
  private readonly observer: ResizeObserver;
  private readonly callback: ResizeObserverCallback;
  private pending: ResizeObserverEntry[] = [];
  private scheduled = false;
  private polling: ReturnType<typeof setTimeout> | undefined;
  /** Last size seen of each observed element (used while the document is hidden). */
  private readonly sizes = new Map<Element, string>();

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
    this.observer = new ResizeObserver((entries) => this.deliver(entries));
  }

  observe(target: Element, options?: ResizeObserverOptions): void {
    this.observer.observe(target, options);
    this.sizes.set(target, '');
    if (hidden()) this.poll(0);
  }

  unobserve(target: Element): void {
    this.observer.unobserve(target);
    this.sizes.delete(target);
    this.pending = this.pending.filter((e) => e.target !== target);
  }

  disconnect(): void {
    this.observer.disconnect();
    this.sizes.clear();
    this.pending = [];
    clearTimeout(this.polling);
    this.polling = undefined;
  }

  private deliver(entries: readonly ResizeObserverEntry[]): void {
    this.pending.push(...entries);
    if (this.scheduled) return;
    this.scheduled = true;
    void afterTask().then(() => {
      this.scheduled = false;
      const delivered = this.pending;
      this.pending = [];
      if (delivered.length) this.callback(delivered, this);
    });
  }

  /** While hidden: report every observed element whose size changed since it was last reported. */
  private poll(delay = 200): void {
    if (this.polling !== undefined) return;
    this.polling = setTimeout(() => {
      this.polling = undefined;
      if (!hidden() || !this.sizes.size) return;
      const changed: ResizeObserverEntry[] = [];
      for (const [target, last] of this.sizes) {
        const rect = target.getBoundingClientRect();
        const key = `${rect.width}x${rect.height}`;
        if (key === last) continue;
        this.sizes.set(target, key);
        const size = [{ inlineSize: rect.width, blockSize: rect.height }];
        changed.push({
          target,
          contentRect: rect,
          borderBoxSize: size,
          contentBoxSize: size,
          devicePixelContentBoxSize: size,
        });
      }
      if (changed.length) this.deliver(changed);
      this.poll();
    }, delay);
  }
}

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/** A new task (not a microtask, not a timer). */
function afterTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Above this many items, only those near the viewport are in the DOM (@lit-labs/virtualizer). */
export const VIRTUALIZE_ABOVE = 100;

type Virtualize = (typeof VirtualizeModule)['virtualize'];
let virtualizeLoaded: Virtualize | undefined;
let virtualizeLoading: Promise<void> | undefined;

/**
 * The virtualizer's `virtualize` directive, loaded the first time a list grows past
 * `VIRTUALIZE_ABOVE` (most lists never do, and it is ~9 KB). Until it has loaded, `undefined`, and
 * `onLoad` is called once it has. If it cannot load, every item is rendered.
 */
export function virtualizer(onLoad: () => void): Virtualize | undefined {
  if (virtualizeLoaded) return virtualizeLoaded;
  virtualizeLoading ??= Promise.all([
    import('@lit-labs/virtualizer/virtualize.js'),
    import('@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js'),
  ]).then(
    ([v, ro]) => {
      ro.provideResizeObserver(DeferredResizeObserver);
      virtualizeLoaded = v.virtualize;
    },
    () => {
      virtualizeLoaded = (({
        items = [],
        renderItem,
      }: {
        items?: unknown[];
        renderItem?: (i: unknown, n: number) => TemplateResult;
      }) => items.map((item, n) => renderItem?.(item, n))) as unknown as Virtualize;
    },
  );
  void virtualizeLoading.then(onLoad);
  return undefined;
}
