/**
 * The static adapter: a JSON file of initiatives, or a GeoJSON FeatureCollection, at a URL. The
 * zero-backend option for a small group's static site: read-only, fetched once and kept, filtered,
 * searched and paged in the browser.
 */
import {
  CivicError,
  INITIATIVE_STATUSES,
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
import { Skipped, skipReason } from '../skipped.js';
import { checked, ClientIndex, latLng, malformed } from '../file-index/file-index.js';
import { aborted, fetchJson, hostOf, untilAborted } from '../http/index.js';

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
  /** Which property of each GeoJSON feature holds a model field, e.g. `{ id: 'mapid', title: 'name' }`. */
  fields?: FieldMap | undefined;
  /** The language wanted for `name:<lang>` titles. Default: the page's `lang`. */
  locale?: string | undefined;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The model's fields a property of a GeoJSON feature can be mapped to (`fields`). */
export const MAPPABLE_FIELDS = [
  'id',
  'title',
  'summary',
  'body',
  'url',
  'image',
  'status',
  'tags',
  'address',
  'startsAt',
  'endsAt',
  'organiser',
  'supporters',
  'language',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
/** Which property of each feature holds a model field: `{ "id": "mapid", "title": "name" }`. */
export type FieldMap = Partial<Record<MappableField, string>>;

/** Check a field map (from the `fields` attribute or option): `misconfigured` naming what is wrong. */
export function parseFieldMap(value: unknown): FieldMap {
  let map = value;
  if (typeof value === 'string') {
    try {
      map = JSON.parse(value) as unknown;
    } catch (e) {
      throw new CivicError('misconfigured', `fields="${value}" is not JSON, e.g. fields='{"title":"name"}'`, {
        cause: e,
      });
    }
  }
  if (!isObject(map)) throw new CivicError('misconfigured', 'fields must map model fields to property names');
  for (const [k, v] of Object.entries(map)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(k))
      throw new CivicError('misconfigured', `fields: "${k}" is not one of ${MAPPABLE_FIELDS.join(', ')}`);
    if (typeof v !== 'string' || !v) throw new CivicError('misconfigured', `fields: "${k}" must name a property`);
  }
  return map;
}

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

/** A stable id from what a feature is (its geometry and name), for files whose features have none. */
function stableId(feature: Json, title: unknown): string {
  const text = `${JSON.stringify(feature['geometry'] ?? null)}|${typeof title === 'string' ? title : ''}`;
  // cyrb53: 53 bits, so two different features of one file practically never share an id.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `f-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
const httpUrl = (x: unknown): string | undefined => (typeof x === 'string' && /^https?:\/\//i.test(x) ? x : undefined);
const isoDate = (x: unknown): string | undefined =>
  typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? x : undefined;
const humanise = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1)).replace(/_/g, ' ');
/** OpenStreetMap's main tags, whose value says what an unnamed feature is ("bicycle_parking"). */
const OSM_KINDS = ['amenity', 'leisure', 'shop', 'tourism', 'craft', 'office', 'club', 'healthcare', 'emergency'];

/** A title from the usual property names: `title`, `name`, `NAME`, `name:<lang>`… then what OSM says it is. */
function defaultTitle(props: Json, lang: string | undefined): unknown {
  const primary = lang?.toLowerCase().split('-')[0];
  const localized = Object.keys(props).filter((k) => /^name:[a-z]{2,3}(-[a-z0-9]+)*$/i.test(k));
  const wanted = primary ? localized.find((k) => k.slice(5).toLowerCase().split('-')[0] === primary) : undefined;
  for (const k of [
    'title',
    ...(wanted ? [wanted] : []),
    'name',
    'Name',
    'NAME',
    'TITLE',
    'Title',
    'label',
    'Label',
    ...localized,
  ])
    if (text(props[k])) return props[k];
  for (const k of OSM_KINDS) if (text(props[k])) return humanise(text(props[k])!);
  return undefined;
}

/** An address from the usual property names, or OpenStreetMap's `addr:*`. */
function defaultAddress(props: Json): string | undefined {
  const plain = text(props['address']) ?? text(props['ADDRESS']) ?? text(props['Address']);
  if (plain) return plain;
  const street = [text(props['addr:housenumber']), text(props['addr:street'])].filter(Boolean).join(' ');
  const parts = [street, text(props['addr:postcode']), text(props['addr:city'])].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * One GeoJSON feature as an initiative (RFC 7946: positions are `[longitude, latitude]`). A field
 * named in `fields` is read from that property whatever it holds; otherwise only the usual names are
 * read, and only when the value has the model's shape, so a file's own `source` ("Bing"), `status`
 * ("open"), `url` or `image` in another sense never collides with the model's.
 */
function fromFeature(
  feature: unknown,
  path: string,
  what: string,
  source: Link | undefined,
  fields: FieldMap,
  lang: string | undefined,
): Initiative {
  if (!isObject(feature) || feature['type'] !== 'Feature') throw malformed(what, `${path}.type`, 'expected "Feature"');
  const props = feature['properties'] ?? {};
  if (!isObject(props)) throw malformed(what, `${path}.properties`, 'expected an object');
  const mapped = (f: MappableField): unknown => {
    const key = fields[f];
    const v = key === undefined ? undefined : props[key];
    return v === null ? undefined : v;
  };
  const has = (f: MappableField) => fields[f] !== undefined;
  const out: Json = {};

  out['title'] = has('title') ? mapped('title') : defaultTitle(props, lang);
  if (out['title'] === undefined)
    throw malformed(what, `${path}.properties`, 'no title (title, name, NAME, name:<lang>…, or one named in fields)');
  const id = has('id') ? mapped('id') : (props['id'] ?? props['@id'] ?? feature['id']);
  // Whatever the page's language, so the id stays the same.
  out['id'] = typeof id === 'number' ? String(id) : (id ?? stableId(feature, defaultTitle(props, undefined)));
  const summary = has('summary')
    ? mapped('summary')
    : (text(props['summary']) ?? text(props['description']) ?? text(props['Description']) ?? text(props['desc']));
  if (summary !== undefined) out['summary'] = summary;
  const body = has('body') ? mapped('body') : text(props['body']);
  if (body !== undefined) out['body'] = body;
  const url = has('url') ? mapped('url') : (httpUrl(props['url']) ?? httpUrl(props['website']));
  if (url !== undefined) out['url'] = url;
  const image = has('image') ? mapped('image') : props['image'];
  if (typeof image === 'string' && (has('image') || httpUrl(image))) out['image'] = { url: image, alt: '' };
  else if (has('image') || (isObject(image) && httpUrl(image['url']))) out['image'] = image;
  const status = has('status') ? mapped('status') : props['status'];
  out['status'] = has('status') || (INITIATIVE_STATUSES as readonly unknown[]).includes(status) ? status : 'active';
  let tags = has('tags') ? mapped('tags') : props['tags'];
  if (typeof tags === 'string')
    tags = tags
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean);
  if (has('tags') || (Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) out['tags'] = tags ?? [];
  for (const f of ['startsAt', 'endsAt'] as const) {
    const v = has(f) ? mapped(f) : isoDate(props[f]);
    if (v !== undefined) out[f] = v;
  }
  const organiser = has('organiser') ? mapped('organiser') : props['organiser'];
  if (typeof organiser === 'string' && has('organiser')) out['organiser'] = { name: organiser };
  else if (has('organiser') || (isObject(organiser) && text(organiser['name']))) out['organiser'] = organiser;
  const supporters = has('supporters') ? mapped('supporters') : props['supporters'];
  if (typeof supporters === 'number' && has('supporters')) out['supporters'] = { count: supporters };
  else if (has('supporters') || (isObject(supporters) && typeof supporters['count'] === 'number'))
    out['supporters'] = supporters;
  const language = has('language') ? mapped('language') : text(props['language']);
  if (language !== undefined) out['language'] = language;
  if (typeof props['machineTranslated'] === 'boolean') out['machineTranslated'] = props['machineTranslated'];
  const ownSource = props['source'];
  if (isObject(ownSource) && text(ownSource['name'])) out['source'] = ownSource;
  else if (source) out['source'] = source;
  const address = has('address') ? mapped('address') : defaultAddress(props);

  const geometry = feature['geometry'];
  if (geometry !== null && geometry !== undefined) {
    if (!isObject(geometry)) throw malformed(what, `${path}.geometry`, 'expected an object or null');
    const coords = geometry['coordinates'];
    let point: { lat: number; lng: number } | undefined;
    let precision = (['exact', 'area'] as unknown[]).includes(props['precision']) ? props['precision'] : undefined;
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
        ...(address !== undefined ? { address } : {}),
        ...(precision !== undefined ? { precision } : {}),
      };
    }
  }
  // No point to pin: the address alone (a place without a pin).
  if (!out['place'] && address !== undefined) out['address'] = address;
  // Field names in the message are the model's: `title` (from properties.title or .name), `place.lat`…
  return checked(InitiativeSchema, out, what, path, 'feature');
}

