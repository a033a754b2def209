/**
 * The embedded default backend: everything in the page (and optionally localStorage), no server.
 * It implements every operation of the contract, so a site can try Civic Kit before it has a backend
 * and tests have a complete adapter to run against.
 */
import { ballotProblem, pollStatusAt, resultsVisible } from '../poll-rules.js';
import * as v from 'valibot';
import type {
  CallOptions,
  Capability,
  ChangeEvent,
  CivicAdapter,
  InitiativeQuery,
  Topic,
  WriteOptions,
} from '../adapter.js';
import { CivicError } from '../errors.js';
import { distanceKm, inBBox } from '../geo.js';
import { foldText, placeOf, placesMatching } from '../places.js';
import { InitiativeSchema, type Initiative, type Page } from '../model.js';
import { PollSchema, type Ballot, type Poll, parseBallot } from '../poll-model.js';
import {
  InterestSchema,
  type Interest,
  type Matches,
  type PlaceMatch,
  type Signup,
  type SignupInput,
  parseSignup,
} from '../signup-model.js';
import { parseResponse } from '../validate.js';

/** Someone who signed up earlier: a coarse point and interests, nothing that identifies them. */
export interface MemoryPerson {
  lat: number;
  lng: number;
  interests: string[];
}

export interface MemoryData {
  initiatives?: unknown[];
  polls?: unknown[];
  interests?: unknown[];
  people?: MemoryPerson[];
  /** Places a sign-up may type instead of sharing a location, by name as shown (matched ignoring case and accents). */
  places?: Record<string, { lat: number; lng: number }>;
}

export interface MemoryAdapterOptions {
  /** Seed data; unvalidated, as a backend would send it. Defaults to nothing (use `demo()` for the demo set). */
  data?: MemoryData;
  /** Keep votes, supports and sign-up matches in localStorage under this key. */
  persist?: string | undefined;
  /** Simulated latency in milliseconds for every call. */
  latency?: number;
  /** Share live changes with other tabs through a BroadcastChannel of this name. */
  channel?: string | undefined;
  /** The clock, for deciding whether polls are open. */
  now?: () => Date;
  /** Capabilities to leave out (to show how elements behave against a smaller backend). */
  without?: readonly Capability[];
}

interface PollRecord {
  poll: Poll;
  /** Current ballot per voter. */
  ballots: Record<string, string[]>;
}
interface State {
  initiatives: Initiative[];
  supporters: Record<string, string[]>;
  polls: Map<string, PollRecord>;
  interests: Interest[];
  people: MemoryPerson[];
  /** Idempotency key → the first response. */
  responses: Record<string, unknown>;
}
interface Persisted {
  supporters: Record<string, string[]>;
  ballots: Record<string, Record<string, string[]>>;
  people: MemoryPerson[];
  responses: Record<string, unknown>;
}

const ANONYMOUS = 'this-browser';
const MAX_LIMIT = 100;

