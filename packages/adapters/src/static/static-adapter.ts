/**
 * The static adapter: a JSON file of initiatives, or a GeoJSON FeatureCollection, at a URL. The
 * zero-backend option for a small group's static site: read-only, fetched once and kept, filtered,
 * searched and paged in the browser.
 */
import {
  CivicError,
  InitiativeSchema,
  PollSchema,
  type CallOptions,
  type Capability,
  type CivicAdapter,
  type Initiative,
  type InitiativeQuery,
  type Link,
  type Page,
  type Poll,
} from '@civic-kit/core';
import { checked, ClientIndex, fetchJson, latLng, malformed, untilAborted } from './shared.js';

export const STATIC_CAPABILITIES: readonly Capability[] = ['list-initiatives', 'get-initiative', 'get-poll'];

export interface StaticAdapterOptions {
  /** Where the file is: `[…initiatives]`, `{ "initiatives": […], "polls": […] }` or a GeoJSON FeatureCollection. */
  url: string;
  /** Shown on every card whose initiative names no source of its own ("From …"). */
  source?: Link | undefined;
  /** Milliseconds before the file counts as unreachable. Default 10 000. */
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
  /** The clock, for deciding whether polls in the file are open. */
  now?: () => Date;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The model's fields a GeoJSON feature's `properties` may carry (besides the `name`/`description` aliases). */
const MODEL_FIELDS = [
  'title',
  'summary',
  'body',
  'url',
  'image',
  'status',
  'tags',
  'supporters',
  'startsAt',
  'endsAt',
  'organiser',
  'source',
  'language',
  'machineTranslated',
] as const;

/** Centre of everything in a geometry's coordinate arrays (`[lng, lat]` positions), for non-point shapes. */
function centre(coords: unknown): { lat: number; lng: number } | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
    } else c.forEach(walk);
  };
  walk(coords);
  return Number.isFinite(w) ? latLng((s + n) / 2, (w + e) / 2) : undefined;
}

/** One GeoJSON feature as an initiative (RFC 7946: positions are `[longitude, latitude]`). */
function fromFeature(feature: unknown, path: string, what: string, source: Link | undefined): Initiative {
  if (!isObject(feature) || feature['type'] !== 'Feature') throw malformed(what, `${path}.type`, 'expected "Feature"');
  const props = feature['properties'] ?? {};
  if (!isObject(props)) throw malformed(what, `${path}.properties`, 'expected an object');
  const out: Json = {};
  for (const f of MODEL_FIELDS) if (props[f] !== undefined && props[f] !== null) out[f] = props[f];
  const id = props['id'] ?? feature['id'];
  out['id'] = typeof id === 'number' ? String(id) : id;
  out['title'] ??= props['name'];
  out['summary'] ??= props['description'];
  out['status'] ??= 'active';
  if (typeof out['tags'] === 'string')
    out['tags'] = out['tags']
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (!out['source'] && source) out['source'] = source;

  const geometry = feature['geometry'];
  if (geometry !== null && geometry !== undefined) {
    if (!isObject(geometry)) throw malformed(what, `${path}.geometry`, 'expected an object or null');
    const coords = geometry['coordinates'];
    let point: { lat: number; lng: number } | undefined;
    let precision = props['precision'];
    if (geometry['type'] === 'Point') {
      if (!Array.isArray(coords) || coords.length < 2)
        throw malformed(what, `${path}.geometry.coordinates`, 'expected [longitude, latitude]');
      point = latLng(coords[1], coords[0]);
      if (!point)
        throw malformed(
          what,
          `${path}.geometry.coordinates`,
          `[${coords.map(String).join(', ')}] is not a [longitude, latitude] position`,
        );
    } else {
      point = centre(coords);
      precision ??= 'area';
    }
    if (point) {
      out['place'] = {
        ...point,
        ...(typeof props['address'] === 'string' ? { address: props['address'] } : {}),
        ...(precision !== undefined ? { precision } : {}),
      };
    }
  }
  // Field names in the message are the model's: `title` (from properties.title or .name), `place.lat`…
  return checked(InitiativeSchema, out, what, path, 'feature');
}

