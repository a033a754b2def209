/**
 * The Decidim adapter: reads initiatives, or the proposals or meetings of a participatory space,
 * from a Decidim instance's public GraphQL API (`<instance>/api`), and votes on proposals through
 * the write API (Decidim's development branch after 0.31.0) where the instance has it and the host
 * supplies credentials.
 *
 * - plain GraphQL documents over `fetch`, with a timeout and the caller's `AbortSignal`;
 * - the instance's schema is introspected once (per page and instance) and the documents are built
 *   from the fields it has, so older versions (endorsements, category/scope) work as well as newer ones;
 * - every payload is validated (`invalid-response` naming the field), rich text becomes plain text,
 *   machine translations are marked;
 * - 100 requests a minute per IP: answers are cached (stale-while-revalidate), identical requests in
 *   flight are made once, one request fills a visible list, and requests are counted per instance;
 * - what the API cannot filter or sort by is done over the fetched items; a later page that cannot be
 *   had ends the list with the items read so far and a warning (`Page.warnings`), never an error.
 */
import {
  CivicError,
  type BBox,
  type CallOptions,
  type Capability,
  type CivicAdapter,
  type Initiative,
  type InitiativeQuery,
  type InitiativeStatus,
  type Page,
  type PageWarning,
  type Poll,
  type WriteOptions,
} from '@civic-kit/core';
import { Deadline, sleep, throwIfAborted, untilAborted } from '../http/index.js';
import { Skipped } from '../skipped.js';
import { RateLimiter, SwrCache } from './cache.js';
import { Rejected, type Check } from './check.js';
import { checkQuery, matches, sorted, sortOf } from './filter.js';
import {
  componentResponse,
  InitiativeRawSchema,
  InitiativeResponse,
  InitiativesResponse,
  IntrospectionResponse,
  mapInitiative,
  mapMeeting,
  mapProposal,
  MeetingSchema,
  parseDecidim,
  ProposalSchema,
  spaceResponse,
  VoteResponse,
  type MapContext,
  type RawMeeting,
  type RawProposal,
} from './map.js';
import {
  BASELINE,
  componentPageQuery,
  initiativeQuery,
  initiativesQuery,
  INTROSPECTION,
  missingFields,
  OPTIONAL_FIELDS,
  PROBE,
  PROBE_FIELD,
  PROBE_VOTE,
  MAX_PAGE,
  spaceItemQuery,
  spaceListQuery,
  VOTE_MUTATION,
  type ComponentType,
  type DecidimFeatures,
  type Space,
} from './queries.js';

export const DECIDIM_RESOURCES = ['initiatives', 'proposals', 'meetings'] as const;
export type DecidimResource = (typeof DECIDIM_RESOURCES)[number];

/** Credentials for writes: an API bearer token the host obtained (never a cookie). */
export type DecidimToken = string | (() => string | undefined | Promise<string | undefined>);

