/**
 * web-test-runner plugin: a Decidim GraphQL API for the Decidim adapter's browser tests. It
 * implements the subset of Decidim's schema the adapter uses, executed by graphql-js, in two
 * versions: `current` (the development branch after 0.31.0: likes, taxonomies, `machineTranslated`,
 * the vote mutation) and
 * `legacy` (an older shape: endorsements, category/scope, `url` on proposals, no machine translations,
 * no write API, `initiativeVotesCount`). Beside these two subsets, the variants `0.27`, `0.28` and
 * `0.30-dev` serve the whole schema of that Decidim release, rebuilt from its own type files
 * (test/fixtures/real/decidim/, see SOURCES.md there): every document is validated against it and
 * executed on it, so a field or argument that release lacks fails as it would on a real instance.
 * Tests drive it on the test page's own origin:
 *
 *   POST /__decidim-test/instances          {seed, variant?, introspection?, delayMs?} → {id, url}
 *   POST /__decidim-test/instances/:id/seed {seed}       replace the data (to see revalidation)
 *   GET  /__decidim-test/instances/:id/log               → {requests: [{operation, authorization}]}
 *   POST /__decidim-test/instances/:id/close
 *   POST <url>/api                                       the GraphQL endpoint of instance :id
 *
 * A seed holds Decidim-shaped records; translated fields are stored as Decidim stores them
 * (`{en: '…', ca: '…', machine_translations: {fr: '…'}}`). Vote counts `null` are hidden counts.
 * Like Decidim on develop, it refuses a document with more than five aliases, deeper than 15 fields
 * or more complex than 5 000 (`schema_max_complexity`, counted as graphql-ruby 2 counts it: 1 a field,
 * a connection's nodes times the page asked for, at most 50), and (with `introspection: false`)
 * answers introspection with "Introspection is disabled for this request". (A plugin's answers are always 200, so HTTP errors such as 429 are tested with a scripted
 * `fetch`.)
 */
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, graphql, GraphQLError, isCompositeType, Kind, parse, visit } from 'graphql';

const CONTROL = '/__decidim-test/';
const API = '/__decidim/';
const MAX_PER_PAGE = 50;
/** Decidim's query limits on develop: five aliases (its alias analyzer's default) and a depth of 15. */
const MAX_ALIASES = 5;
const MAX_DEPTH = 15;
/** `schema_max_complexity` (decidim-api/lib/decidim/api.rb), the same in 0.27 to develop. */
const MAX_COMPLEXITY = 5000;

/** The Decidim releases whose whole schema was rebuilt from their type files, and the version each says it is. */
const REBUILT = { 0.27: '0.27.9', 0.28: '0.28.4', '0.30-dev': '0.30.0.dev' };
const rebuilt = (variant) =>
  buildSchema(readFileSync(new URL(`../fixtures/real/decidim/schema-${variant}.graphql`, import.meta.url), 'utf8'));

/**
 * A document's complexity as graphql-ruby 2 counts it: each field (each response key) 1 plus what it
 * selects; a connection (a `…Connection` type) counts its `edges`/`nodes` once per item of the page
 * asked for (`first`/`last`, else Decidim's 50). Fragments on different types count as their largest.
 */
function complexity(schema, document, variables = {}) {
  const fragments = new Map(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const pageSize = (field) => {
    for (const a of field.arguments ?? []) {
      if (a.name.value !== 'first' && a.name.value !== 'last') continue;
      const v = a.value.kind === Kind.VARIABLE ? variables[a.value.name.value] : Number(a.value.value);
      if (typeof v === 'number') return Math.min(v, MAX_PER_PAGE);
    }
    return MAX_PER_PAGE;
  };
  const selections = (set, type) => {
    if (!set || !type) return 0;
    let fields = 0;
    let branches = 0;
    const keys = new Set();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        // The same response key twice is one field (graphql-ruby merges them).
        const key = s.alias?.value ?? s.name.value;
        if (key.startsWith('__') || keys.has(key)) continue;
        keys.add(key);
        const def = type.getFields?.()[s.name.value];
        const inner = def ? getNamedType(def.type) : undefined;
        const child = isCompositeType(inner) ? inner : undefined;
        if (child && /Connection$/.test(child.name)) {
          let each = 0;
          let once = 0;
          for (const c of s.selectionSet?.selections ?? []) {
            const n = c.kind === Kind.FIELD ? c.name.value : '';
            const cDef = child.getFields()[n];
            const cost = cDef ? 1 + selections(c.selectionSet, getNamedType(cDef.type)) : 0;
            if (n === 'edges' || n === 'nodes') each += cost;
            else once += cost;
          }
          fields += 1 + once + pageSize(s) * each;
        } else fields += 1 + selections(s.selectionSet, child);
      } else {
        const on = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition : fragments.get(s.name.value)?.typeCondition;
        const t = on ? schema.getType(on.name.value) : type;
        const set2 = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments.get(s.name.value)?.selectionSet;
        branches = Math.max(branches, selections(set2, t));
      }
    }
    return fields + branches;
  };
  let total = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    total += selections(d.selectionSet, root);
  }
  return total;
}