interface Parsed {
  initiatives: Initiative[];
  polls: Poll[];
}

/** The file's contents, every item validated (`invalid-response` naming the item and field otherwise). */
export function parseStaticFile(data: unknown, what: string, source?: Link): Parsed {
  const stamp = (item: unknown) => (isObject(item) && !item['source'] && source ? { ...item, source } : item);
  const polls = (list: unknown, path: string): Poll[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw malformed(what, path, 'expected an array of polls');
    return list.map((p, i) => checked(PollSchema, p, what, `${path}.${i}`, 'poll'));
  };
  if (Array.isArray(data))
    return {
      initiatives: data.map((x, i) => checked(InitiativeSchema, stamp(x), what, String(i), 'initiative')),
      polls: [],
    };
  if (!isObject(data))
    throw malformed(what, '', 'expected an array of initiatives, { "initiatives": […] } or a FeatureCollection');
  if (data['type'] === 'FeatureCollection') {
    const features = data['features'];
    if (!Array.isArray(features)) throw malformed(what, 'features', 'expected an array');
    return {
      initiatives: features.map((f, i) => fromFeature(f, `features.${i}`, what, source)),
      // GeoJSON allows foreign members: polls may travel beside the features.
      polls: polls(data['polls'], 'polls'),
    };
  }
  if (data['type'] === 'Feature') return { initiatives: [fromFeature(data, '', what, source)], polls: [] };
  const list = data['initiatives'];
  if (!Array.isArray(list)) throw malformed(what, 'initiatives', 'expected an array');
  return {
    initiatives: list.map((x, i) => checked(InitiativeSchema, stamp(x), what, `initiatives.${i}`, 'initiative')),
    polls: polls(data['polls'], 'polls'),
  };
}

export class StaticAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability> = new Set(STATIC_CAPABILITIES);
  readonly url: string;
  private readonly options: StaticAdapterOptions;
  private index: Promise<ClientIndex> | undefined;

  constructor(options: StaticAdapterOptions) {
    this.options = options;
    this.url = options.url;
  }

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    return (await this.load(o)).list(query, o);
  }

  async getInitiative(id: string, o?: CallOptions): Promise<Initiative> {
    return (await this.load(o)).get(id, o);
  }

  async getPoll(id: string, o?: CallOptions): Promise<Poll> {
    return (await this.load(o)).poll(id, o);
  }

  /** Read the file again on the next call (it is otherwise fetched once). */
  reload(): void {
    this.index = undefined;
  }

  /** The file, fetched once and shared by every call; a failed fetch is tried again by the next call. */
  private load(o: CallOptions | undefined): Promise<ClientIndex> {
    if (o?.signal?.aborted) return Promise.reject(new CivicError('aborted', 'The request was cancelled'));
    if (!this.index) {
      const what = this.url;
      const loading = fetchJson(this.url, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs }).then(
        (data) => {
          let parsed: ReturnType<typeof parseStaticFile>;
          try {
            parsed = parseStaticFile(data, what, this.options.source);
          } catch (e) {
            if (e instanceof CivicError) throw e;
            throw new CivicError('invalid-response', `${what} holds something unexpected (${String(e)})`, { cause: e });
          }
          const { initiatives, polls } = parsed;
          const ids = new Set<string>();
          initiatives.forEach((i, n) => {
            if (ids.has(i.id)) throw malformed(what, String(n), `the id "${i.id}" is used twice`);
            ids.add(i.id);
          });
          return new ClientIndex(initiatives, polls, this.options.now);
        },
      );
      this.index = loading;
      loading.catch(() => {
        if (this.index === loading) this.index = undefined;
      });
    }
    return untilAborted(this.index, o?.signal);
  }
}
