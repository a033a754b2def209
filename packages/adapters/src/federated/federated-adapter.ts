/**
 * The federated adapter: several adapters (our town's REST server, the region's Decidim, a neighbour's
 * static file…) as one.
 *
 * - Lists are merged in the query's sort order (round robin for "best match"), de-duplicated (the same
 *   `url`, or the same id and title, is one initiative: the first source's copy is kept), and paged
 *   with a composite cursor that remembers where each source stands.
 * - Every initiative names its source (the item's own `source`, else the configured name), so cards
 *   say where it came from.
 * - A source that fails or does not answer within its timeout leaves its items out and adds a
 *   warning to the page (`Page.warnings`); only when every source fails does the call fail.
 * - Ids stay as each source gave them; an id two sources use for different initiatives is shown as
 *   `<source key>::<id>` for every source but the first. Writes go to the initiative's or poll's own
 *   source.
 * - The visitor's voter token goes only to the source it was issued for (`voter: true`; by default
 *   the first source, the site's own backend). Every other source gets no token and keeps its own
 *   credentials. An id not known yet is asked of that source first, and of the others (without the
 *   token) only when it has none.
 */
import {
  CivicError,
  distanceKm,
  parseInitiative,
  parsePoll,
  toCivicError,
  type Ballot,
  type CallOptions,
  type Capability,
  type ChangeEvent,
  type CivicAdapter,
  type Initiative,
  type InitiativeQuery,
  type InitiativeSort,
  type Interest,
  type Link,
  type Matches,
  type Page,
  type PageWarning,
  type PlaceMatch,
  type Poll,
  type SignupForm,
  type SignupInput,
  type Topic,
  type WriteOptions,
} from '@civic-kit/core';
import { Deadline, throwIfAborted, untilAborted } from '../http/index.js';

export interface FederatedSource {
  /** Shown to visitors: on cards ("From …") and in the notice when the source fails. */
  name: string;
  /** The source's own site, linked from its cards. */
  url?: string | undefined;
  /** Short and unique, for ids that clash (`key::id`). Default: made from the name. */
  key?: string | undefined;
  adapter: CivicAdapter;
  /** Milliseconds this source may take to answer. Default: the federated adapter's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /**
   * The visitor's voter token was issued for this source: it is sent here and nowhere else. Default:
   * true for the first source when no source says.
   */
  voter?: boolean | undefined;
}

export interface FederatedAdapterOptions {
  sources: readonly FederatedSource[];
  /** Milliseconds a source may take before it counts as failed. Default 8 000. */
  timeoutMs?: number;
}

interface Src extends FederatedSource {
  key: string;
  link: Link;
  /** Gets the visitor's voter token. */
  owner: boolean;
}

/** Where one source stands: the cursor of the page being read and how many of its items were used. */
interface SourceState {
  c?: string;
  s?: number;
  /** Done (no more pages, or failed). */
  d?: 1;
}
interface Cursor {
  v: 1;
  /** Per source key. */
  p: Record<string, SourceState>;
  /** Hashes of what earlier pages showed, to keep duplicates out of later pages. */
  h: string[];
  /** The total the first page found (the sources' totals less duplicates seen so far). */
  t?: number;
}

const SEP = '::';
const MAX_REMEMBERED = 1000;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'source';