/** What Decidim's analyzers refuse before running a document: too many aliases, too deep. */
function overLimits(source) {
  let document;
  try {
    document = parse(source);
  } catch {
    return undefined; // graphql() reports the syntax error itself
  }
  let aliases = 0;
  let deepest = 0;
  let depth = 0;
  visit(document, {
    Field: {
      enter(node) {
        if (node.alias) aliases++;
        depth++;
        deepest = Math.max(deepest, depth);
      },
      leave() {
        depth--;
      },
    },
  });
  if (aliases > MAX_ALIASES) return `Query has ${aliases} aliases, which exceeds the maximum of ${MAX_ALIASES}`;
  if (deepest > MAX_DEPTH) return `Query has depth of ${deepest}, which exceeds max depth of ${MAX_DEPTH}`;
  return document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)
    ? 'Unsupported document'
    : undefined;
}

/** The schema subset, by version. */
function sdl(variant) {
  const current = variant === 'current';
  return /* GraphQL */ `
    type Query {
      participatoryProcess(id: ID, slug: String): ParticipatoryProcess
      assembly(id: ID!): Assembly
      component(id: ID!): Component
      initiatives: [Initiative]
      initiative(id: ID!): Initiative
      decidim: Decidim
    }
    ${current ? 'type Mutation { component(id: ID!): ComponentMutation }' : ''}
    type Decidim { version: String }
    type LocalizedString { locale: String! text: String ${current ? 'machineTranslated: Boolean!' : ''} }
    type TranslatedField {
      locales: [String]
      translation(locale: String!): String
      translations(locales: [String!]): [LocalizedString]!
    }
    type Coordinates { latitude: Float longitude: Float }
    interface Author { id: ID! name: String! nickname: String! avatarUrl: String! profilePath: String! }
    type User implements Author { id: ID! name: String! nickname: String! avatarUrl: String! profilePath: String! }
    type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
    input ComponentInputFilter { type: String }
    interface ParticipatorySpace { id: ID! slug: String! title: TranslatedField! components(filter: ComponentInputFilter): [Component] }
    type ParticipatoryProcess implements ParticipatorySpace { id: ID! slug: String! title: TranslatedField! components(filter: ComponentInputFilter): [Component] }
    type Assembly implements ParticipatorySpace { id: ID! slug: String! title: TranslatedField! components(filter: ComponentInputFilter): [Component] }
    interface Component { id: ID! name: TranslatedField! weight: Int! }
    ${
      current
        ? 'type Taxonomy { id: ID! name: TranslatedField! }'
        : 'type Category { id: ID! name: TranslatedField! } type Scope { id: ID! name: TranslatedField! }'
    }
    ${current ? 'type Scope { id: ID! name: TranslatedField! }' : ''}
    input ProposalSort { id: String voteCount: String publishedAt: String ${current ? 'likeCount: String' : 'endorsementCount: String'} }
    type Proposals implements Component {
      id: ID! name: TranslatedField! weight: Int!
      proposals(first: Int, after: String, order: ProposalSort): ProposalConnection
      proposal(id: ID!): Proposal
    }
    type ProposalConnection { pageInfo: PageInfo! edges: [ProposalEdge] nodes: [Proposal] }
    type ProposalEdge { cursor: String! node: Proposal }
    type Proposal {
      id: ID! reference: String title: TranslatedField body: TranslatedField state: String answer: TranslatedField
      publishedAt: String withdrawn: Boolean withdrawnAt: String voteCount: Int address: String
      coordinates: Coordinates official: Boolean totalCommentsCount: Int author: Author authors: [Author]
      ${current ? 'likesCount: Int taxonomies: [Taxonomy]' : 'endorsementsCount: Int category: Category scope: Scope url: String'}
    }
    type Meetings implements Component {
      id: ID! name: TranslatedField! weight: Int!
      meetings(first: Int, after: String): MeetingConnection
      meeting(id: ID!): Meeting
    }
    type MeetingConnection { pageInfo: PageInfo! edges: [MeetingEdge] nodes: [Meeting] }
    type MeetingEdge { cursor: String! node: Meeting }
    type Meeting {
      id: ID! reference: String url: String title: TranslatedField! description: TranslatedField
      startTime: String! endTime: String! address: String location: TranslatedField coordinates: Coordinates
      typeOfMeeting: String closed: Boolean isWithdrawn: Boolean attendeeCount: Int author: Author
      ${current ? 'taxonomies: [Taxonomy]' : 'category: Category'}
    }
    type Initiative {
      id: ID! slug: String! reference: String! url: String title: TranslatedField! description: TranslatedField
      state: String signatureType: String signatureStartDate: String! signatureEndDate: String! publishedAt: String!
      scope: Scope author: Author!
      ${current ? 'onlineVotes: Int offlineVotes: Int' : 'initiativeVotesCount: Int'}
    }
    ${
      current
        ? `union ComponentMutation = ProposalsMutation
           type ProposalsMutation { id: ID! proposal(id: ID!): ProposalMutation }
           input VoteProposalInput { clientMutationId: String }
           type ProposalMutation { id: ID! vote(input: VoteProposalInput!): Proposal }`
        : ''
    }
  `;
}

