/**
 * The ActivityStreams 2.0 adapter: reads an outbox or collection (an `OrderedCollection` or
 * `Collection`, whole or in pages through `first`/`next`) of `Event`, `Note`, `Question`, `Place`,
 * `Group`, `Page`, `Article`, `Video` and `Audio` objects, as Mastodon, Mobilizon, Gancio, Lemmy,
 * PeerTube, Funkwhale and other ActivityPub servers publish them.
 *
 * - Activities (`Create`, `Announce`, `Update`, `Add`) are unwrapped to the object they carry, also
 *   when nested (Lemmy's `Announce(Create(Page))`).
 * - One item that cannot be shown never fails the collection: it is left out and counted in the
 *   page's `warnings` (one per source, with how many and why), with one console line per source. A
 *   `next` page that cannot be read ends the collection there, with a warning.
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
  type PageWarning,
  InitiativeSchema,
  INITIATIVE_STATUSES,
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
import { Skipped } from '../skipped.js';
import { checked, ClientIndex, latLng, lonLatString, malformed } from '../file-index/file-index.js';
import { aborted, fetchJson, hostOf, untilAborted } from '../http/index.js';
import { AS2_CONTEXT, AS2_PUBLIC as PUBLIC } from './as2-publish.js';
import { clip, htmlToText, pickLanguage } from './as2-text.js';

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

const OBJECT_TYPES = ['Event', 'Note', 'Question', 'Place', 'Group', 'Article', 'Page', 'Video', 'Audio'];
const ACTIVITY_TYPES = ['Create', 'Announce', 'Update', 'Add'];
/** Posts, whose `summary` is a content warning (Mastodon's meaning), not a description. */
const POST_TYPES = ['Note', 'Question'];
/** Alt text a platform fills in by itself, which describes nothing ("Banner": Mobilizon's default). */
const GENERIC_ALT = /^(banner|image|picture|photo|attachment|media|avatar|header|cover)$/i;
/** An event's automatic date-and-place line (Gancio's and Mobilizon's `summary`): 📍, 📅, 🕓… */
const AUTOMATIC_LINE = /[\u{1F4CD}\u{1F4C5}\u{1F4C6}\u{1F5D3}\u{1F550}-\u{1F567}\u{23F0}]/u;
/** An event without `endTime` counts as over this long after its start (one day). */
const OPEN_ENDED_MS = 24 * 60 * 60 * 1000;
const COLLECTION_TYPES = ['OrderedCollection', 'Collection', 'OrderedCollectionPage', 'CollectionPage'];

interface RawItem {
  object: Json;
  path: string;
  where: string;
}
interface Collected {
  items: RawItem[];
  /** The document's default language (`@context` `@language`; never `und`). */
  language: string | undefined;
  /** Items seen while reading that cannot be shown (boosts of posts elsewhere, entries that are not objects). */
  skipped: Skipped;
  /** A `next` page that could not be read: the collection ends there. */
  failed: PageWarning | undefined;
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

/** A language tag worth keeping: not `und` ("undetermined", Mobilizon's and Pleroma's default). */
const known = (tag: unknown): string | undefined =>
  typeof tag === 'string' && tag.trim() && tag.trim().toLowerCase() !== 'und' ? tag.trim() : undefined;

function contextLanguage(doc: Json): string | undefined {
  const ctx = doc['@context'];
  for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
    if (isObject(c) && typeof c['@language'] === 'string') return known(c['@language']);
  }
  return undefined;
}

/** The object's own language: `inLanguage` (schema.org, Mobilizon) or PeerTube's `language.identifier`. */
function ownLanguage(o: Json): string | undefined {
  for (const x of [o['inLanguage'], o['language']]) {
    const tag = isObject(x) ? (x['identifier'] ?? x['@value']) : x;
    if (known(tag)) return known(tag);
  }
  return undefined;
}

/** A line without the mentions it starts with (`@anna`, `@anna@town.example`). */
const withoutMentions = (line: string): string =>
  line.replace(/^(?:\s*@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+)?[,:]?)+\s*/u, '');

/**
 * HTML without the links that point back at the object itself: Misskey ends a poll's question with
 * "view results remotely" linking to the poll, which is not part of the question.
 */
function withoutSelfLinks(html: string, self: (string | undefined)[]): string {
  const targets = new Set(self.filter((x): x is string => !!x));
  return html.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>[\s\S]*?<\/a\s*>/gi, (link, target: string) =>
    targets.has(target.replace(/&amp;/g, '&')) ? '' : link,
  );
}