/** A short, stable hash (two FNV-1a rounds, 64 bits) for the cursor's memory of what was shown. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The same initiative in two sources: the same page, or (without one) the same id and title. */
function sameKey(i: Initiative): string {
  if (i.url) {
    try {
      const u = new URL(i.url);
      return `u:${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    } catch {
      /* not absolute: fall through */
    }
  }
  return `i:${i.id}\n${fold(i.title)}`;
}

const encode = (c: Cursor) => btoa(unescape(encodeURIComponent(JSON.stringify(c))));
function decode(s: string): Cursor {
  try {
    const c = JSON.parse(decodeURIComponent(escape(atob(s)))) as Cursor;
    if (c.v !== 1 || typeof c.p !== 'object' || !Array.isArray(c.h)) throw new Error('shape');
    return c;
  } catch (e) {
    throw new CivicError('invalid-request', `Unknown cursor "${s.slice(0, 40)}"`, { cause: e });
  }
}

export class FederatedAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability>;
  readonly sources: readonly Src[];
  private readonly timeoutMs: number;
  /** Federated id → where it came from (learned from every list and get). */
  private readonly initiativeHome = new Map<string, { src: Src; id: string }>();
  private readonly pollHome = new Map<string, { src: Src; id: string }>();

  constructor(options: FederatedAdapterOptions) {
    if (!options.sources.length) throw new CivicError('misconfigured', 'A federated view needs at least one source');
    const keys = new Set<string>();
    const declared = options.sources.some((s) => s.voter !== undefined);
    this.sources = options.sources.map((s, i) => {
      let key = slug(s.key ?? s.name);
      for (let n = 2; keys.has(key); n++) key = `${slug(s.key ?? s.name)}-${n}`;
      keys.add(key);
      const owner = declared ? s.voter === true : i === 0;
      return { ...s, key, owner, link: { name: s.name, ...(s.url ? { url: s.url } : {}) } };
    });
    this.timeoutMs = options.timeoutMs ?? 8000;
    const caps = new Set<Capability>(['list-initiatives', 'get-initiative', 'get-poll']);
    for (const s of this.sources)
      for (const c of [
        'support-initiative',
        'vote',
        'change-vote',
        'list-interests',
        'find-others',
        'subscribe',
      ] as const)
        if (s.adapter.capabilities.has(c)) caps.add(c);
    if (this.signupSource()?.adapter.capabilities.has('find-places')) caps.add('find-places');
    this.capabilities = caps;
  }

  // ─── lists ────────────────────────────────────────────────────────────────────────────────

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    throwIfAborted(o?.signal);
    const limit = Math.max(1, Math.floor(query.limit ?? 20));
    const cursor: Cursor = query.cursor ? decode(query.cursor) : { v: 1, p: {}, h: [] };
    const sort: InitiativeSort = query.sort ?? (query.near ? 'distance' : 'relevance');
    const active = this.sources.filter((s) => !cursor.p[s.key]?.d);
    const warnings: PageWarning[] = [];

    type Read = { src: Src; state: SourceState };
    type Ok = Read & { page: { items: Initiative[]; nextCursor: string | undefined; total: number | undefined } };
    type Failed = Read & { error: CivicError };
    const results: (Ok | Failed)[] = await Promise.all(
      active.map(async (src): Promise<Ok | Failed> => {
        const state = cursor.p[src.key] ?? {};
        try {
          const page = await this.call(src, o, (signal) =>
            src.adapter.listInitiatives({ ...query, cursor: state.c, limit }, { ...this.credentials(src, o), signal }),
          );
          for (const w of page.warnings ?? []) warnings.push(w); // a federated source of its own
          return {
            src,
            state,
            page: {
              items: page.items.map((i) => this.stamp(parseInitiative(i), src)),
              nextCursor: typeof page.nextCursor === 'string' && page.nextCursor ? page.nextCursor : undefined,
              total: typeof page.total === 'number' ? page.total : undefined,
            },
          };
        } catch (e) {
          const error = toCivicError(e);
          if (error.code === 'aborted' && o?.signal?.aborted) throw error;
          return { src, state, error };
        }
      }),
    );

    const ok = results.filter((r): r is Ok => 'page' in r);
    const failed = results.filter((r): r is Failed => 'error' in r);
    for (const f of failed) {
      warnings.push({ source: f.src.name, code: f.error.code, message: f.error.message });
      console.warn(`Civic Kit: the source "${f.src.name}" could not be read (${f.error.message})`);
    }
    if (!ok.length && failed[0]) throw failed[0].error;

    // Merge.
    const buffers = ok.map((r) => ({ ...r, items: r.page.items.slice(r.state.s ?? 0), pos: 0, taken: 0 }));
    const seen = new Set(cursor.h);
    const out: Initiative[] = [];
    const compare = comparator(sort, query.near);
    let turn = 0;
    let duplicates = 0;
    while (out.length < limit) {
      // Stop where a source's page ran out but it has more: its next item might come first.
      if (buffers.some((b) => b.pos >= b.items.length && b.page.nextCursor)) break;
      const open = buffers.filter((b) => b.pos < b.items.length);
      if (!open.length) break;
      let pick: (typeof buffers)[number];
      if (!compare) {
        pick = open.find((b) => buffers.indexOf(b) >= turn % buffers.length) ?? open[0]!;
        turn = buffers.indexOf(pick) + 1;
      } else {
        pick = open.reduce((best, b) => (compare(b.items[b.pos]!, best.items[best.pos]!) < 0 ? b : best));
      }
      const item = pick.items[pick.pos++]!;
      const same = hash(sameKey(item));
      if (seen.has(same)) {
        duplicates++;
        continue;
      }
      seen.add(same);
      let id = item.id;
      const home = this.initiativeHome.get(id);
      const clash = seen.has(`#${hash(id)}`) || (home !== undefined && home.src !== pick.src);
      if (clash) id = `${pick.src.key}${SEP}${item.id}`;
      seen.add(`#${hash(id)}`);
      this.initiativeHome.set(id, { src: pick.src, id: item.id });
      out.push(id === item.id ? item : { ...item, id });
    }

    // Where each source stands now.
    const next: Cursor = { v: 1, p: { ...cursor.p }, h: [...seen].slice(-MAX_REMEMBERED) };
    for (const f of failed) next.p[f.src.key] = { d: 1 };
    for (const b of buffers) {
      const used = (b.state.s ?? 0) + b.pos;
      if (b.pos >= b.items.length) next.p[b.src.key] = b.page.nextCursor ? { c: b.page.nextCursor } : { d: 1 };
      else next.p[b.src.key] = { ...(b.state.c ? { c: b.state.c } : {}), s: used };
    }
    const more = this.sources.some((s) => !next.p[s.key]?.d);
    // A total when every source gave one on the first page (less duplicates as they are found), carried
    // in the cursor so later pages keep it; no total once a source has failed.
    const totals = ok.map((r) => r.page.total);
    let total: number | undefined;
    if (!query.cursor) {
      if (!more) total = out.length;
      else if (!failed.length && totals.every((t) => t !== undefined))
        total = totals.reduce((a: number, b) => a + b, 0) - duplicates;
    } else if (cursor.t !== undefined && !failed.length) total = cursor.t - duplicates;
    if (total !== undefined) next.t = total;
    return {
      items: out,
      ...(more ? { nextCursor: encode(next) } : {}),
      ...(total !== undefined ? { total } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  }

  // ─── single items ─────────────────────────────────────────────────────────────────────────

  async getInitiative(id: string, o?: CallOptions): Promise<Initiative> {
    const { src, item } = await this.find(id, this.initiativeHome, o, (s, sid, signal) =>
      s.adapter.getInitiative(sid, { ...this.credentials(s, o), signal }),
    );
    return { ...this.stamp(parseInitiative(item), src), id };
  }

  async getPoll(id: string, o?: CallOptions): Promise<Poll> {
    const { item } = await this.find(id, this.pollHome, o, (s, sid, signal) =>
      s.adapter.getPoll(sid, { ...this.credentials(s, o), signal }),
    );
    return { ...parsePoll(item), id };
  }

  async supportInitiative(id: string, o: WriteOptions): Promise<Initiative> {
    const { src, id: sid } = await this.home(id, this.initiativeHome, o, (s, x, signal) =>
      s.adapter.getInitiative(x, { ...this.credentials(s, o), signal }),
    );
    if (!src.adapter.supportInitiative || !src.adapter.capabilities.has('support-initiative'))
      throw new CivicError('unsupported', `${src.name} does not take support here`);
    return {
      ...this.stamp(parseInitiative(await src.adapter.supportInitiative(sid, this.credentials(src, o))), src),
      id,
    };
  }

  async vote(pollId: string, ballot: Ballot, o: WriteOptions): Promise<Poll> {
    const { src, id: sid } = await this.home(pollId, this.pollHome, o, (s, x, signal) =>
      s.adapter.getPoll(x, { ...this.credentials(s, o), signal }),
    );
    if (!src.adapter.vote || !src.adapter.capabilities.has('vote'))
      throw new CivicError('unsupported', `${src.name} does not take votes here`);
    return { ...parsePoll(await src.adapter.vote(sid, ballot, this.credentials(src, o))), id: pollId };
  }

  async listInterests(o?: CallOptions): Promise<Interest[]> {
    const withInterests = this.sources.filter(
      (s) => s.adapter.listInterests && s.adapter.capabilities.has('list-interests'),
    );
    const lists = await Promise.all(
      withInterests.map((s) =>
        this.call(s, o, (signal) => s.adapter.listInterests!({ ...this.credentials(s, o), signal })).catch(() => []),
      ),
    );
    const out = new Map<string, Interest>();
    for (const list of lists) for (const i of list) if (!out.has(i.id)) out.set(i.id, i);
    return [...out.values()];
  }

  /** Sign-ups go to the first source that matches people (the site's own backend, listed first). */
  async findOthers(signup: SignupInput, o: WriteOptions): Promise<Matches> {
    const src = this.signupSource();
    if (!src) throw new CivicError('unsupported', 'No source of this view takes sign-ups');
    const matches = await src.adapter.findOthers!(signup, this.credentials(src, o));
    return { ...matches, initiatives: matches.initiatives.map((i) => this.stamp(i, src)) };
  }

  /** The form of the source that takes sign-ups: its stamp comes back to it with the sign-up. */
  async signupForm(o?: CallOptions): Promise<SignupForm> {
    const src = this.signupSource();
    if (!src?.adapter.signupForm) throw new CivicError('unsupported', 'The source that takes sign-ups serves no form');
    return src.adapter.signupForm(this.credentials(src, o));
  }

  /** Places as the source that takes sign-ups knows them, so what is picked is what it matches on. */
  async findPlaces(text: string, o?: CallOptions): Promise<PlaceMatch[]> {
    const src = this.signupSource();
    if (!src?.adapter.findPlaces || !src.adapter.capabilities.has('find-places'))
      throw new CivicError('unsupported', 'The source that takes sign-ups cannot look up places');
    return src.adapter.findPlaces(text, this.credentials(src, o));
  }

  private signupSource() {
    return this.sources.find((s) => s.adapter.findOthers && s.adapter.capabilities.has('find-others'));
  }

  subscribe(topic: Topic, onEvent: (event: ChangeEvent) => void): () => void {
    const homes = topic.kind === 'poll' ? this.pollHome : this.initiativeHome;
    const known = homes.get(topic.id) ?? this.prefixed(topic.id);
    const targets = known ? [known] : this.sources.map((src) => ({ src, id: topic.id }));
    const offs = targets
      .filter((t) => t.src.adapter.subscribe && t.src.adapter.capabilities.has('subscribe'))
      .map((t) =>
        t.src.adapter.subscribe!({ ...topic, id: t.id }, (e) => {
          if (e.kind === 'poll') onEvent({ kind: 'poll', id: topic.id, poll: { ...e.poll, id: topic.id } });
          else
            onEvent({
              kind: 'initiative',
              id: topic.id,
              initiative: { ...this.stamp(e.initiative, t.src), id: topic.id },
            });
        }),
      );
    return () => offs.forEach((off) => off());
  }

  /** Release every source (the provider calls this when it replaces the adapter). */
  dispose(): void {
    for (const s of this.sources) s.adapter.dispose?.();
  }

  // ─── internals ────────────────────────────────────────────────────────────────────────────

  /** The call's options as `src` may see them: the visitor's voter token only for the source it is for. */
  private credentials<T extends CallOptions>(src: Src, o: T): T;
  private credentials<T extends CallOptions>(src: Src, o: T | undefined): T | undefined;
  private credentials<T extends CallOptions>(src: Src, o: T | undefined): T | undefined {
    if (!o || src.owner || o.voter === undefined) return o;
    const { voter: _, ...rest } = o;
    return rest as T;
  }

  private stamp(i: Initiative, src: Src): Initiative {
    return i.source ? i : { ...i, source: src.link };
  }

  private prefixed(id: string): { src: Src; id: string } | undefined {
    const at = id.indexOf(SEP);
    if (at < 0) return undefined;
    const src = this.sources.find((s) => s.key === id.slice(0, at));
    return src ? { src, id: id.slice(at + SEP.length) } : undefined;
  }

  /** One call to one source, within its timeout and the caller's signal. */
  private async call<T>(src: Src, o: CallOptions | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = new Deadline(src.timeoutMs ?? this.timeoutMs, o?.signal);
    try {
      // A source that does not honour the signal is not waited for either.
      return await untilAborted(fn(deadline.signal), deadline.signal);
    } catch (e) {
      // The source's own failure stays as it is (the caller makes it a CivicError).
      if (deadline.signal.aborted) throw deadline.failure(e, src.name);
      throw e;
    } finally {
      deadline.done();
    }
  }

  /**
   * The item with federated `id`: from its known home, else asked of the source the voter token is
   * for, and only when it has none of the others (first in order wins).
   */
  private async find<T>(
    id: string,
    homes: Map<string, { src: Src; id: string }>,
    o: CallOptions | undefined,
    get: (src: Src, id: string, signal: AbortSignal) => Promise<T>,
  ): Promise<{ src: Src; item: T }> {
    const known = homes.get(id) ?? this.prefixed(id);
    if (known)
      return { src: known.src, item: await this.call(known.src, o, (signal) => get(known.src, known.id, signal)) };
    const ask = (sources: readonly Src[]) =>
      Promise.all(
        sources.map((src) =>
          this.call(src, o, (signal) => get(src, id, signal)).then(
            (item) => ({ src, item }),
            (e: unknown) => ({ src, error: toCivicError(e) }),
          ),
        ),
      );
    const owners = this.sources.filter((s) => s.owner);
    let answers: ({ src: Src; item: T } | { src: Src; error: CivicError })[] = await ask(owners);
    if (!answers.some((a) => 'item' in a)) answers = [...answers, ...(await ask(this.sources.filter((s) => !s.owner)))];
    const found = answers.find((a) => 'item' in a);
    if (found && 'item' in found) {
      homes.set(id, { src: found.src, id });
      return found;
    }
    const errors = answers.map((a) => ('error' in a ? a.error : undefined)).filter((e) => e !== undefined);
    if (errors.some((e) => e.code === 'aborted') && o?.signal?.aborted) throw errors.find((e) => e.code === 'aborted')!;
    // Not found only when every source said so; otherwise the failure is the honest answer.
    throw errors.find((e) => e.code !== 'not-found') ?? new CivicError('not-found', `No source has "${id}"`);
  }

  private async home<T>(
    id: string,
    homes: Map<string, { src: Src; id: string }>,
    o: CallOptions,
    get: (src: Src, id: string, signal: AbortSignal) => Promise<T>,
  ): Promise<{ src: Src; id: string }> {
    const known = homes.get(id) ?? this.prefixed(id);
    if (known) return known;
    const { src } = await this.find(id, homes, o, get);
    return { src, id };
  }
}

/** Order of two items for a sort (as the sources sort), or undefined for round robin ("best match"). */
function comparator(
  sort: InitiativeSort,
  near: { lat: number; lng: number } | undefined,
): ((a: Initiative, b: Initiative) => number) | undefined {
  const time = (d: string | undefined, missing: number) => (d ? Date.parse(d) : missing);
  switch (sort) {
    case 'distance':
      return near
        ? (a, b) => (a.place ? distanceKm(near, a.place) : Infinity) - (b.place ? distanceKm(near, b.place) : Infinity)
        : undefined;
    case 'newest':
      return (a, b) => time(b.startsAt, -Infinity) - time(a.startsAt, -Infinity);
    case 'ending-soon':
      return (a, b) => time(a.endsAt, Infinity) - time(b.endsAt, Infinity);
    case 'supporters':
      return (a, b) => (b.supporters?.count ?? 0) - (a.supporters?.count ?? 0);
    default:
      return undefined;
  }
}
