/**
 * The ActivityStreams 2.0 adapter: reads an outbox or collection (an `OrderedCollection` or
 * `Collection`, whole or in pages through `first`/`next`) of `Event`, `Note`, `Question`, `Place` and
 * `Group` objects, as Mastodon, Mobilizon and other ActivityPub servers publish them.
 *
 * - Activities (`Create`, `Announce`, `Update`, `Add`) are unwrapped to the object they carry.
 * - `Question`s with `oneOf` (single choice) or `anyOf` (multiple choice) are polls: counts from each
 *   option's `replies.totalItems`, voters from `votersCount`, closing from `endTime`/`closed`.
 * - Every other object is an initiative; `location: Place` gives its point (order checked, and
 *   Mobilizon-style `"lon;lat"` strings read), `nameMap`/`contentMap` the text in the asked locale.
 * - Voting sends one `Create(Note{name, inReplyTo})` per chosen option through a function the host
 *   supplies (signing and delivery are the host's job); without it there is no `vote` capability.
 */
import {
  ballotProblem,
  BallotSchema,
  CivicError,
  InitiativeSchema,
  parseRequest,
  PollSchema,
  type Ballot,
  type CallOptions,
  type Capability,
  type CivicAdapter,
  type Initiative,
  type InitiativeQuery,
  type Link,
  type Page,
  type Poll,
  type WriteOptions,
} from '@civic-kit/core';
import { checked, ClientIndex, fetchJson, latLng, lonLatString, malformed, untilAborted } from '../static/shared.js';
import { clip, htmlToText, pickLanguage } from './as2-text.js';

const AS2_CONTEXT = 'https://www.w3.org/ns/activitystreams';
const PUBLIC = `${AS2_CONTEXT}#Public`;
const ACCEPT = 'application/activity+json, application/ld+json, application/json';
const ANONYMOUS = 'this-browser';

/** The activity handed to the host to sign and deliver (one per chosen option). */
export interface VoteActivity {
  '@context': string;
  type: 'Create';
  actor?: string;
  to: string[];
  object: {
    type: 'Note';
    name: string;
    inReplyTo: string;
    attributedTo?: string;
    to: string[];
  };
}

export interface SendContext {
  /** The host's voter token, if the element passed one. */
  voter: string | undefined;
  /** Stable per activity across retries (the ballot's key and the option's position). */
  idempotencyKey: string;
  signal: AbortSignal | undefined;
}