export class MemoryAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability>;
  private readonly options: MemoryAdapterOptions;
  private stateOrError: State | CivicError | undefined;
  private readonly listeners = new Map<string, Set<(e: ChangeEvent) => void>>();
  private channel: BroadcastChannel | undefined;

  constructor(options: MemoryAdapterOptions = {}) {
    this.options = options;
    const all: Capability[] = [
      'list-initiatives',
      'get-initiative',
      'support-initiative',
      'get-poll',
      'vote',
      'change-vote',
      'list-interests',
      'find-others',
      'find-places',
      'subscribe',
    ];
    this.capabilities = new Set(all.filter((c) => !options.without?.includes(c)));
    if (options.channel && typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(options.channel);
      this.channel.onmessage = (m: MessageEvent<unknown>) => this.receive(m.data);
    }
  }

  /** Stop listening to other tabs. */
  dispose(): void {
    this.channel?.close();
    this.listeners.clear();
  }

  // --- reads -------------------------------------------------------------------------------------

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    const s = await this.begin(o);
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? 20)));
    const offset = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10);
    if (!Number.isInteger(offset) || offset < 0 || (String(offset) !== query.cursor && query.cursor !== undefined)) {
      throw new CivicError('invalid-request', `Unknown cursor "${query.cursor}"`);
    }
    if (query.radiusKm !== undefined && !query.near) throw new CivicError('invalid-request', '`radiusKm` needs `near`');
    if (query.sort === 'distance' && !query.near)
      throw new CivicError('invalid-request', 'Sorting by distance needs `near`');

    const words = query.q ? foldText(query.q).split(/\s+/).filter(Boolean) : [];
    const near = query.near;
    let found = s.initiatives.filter((i) => {
      if (query.status?.length && !query.status.includes(i.status)) return false;
      if (query.tags?.length && !query.tags.every((t) => i.tags.includes(t))) return false;
      if (query.bbox && (!i.place || !inBBox(i.place, query.bbox))) return false;
      if (near && query.radiusKm !== undefined && (!i.place || distanceKm(near, i.place) > query.radiusKm))
        return false;
      if (words.length) {
        const hay = foldText([i.title, i.summary, i.tags.join(' '), i.place?.address, i.organiser?.name].join(' '));
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    });
    const dist = (i: Initiative) => (near && i.place ? distanceKm(near, i.place) : Infinity);
    const time = (d: string | undefined, missing: number) => (d ? Date.parse(d) : missing);
    const sort = query.sort ?? (near ? 'distance' : 'relevance');
    if (sort === 'distance') found = [...found].sort((a, b) => dist(a) - dist(b));
    else if (sort === 'newest')
      found = [...found].sort((a, b) => time(b.startsAt, -Infinity) - time(a.startsAt, -Infinity));
    else if (sort === 'ending-soon')
      found = [...found].sort((a, b) => time(a.endsAt, Infinity) - time(b.endsAt, Infinity));
    else if (sort === 'supporters')
      found = [...found].sort((a, b) => (b.supporters?.count ?? 0) - (a.supporters?.count ?? 0));

    const items = found.slice(offset, offset + limit).map((i) => this.view(s, i, undefined));
    const next = offset + limit;
    return { items, total: found.length, ...(next < found.length ? { nextCursor: String(next) } : {}) };
  }

  async getInitiative(id: string, o?: CallOptions): Promise<Initiative> {
    const s = await this.begin(o);
    return this.view(s, this.findInitiative(s, id), undefined);
  }

  async getPoll(id: string, o?: CallOptions): Promise<Poll> {
    const s = await this.begin(o);
    return this.pollView(this.findPoll(s, id), o?.voter ?? ANONYMOUS);
  }

  async listInterests(o?: CallOptions): Promise<Interest[]> {
    const s = await this.begin(o);
    return structuredClone(s.interests);
  }

  async findPlaces(text: string, o?: CallOptions): Promise<PlaceMatch[]> {
    this.require('find-places');
    await this.begin(o);
    const places = Object.entries(this.options.data?.places ?? {});
    return placesMatching(text, places, ([name]) => foldText(name)).map(([label, at]) => ({ label, ...at }));
  }

  // --- writes ------------------------------------------------------------------------------------

  async supportInitiative(id: string, o: WriteOptions): Promise<Initiative> {
    this.require('support-initiative');
    const s = await this.begin(o);
    const repeat = this.replay<Initiative>(s, o.idempotencyKey);
    if (repeat) return repeat;
    const initiative = this.findInitiative(s, id);
    if (initiative.status === 'closed' || initiative.status === 'completed') {
      throw new CivicError('closed', 'This initiative no longer takes support');
    }
    const voter = o.voter ?? ANONYMOUS;
    const list = (s.supporters[id] ??= []);
    if (!list.includes(voter)) list.push(voter);
    const result = this.view(s, initiative, voter);
    this.remember(s, o.idempotencyKey, result);
    this.emit({ kind: 'initiative', id, initiative: this.view(s, initiative, undefined) });
    return result;
  }

  async vote(pollId: string, ballot: Ballot, o: WriteOptions): Promise<Poll> {
    this.require('vote');
    const s = await this.begin(o);
    const repeat = this.replay<Poll>(s, o.idempotencyKey);
    if (repeat) return repeat;
    const record = this.findPoll(s, pollId);
    const poll = record.poll;
    const status = this.statusOf(poll);
    if (status === 'closed') throw new CivicError('closed', 'This poll has closed');
    if (status === 'scheduled') throw new CivicError('closed', 'This poll has not opened yet');
    const { choices } = parseBallot(ballot);
    const problem = ballotProblem(poll, choices);
    if (problem) throw new CivicError('invalid-request', problem.message, { fields: { choices: problem.field } });
    const voter = o.voter ?? ANONYMOUS;
    if (record.ballots[voter] && !(poll.allowChange && this.capabilities.has('change-vote'))) {
      throw new CivicError('conflict', 'You have already voted in this poll');
    }
    record.ballots[voter] = [...choices];
    const result = this.pollView(record, voter);
    this.remember(s, o.idempotencyKey, result);
    this.emit({ kind: 'poll', id: pollId, poll: this.pollView(record, undefined) });
    return result;
  }

  async findOthers(signupInput: SignupInput, o: WriteOptions): Promise<Matches> {
    this.require('find-others');
    const s = await this.begin(o);
    const repeat = this.replay<Matches>(s, o.idempotencyKey);
    if (repeat) return repeat;
    const signup = parseSignup(signupInput);
    const point = this.locate(signup.place);
    const knownInterests = new Set(s.interests.map((i) => i.id));
    const interests = signup.interests.filter((i) => knownInterests.has(i));
    const nearby = s.people.filter((p) => distanceKm(point, p) <= signup.radiusKm);
    const matches: Matches = {
      nearbyCount: nearby.length,
      sharedInterests: interests.map((interest) => ({
        interest,
        label: s.interests.find((x) => x.id === interest)?.label,
        count: nearby.filter((p) => p.interests.includes(interest)).length,
      })),
      initiatives: s.initiatives
        .filter((i) => i.place && distanceKm(point, i.place) <= signup.radiusKm)
        .filter((i) => !interests.length || i.tags.some((t) => interests.includes(t)))
        .sort((a, b) => distanceKm(point, a.place!) - distanceKm(point, b.place!))
        .slice(0, 6)
        .map((i) => this.view(s, i, undefined)),
    };
    // Keep only what matching needs: no name, email or message is stored.
    s.people.push({ lat: point.lat, lng: point.lng, interests });
    this.remember(s, o.idempotencyKey, matches);
    return structuredClone(matches);
  }

  subscribe(topic: Topic, onEvent: (event: ChangeEvent) => void): () => void {
    const key = `${topic.kind}:${topic.id}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(onEvent);
    return () => set.delete(onEvent);
  }

  // --- internals ---------------------------------------------------------------------------------

  private require(capability: Capability): void {
    if (!this.capabilities.has(capability))
      throw new CivicError('unsupported', `This backend does not offer ${capability}`);
  }

  private async begin(o: CallOptions | undefined): Promise<State> {
    const signal = o?.signal;
    const aborted = () => new CivicError('aborted', 'The request was cancelled');
    if (signal?.aborted) throw aborted();
    const latency = this.options.latency ?? 0;
    if (latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, latency);
        signal?.addEventListener('abort', () => (clearTimeout(t), reject(aborted())), { once: true });
      });
    } else {
      await Promise.resolve();
    }
    if (signal?.aborted) throw aborted();
    return this.state();
  }

  /** Validate the seed once, as if it had come over the wire; malformed data fails every call. */
  private state(): State {
    if (!this.stateOrError) {
      try {
        const d = this.options.data ?? {};
        const initiatives = parseResponse(v.array(InitiativeSchema), d.initiatives ?? [], 'list of initiatives');
        const polls = parseResponse(v.array(PollSchema), d.polls ?? [], 'list of polls');
        const interests = parseResponse(v.array(InterestSchema), d.interests ?? [], 'list of interests');
        const saved = this.load();
        const supporters: Record<string, string[]> = saved?.supporters ?? {};
        this.stateOrError = {
          initiatives,
          supporters,
          polls: new Map(polls.map((p) => [p.id, { poll: p, ballots: saved?.ballots[p.id] ?? {} }])),
          interests,
          people: [...(d.people ?? []), ...(saved?.people ?? [])],
          responses: saved?.responses ?? {},
        };
      } catch (e) {
        this.stateOrError = e as CivicError;
      }
    }
    if (this.stateOrError instanceof CivicError) throw this.stateOrError;
    return this.stateOrError;
  }

  private findInitiative(s: State, id: string): Initiative {
    const found = s.initiatives.find((i) => i.id === id);
    if (!found) throw new CivicError('not-found', `No initiative with id "${id}"`);
    return found;
  }

  private findPoll(s: State, id: string): PollRecord {
    const found = s.polls.get(id);
    if (!found) throw new CivicError('not-found', `No poll with id "${id}"`);
    return found;
  }

  /** What a caller sees: seed count plus supports made here, and whether this voter supported. */
  private view(s: State, i: Initiative, voter: string | undefined): Initiative {
    const out = structuredClone(i);
    const mine = s.supporters[i.id] ?? [];
    if (out.supporters || mine.length) {
      out.supporters = { ...(out.supporters ?? { count: 0 }), count: (out.supporters?.count ?? 0) + mine.length };
      if (voter !== undefined) out.supporters.supportedByMe = mine.includes(voter);
    }
    return out;
  }

  private statusOf(p: Poll): Poll['status'] {
    return pollStatusAt(p, this.options.now?.() ?? new Date());
  }

  private pollView(record: PollRecord, voter: string | undefined): Poll {
    const poll = structuredClone(record.poll);
    poll.status = this.statusOf(poll);
    const seed = poll.results ?? { counts: {}, voters: 0 };
    const counts: Record<string, number> = {};
    for (const o of poll.options) counts[o.id] = seed.counts[o.id] ?? 0;
    const ballots = Object.values(record.ballots);
    for (const b of ballots) {
      const counted = poll.kind === 'ranked' ? b.slice(0, 1) : b;
      for (const c of counted) counts[c] = (counts[c] ?? 0) + 1;
    }
    poll.results = {
      counts,
      voters: seed.voters + ballots.length,
      ...(poll.kind === 'ranked' ? { ballots: [...(seed.ballots ?? []), ...ballots] } : {}),
    };
    const mine = voter === undefined ? undefined : record.ballots[voter];
    if (mine) poll.myBallot = { choices: [...mine] };
    else delete poll.myBallot;
    if (!resultsVisible(poll, mine !== undefined)) delete poll.results;
    return poll;
  }

  private locate(place: Signup['place']): { lat: number; lng: number } {
    if (place.lat !== undefined && place.lng !== undefined) return { lat: place.lat, lng: place.lng };
    const places = Object.entries(this.options.data?.places ?? {});
    const hit = placeOf(place.text ?? '', places, ([name]) => foldText(name));
    if (!hit) {
      throw new CivicError('invalid-request', `We could not find "${place.text ?? ''}"`, {
        fields: { place: 'Enter a town or postcode we know, or use your location' },
      });
    }
    return hit[1];
  }

  private replay<T>(s: State, key: string): T | undefined {
    return key in s.responses ? (structuredClone(s.responses[key]) as T) : undefined;
  }

  private remember(s: State, key: string, response: unknown): void {
    s.responses[key] = structuredClone(response);
    this.save(s);
  }

  private load(): Persisted | undefined {
    if (!this.options.persist) return undefined;
    try {
      const raw = globalThis.localStorage?.getItem(this.options.persist);
      return raw ? (JSON.parse(raw) as Persisted) : undefined;
    } catch {
      return undefined; // unreadable storage: start fresh rather than fail every call
    }
  }

  private save(s: State): void {
    if (!this.options.persist) return;
    const seeded = this.options.data?.people?.length ?? 0;
    const persisted: Persisted = {
      supporters: s.supporters,
      ballots: Object.fromEntries([...s.polls].map(([id, r]) => [id, r.ballots])),
      people: s.people.slice(seeded),
      responses: s.responses,
    };
    try {
      globalThis.localStorage?.setItem(this.options.persist, JSON.stringify(persisted));
    } catch {
      /* storage full or blocked: the write still counts for this page */
    }
  }

  private emit(event: ChangeEvent, fromOtherTab = false): void {
    for (const l of this.listeners.get(`${event.kind}:${event.id}`) ?? []) {
      try {
        l(structuredClone(event));
      } catch (e) {
        console.error(e);
      }
    }
    if (!fromOtherTab && this.channel) {
      const s = this.state();
      const message =
        event.kind === 'poll'
          ? { kind: 'poll', id: event.id, ballots: s.polls.get(event.id)?.ballots }
          : { kind: 'initiative', id: event.id, supporters: s.supporters[event.id] };
      this.channel.postMessage(message);
    }
  }

  /** Another tab changed something: take its tallies and tell this page's subscribers. */
  private receive(data: unknown): void {
    let s: State;
    try {
      s = this.state();
    } catch {
      return;
    }
    const m = data as { kind?: unknown; id?: unknown; ballots?: unknown; supporters?: unknown };
    if (typeof m?.id !== 'string') return;
    if (m.kind === 'poll' && typeof m.ballots === 'object' && m.ballots) {
      const record = s.polls.get(m.id);
      if (!record) return;
      record.ballots = { ...(m.ballots as Record<string, string[]>) };
      this.emit({ kind: 'poll', id: m.id, poll: this.pollView(record, undefined) }, true);
    } else if (m.kind === 'initiative' && Array.isArray(m.supporters)) {
      const i = s.initiatives.find((x) => x.id === m.id);
      if (!i) return;
      s.supporters[m.id] = m.supporters.filter((x): x is string => typeof x === 'string');
      this.emit({ kind: 'initiative', id: m.id, initiative: this.view(s, i, undefined) }, true);
    }
  }
}