/** The activity's object, through nested activities (`Announce(Create(Page))`), or a bare IRI. */
function unwrap(raw: Json, path: string): { object: Json | string | undefined; at: string } {
  let object: Json = raw;
  let at = path;
  for (let depth = 0; depth < 4 && hasType(object, ...ACTIVITY_TYPES); depth++) {
    const inner = object['object'];
    at = `${at}.object`;
    if (!isObject(inner)) return { object: typeof inner === 'string' ? inner : undefined, at };
    object = inner;
  }
  return { object, at };
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
        if (o.signal?.aborted) throw aborted(e);
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

  /**
   * One AS2 object (or an activity carrying one), delivered rather than read from the collection, by
   * the same rules: an initiative, a poll, or a `CivicError` saying why it cannot be shown.
   */
  mapObject(doc: unknown, locale?: string): { initiative: Initiative } | { poll: Poll } {
    if (!isObject(doc)) throw malformed(this.url, '', 'expected an ActivityStreams object');
    const { object, at } = unwrap(doc, '');
    if (!isObject(object) || !hasType(object, ...OBJECT_TYPES))
      throw malformed(this.url, at.replace(/^\./, '') || 'type', `expected one of ${OBJECT_TYPES.join(', ')}`);
    if (typeof object['id'] !== 'string') throw malformed(this.url, 'id', "expected the object's id");
    const item = { object, path: at.replace(/^\./, ''), where: this.url };
    const language = contextLanguage(doc);
    return asInvalid(
      () =>
        hasType(object, 'Question')
          ? { poll: this.toPoll(item, language, locale) }
          : { initiative: this.toInitiative(item, language, locale) },
      this.url,
    );
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
    if (o?.signal?.aborted) return Promise.reject(aborted(o.signal.reason));
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

  /** The name warnings and console lines give this source. */
  private get sourceName(): string {
    return this.options.source?.name ?? hostOf(this.url);
  }

  /**
   * Every object of the collection, following `first` and `next` (within `maxPages`/`maxItems`). The
   * first document failing fails the call; a later page failing ends the collection with a warning.
   */
  private async collect(): Promise<Collected> {
    const maxItems = this.options.maxItems ?? 1000;
    const maxPages = this.options.maxPages ?? 20;
    const items: RawItem[] = [];
    const skipped = new Skipped();
    const seen = new Set<string>();
    let language: string | undefined;
    let failed: PageWarning | undefined;
    let next: { url: string; embedded?: Json } | undefined = { url: this.url };
    for (let pages = 0; next && pages < maxPages && items.length < maxItems; pages++) {
      const where: string = next.url;
      if (!next.embedded) {
        if (seen.has(where)) break;
        seen.add(where);
      }
      let doc: unknown;
      try {
        doc =
          next.embedded ??
          (await fetchJson(where, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs, accept: ACCEPT }));
        if (!isObject(doc)) throw malformed(where, '', 'expected an ActivityStreams collection (an object)');
      } catch (e) {
        if (pages === 0) throw e;
        const error = e instanceof CivicError ? e : new CivicError('invalid-response', String(e), { cause: e });
        failed = { source: this.sourceName, code: error.code, message: `${where}: ${error.message}`.slice(0, 1000) };
        console.warn(`[civic-kit] ${this.sourceName}: the collection stops at ${where} (${error.message})`);
        break;
      }
      next = undefined;
      language ??= contextLanguage(doc);
      if (!hasType(doc, ...COLLECTION_TYPES)) {
        // A single object (or an activity carrying one) rather than a collection.
        const { object, at } = unwrap(doc, '');
        if (typeof object === 'string' && hasType(doc, 'Announce')) {
          skipped.add('a boost of a post elsewhere (not fetched one by one)');
          break;
        }
        if (isObject(object) && hasType(object, ...OBJECT_TYPES))
          items.push({ object, path: at.replace(/^\./, ''), where });
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
        if (!isObject(raw)) {
          skipped.add('an entry that is not an object');
          continue;
        }
        const { object, at } = unwrap(raw, path);
        if (typeof object === 'string') {
          // A boost or share of a post published elsewhere: only its address is here.
          if (hasType(raw, 'Announce')) skipped.add('a boost of a post elsewhere (not fetched one by one)');
          continue;
        }
        if (object && hasType(object, ...OBJECT_TYPES)) items.push({ object, path: at, where });
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
    return { items, language, skipped, failed };
  }

  /** Normalise and validate every object for one locale; one that cannot be shown is left out and counted. */
  private build(c: Collected, locale: string | undefined): ClientIndex {
    const initiatives: Initiative[] = [];
    const polls: Poll[] = [];
    const ids = new Set<string>();
    const skipped = new Skipped();
    skipped.merge(c.skipped);
    const left = new Map<string, CivicError>();
    for (const item of c.items) {
      const id = item.object['id'];
      if (typeof id !== 'string' || !id.trim()) {
        skipped.add('an object without an id');
        continue;
      }
      if (ids.has(id)) continue; // the same object announced twice
      ids.add(id);
      try {
        if (hasType(item.object, 'Question')) polls.push(this.toPoll(item, c.language, locale));
        else initiatives.push(this.toInitiative(item, c.language, locale));
      } catch (e) {
        const error =
          e instanceof CivicError
            ? e
            : new CivicError('invalid-response', `${item.where} sent something unexpected (${String(e)})`, {
                cause: e,
              });
        skipped.addError(error);
        left.set(id, error);
      }
    }
    // Logged once per collection read, not once per locale asked for.
    const logged = this.logged.has(c);
    this.logged.add(c);
    const warning = logged ? this.warnings.get(c) : skipped.warning(this.sourceName);
    if (warning) this.warnings.set(c, warning);
    const warnings = [...(warning ? [warning] : []), ...(c.failed ? [c.failed] : [])];
    return new ClientIndex(initiatives, polls, this.options.now, warnings, left);
  }

  private readonly logged = new WeakSet<Collected>();
  private readonly warnings = new WeakMap<Collected, PageWarning>();

  private toInitiative(
    { object: o, path, where }: RawItem,
    docLang: string | undefined,
    locale: string | undefined,
  ): Initiative {
    const lang = ownLanguage(o) ?? docLang;
    const name =
      pickText(o, 'name', locale, lang, path, where) ??
      (typeof o['preferredUsername'] === 'string' ? { text: o['preferredUsername'], lang: undefined } : undefined);
    const content = pickText(o, 'content', locale, lang, path, where);
    const summary = pickText(o, 'summary', locale, lang, path, where);
    const markdown = o['mediaType'] === 'text/markdown';
    const asText = (t: Text | undefined) => (!t ? '' : markdown ? t.text.trim() : htmlToText(t.text));
    const contentText = asText(content);
    const summaryText = summary ? htmlToText(summary.text) : '';
    const isEvent = hasType(o, 'Event');
    // A post's summary is its content warning: that is what shows, and the hidden text stays behind the link.
    const warning = hasType(o, ...POST_TYPES) && !name?.text.trim() && summaryText ? summaryText : undefined;
    // An event's summary may be the platform's automatic date-and-place line: then the content describes it.
    const automatic = isEvent && !!summaryText && (AUTOMATIC_LINE.test(summaryText) || summaryText === contentText);
    // Lemmy's older pages put the title in `summary`.
    const summaryIsTitle = !name?.text.trim() && hasType(o, 'Page', 'Article') && !!summaryText;
    const description = warning || automatic || summaryIsTitle ? '' : summaryText;

    let title: string;
    let rest = '';
    if (warning) title = warning;
    else if (name?.text.trim()) title = name.text.trim();
    else if (hasType(o, 'Page', 'Article') && summaryText)
      title = summaryText; // Lemmy's older pages
    else {
      // Leading mentions (`@anna@town.example`) address people; they are not what the post is about.
      const lines = contentText.split('\n').map(withoutMentions);
      const first = lines.findIndex((l) => l !== '');
      title = clip(lines[first] ?? '', 200);
      rest =
        first < 0
          ? ''
          : lines
              .slice(first + 1)
              .join('\n')
              .trim();
    }
    const image = this.image(o);
    // A picture with no text: titled from its description, else who posted it and when.
    title ||= image?.alt || this.byline(o) || '';
    if (!title) throw malformed(where, `${path}.name`, 'expected a name, content, or a picture to take a title from');
    const language = (warning ? (content ?? summary) : (name ?? content ?? summary))?.lang;

    const out: Json = {
      id: o['id'],
      title: clip(title, 500),
      status: this.status(o, path, where),
      tags: this.tags(o, path, where),
    };
    const shortText = description || rest || (name?.text.trim() || automatic || summaryIsTitle ? contentText : '');
    if (shortText) out['summary'] = clip(shortText, 5000);
    if (contentText && !warning) {
      out['body'] = clip(contentText, 100_000);
      // The content as the HTML it is (AS2's default mediaType), for the elements' sanitizer.
      const html = o['mediaType'] === undefined || o['mediaType'] === 'text/html';
      if (html && /<[a-z!/]/i.test(content!.text) && content!.text.length <= 200_000) out['bodyHtml'] = content!.text;
    }
    const url =
      href(o['url'], (l) => (l['mediaType'] ?? l['mimeType']) === 'text/html') ??
      (typeof o['id'] === 'string' && /^https?:/i.test(o['id']) ? o['id'] : undefined);
    if (url) out['url'] = url;
    if (image) out['image'] = image;
    const place = this.place(o, path, where);
    if (place && 'lat' in place) out['place'] = place;
    else if (place) out['address'] = place.address;
    const startsAt = date(o, 'startTime', path, where);
    const endsAt = date(o, 'endTime', path, where);
    if (startsAt) out['startsAt'] = startsAt;
    if (endsAt) out['endsAt'] = endsAt;
    const organiser = this.organiser(o['attributedTo']);
    if (organiser && !hasType(o, 'Group')) out['organiser'] = organiser;
    const likes = isObject(o['likes']) ? count(o['likes']['totalItems'], `${path}.likes.totalItems`, where) : undefined;
    const going = count(o['participantCount'], `${path}.participantCount`, where);
    // Civic Kit's extension context (as2-publish.ts): supporters and their goal.
    const supporters = count(o['supporters'], `${path}.supporters`, where);
    const goal = count(o['supportersGoal'], `${path}.supportersGoal`, where);
    if (supporters !== undefined) out['supporters'] = { count: supporters, ...(goal ? { goal } : {}) };
    else if (likes !== undefined || going !== undefined) out['supporters'] = { count: going ?? likes };
    if (this.options.source) out['source'] = this.options.source;
    if (language) out['language'] = language;
    return checked(InitiativeSchema, out, where, path, 'object');
  }

  /** "kde (floss.social), 2024-10-14": who posted a post with no words, and when. */
  private byline(o: Json): string | undefined {
    const who = this.organiser(o['attributedTo'])?.name;
    const when = typeof o['published'] === 'string' ? o['published'].slice(0, 10) : '';
    return who ? (when ? `${who}, ${when}` : who) : undefined;
  }

  private status(o: Json, path: string, where: string): Initiative['status'] {
    const own = o['initiativeStatus'];
    if (typeof own === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(own))
      return own as Initiative['status'];
    const raw = o['ical:status'] ?? o['status'];
    const s = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (s === 'CANCELLED' || s === 'CANCELED') return 'closed';
    const now = (this.options.now?.() ?? new Date()).getTime();
    const end = date(o, 'endTime', path, where);
    if (end && Date.parse(end) < now) return 'completed';
    const start = date(o, 'startTime', path, where);
    if (!end && start && Date.parse(start) + OPEN_ENDED_MS < now) return 'completed';
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
        const alt = typeof e['name'] === 'string' && !GENERIC_ALT.test(e['name'].trim()) ? e['name'].trim() : '';
        if (url) return { url, alt: clip(alt, 1000) };
      }
      return undefined;
    };
    // `icon` is a video's thumbnail (PeerTube).
    return pick(o['image']) ?? pick(o['attachment']) ?? (hasType(o, 'Video', 'Audio') ? pick(o['icon']) : undefined);
  }

  /**
   * The object's point, or (an address that was never geocoded: Gancio, Mobilizon) just the address:
   * a place without a pin.
   */
  private place(o: Json, path: string, where: string): Initiative['place'] | { address: string } | undefined {
    let unpinned: string | undefined;
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
      } else if (isObject(p['geo'])) {
        // Mobilizon's 2019 converter wrote schema.org `geo` with latitude and longitude the wrong way round.
        const g = p['geo'];
        point = latLng(g['longitude'], g['latitude']);
        if (!point) throw malformed(where, `${at}.geo`, 'expected a latitude and longitude');
      } else point = lonLatString(p['geom']) ?? lonLatString(p['coordinates']);
      const address = this.address(p);
      if (!point) {
        unpinned ??= address;
        continue;
      }
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
    return unpinned ? { address: clip(unpinned, 500) } : undefined;
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
    const lang = ownLanguage(o) ?? docLang;
    const name = pickText(o, 'name', locale, lang, path, where);
    const content = pickText(o, 'content', locale, lang, path, where);
    const question = name?.text.trim()
      ? name.text.trim()
      : content
        ? withoutMentions(htmlToText(withoutSelfLinks(content.text, [id, href(o['url'])])))
        : '';
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
    if (name && content) {
      // Mastodon shows `content`, so a poll may repeat its question there before the description.
      const text = htmlToText(content.text);
      const description = text.startsWith(question) ? text.slice(question.length).trim() : text;
      if (description) out['description'] = clip(description, 10_000);
    }
    const closesAt = endTime ?? closedAt;
    if (closesAt) out['closesAt'] = closesAt;
    const language = (name ?? content)?.lang;
    if (language) out['language'] = language;
    return checked(PollSchema, out, where, path, 'Question');
  }
}