export interface ActivityStreamsAdapterOptions {
  /** The outbox or collection to read. */
  url: string;
  /** Shown on every card ("From …"). Default: none (a federated view names its sources itself). */
  source?: Link | undefined;
  /**
   * Signs and delivers a vote (to the poll author's inbox, or through the voter's own outbox).
   * Without it the adapter offers no `vote` capability.
   */
  send?: ((activity: VoteActivity, context: SendContext) => Promise<unknown>) | undefined;
  /** The voter's actor IRI, put in `actor` and `attributedTo` of each vote (or let `send` add it). */
  actor?: string | undefined;
  /**
   * `lng-lat` for a server known to publish `latitude` and `longitude` the wrong way round (pairs that
   * can only be valid swapped are put right whatever this says). Default `lat-lng`.
   */
  coordinateOrder?: 'lat-lng' | 'lng-lat';
  /** Stop after this many objects. Default 1 000. */
  maxItems?: number;
  /** Stop after this many pages. Default 20. */
  maxPages?: number;
  /** Read the collection again when it is older than this. Default 60 000 ms. */
  maxAgeMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch | undefined;
  now?: () => Date;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const types = (o: Json): string[] => {
  const t = o['type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};
const hasType = (o: Json, ...names: string[]) => types(o).some((t) => names.includes(t));

const OBJECT_TYPES = ['Event', 'Note', 'Question', 'Place', 'Group', 'Article', 'Page'];
const ACTIVITY_TYPES = ['Create', 'Announce', 'Update', 'Add'];
const COLLECTION_TYPES = ['OrderedCollection', 'Collection', 'OrderedCollectionPage', 'CollectionPage'];

interface RawItem {
  object: Json;
  path: string;
  where: string;
}
interface Collected {
  items: RawItem[];
  /** The document's default language (`@context` `@language`). */
  language: string | undefined;
}

/** A link as AS2 gives it: an IRI string, a `Link` (`href`), an object (`url`/`id`), or a list of those. */
function href(x: unknown, prefer?: (o: Json) => boolean): string | undefined {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) {
    const list = x as unknown[];
    const preferred: unknown = prefer ? list.find((e) => isObject(e) && prefer(e)) : undefined;
    for (const e of preferred ? [preferred, ...list] : list) {
      const h = href(e);
      if (h) return h;
    }
    return undefined;
  }
  if (isObject(x)) {
    if (typeof x['href'] === 'string') return x['href'];
    if (x['url'] !== undefined) return href(x['url']);
    if (typeof x['id'] === 'string') return x['id'];
  }
  return undefined;
}

function contextLanguage(doc: Json): string | undefined {
  const ctx = doc['@context'];
  for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
    if (isObject(c) && typeof c['@language'] === 'string') return c['@language'];
  }
  return undefined;
}

interface Text {
  text: string;
  lang: string | undefined;
}

/** `name`/`content`/`summary` in the asked locale, from its language map or the plain field. */
function pickText(
  o: Json,
  field: string,
  locale: string | undefined,
  fallback: string | undefined,
  path: string,
  where: string,
): Text | undefined {
  const map = o[`${field}Map`];
  const plain = o[field];
  if (plain !== undefined && plain !== null && typeof plain !== 'string')
    throw malformed(where, `${path}.${field}`, 'expected a string');
  if (map !== undefined && map !== null) {
    if (!isObject(map)) throw malformed(where, `${path}.${field}Map`, 'expected an object of language → text');
    for (const [k, t] of Object.entries(map))
      if (typeof t !== 'string') throw malformed(where, `${path}.${field}Map.${k}`, 'expected a string');
    const keys = Object.keys(map);
    // The plain field is in the map's language whose text it repeats (so it keeps its language).
    const plainLang = typeof plain === 'string' ? keys.find((k) => map[k] === plain) : undefined;
    const key = pickLanguage(keys, locale, plainLang ?? fallback);
    if (key !== undefined) return { text: map[key] as string, lang: key };
  }
  return typeof plain === 'string' ? { text: plain, lang: fallback } : undefined;
}

function count(x: unknown, path: string, where: string): number | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
    throw malformed(where, path, 'expected a whole number of at least 0');
  return x;
}

function date(o: Json, field: string, path: string, where: string): string | undefined {
  const x = o[field];
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'string' || Number.isNaN(Date.parse(x)))
    throw malformed(where, `${path}.${field}`, 'expected an ISO 8601 date');
  return x;
}

/** Run `fn`; anything it throws that is not a `CivicError` (a shape no check foresaw) is `invalid-response`. */
function asInvalid<T>(fn: () => T, where: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CivicError) throw e;
    throw new CivicError('invalid-response', `${where} sent something unexpected (${String(e)})`, { cause: e });
  }
}

