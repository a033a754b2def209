/**
 * Clustering with supercluster: on the main thread for a few thousand points (building the index
 * takes a few milliseconds), in a module Web Worker above that, so no main-thread task comes near
 * 50 ms (100,000 points take 0.8–1.9 s to index). Where a worker cannot start (a page serving the
 * script from another origin, a strict `worker-src`, a bundler that did not emit the worker file),
 * the same work runs on the main thread.
 *
 * Points go in as one Float64Array of `[lng, lat, …]`; results come back packed as
 * `[kind, id, lng, lat, count, …]` (kind 1 = cluster with its id, 0 = point with its index).
 */
import Supercluster from 'supercluster';

/** Above this many points, cluster in a worker. */
export const WORKER_ABOVE = 2000;
/**
 * `radius` is in pixels of a tile `extent` wide: Leaflet's tiles are 256 px, so markers (28–64 px)
 * are at least ~64 px apart and never cover each other. Clusters exist up to the map's last zoom
 * level: pins at one address stay one cluster, which lists them instead of zooming.
 */
const OPTIONS = { radius: 64, extent: 256, maxZoom: 18, minPoints: 2 } as const;
const STRIDE = 5;

export type ClusterItem =
  | { kind: 'cluster'; id: number; lng: number; lat: number; count: number }
  | { kind: 'point'; index: number; lng: number; lat: number };
/** A child of an expanded cluster: a smaller cluster or a point. */
export type ClusterChild = { kind: 'cluster'; id: number } | { kind: 'point'; index: number };
export type BBox = [west: number, south: number, east: number, north: number];

// --- the work itself (shared by both clusterers and the worker) -------------------------------

export type Index = Supercluster<{ i: number }, { i: number }>;

export function buildIndex(coords: Float64Array): Index {
  const features = new Array<{
    type: 'Feature';
    properties: { i: number };
    geometry: { type: 'Point'; coordinates: number[] };
  }>(coords.length / 2);
  for (let i = 0; i < features.length; i++) {
    features[i] = {
      type: 'Feature',
      properties: { i },
      geometry: { type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!] },
    };
  }
  return new Supercluster<{ i: number }, { i: number }>(OPTIONS).load(features);
}

export function queryClusters(index: Index, bbox: BBox, zoom: number): Float64Array {
  const found = index.getClusters(bbox, Math.round(zoom));
  const out = new Float64Array(found.length * STRIDE);
  found.forEach((f, n) => {
    const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
    const [lng = 0, lat = 0] = f.geometry.coordinates;
    out.set(
      [p.cluster ? 1 : 0, p.cluster ? (p.cluster_id ?? 0) : (p.i ?? 0), lng, lat, p.point_count ?? 1],
      n * STRIDE,
    );
  });
  return out;
}

export function expandCluster(index: Index, id: number): { zoom: number; children: Float64Array } {
  const children = index.getChildren(id);
  const out = new Float64Array(children.length * 2);
  children.forEach((f, n) => {
    const p = f.properties as { cluster?: boolean; cluster_id?: number; i?: number };
    out.set([p.cluster ? 1 : 0, p.cluster ? (p.cluster_id ?? 0) : (p.i ?? 0)], n * 2);
  });
  return { zoom: index.getClusterExpansionZoom(id), children: out };
}

export function clusterLeaves(index: Index, id: number, limit: number): Float64Array {
  return Float64Array.from(index.getLeaves(id, limit).map((f) => f.properties.i));
}

export function unpackItems(packed: Float64Array): ClusterItem[] {
  const items: ClusterItem[] = [];
  for (let o = 0; o < packed.length; o += STRIDE) {
    const [kind, id, lng, lat, count] = packed.subarray(o, o + STRIDE) as unknown as [
      number,
      number,
      number,
      number,
      number,
    ];
    items.push(kind === 1 ? { kind: 'cluster', id, lng, lat, count } : { kind: 'point', index: id, lng, lat });
  }
  return items;
}

export function unpackChildren(packed: Float64Array): ClusterChild[] {
  const children: ClusterChild[] = [];
  for (let o = 0; o < packed.length; o += 2) {
    const kind = packed[o];
    const id = packed[o + 1] ?? 0;
    children.push(kind === 1 ? { kind: 'cluster', id } : { kind: 'point', index: id });
  }
  return children;
}

// --- the messages between the page and the worker --------------------------------------------

export type WorkerRequest =
  | { op: 'load'; seq: number; coords: Float64Array }
  | { op: 'clusters'; seq: number; bbox: BBox; zoom: number }
  | { op: 'expand'; seq: number; id: number }
  | { op: 'leaves'; seq: number; id: number; limit: number };
export type WorkerResponse =
  | { seq: number; op: 'load' }
  | { seq: number; op: 'clusters'; packed: Float64Array }
  | { seq: number; op: 'expand'; zoom: number; children: Float64Array }
  | { seq: number; op: 'leaves'; indices: Float64Array }
  | { seq: number; op: 'error'; message: string };