interface Parsed {
  initiatives: Initiative[];
  polls: Poll[];
  /** Items that could not be shown, counted by why. */
  skipped: Skipped;
  /** Why an item left out cannot be had by its id. */
  left: Map<string, CivicError>;
}

export interface ParseOptions {
  fields?: FieldMap | undefined;
  /** For `name:<lang>` titles. */
  locale?: string | undefined;
}

/**
 * The file's contents, every item validated. An item that cannot be shown is left out and counted
 * (`skipped`); only a file that is not one of the shapes read at all is `invalid-response`.
 */
export function parseStaticFile(data: unknown, what: string, source?: Link, options: ParseOptions = {}): Parsed {
  const fields = options.fields ?? {};
  const skipped = new Skipped();
  const left = new Map<string, CivicError>();
  const ids = new Set<string>();
  const each = <T extends { id: string }>(
    list: unknown[],
    at: (i: number) => string,
    read: (x: unknown, path: string) => T,
  ): T[] => {
    const out: T[] = [];
    list.forEach((x, i) => {
      try {
        const item = read(x, at(i));
        if (ids.has(item.id)) throw malformed(what, at(i), `the id "${item.id}" is used twice`);
        ids.add(item.id);
        out.push(item);
      } catch (e) {
        if (!(e instanceof CivicError)) throw e;
        skipped.add(/ is used twice$/.test(e.message) ? 'an id used twice' : skipReason(e));
        const id = isObject(x)
          ? (x['id'] ?? (isObject(x['properties']) ? x['properties']['id'] : undefined))
          : undefined;
        if ((typeof id === 'string' || typeof id === 'number') && !ids.has(String(id))) left.set(String(id), e);
      }
    });
    return out;
  };
  const stamp = (item: unknown) => (isObject(item) && !item['source'] && source ? { ...item, source } : item);
  const initiative = (x: unknown, path: string) => checked(InitiativeSchema, stamp(x), what, path, 'initiative');
  const feature = (x: unknown, path: string) => fromFeature(x, path, what, source, fields, options.locale);
  const polls = (list: unknown, path: string): Poll[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw malformed(what, path, 'expected an array of polls');
    return each(
      list,
      (i) => `${path}.${i}`,
      (p, at) => checked(PollSchema, p, what, at, 'poll'),
    );
  };
  const done = (initiatives: Initiative[], pollList: Poll[] = []): Parsed => ({
    initiatives,
    polls: pollList,
    skipped,
    left,
  });
  if (Array.isArray(data)) return done(each(data, String, initiative));
  if (!isObject(data))
    throw malformed(what, '', 'expected an array of initiatives, { "initiatives": […] } or a FeatureCollection');
  if (data['type'] === 'FeatureCollection') {
    const features = data['features'];
    if (!Array.isArray(features)) throw malformed(what, 'features', 'expected an array');
    // GeoJSON allows foreign members: polls may travel beside the features.
    return done(
      each(features, (i) => `features.${i}`, feature),
      polls(data['polls'], 'polls'),
    );
  }
  if (data['type'] === 'Feature') return done(each([data], () => '', feature));
  if (data['type'] === 'umap') {
    // A uMap backup: the map's layers, each a FeatureCollection.
    const layers = data['layers'];
    if (!Array.isArray(layers)) throw malformed(what, 'layers', 'expected an array of FeatureCollections');
    const out: Initiative[] = [];
    layers.forEach((layer, l) => {
      const list = isObject(layer) ? layer['features'] : undefined;
      if (!Array.isArray(list)) throw malformed(what, `layers.${l}.features`, 'expected an array');
      out.push(...each(list, (i) => `layers.${l}.features.${i}`, feature));
    });
    return done(out);
  }
  const list = data['initiatives'];
  if (!Array.isArray(list)) throw malformed(what, 'initiatives', 'expected an array');
  return done(
    each(list, (i) => `initiatives.${i}`, initiative),
    polls(data['polls'], 'polls'),
  );
}

export class StaticAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability> = new Set(STATIC_CAPABILITIES);
  readonly url: string;
  private readonly options: StaticAdapterOptions;
  private index: Promise<ClientIndex> | undefined;

  constructor(options: StaticAdapterOptions) {
    if (options.fields) parseFieldMap(options.fields);
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
    if (o?.signal?.aborted) return Promise.reject(aborted(o.signal.reason));
    if (!this.index) {
      const what = this.url;
      const loading = fetchJson(this.url, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs }).then(
        (data) => {
          let parsed: ReturnType<typeof parseStaticFile>;
          try {
            parsed = parseStaticFile(data, what, this.options.source, {
              fields: this.options.fields,
              locale: this.options.locale ?? globalThis.document?.documentElement.lang,
            });
          } catch (e) {
            if (e instanceof CivicError) throw e;
            throw new CivicError('invalid-response', `${what} holds something unexpected (${String(e)})`, { cause: e });
          }
          const { initiatives, polls, skipped, left } = parsed;
          const warning = skipped.warning(this.options.source?.name ?? hostOf(what));
          return new ClientIndex(initiatives, polls, this.options.now, warning ? [warning] : [], left);
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