const b64 = (s) => Buffer.from(s).toString('base64');
const unb64 = (s) => Number(Buffer.from(String(s), 'base64').toString('utf8'));

/** A Decidim translated value `{en, ca, machine_translations: {fr}}` as a `TranslatedField`. */
function translated(value, variant) {
  if (value === null || value === undefined) return null;
  const own = Object.entries(value).filter(([k, v]) => k !== 'machine_translations' && typeof v === 'string');
  const machine = variant !== 'legacy' ? Object.entries(value.machine_translations ?? {}) : [];
  const entries = [
    ...own.map(([locale, text]) => ({ locale, text, machineTranslated: false })),
    ...machine
      .filter(([locale]) => !own.some(([l, t]) => l === locale && t))
      .map(([locale, text]) => ({ locale, text, machineTranslated: true })),
  ];
  return {
    locales: entries.map((e) => e.locale),
    translation: ({ locale }) => entries.find((e) => e.locale === locale && e.text)?.text ?? null,
    translations: ({ locales } = {}) => (locales?.length ? entries.filter((e) => locales.includes(e.locale)) : entries),
  };
}

function connection(items, { first, after }) {
  const start = after ? unb64(after) + 1 : 0;
  const size = Math.min(MAX_PER_PAGE, first ?? MAX_PER_PAGE);
  const slice = items.slice(start, start + size);
  const edges = slice.map((node, i) => ({ cursor: b64(String(start + i)), node }));
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function author(a) {
  if (!a) return null;
  return {
    __typename: 'User',
    id: a.id ?? a.nickname ?? 'u',
    name: a.name ?? '',
    nickname: a.nickname ?? '',
    avatarUrl: a.avatarUrl ?? '',
    profilePath: a.profilePath ?? `/profiles/${a.nickname ?? 'someone'}`,
    // Non-null in Decidim's own schema (0.27 and later).
    badge: a.badge ?? '',
    deleted: a.deleted ?? false,
    organizationName: a.organizationName ?? 'Decidim test',
  };
}

/** The resolvers' view of one instance's data. */
function model(instance) {
  const { variant } = instance;
  const t = (v) => translated(v, variant);
  const named = (x) => (x ? { id: x.id, name: t(x.name) } : null);

  const proposal = (p, space, component) => ({
    ...p,
    title: t(p.title),
    body: t(p.body),
    answer: t(p.answer),
    coordinates: p.coordinates ?? null,
    author: author(p.author),
    authors: p.author ? [author(p.author)] : [],
    likesCount: p.likesCount ?? 0,
    endorsementsCount: p.likesCount ?? 0,
    taxonomies: (p.taxonomies ?? []).map(named),
    category: named(p.taxonomies?.[0]),
    scope: named(p.taxonomies?.[1]),
    url: p.url ?? `${instance.base}/processes/${space.slug}/f/${component.id}/proposals/${p.id}`,
  });
  const meeting = (m, space, component) => ({
    // What a real Decidim always has (non-null in its schema), unless the seed says otherwise.
    ...(variant in REBUILT
      ? { reference: `M-${m.id}`, typeOfMeeting: 'in_person', closed: false, isWithdrawn: false }
      : {}),
    ...m,
    title: t(m.title),
    description: t(m.description),
    location: t(m.location),
    coordinates: m.coordinates ?? null,
    author: author(m.author),
    taxonomies: (m.taxonomies ?? []).map(named),
    category: named(m.taxonomies?.[0]),
    url: m.url ?? `${instance.base}/processes/${space.slug}/f/${component.id}/meetings/${m.id}`,
  });
  const ordered = (list, order) => {
    const [[field, dir] = []] = Object.entries(order ?? {}).filter(([, d]) => d);
    if (!field) return list;
    const key =
      { voteCount: 'voteCount', publishedAt: 'publishedAt', likeCount: 'likesCount', id: 'id' }[field] ?? field;
    const sign = String(dir).toLowerCase() === 'desc' ? -1 : 1;
    return [...list].sort(
      (a, b) => ((a[key] ?? 0) > (b[key] ?? 0) ? 1 : (a[key] ?? 0) < (b[key] ?? 0) ? -1 : 0) * sign,
    );
  };
  const component = (c, space) =>
    c.type === 'Proposals'
      ? {
          __typename: 'Proposals',
          id: c.id,
          weight: 0,
          name: t(c.name ?? { en: 'Proposals' }),
          proposals: (args) =>
            connection(
              ordered(c.proposals ?? [], args.order).map((p) => proposal(p, space, c)),
              args,
            ),
          proposal: ({ id }) => {
            const p = (c.proposals ?? []).find((x) => String(x.id) === String(id));
            return p ? proposal(p, space, c) : null;
          },
        }
      : {
          __typename: 'Meetings',
          id: c.id,
          weight: 0,
          name: t(c.name ?? { en: 'Meetings' }),
          meetings: (args) =>
            connection(
              (c.meetings ?? []).map((m) => meeting(m, space, c)),
              args,
            ),
          meeting: ({ id }) => {
            const m = (c.meetings ?? []).find((x) => String(x.id) === String(id));
            return m ? meeting(m, space, c) : null;
          },
        };
  const space = (s, typename) =>
    s && {
      __typename: typename,
      id: s.id,
      slug: s.slug,
      title: t(s.title ?? { en: s.slug }),
      components: ({ filter } = {}) =>
        (s.components ?? []).filter((c) => !filter?.type || c.type === filter.type).map((c) => component(c, s)),
    };
  const initiative = (i) => ({
    ...i,
    slug: i.slug ?? `i-${i.id}`,
    reference: i.reference ?? `INIT-${i.id}`,
    title: t(i.title),
    description: t(i.description),
    scope: named(i.scope),
    author: author(i.author ?? { name: 'Someone', nickname: 'someone' }),
    publishedAt: i.publishedAt ?? '2025-01-01T00:00:00Z',
    initiativeVotesCount: i.onlineVotes ?? null,
  });
  const seed = () => instance.seed;
  const allSpaces = () => [
    ...(seed().processes ?? []).map((s) => ['ParticipatoryProcess', s]),
    ...(seed().assemblies ?? []).map((s) => ['Assembly', s]),
  ];
  const findComponent = (id) => {
    for (const [, s] of allSpaces())
      for (const c of s.components ?? []) if (String(c.id) === String(id)) return { c, s };
    return undefined;
  };

  const root = {
    participatoryProcess: ({ id, slug }) =>
      space(
        (seed().processes ?? []).find((p) => (slug ? p.slug === slug : String(p.id) === String(id))),
        'ParticipatoryProcess',
      ) ?? null,
    assembly: ({ id }) =>
      space(
        (seed().assemblies ?? []).find((a) => String(a.id) === String(id)),
        'Assembly',
      ) ?? null,
    component: ({ id }, context) => {
      const hit = findComponent(id);
      if (!hit) return null;
      if (context.mutation) {
        if (hit.c.type !== 'Proposals') return null;
        return {
          __typename: 'ProposalsMutation',
          id: hit.c.id,
          proposal: ({ id: pid }) => {
            const p = (hit.c.proposals ?? []).find((x) => String(x.id) === String(pid));
            if (!p) return null;
            return {
              id: p.id,
              vote: () => {
                const user = context.user;
                if (!user) throw new Error('You are not authorized to perform this action');
                if (p.state === 'rejected' || p.withdrawn) throw new Error('Voting is closed for this proposal');
                p.voters ??= [];
                // Decidim's answer to a repeat vote: generic, localised, coded VALIDATION_ERROR.
                if (p.voters.includes(user))
                  throw new GraphQLError('There was a problem voting the proposal.', {
                    extensions: { code: 'VALIDATION_ERROR' },
                  });
                p.voters.push(user);
                if (typeof p.voteCount === 'number') p.voteCount += 1;
                else p.hiddenVotes = (p.hiddenVotes ?? 0) + 1;
                return proposal(p, hit.s, hit.c);
              },
            };
          },
        };
      }
      return component(hit.c, hit.s);
    },
    initiatives: () => (seed().initiatives ?? []).map(initiative),
    initiative: ({ id }) => {
      const i = (seed().initiatives ?? []).find((x) => String(x.id) === String(id));
      return i ? initiative(i) : null;
    },
    decidim: () => ({ version: REBUILT[variant] ?? (variant === 'current' ? '0.31.0' : '0.27.9') }),
  };
  return root;
}

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

const json = (body) => ({ body: JSON.stringify(body), type: 'application/json' });

export function decidimServerPlugin() {
  /** @type {Map<string, any>} */
  const instances = new Map();
  const schemas = {};
  let next = 0;
  const schemaFor = (variant) =>
    (schemas[variant] ??= variant in REBUILT ? rebuilt(variant) : buildSchema(sdl(variant)));

  async function api(ctx, instance) {
    const authorization = ctx.get('Authorization') || '';
    const entry = { operation: '', authorization: !!authorization };
    instance.log.push(entry);
    if (ctx.method !== 'POST') return json({ errors: [{ message: 'POST only' }] });
    const body = await readBody(ctx);
    entry.operation = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
    if (instance.delayMs) await new Promise((r) => setTimeout(r, instance.delayMs));
    if (!instance.introspection && /__type\s*\(|__schema/.test(body.query ?? ''))
      return json({ errors: [{ message: 'Introspection is disabled for this request' }] });
    const refused = overLimits(body.query ?? '');
    if (refused) return json({ errors: [{ message: refused }] });
    const schema = schemaFor(instance.variant);
    if (instance.variant in REBUILT) {
      // graphql-ruby checks complexity after validation; a document that does not validate fails there.
      let cost = 0;
      try {
        cost = complexity(schema, parse(body.query ?? ''), body.variables ?? {});
      } catch {
        /* graphql() reports the syntax error itself */
      }
      if (cost > MAX_COMPLEXITY)
        return json({
          errors: [{ message: `Query has complexity of ${cost}, which exceeds max complexity of ${MAX_COMPLEXITY}` }],
        });
      instance.complexity.push(cost);
    }
    const user = /^Bearer (.+)$/.exec(authorization)?.[1];
    const mutation = /^\s*mutation\b/.test(body.query ?? '');
    const result = await graphql({
      schema,
      source: body.query ?? '',
      variableValues: body.variables ?? {},
      rootValue: model(instance),
      contextValue: { user: user ? instance.seed.tokens?.[user] : undefined, mutation },
    });
    return json({
      ...(result.errors
        ? {
            errors: result.errors.map((e) => ({
              message: e.message,
              path: e.path,
              ...(e.extensions && Object.keys(e.extensions).length ? { extensions: e.extensions } : {}),
            })),
          }
        : {}),
      ...('data' in result ? { data: result.data } : {}),
    });
  }

  return {
    name: 'decidim-server',
    async serve(ctx) {
      if (ctx.path.startsWith(API)) {
        const [id, rest] = ctx.path.slice(API.length).split(/\/(.*)/s);
        const instance = instances.get(id);
        if (!instance || rest !== 'api') return { body: 'Not found', type: 'text/plain' };
        return api(ctx, instance);
      }
      if (!ctx.path.startsWith(CONTROL)) return undefined;
      const [kind, id, action] = ctx.path.slice(CONTROL.length).split('/');
      if (kind !== 'instances') return undefined;
      try {
        if (ctx.method === 'POST' && !id) {
          const body = await readBody(ctx);
          const key = `d${++next}`;
          const origin = `${ctx.protocol}://${ctx.host}`;
          instances.set(key, {
            seed: body.seed ?? {},
            variant: body.variant === 'legacy' || body.variant in REBUILT ? body.variant : 'current',
            complexity: [],
            introspection: body.introspection !== false,
            delayMs: body.delayMs ?? 0,
            base: `${origin}${API}${key}`,
            log: [],
          });
          return json({ id: key, url: `${origin}${API}${key}` });
        }
        const instance = instances.get(id);
        if (!instance) return json({ error: `No instance ${id}` });
        if (ctx.method === 'POST' && action === 'seed') {
          instance.seed = (await readBody(ctx)).seed ?? {};
          return json({ ok: true });
        }
        if (ctx.method === 'GET' && action === 'log')
          return json({ requests: instance.log, complexity: instance.complexity });
        if (ctx.method === 'POST' && action === 'close') {
          instances.delete(id);
          return json({ closed: true });
        }
        return undefined;
      } catch (e) {
        return json({ error: String(e?.stack ?? e) });
      }
    },
  };
}