/** The adapter. */
export class ActivityStreamsAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability>;
  readonly url: string;
  private readonly options: ActivityStreamsAdapterOptions;
  private collected: { at: number; promise: Promise<Collected> } | undefined;
  private readonly indexes = new Map<string, Promise<ClientIndex>>();
  /** Votes sent from here, shown until the source's own counts include them. */
  private readonly sent = new Map<string, { voter: string; choices: string[]; baseVoters: number }[]>();
  private readonly responses = new Map<string, Poll>();

  constructor(options: ActivityStreamsAdapterOptions) {
    this.options = options;
    this.url = options.url;
    const caps: Capability[] = ['list-initiatives', 'get-initiative', 'get-poll'];
    if (options.send) caps.push('vote');
    this.capabilities = new Set(caps);
  }

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    return (await this.index(o)).list(query, o);
  }

  async getInitiative(id: string, o?: CallOptions): Promise<Initiative> {
    return (await this.index(o)).get(id, o);
  }

  async getPoll(id: string, o?: CallOptions): Promise<Poll> {
    const poll = await (await this.index(o)).poll(id, o);
    return this.withSentVotes(poll, o?.voter);
  }

  async vote(pollId: string, ballot: Ballot, o: WriteOptions): Promise<Poll> {
    const send = this.options.send;
    if (!send) throw new CivicError('unsupported', 'This ActivityStreams source takes no votes here');
    const repeat = this.responses.get(o.idempotencyKey);
    if (repeat) return structuredClone(repeat);
    const index = await this.index(o);
    const source = await index.poll(pollId, o);
    if (source.status === 'closed') throw new CivicError('closed', 'This poll has closed');
    const { choices } = parseRequest(BallotSchema, ballot, 'ballot');
    const labels = new Map(source.options.map((x) => [x.id, x.label]));
    const problem = ballotProblem(source, choices);
    if (problem) throw new CivicError('invalid-request', problem.message, { fields: { choices: problem.field } });
    const voter = o.voter ?? ANONYMOUS;
    const mine = this.sent.get(pollId) ?? [];
    if (mine.some((b) => b.voter === voter)) throw new CivicError('conflict', 'You have already voted in this poll');

    const author = this.authors.get(pollId);
    const to = author ? [author] : [PUBLIC];
    const actor = this.options.actor;
    // One Create(Note) per chosen option, as Mastodon sends them for `anyOf`.
    for (const [n, choice] of choices.entries()) {
      const activity: VoteActivity = {
        '@context': AS2_CONTEXT,
        type: 'Create',
        ...(actor ? { actor } : {}),
        to,
        object: {
          type: 'Note',
          name: labels.get(choice)!,
          inReplyTo: pollId,
          ...(actor ? { attributedTo: actor } : {}),
          to,
        },
      };
      try {
        await send(activity, { voter: o.voter, idempotencyKey: `${o.idempotencyKey}:${n}`, signal: o.signal });
      } catch (e) {
        if (o.signal?.aborted) throw new CivicError('aborted', 'The request was cancelled', { cause: e });
        if (e instanceof CivicError) throw e;
        throw new CivicError('network', 'The vote could not be sent', { cause: e });
      }
    }
    mine.push({ voter, choices: [...choices], baseVoters: source.results?.voters ?? 0 });
    this.sent.set(pollId, mine);
    const result = this.withSentVotes(source, o.voter);
    this.responses.set(o.idempotencyKey, structuredClone(result));
    return result;
  }

  /** Read the collection again on the next call. */
  reload(): void {
    this.collected = undefined;
    this.indexes.clear();
  }

  // ─── votes sent from this page ────────────────────────────────────────────────────────────

  private withSentVotes(poll: Poll, voterToken: string | undefined): Poll {
    const voter = voterToken ?? ANONYMOUS;
    const out = structuredClone(poll);
    const base = poll.results ?? { counts: {}, voters: 0 };
    const counts = { ...base.counts };
    let voters = base.voters;
    for (const b of this.sent.get(poll.id) ?? []) {
      if (base.voters > b.baseVoters) continue; // the source counts it now
      voters++;
      for (const c of b.choices) counts[c] = (counts[c] ?? 0) + 1;
      if (b.voter === voter) out.myBallot = { choices: [...b.choices] };
    }
    if (out.results || voters !== base.voters) out.results = { counts, voters };
    const mine = (this.sent.get(poll.id) ?? []).find((b) => b.voter === voter);
    if (mine) out.myBallot = { choices: [...mine.choices] };
    return out;
  }

  // ─── reading ──────────────────────────────────────────────────────────────────────────────

  /** Poll id → the IRI of its author (whom a vote is addressed to). */
  private readonly authors = new Map<string, string>();

  private index(o: CallOptions | undefined): Promise<ClientIndex> {
    if (o?.signal?.aborted) return Promise.reject(new CivicError('aborted', 'The request was cancelled'));
    const now = Date.now();
    const maxAge = this.options.maxAgeMs ?? 60_000;
    if (!this.collected || now - this.collected.at > maxAge) {
      const promise = this.collect().catch((e: unknown) =>
        asInvalid(() => {
          throw e;
        }, this.url),
      );
      const entry = { at: now, promise };
      this.collected = entry;
      this.indexes.clear();
      promise.catch(() => {
        if (this.collected === entry) {
          this.collected = undefined;
          this.indexes.clear();
        }
      });
    }
    const locale = o?.locale ?? '';
    let index = this.indexes.get(locale);
    if (!index) {
      index = this.collected.promise.then((c) => asInvalid(() => this.build(c, o?.locale), this.url));
      this.indexes.set(locale, index);
      const built = index;
      built.catch(() => this.indexes.get(locale) === built && this.indexes.delete(locale));
    }
    return untilAborted(index, o?.signal);
  }

  /** Every object of the collection, following `first` and `next` (within `maxPages`/`maxItems`). */
  private async collect(): Promise<Collected> {
    const maxItems = this.options.maxItems ?? 1000;
    const maxPages = this.options.maxPages ?? 20;
    const items: RawItem[] = [];
    const seen = new Set<string>();
    let language: string | undefined;
    let next: { url: string; embedded?: Json } | undefined = { url: this.url };
    for (let pages = 0; next && pages < maxPages && items.length < maxItems; pages++) {
      const where: string = next.url;
      if (!next.embedded) {
        if (seen.has(where)) break;
        seen.add(where);
      }
      const doc: unknown =
        next.embedded ??
        (await fetchJson(where, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs, accept: ACCEPT }));
      next = undefined;
      if (!isObject(doc)) throw malformed(where, '', 'expected an ActivityStreams collection (an object)');
      language ??= contextLanguage(doc);
      if (!hasType(doc, ...COLLECTION_TYPES)) {
        // A single object rather than a collection.
        if (hasType(doc, ...OBJECT_TYPES)) items.push({ object: doc, path: '', where });
        else throw malformed(where, 'type', 'expected an OrderedCollection, Collection or one of their pages');
        break;
      }
      const field = doc['orderedItems'] !== undefined ? 'orderedItems' : 'items';
      const list = doc[field];
      if (list !== undefined && !Array.isArray(list)) throw malformed(where, field, 'expected an array');
      for (const [i, raw] of (list ?? []).entries()) {
        if (items.length >= maxItems) break;
        const path = `${field}.${i}`;
        if (typeof raw === 'string') continue; // a bare reference: not fetched one by one
        if (!isObject(raw)) throw malformed(where, path, 'expected an object');
        let object = raw;
        let at = path;
        if (hasType(raw, ...ACTIVITY_TYPES)) {
          if (!isObject(raw['object'])) continue;
          object = raw['object'];
          at = `${path}.object`;
        }
        if (hasType(object, ...OBJECT_TYPES)) items.push({ object, path: at, where });
      }
      // The first page of a paged collection, then each page's next.
      const link = list === undefined ? doc['first'] : doc['next'];
      if (link !== undefined && link !== null) {
        const target =
          isObject(link) && (link['orderedItems'] !== undefined || link['items'] !== undefined) ? link : undefined;
        const url = href(link);
        if (!url && !target) throw malformed(where, list === undefined ? 'first' : 'next', 'expected a link to a page');
        const resolved = url ? new URL(url, where).href : where;
        next = target ? { url: resolved, embedded: target } : { url: resolved };
      }
    }
    return { items, language };
  }

  /** Normalise and validate every object for one locale. */
  private build(c: Collected, locale: string | undefined): ClientIndex {
    const initiatives: Initiative[] = [];
    const polls: Poll[] = [];
    const ids = new Set<string>();
    for (const item of c.items) {
      const id = item.object['id'];
      if (typeof id !== 'string' || !id.trim()) throw malformed(item.where, `${item.path}.id`, 'expected an IRI');
      if (ids.has(id)) continue; // the same object announced twice
      ids.add(id);
      if (hasType(item.object, 'Question')) polls.push(this.toPoll(item, c.language, locale));
      else initiatives.push(this.toInitiative(item, c.language, locale));
    }
    return new ClientIndex(initiatives, polls, this.options.now);
  }

  private toInitiative(
    { object: o, path, where }: RawItem,
    docLang: string | undefined,
    locale: string | undefined,
  ): Initiative {
    const name =
      pickText(o, 'name', locale, docLang, path, where) ??
      (typeof o['preferredUsername'] === 'string' ? { text: o['preferredUsername'], lang: undefined } : undefined);
    const content = pickText(o, 'content', locale, docLang, path, where);
    const summary = pickText(o, 'summary', locale, docLang, path, where);
    const contentText = content ? htmlToText(content.text) : '';
    const named = !!name?.text.trim();
    const [firstLine = '', ...rest] = contentText.split('\n');
    const title = named ? name!.text.trim() : clip(firstLine, 200);
    if (!title) throw malformed(where, `${path}.name`, 'expected a name (or content to take a title from)');
    // Without a name, the content's first line is the title and the rest the summary.
    const summaryText = summary ? htmlToText(summary.text) : named ? contentText : rest.join('\n').trim();
    const language = (name ?? content ?? summary)?.lang;

    const out: Json = {
      id: o['id'],
      title: clip(title, 500),
      status: this.status(o, path, where),
      tags: this.tags(o, path, where),
    };
    if (summaryText) out['summary'] = clip(summaryText, 5000);
    if (contentText && summary) {
      out['body'] = clip(contentText, 100_000);
      // The content as the HTML it is (AS2's default mediaType), for the elements' sanitizer.
      const html = o['mediaType'] === undefined || o['mediaType'] === 'text/html';
      if (html && /<[a-z!/]/i.test(content!.text) && content!.text.length <= 200_000) out['bodyHtml'] = content!.text;
    }
    const url =
      href(o['url'], (l) => l['mediaType'] === 'text/html') ??
      (typeof o['id'] === 'string' && /^https?:/i.test(o['id']) ? o['id'] : undefined);
    if (url) out['url'] = url;
    const image = this.image(o);
    if (image) out['image'] = image;
    const place = this.place(o, path, where);
    if (place) out['place'] = place;
    const startsAt = date(o, 'startTime', path, where);
    const endsAt = date(o, 'endTime', path, where);
    if (startsAt) out['startsAt'] = startsAt;
    if (endsAt) out['endsAt'] = endsAt;
    const organiser = this.organiser(o['attributedTo']);
    if (organiser && !hasType(o, 'Group')) out['organiser'] = organiser;
    const likes = isObject(o['likes']) ? count(o['likes']['totalItems'], `${path}.likes.totalItems`, where) : undefined;
    const going = count(o['participantCount'], `${path}.participantCount`, where);
    if (likes !== undefined || going !== undefined) out['supporters'] = { count: going ?? likes };
    if (this.options.source) out['source'] = this.options.source;
    if (language) out['language'] = language;
    return checked(InitiativeSchema, out, where, path, 'object');
  }

  private status(o: Json, path: string, where: string): Initiative['status'] {
    const raw = o['ical:status'] ?? o['status'];
    const s = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (s === 'CANCELLED' || s === 'CANCELED') return 'closed';
    const end = date(o, 'endTime', path, where);
    if (end && Date.parse(end) < (this.options.now?.() ?? new Date()).getTime()) return 'completed';
    if (s === 'TENTATIVE') return 'proposed';
    return 'active';
  }

  private tags(o: Json, path: string, where: string): string[] {
    const raw = o['tag'];
    if (raw === undefined || raw === null) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    const out: string[] = [];
    for (const [i, t] of list.entries()) {
      if (!isObject(t) || !hasType(t, 'Hashtag')) continue;
      if (typeof t['name'] !== 'string') throw malformed(where, `${path}.tag.${i}.name`, 'expected a string');
      const name = t['name'].replace(/^#/, '').trim();
      if (name && !out.includes(name)) out.push(clip(name, 100));
    }
    return out;
  }

  private image(o: Json): { url: string; alt: string } | undefined {
    const pick = (x: unknown): { url: string; alt: string } | undefined => {
      for (const e of Array.isArray(x) ? x : [x]) {
        if (typeof e === 'string') return { url: e, alt: '' };
        if (!isObject(e)) continue;
        const media = e['mediaType'];
        if (typeof media === 'string' && !media.startsWith('image/')) continue;
        if (!hasType(e, 'Image', 'Document', 'Link') && e['type'] !== undefined) continue;
        const url = href(e);
        if (url) return { url, alt: typeof e['name'] === 'string' ? clip(e['name'], 1000) : '' };
      }
      return undefined;
    };
    return pick(o['image']) ?? pick(o['attachment']);
  }

  private place(o: Json, path: string, where: string): Initiative['place'] | undefined {
    const candidates: [Json, string][] = hasType(o, 'Place') ? [[o, path]] : [];
    const loc = o['location'];
    (Array.isArray(loc) ? loc : [loc]).forEach((l, i) => {
      if (isObject(l)) candidates.push([l, Array.isArray(loc) ? `${path}.location.${i}` : `${path}.location`]);
    });
    for (const [p, at] of candidates) {
      const lat = p['latitude'];
      const lng = p['longitude'];
      let point: { lat: number; lng: number } | undefined;
      if (typeof lat === 'string' && /[;]/.test(lat)) point = lonLatString(lat);
      else if (typeof lng === 'string' && /[;]/.test(lng)) point = lonLatString(lng);
      else if (lat !== undefined || lng !== undefined) {
        point = this.options.coordinateOrder === 'lng-lat' ? latLng(lng, lat) : latLng(lat, lng);
        if (!point)
          throw malformed(where, `${at}.latitude`, `${String(lat)}, ${String(lng)} is not a latitude and longitude`);
      } else point = lonLatString(p['geom']) ?? lonLatString(p['coordinates']);
      if (!point) continue;
      const address = this.address(p);
      const radius =
        typeof p['radius'] === 'number'
          ? p['radius'] * (p['units'] === 'km' ? 1000 : p['units'] === 'miles' ? 1609 : 1)
          : 0;
      return {
        ...point,
        ...(address ? { address: clip(address, 500) } : {}),
        precision: radius > 250 ? 'area' : 'exact',
      };
    }
    return undefined;
  }

  private address(p: Json): string | undefined {
    const a = p['address'];
    let text: string | undefined;
    if (typeof a === 'string') text = a;
    else if (isObject(a)) {
      const parts = ['streetAddress', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry']
        .map((k) => a[k])
        .filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      text = parts.join(', ');
    }
    const name = typeof p['name'] === 'string' ? p['name'].trim() : '';
    if (name && text && !text.includes(name)) return `${name}, ${text}`;
    return text || name || undefined;
  }

  private organiser(x: unknown): Link | undefined {
    for (const e of Array.isArray(x) ? x : [x]) {
      if (typeof e === 'string' && /^https?:/i.test(e)) {
        try {
          const u = new URL(e);
          const last = u.pathname.split('/').filter(Boolean).pop();
          return { name: last ? `${decodeURIComponent(last)} (${u.host})` : u.host, url: e };
        } catch {
          continue;
        }
      }
      if (isObject(e)) {
        const name = typeof e['name'] === 'string' && e['name'].trim() ? e['name'] : e['preferredUsername'];
        if (typeof name === 'string' && name.trim()) {
          const url = href(e['url']) ?? (typeof e['id'] === 'string' ? e['id'] : undefined);
          return { name: clip(name.trim(), 300), ...(url ? { url } : {}) };
        }
      }
    }
    return undefined;
  }

  private toPoll({ object: o, path, where }: RawItem, docLang: string | undefined, locale: string | undefined): Poll {
    const id = o['id'] as string;
    const single = o['oneOf'] !== undefined && o['oneOf'] !== null;
    const field = single ? 'oneOf' : 'anyOf';
    const list = o[field];
    if (!Array.isArray(list))
      throw malformed(where, `${path}.${field}`, 'expected an array of options (oneOf or anyOf)');
    const options: { id: string; label: string }[] = [];
    const counts: Record<string, number> = {};
    for (const [i, opt] of list.entries()) {
      if (!isObject(opt)) throw malformed(where, `${path}.${field}.${i}`, 'expected an object');
      const label = pickText(opt, 'name', locale, docLang, `${path}.${field}.${i}`, where);
      if (!label?.text.trim()) throw malformed(where, `${path}.${field}.${i}.name`, 'expected a string');
      // Votes name the option, so its name is its id (a long name is known by its position).
      const optionId = label.text.length <= 200 ? label.text : `#${i}`;
      options.push({ id: optionId, label: clip(label.text, 500) });
      const replies = opt['replies'];
      counts[optionId] =
        (isObject(replies)
          ? count(replies['totalItems'], `${path}.${field}.${i}.replies.totalItems`, where)
          : undefined) ?? 0;
    }
    const name = pickText(o, 'name', locale, docLang, path, where);
    const content = pickText(o, 'content', locale, docLang, path, where);
    const question = name?.text.trim() ? name.text.trim() : content ? htmlToText(content.text) : '';
    if (!question) throw malformed(where, `${path}.content`, 'expected the question (content or name)');
    const tally = Object.values(counts);
    const voters =
      count(o['votersCount'], `${path}.votersCount`, where) ??
      (single ? tally.reduce((a, b) => a + b, 0) : Math.max(0, ...tally));
    const endTime = date(o, 'endTime', path, where);
    const closedRaw = o['closed'];
    const now = (this.options.now?.() ?? new Date()).getTime();
    const closedAt = typeof closedRaw === 'string' && !Number.isNaN(Date.parse(closedRaw)) ? closedRaw : undefined;
    const closed =
      (closedRaw !== undefined &&
        closedRaw !== null &&
        closedRaw !== false &&
        (!closedAt || Date.parse(closedAt) <= now)) ||
      (endTime !== undefined && Date.parse(endTime) <= now);
    const maxChoices = count(o['maxChoices'], `${path}.maxChoices`, where);
    const author = href(o['attributedTo']);
    if (author) this.authors.set(id, author);
    const out: Json = {
      id,
      question: clip(question, 1000),
      kind: single ? 'single' : 'multiple',
      options,
      results: { counts, voters },
      status: closed ? 'closed' : 'open',
      resultsVisibility: 'always',
    };
    if (!single && maxChoices) out['maxChoices'] = maxChoices;
    if (name && content) out['description'] = clip(htmlToText(content.text), 10_000);
    const closesAt = endTime ?? closedAt;
    if (closesAt) out['closesAt'] = closesAt;
    const language = (name ?? content)?.lang;
    if (language) out['language'] = language;
    return checked(PollSchema, out, where, path, 'Question');
  }
}