export interface DecidimAdapterOptions {
  /** The instance (`https://decidim.example`) or its API (`https://decidim.example/api`). */
  endpoint: string;
  /** What to list. Default: `proposals` when a space is given, otherwise `initiatives`. */
  resource?: DecidimResource | undefined;
  /**
   * The participatory space of proposals and meetings: a process slug or id (`my-process`,
   * `processes/my-process`, `12`), or `assemblies/<id>`, `conferences/<id>`.
   */
  space?: string | undefined;
  /** Only this component of the space (by id). Default: every component of the resource's type. */
  component?: string | undefined;
  /** Wanted language; a call's `locale` wins. Default: the page's `lang`, else English. */
  locale?: string | undefined;
  /** Languages to fall back on, in order, when a text is not in the wanted one. */
  fallbackLocales?: readonly string[] | undefined;
  /** Signatures or votes needed (Decidim's API does not expose it): the progress bar's goal. */
  goal?: number | undefined;
  /** What counts as supporters of a proposal: `votes` (default) or `likes` (endorsements before 0.30). */
  supporters?: 'votes' | 'likes' | undefined;
  /** Shown as the initiatives' source. Default: the instance's host name. */
  sourceName?: string | undefined;
  /** Credentials for voting (an API token, or a function the host answers with one). */
  token?: DecidimToken | undefined;
  /** Offer voting: `auto` (default) when the instance has the vote mutation and a token is given. */
  voting?: 'auto' | boolean | undefined;
  /** Extra Decidim state → status mappings (custom proposal states), by lower-case state name. */
  statusMap?: Readonly<Record<string, InitiativeStatus>> | undefined;
  /** The area the places should be in: a point found swapped outside it but inside it once swapped is put right. */
  bounds?: BBox | undefined;
  /** Milliseconds before a request counts as failed (`network`). Default 10 000. */
  timeoutMs?: number | undefined;
  /** Items per request (at most Decidim's 50). Default 50. */
  pageSize?: number | undefined;
  /** Most items fetched for one list when filtering or sorting needs them all. Default 500. */
  maxItems?: number | undefined;
  /** How long an answer is used without asking again. Default 60 s. */
  freshMs?: number | undefined;
  /** How long an older answer is still shown while a new one is fetched. Default 15 min. */
  staleMs?: number | undefined;
  /** Requests per minute this page sends to the instance. Default 90 (Decidim allows 100). */
  maxRequestsPerMinute?: number | undefined;
  /** A request over the budget waits at most this long, else fails with `rate-limited`. Default 3 000. */
  maxWaitMs?: number | undefined;
  /** Share the cache, request budget and schema with other Decidim adapters of the same instance. Default true. */
  shared?: boolean | undefined;
  fetch?: typeof fetch | undefined;
  now?: (() => number) | undefined;
}

interface Continuation {
  component: string;
  after: string;
}
/** One cached request's worth of a list. */
interface ListPage {
  items: Initiative[];
  /** Components that have more pages, in the order they are fetched. */
  queue: Continuation[];
  /** Items of this request that could not be shown, by why (left out, counted in the page's warnings). */
  skipped?: [reason: string, count: number][];
}

interface Instance {
  cache: SwrCache;
  limiter: RateLimiter;
  /** Proposal id → its component (the vote mutation needs both). */
  componentOf: Map<string, string>;
  /** Space → its path on the instance (`/processes/<slug>`), for links the instance does not send. */
  spacePaths: Map<string, string>;
  features?: Promise<DecidimFeatures> | undefined;
}
const INSTANCES = new Map<string, Instance>();