/** The worker's whole job; `map.worker.ts` wires it to `onmessage`. */
export function answer(state: { index?: Index | undefined }, request: WorkerRequest): WorkerResponse {
  try {
    switch (request.op) {
      case 'load':
        state.index = buildIndex(request.coords);
        return { seq: request.seq, op: 'load' };
      case 'clusters':
        return {
          seq: request.seq,
          op: 'clusters',
          packed: state.index ? queryClusters(state.index, request.bbox, request.zoom) : new Float64Array(),
        };
      case 'expand': {
        if (!state.index) return { seq: request.seq, op: 'expand', zoom: 0, children: new Float64Array() };
        return { seq: request.seq, op: 'expand', ...expandCluster(state.index, request.id) };
      }
      case 'leaves':
        return {
          seq: request.seq,
          op: 'leaves',
          indices: state.index ? clusterLeaves(state.index, request.id, request.limit) : new Float64Array(),
        };
    }
  } catch (e) {
    return { seq: request.seq, op: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

// --- the clusterers ---------------------------------------------------------------------------

export interface Clusterer {
  /** Where the work runs, for tests and diagnostics. */
  readonly where: 'main' | 'worker';
  load(coords: Float64Array): Promise<void>;
  clusters(bbox: BBox, zoom: number): Promise<ClusterItem[]>;
  expand(id: number): Promise<{ zoom: number; children: ClusterChild[] }>;
  /** The indices of (at most `limit` of) the points in a cluster. */
  leaves(id: number, limit: number): Promise<number[]>;
  dispose(): void;
}

class MainThreadClusterer implements Clusterer {
  readonly where = 'main';
  private index: Index | undefined;

  load(coords: Float64Array): Promise<void> {
    this.index = buildIndex(coords);
    return Promise.resolve();
  }

  clusters(bbox: BBox, zoom: number): Promise<ClusterItem[]> {
    return Promise.resolve(this.index ? unpackItems(queryClusters(this.index, bbox, zoom)) : []);
  }

  expand(id: number): Promise<{ zoom: number; children: ClusterChild[] }> {
    if (!this.index) return Promise.resolve({ zoom: 0, children: [] });
    const { zoom, children } = expandCluster(this.index, id);
    return Promise.resolve({ zoom, children: unpackChildren(children) });
  }

  leaves(id: number, limit: number): Promise<number[]> {
    return Promise.resolve(this.index ? [...clusterLeaves(this.index, id, limit)] : []);
  }

  dispose(): void {
    this.index = undefined;
  }
}

/** Supercluster in a module worker; falls back to the main thread if the worker fails at any point. */
class WorkerClusterer implements Clusterer {
  private worker: Worker | undefined;
  private fallback: MainThreadClusterer | undefined;
  private coords: Float64Array | undefined;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();

  constructor(worker: Worker) {
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const pending = this.waiting.get(e.data.seq);
      this.waiting.delete(e.data.seq);
      if (e.data.op === 'error') pending?.reject(new Error(e.data.message));
      else pending?.resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.failOver();
    };
    worker.onmessageerror = () => this.failOver();
  }

  get where(): 'main' | 'worker' {
    return this.fallback ? 'main' : 'worker';
  }

  private failOver(): void {
    if (this.fallback) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.fallback = new MainThreadClusterer();
    if (this.coords) void this.fallback.load(this.coords);
    const error = new Error('The clustering worker stopped');
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }

  private ask(request: WorkerRequest): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      if (!this.worker) {
        reject(new Error('No clustering worker'));
        return;
      }
      this.waiting.set(request.seq, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async load(coords: Float64Array): Promise<void> {
    this.coords = coords;
    if (this.fallback) return this.fallback.load(coords);
    try {
      // A copy goes over (kept here for a fallback); structured cloning 100k points takes ~1 ms.
      await this.ask({ op: 'load', seq: ++this.seq, coords });
    } catch {
      this.failOver();
    }
  }

  async clusters(bbox: BBox, zoom: number): Promise<ClusterItem[]> {
    if (!this.fallback) {
      try {
        const r = await this.ask({ op: 'clusters', seq: ++this.seq, bbox, zoom });
        if (r.op === 'clusters') return unpackItems(r.packed);
      } catch {
        this.failOver();
      }
    }
    return this.fallback!.clusters(bbox, zoom);
  }

  async expand(id: number): Promise<{ zoom: number; children: ClusterChild[] }> {
    if (!this.fallback) {
      try {
        const r = await this.ask({ op: 'expand', seq: ++this.seq, id });
        if (r.op === 'expand') return { zoom: r.zoom, children: unpackChildren(r.children) };
      } catch {
        this.failOver();
      }
    }
    return this.fallback!.expand(id);
  }

  async leaves(id: number, limit: number): Promise<number[]> {
    if (!this.fallback) {
      try {
        const r = await this.ask({ op: 'leaves', seq: ++this.seq, id, limit });
        if (r.op === 'leaves') return [...r.indices];
      } catch {
        this.failOver();
      }
    }
    return this.fallback!.leaves(id, limit);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.fallback?.dispose();
    this.waiting.clear();
  }
}

/**
 * The worker script next to this module, named once in the literal
 * `new Worker(new URL('./map.worker.js', import.meta.url))` form that Vite, webpack, Rollup and
 * esbuild-based tools recognise. Only `map.worker.js` is published; from the TypeScript source, Vite
 * and the test server answer it with `map.worker.ts`.
 */
function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./map.worker.js', import.meta.url), { type: 'module' });
  } catch {
    return undefined; // e.g. SecurityError: the script is served from another origin
  }
}

/** A clusterer for `count` points: in a worker above `WORKER_ABOVE` (or `workerAbove`), else here. */
export function createClusterer(count: number, workerAbove = WORKER_ABOVE): Clusterer {
  if (count > workerAbove) {
    const worker = startWorker();
    if (worker) return new WorkerClusterer(worker);
  }
  return new MainThreadClusterer();
}