/** `processes/slug`, `slug`, `12`, `assemblies/3`, `conferences/4` → which space to ask for. */
export function parseSpace(value: string): Space {
  const s = value.trim().replace(/^\/+|\/+$/g, '');
  const m = /^(processes|assemblies|conferences)\/([^/]+)$/.exec(s);
  const [kind, ref] = m ? [m[1], m[2]!] : ['processes', s];
  if (!ref || /[\s"\\]/.test(ref))
    throw new CivicError('misconfigured', `"${value}" is not a Decidim participatory space`);
  if (kind === 'processes') return { kind: 'participatoryProcess', by: /^\d+$/.test(ref) ? 'id' : 'slug', value: ref };
  if (!/^\d+$/.test(ref))
    throw new CivicError('misconfigured', `Decidim ${kind} are found by number: "${kind}/<id>", not "${value}"`);
  return { kind: kind === 'assemblies' ? 'assembly' : 'conference', by: 'id', value: ref };
}

const SPACE_PATHS: Record<Space['kind'], string> = {
  participatoryProcess: 'processes',
  assembly: 'assemblies',
  conference: 'conferences',
};

export class DecidimAdapter implements CivicAdapter {
  readonly capabilities: ReadonlySet<Capability>;
  /** The instance's base URL (without `/api`). */
  readonly base: string;
  /** Where the GraphQL API answers. */
  readonly api: string;
  readonly resource: DecidimResource;
  private readonly caps = new Set<Capability>(['list-initiatives', 'get-initiative']);
  private readonly options: DecidimAdapterOptions;
  private readonly space: Space | undefined;
  private readonly instance: Instance;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  /** Idempotency key → the write's answer (a retried support is sent once). */
  private readonly writes = new Map<string, Promise<Initiative>>();
  /** Keys of writes whose outcome is unknown (the connection failed): a retry may find them counted. */
  private readonly uncertain = new Set<string>();

  constructor(options: DecidimAdapterOptions) {
    this.options = options;
    let url: URL;
    try {
      url = new URL(options.endpoint, globalThis.location?.href);
    } catch (e) {
      throw new CivicError('misconfigured', `The Decidim endpoint "${options.endpoint}" is not a URL`, { cause: e });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new CivicError('misconfigured', `The Decidim endpoint "${options.endpoint}" must be an http(s) URL`);
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
    this.base = `${url.origin}${path}`;
    this.api = `${this.base}/api`;
    this.resource = options.resource ?? (options.space ? 'proposals' : 'initiatives');
    if (this.resource !== 'initiatives') {
      if (!options.space)
        throw new CivicError('misconfigured', `Decidim ${this.resource} need a participatory space (a process slug)`);
      this.space = parseSpace(options.space);
    }
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    const make = (): Instance => ({
      cache: new SwrCache(options.freshMs ?? 60_000, options.staleMs ?? 15 * 60_000, this.now),
      limiter: new RateLimiter(options.maxRequestsPerMinute ?? 90, this.now),
      componentOf: new Map(),
      spacePaths: new Map(),
    });
    if (options.shared === false) this.instance = make();
    else {
      let shared = INSTANCES.get(this.api);
      if (!shared) INSTANCES.set(this.api, (shared = make()));
      this.instance = shared;
    }
    this.capabilities = this.caps;
    if (this.canVote(options.voting === true)) this.caps.add('support-initiative');
  }

  private canVote(mutation: boolean): boolean {
    const o = this.options;
    return (
      mutation &&
      o.voting !== false &&
      this.resource === 'proposals' &&
      (o.supporters ?? 'votes') === 'votes' &&
      o.token !== undefined &&
      o.token !== ''
    );
  }

  // ─── the contract ─────────────────────────────────────────────────────────────────────────

  async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    throwIfAborted(o?.signal);
    checkQuery(query);
    const offset = query.cursor === undefined ? 0 : Number(query.cursor);
    if (!Number.isInteger(offset) || offset < 0 || (query.cursor !== undefined && String(offset) !== query.cursor))
      throw new CivicError('invalid-request', `Unknown cursor "${query.cursor}"`);
    const limit = Math.min(100, Math.max(1, Math.floor(query.limit ?? 20)));
    const sort = sortOf(query);
    const likes = (this.options.supporters ?? 'votes') === 'likes';
    const order: Record<string, string> | undefined =
      this.resource !== 'proposals'
        ? undefined
        : sort === 'supporters'
          ? likes
            ? undefined
            : { voteCount: 'desc' }
          : sort === 'newest'
            ? { publishedAt: 'desc' }
            : undefined;
    // Sorting the API cannot do needs every item before the first page can be answered.
    const needAll = sort !== 'relevance' && !order;
    const keep = matches(query);
    const maxItems = this.options.maxItems ?? 500;

    const seen = new Set<string>();
    const found: Initiative[] = [];
    const skipped = new Skipped();
    const source = this.context([]).source.name;
    let failed: PageWarning | undefined;
    let fetched = 0;
    let page = await this.firstPage(order, o);
    for (;;) {
      for (const [reason, n] of page.skipped ?? []) skipped.add(reason, n);
      for (const item of page.items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        fetched++;
        if (keep(item)) found.push(item);
      }
      // One more match than the page needs tells whether there is a next page.
      if (!needAll && found.length > offset + limit) break;
      if (!page.queue.length || fetched >= maxItems) break;
      try {
        page = await this.nextPage(page.queue, order, o);
      } catch (e) {
        // A later page that cannot be had: the items read so far, and a warning that says so.
        if (!(e instanceof CivicError) || e.code === 'aborted') throw e;
        const message = `the list stops after ${fetched} items (${e.message})`.slice(0, 1000);
        console.warn(`[civic-kit] ${source}: ${message}`);
        failed = { source, code: e.code, message };
        break;
      }
    }
    const ordered = sorted(found, query);
    const complete = !page.queue.length;
    const next = offset + limit;
    const warnings = [skipped.warning(source), failed].filter((w): w is PageWarning => !!w);
    return {
      items: ordered.slice(offset, next),
      ...(ordered.length > next ? { nextCursor: String(next) } : {}),
      ...(complete ? { total: ordered.length } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  }

  async getInitiative(id: string, o?: CallOptions): Promise<Initiative> {
    throwIfAborted(o?.signal);
    const locales = this.locales(o);
    // An item a list fetched a moment ago needs no request of its own.
    for (const [key, value] of this.instance.cache.values()) {
      if (!key.startsWith(this.listKey('', locales))) continue;
      if (this.instance.cache.peek(key) === undefined) continue;
      const hit = (value as ListPage).items.find((i) => i.id === id);
      if (hit) return hit;
    }
    return this.cached(`item|${this.scope()}|${id}|${locales.join(',')}`, () => this.loadItem(id, locales), o);
  }

  getPoll(_id: string, _o?: CallOptions): Promise<Poll> {
    return Promise.reject(new CivicError('unsupported', 'Decidim has no polls Civic Kit can read'));
  }

  /**
   * Vote for a proposal. Declared (and so offered) once the first request has shown that the
   * instance has the vote mutation, or from the start with `voting: true`.
   */
  async supportInitiative(id: string, o: WriteOptions): Promise<Initiative> {
    if (!this.caps.has('support-initiative'))
      throw new CivicError(
        'unsupported',
        this.resource === 'proposals'
          ? 'This Decidim instance does not take votes through its API, or no credentials were given'
          : `Decidim ${this.resource} cannot be supported through the API`,
      );
    throwIfAborted(o.signal);
    const key = `${id}|${o.idempotencyKey}`;
    let write = this.writes.get(key);
    if (!write) {
      write = this.sendVote(id, o, this.uncertain.has(key));
      this.writes.set(key, write);
      write.catch((e: unknown) => {
        this.writes.delete(key);
        if (e instanceof CivicError && (e.code === 'network' || e.code === 'aborted')) this.uncertain.add(key);
      });
    }
    return untilAborted(write, o.signal);
  }

  /** Forget cached answers of this adapter's instance (e.g. after the host changed something). */
  clearCache(): void {
    this.instance.cache.clear();
  }

  dispose(): void {
    this.writes.clear();
  }

  // ─── reads ────────────────────────────────────────────────────────────────────────────────

  private locales(o?: CallOptions): string[] {
    const wanted = o?.locale || this.options.locale || globalThis.document?.documentElement.lang || 'en';
    const list = [wanted, wanted.split(/[-_]/)[0]!, ...(this.options.fallbackLocales ?? []), 'en'];
    return [...new Set(list.filter(Boolean))];
  }

  private scope(): string {
    return `${this.resource}|${this.space ? `${this.space.kind}:${this.space.value}` : ''}|${this.options.component ?? ''}`;
  }

  private listKey(rest: string, locales: readonly string[]): string {
    return `list|${this.scope()}|${locales.join(',')}|${rest}`;
  }

  private context(locales: readonly string[], extra: Partial<MapContext> = {}): MapContext {
    const o = this.options;
    const source = { name: o.sourceName?.trim() || new URL(this.base).host, url: this.base };
    return {
      locales,
      base: this.base,
      source,
      statusMap: o.statusMap ?? {},
      goal: o.goal !== undefined && Number.isInteger(o.goal) && o.goal >= 1 ? o.goal : undefined,
      supporters: o.supporters ?? 'votes',
      bounds: o.bounds,
      now: this.now(),
      ...extra,
    };
  }

  private get componentType(): ComponentType {
    return this.resource === 'meetings' ? 'Meetings' : 'Proposals';
  }

  private cached<T>(key: string, load: () => Promise<T>, o: CallOptions | undefined): Promise<T> {
    return untilAborted(this.instance.cache.get(key, load), o?.signal);
  }

  private firstPage(order: Record<string, string> | undefined, o: CallOptions | undefined): Promise<ListPage> {
    const locales = this.locales(o);
    const key = this.listKey(`first|${JSON.stringify(order ?? {})}`, locales);
    return this.cached(
      key,
      async () => {
        const f = await this.features();
        if (this.resource === 'initiatives') {
          const data = parseDecidim(
            InitiativesResponse,
            await this.post(initiativesQuery(f), { locales }),
            'initiatives response',
          );
          const ctx = this.context(locales);
          const skipped = new Skipped();
          const items = (data.initiatives ?? []).flatMap((i) => {
            if (!i) return [];
            if (i instanceof Rejected) {
              skipped.add(i.reason);
              return [];
            }
            try {
              return [mapInitiative(i, ctx)];
            } catch (e) {
              if (!(e instanceof CivicError)) throw e;
              skipped.addError(e);
              return [];
            }
          });
          return { items, queue: [], ...(skipped.count ? { skipped: skipped.entries() } : {}) };
        }
        const t = this.componentType;
        const node: Check<unknown> = t === 'Proposals' ? ProposalSchema : MeetingSchema;
        const data = parseDecidim(
          spaceResponse(node),
          await this.post(spaceListQuery(t, this.space!, f, !!order), {
            space: this.space!.value,
            locales,
            first: this.pageSize(),
            ...(order ? { order } : {}),
          }),
          `${this.resource} response`,
        );
        if (!data.space) throw this.noSpace();
        this.learnSpacePath(data.space);
        const items: Initiative[] = [];
        const queue: Continuation[] = [];
        const skipped = new Skipped();
        for (const c of data.space.components ?? []) {
          if (!c || (this.options.component && c.id !== this.options.component)) continue;
          items.push(...this.mapNodes(c.list?.edges ?? [], c.id, locales, skipped));
          if (c.list?.pageInfo.hasNextPage && c.list.pageInfo.endCursor)
            queue.push({ component: c.id, after: c.list.pageInfo.endCursor });
        }
        return { items, queue, ...(skipped.count ? { skipped: skipped.entries() } : {}) };
      },
      o,
    );
  }

  private learnSpacePath(space: { id: string; slug?: string | null | undefined }): void {
    const path = `/${SPACE_PATHS[this.space!.kind]}/${encodeURIComponent(space.slug ?? space.id)}`;
    this.instance.spacePaths.set(this.scope(), path);
  }

  private nextPage(
    queue: readonly Continuation[],
    order: Record<string, string> | undefined,
    o: CallOptions | undefined,
  ): Promise<ListPage> {
    const [head, ...rest] = queue as [Continuation, ...Continuation[]];
    const locales = this.locales(o);
    const key = this.listKey(`page|${head.component}|${head.after}|${JSON.stringify(order ?? {})}`, locales);
    return this.cached(
      key,
      async () => {
        const f = await this.features();
        const t = this.componentType;
        const node: Check<unknown> = t === 'Proposals' ? ProposalSchema : MeetingSchema;
        const data = parseDecidim(
          componentResponse(node),
          await this.post(componentPageQuery(t, f, !!order), {
            component: head.component,
            after: head.after,
            locales,
            first: this.pageSize(),
            ...(order ? { order } : {}),
          }),
          `${this.resource} response`,
        );
        const list = data.component?.list;
        const skipped = new Skipped();
        const items = this.mapNodes(list?.edges ?? [], head.component, locales, skipped);
        const more = list?.pageInfo.hasNextPage && list.pageInfo.endCursor;
        return {
          items,
          queue: more ? [...rest, { component: head.component, after: more }] : rest,
          ...(skipped.count ? { skipped: skipped.entries() } : {}),
        };
      },
      o,
    );
  }

  /** The nodes as initiatives; with `skipped`, one that cannot be shown is left out and counted there. */
  private mapNodes(
    edges: readonly ({ node?: unknown } | null | undefined)[],
    componentId: string,
    locales: readonly string[],
    skipped?: Skipped,
  ): Initiative[] {
    const ctx = this.context(locales, { spacePath: this.instance.spacePaths.get(this.scope()), componentId });
    const out: Initiative[] = [];
    for (const e of edges) {
      if (!e?.node) continue;
      if (e.node instanceof Rejected) {
        // Malformed: left out of a list and counted; asked for by id, it is the error naming the field.
        if (!skipped) throw e.node.error;
        skipped.add(e.node.reason);
        continue;
      }
      try {
        if (this.resource === 'proposals') {
          const p = e.node as RawProposal;
          this.instance.componentOf.set(p.id, componentId);
          out.push(mapProposal(p, ctx));
        } else out.push(mapMeeting(e.node as RawMeeting, ctx));
      } catch (err) {
        if (!skipped || !(err instanceof CivicError)) throw err;
        skipped.addError(err);
      }
    }
    return out;
  }

  private async loadItem(id: string, locales: string[]): Promise<Initiative> {
    const f = await this.features();
    if (this.resource === 'initiatives') {
      const data = parseDecidim(
        InitiativeResponse,
        await this.post(initiativeQuery(f), { id, locales }),
        'initiative response',
      );
      if (!data.initiative) throw new CivicError('not-found', `No Decidim initiative "${id}"`);
      return mapInitiative(data.initiative, this.context(locales));
    }
    const t = this.componentType;
    const node: Check<unknown> = t === 'Proposals' ? ProposalSchema : MeetingSchema;
    const data = parseDecidim(
      spaceResponse(node),
      await this.post(spaceItemQuery(t, this.space!, f), { space: this.space!.value, id, locales }),
      `${this.resource === 'proposals' ? 'proposal' : 'meeting'} response`,
    );
    if (!data.space) throw this.noSpace();
    this.learnSpacePath(data.space);
    for (const c of data.space.components ?? []) {
      if (!c?.item || (this.options.component && c.id !== this.options.component)) continue;
      return this.mapNodes([{ node: c.item }], c.id, locales)[0]!;
    }
    throw new CivicError('not-found', `No Decidim ${this.resource === 'proposals' ? 'proposal' : 'meeting'} "${id}"`);
  }

  private noSpace(): CivicError {
    return new CivicError('not-found', `The Decidim instance has no participatory space "${this.options.space}"`);
  }

  private pageSize(): number {
    return Math.min(MAX_PAGE, Math.max(1, Math.floor(this.options.pageSize ?? MAX_PAGE)));
  }

  /** What this instance's schema has: asked once per page and instance. */
  private features(): Promise<DecidimFeatures> {
    const inst = this.instance;
    const features = (inst.features ??= this.post(INTROSPECTION, {})
      .then((raw): DecidimFeatures => {
        const data = parseDecidim(IntrospectionResponse, raw, 'schema');
        const names = (k: keyof typeof data) => new Set<string>((data[k]?.fields ?? []).map((x) => x.name));
        if (!names('proposal').size && !names('initiative').size) return BASELINE;
        return {
          proposal: names('proposal').size ? names('proposal') : BASELINE.proposal,
          meeting: names('meeting').size ? names('meeting') : BASELINE.meeting,
          initiative: names('initiative').size ? names('initiative') : BASELINE.initiative,
          machineTranslated: names('localizedString').has('machineTranslated'),
          voteMutation: names('proposalMutation').has('vote'),
          introspected: true,
        };
      })
      .catch((e: unknown) => {
        // Introspection switched off: probe for the fields instead. A failure that may pass
        // (network, rate limit) is not remembered.
        if (e instanceof CivicError && (e.retryable || e.code === 'aborted')) throw e;
        return this.probe();
      })
      .catch((e: unknown) => {
        if (e instanceof CivicError && (e.retryable || e.code === 'aborted')) {
          inst.features = undefined;
          throw e;
        }
        return BASELINE;
      }));
    return features.then((f) => {
      if (this.canVote(f.voteMutation)) this.caps.add('support-initiative');
      return f;
    });
  }

  /**
   * The fields of an instance that refuses introspection, from two probes that always fail
   * validation: their errors name what the schema lacks. A type whose probe was not validated (a
   * module the instance does not run) keeps the fields every version has.
   */
  private async probe(): Promise<DecidimFeatures> {
    const errorsOf = async (query: string): Promise<string[]> => {
      try {
        await this.post(query, {});
        return []; // validated and ran: cannot happen with the probe field, so learn nothing
      } catch (e) {
        if (!(e instanceof CivicError) || e.retryable || e.code === 'aborted') throw e;
        const list = Array.isArray(e.cause) ? (e.cause as unknown[]) : [];
        return list
          .map((x) => (x as { message?: unknown } | null)?.message)
          .filter((m): m is string => typeof m === 'string');
      }
    };
    const missing = missingFields(await errorsOf(PROBE));
    const vote = missingFields(await errorsOf(PROBE_VOTE));
    const learnt = (type: string, key: keyof typeof OPTIONAL_FIELDS, base: ReadonlySet<string>) => {
      const lacks = missing.get(type);
      // Only a type whose selection was validated names the probe field among what it lacks.
      if (!lacks?.has(PROBE_FIELD)) return base;
      return new Set([...base, ...OPTIONAL_FIELDS[key].filter((f) => !lacks.has(f))]);
    };
    const proposal = learnt('Proposal', 'proposal', BASELINE.proposal);
    if (!missing.size) return BASELINE;
    return {
      proposal,
      meeting: learnt('Meeting', 'meeting', BASELINE.meeting),
      initiative: learnt('Initiative', 'initiative', BASELINE.initiative),
      machineTranslated: proposal !== BASELINE.proposal && !missing.get('LocalizedString')?.has('machineTranslated'),
      voteMutation: !!vote.get('ProposalMutation')?.has(PROBE_FIELD) && !vote.get('ProposalMutation')?.has('vote'),
      introspected: false,
      probed: true,
    };
  }

  // ─── writes ───────────────────────────────────────────────────────────────────────────────

  private async sendVote(id: string, o: WriteOptions, retry: boolean): Promise<Initiative> {
    // This instance's own credentials first: a call's voter token may be meant for another data source
    // (the page's own server), and must not reach this instance when it has credentials of its own.
    const own = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    const token = own || o.voter;
    if (!token) throw new CivicError('unauthorized', 'Voting on Decidim needs credentials from the site');
    let component = this.instance.componentOf.get(id);
    if (!component) {
      await this.getInitiative(id, { locale: o.locale, signal: o.signal });
      component = this.instance.componentOf.get(id);
    }
    if (!component) throw new CivicError('not-found', `No Decidim proposal "${id}"`);
    const locales = this.locales(o);
    let count: number | undefined;
    try {
      const data = parseDecidim(
        VoteResponse,
        await this.post(VOTE_MUTATION, { component, id }, { signal: o.signal, token }),
        'vote response',
      );
      const voted = data.component?.proposal?.vote;
      if (!voted) throw new CivicError('not-found', `No Decidim proposal "${id}" to vote on`);
      count = voted.voteCount ?? undefined;
    } catch (e) {
      // A retry of a vote whose answer was lost: Decidim's "already voted" means the first one counted.
      if (!(retry && e instanceof CivicError && e.code === 'conflict')) throw e;
      count = (await this.loadItem(id, locales)).supporters?.count;
    }
    // Update every cached copy in place; read it afresh only when none is cached.
    let updated: Initiative | undefined;
    const patch = (i: Initiative): Initiative => ({
      ...i,
      ...(count !== undefined
        ? { supporters: { count, supportedByMe: true, ...(i.supporters?.goal ? { goal: i.supporters.goal } : {}) } }
        : {}),
    });
    for (const [key, value] of [...this.instance.cache.values()]) {
      if (key.startsWith(`item|${this.scope()}|${id}|`)) {
        const item = patch(value as Initiative);
        this.instance.cache.replace(key, item);
        if (key.endsWith(`|${locales.join(',')}`)) updated = item;
      } else if (key.startsWith('list|') && key.includes(this.scope())) {
        const page = value as ListPage;
        if (!page.items.some((i) => i.id === id)) continue;
        const items = page.items.map((i) => (i.id === id ? patch(i) : i));
        this.instance.cache.replace(key, { ...page, items });
        if (key.startsWith(this.listKey('', locales))) updated ??= items.find((i) => i.id === id);
      }
    }
    if (updated) return updated;
    const fresh = patch(await this.loadItem(id, locales));
    this.instance.cache.set(`item|${this.scope()}|${id}|${locales.join(',')}`, fresh);
    return fresh;
  }

  // ─── HTTP ─────────────────────────────────────────────────────────────────────────────────

  /** One GraphQL request; resolves to its `data`. */
  private async post(
    query: string,
    variables: Record<string, unknown>,
    o: { signal?: AbortSignal | undefined; token?: string | undefined } = {},
  ): Promise<unknown> {
    const { signal, token } = o;
    const wait = this.instance.limiter.take();
    if (wait > 0) {
      const maxWait = this.options.maxWaitMs ?? 3000;
      if (wait > maxWait)
        throw new CivicError('rate-limited', 'Too many requests to the Decidim instance this minute', {
          retryAfter: Math.ceil(wait / 1000),
        });
      await sleep(wait, signal);
      return this.post(query, variables, o);
    }
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const deadline = new Deadline(timeoutMs, signal);
    let res: Response;
    let body: unknown;
    try {
      res = await this.fetchFn(this.api, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: deadline.signal,
        credentials: 'omit',
      });
      if (res.status === 429) {
        const after = Number(res.headers.get('retry-after'));
        const seconds = Number.isFinite(after) && after >= 0 ? Math.ceil(after) : 60;
        this.instance.limiter.block(seconds);
        throw new CivicError('rate-limited', 'The Decidim instance asks to wait before more requests', {
          retryAfter: seconds,
        });
      }
      if (res.status === 401 || res.status === 403)
        throw new CivicError('unauthorized', `The Decidim instance refused the request (${res.status})`);
      if (res.status >= 500) throw new CivicError('network', `The Decidim instance answered ${res.status}`);
      try {
        body = await res.json();
      } catch (e) {
        if (deadline.signal.aborted) throw e;
        throw new CivicError(
          'invalid-response',
          `The Decidim API at ${this.api} did not answer with JSON (${res.status})`,
          {
            cause: e,
          },
        );
      }
    } catch (e) {
      throw deadline.failure(e, 'The Decidim instance');
    } finally {
      deadline.done();
    }
    return this.unwrap(body, res.status, !!token);
  }

  /**
   * `{data, errors}` → data, or the `CivicError` the errors stand for. A read with some data goes on
   * (a field that failed is null, and is treated as missing); a write with any error failed.
   */
  private unwrap(body: unknown, status: number, write: boolean): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new CivicError('invalid-response', 'The Decidim API answered with something other than a GraphQL result');
    const { data, errors } = body as { data?: unknown; errors?: unknown };
    const messages = Array.isArray(errors)
      ? errors
          .map((e) => (e as { message?: unknown } | null)?.message)
          .filter((m): m is string => typeof m === 'string' && m !== '')
      : [];
    const hasData = !!data && typeof data === 'object';
    // Decidim answers a vote it refuses (already voted, or the vote limit reached) with a generic,
    // localised message and the code VALIDATION_ERROR: the vote was not counted now.
    const refused =
      write &&
      Array.isArray(errors) &&
      errors.some((e) => (e as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'VALIDATION_ERROR');
    if (messages.length && (write || !hasData || Object.values(data).every((x) => x === null))) {
      const text = messages.join('; ').slice(0, 300);
      const code =
        /not authori[sz]ed|unauthori[sz]ed|permission|not allowed|forbidden|sign in|log in|authenticat/i.test(text)
          ? 'unauthorized'
          : refused || /already/i.test(text)
            ? 'conflict'
            : /not found|couldn't find|could not find/i.test(text)
              ? 'not-found'
              : /closed|finished|ended|not open/i.test(text)
                ? 'closed'
                : 'invalid-response';
      throw new CivicError(code, `The Decidim instance answered: ${text}`, { cause: errors });
    }
    if (!hasData)
      throw new CivicError('invalid-response', `The Decidim API answered ${status} without data`, { cause: body });
    return data;
  }
}

/** The raw shapes, for hosts that read the API themselves and want the same checks. */
export { InitiativeRawSchema, MeetingSchema, ProposalSchema };
