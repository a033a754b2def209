/**
 * The GraphQL documents the Decidim adapter sends: plain strings, built once per instance from the
 * fields its schema has (Decidim's API changes between versions: likes vs endorsements, taxonomies vs
 * category/scope, `url` on some versions only, `machineTranslated` on newer ones).
 */

/** What the adapter learnt about an instance's schema (one introspection request, cached). */
export interface DecidimFeatures {
  proposal: ReadonlySet<string>;
  meeting: ReadonlySet<string>;
  initiative: ReadonlySet<string>;
  /** `LocalizedString.machineTranslated` exists. */
  machineTranslated: boolean;
  /** The 0.31+ write API: `ProposalMutation.vote`. */
  voteMutation: boolean;
  /** How the fields were learnt: introspection, probes (introspection switched off), or neither. */
  introspected: boolean;
  /** True when introspection was refused and the fields were found by probing. */
  probed?: boolean;
}

export const INTROSPECTION = `query CivicKitDecidimSchema {
  proposal: __type(name: "Proposal") { fields { name } }
  meeting: __type(name: "Meeting") { fields { name } }
  initiative: __type(name: "Initiative") { fields { name } }
  localizedString: __type(name: "LocalizedString") { fields { name } }
  proposalMutation: __type(name: "ProposalMutation") { fields { name } }
}`;

/**
 * Fields the adapter asks for where a type has them (beyond `BASELINE`). Without introspection each
 * is probed; those that are objects need a sub-selection there.
 */
export const OPTIONAL_FIELDS = {
  proposal: [
    'likesCount',
    'endorsementsCount',
    'reference',
    'url',
    'withdrawn',
    'withdrawnAt',
    'official',
    'taxonomies',
    'category',
    'scope',
    'author',
  ],
  meeting: [
    'location',
    'url',
    'reference',
    'typeOfMeeting',
    'closed',
    'isWithdrawn',
    'withdrawn',
    'attendeeCount',
    'taxonomies',
    'category',
    'scope',
    'author',
  ],
  initiative: [
    'onlineVotes',
    'offlineVotes',
    'initiativeVotesCount',
    'initiativeSupportsCount',
    'url',
    'reference',
    'signatureType',
    'author',
  ],
} as const;
const OBJECT_FIELDS = new Set(['taxonomies', 'category', 'scope', 'author', 'location']);
/** A field no Decidim has: it makes every probe fail validation, so a probe is never executed. */
export const PROBE_FIELD = 'civicKitProbe';

const probeSelection = (names: readonly string[]) =>
  names.map((n) => (OBJECT_FIELDS.has(n) ? `${n} { __typename }` : n)).join(' ');

/**
 * For instances that refuse introspection (Decidim's security fix, backported to 0.30 and 0.31):
 * one query that names every optional field and one field that exists nowhere. It always fails
 * validation, and the errors name each field the schema lacks; it is never executed. Three aliases,
 * well under Decidim's limit of five.
 */
export const PROBE = `query CivicKitProbe {
  p: component(id: "0") { ... on Proposals { proposal(id: "0") {
    ${probeSelection(OPTIONAL_FIELDS.proposal)} title { translations { machineTranslated } } ${PROBE_FIELD} } } }
  m: component(id: "0") { ... on Meetings { meeting(id: "0") { ${probeSelection(OPTIONAL_FIELDS.meeting)} ${PROBE_FIELD} } } }
  i: initiative(id: "0") { ${probeSelection(OPTIONAL_FIELDS.initiative)} ${PROBE_FIELD} }
}`;

/** Whether the vote mutation exists: likewise invalid on purpose, so it never runs (and it carries no token). */
export const PROBE_VOTE = `mutation CivicKitProbeVote {
  component(id: "0") { ... on ProposalsMutation { proposal(id: "0") { vote(input: {}) { id } ${PROBE_FIELD} } } }
}`;

/** `{ type: fields }` a schema said it lacks, read from validation errors (graphql-ruby's and graphql-js's wording). */
export function missingFields(messages: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of messages) {
    const hit =
      /Field '(\w+)' doesn't exist on type '(\w+)'/.exec(m) ?? /Cannot query field "(\w+)" on type "(\w+)"/.exec(m);
    if (!hit) continue;
    const set = out.get(hit[2]!) ?? new Set<string>();
    set.add(hit[1]!);
    out.set(hit[2]!, set);
  }
  return out;
}

/** Fields every supported version has: used when neither introspection nor probes are answered. */
export const BASELINE: DecidimFeatures = {
  proposal: new Set(['id', 'title', 'body', 'state', 'voteCount', 'address', 'coordinates', 'publishedAt']),
  meeting: new Set(['id', 'title', 'description', 'startTime', 'endTime', 'address', 'coordinates']),
  initiative: new Set([
    'id',
    'slug',
    'title',
    'description',
    'state',
    'signatureStartDate',
    'signatureEndDate',
    'publishedAt',
    'scope',
  ]),
  machineTranslated: false,
  voteMutation: false,
  introspected: false,
};

export type SpaceKind = 'participatoryProcess' | 'assembly' | 'conference';
export interface Space {
  kind: SpaceKind;
  /** `slug` (processes only) or `id`. */
  by: 'slug' | 'id';
  value: string;
}

/** Decidim's own page size limit (`schema_max_per_page`). */
export const MAX_PAGE = 50;

/** A translated field: every language for short texts (a title must be found in some language), the wanted ones for long ones. */
const translated = (f: DecidimFeatures, all: boolean) =>
  `{ translations${all ? '' : '(locales: $locales)'} { locale text${f.machineTranslated ? ' machineTranslated' : ''} } }`;

const classification = (fields: ReadonlySet<string>, f: DecidimFeatures) =>
  fields.has('taxonomies')
    ? `taxonomies { id name ${translated(f, false)} }`
    : [
        fields.has('category') ? `category { id name ${translated(f, false)} }` : '',
        fields.has('scope') ? `scope { id name ${translated(f, false)} }` : '',
      ].join(' ');

const AUTHOR = 'author { name nickname profilePath }';
const optional = (fields: ReadonlySet<string>, ...names: string[]) => names.filter((n) => fields.has(n)).join(' ');

export function proposalSelection(f: DecidimFeatures): string {
  const p = f.proposal;
  return `id title ${translated(f, true)} body ${translated(f, false)} state voteCount
    ${optional(p, 'likesCount', 'endorsementsCount', 'reference', 'url', 'withdrawn', 'withdrawnAt', 'official')}
    address coordinates { latitude longitude } publishedAt
    ${classification(p, f)} ${p.has('author') ? AUTHOR : ''}`;
}

export function meetingSelection(f: DecidimFeatures): string {
  const m = f.meeting;
  return `id title ${translated(f, true)} description ${translated(f, false)} startTime endTime address
    ${m.has('location') ? `location ${translated(f, false)}` : ''} coordinates { latitude longitude }
    ${optional(m, 'url', 'reference', 'typeOfMeeting', 'closed', 'isWithdrawn', 'withdrawn', 'attendeeCount')}
    ${classification(m, f)} ${m.has('author') ? AUTHOR : ''}`;
}

export function initiativeSelection(f: DecidimFeatures): string {
  const i = f.initiative;
  const votes = i.has('onlineVotes')
    ? optional(i, 'onlineVotes', 'offlineVotes')
    : optional(i, 'initiativeVotesCount', 'initiativeSupportsCount');
  return `id slug title ${translated(f, true)} description ${translated(f, false)} state
    signatureStartDate signatureEndDate publishedAt ${votes} ${optional(i, 'url', 'reference', 'signatureType')}
    ${i.has('scope') ? `scope { id name ${translated(f, false)} }` : ''} ${i.has('author') ? AUTHOR : ''}`;
}

const spaceArgs = (s: Space) => `${s.by}: $space`;
const spaceVar = (s: Space) => (s.by === 'slug' ? 'String!' : 'ID!');

export type ComponentType = 'Proposals' | 'Meetings';
const listField = (t: ComponentType) => (t === 'Proposals' ? 'proposals' : 'meetings');
const itemSelection = (t: ComponentType, f: DecidimFeatures) =>
  t === 'Proposals' ? proposalSelection(f) : meetingSelection(f);

/** The first page of every component of a type in a space, with the space's slug for links. */
export function spaceListQuery(t: ComponentType, s: Space, f: DecidimFeatures, ordered: boolean): string {
  return `query CivicKitList($space: ${spaceVar(s)}, $locales: [String!], $first: Int${ordered ? ', $order: ' + (t === 'Proposals' ? 'ProposalSort' : 'MeetingSort') : ''}) {
  space: ${s.kind}(${spaceArgs(s)}) { id slug
    components(filter: { type: "${t}" }) { id __typename ... on ${t} {
      list: ${listField(t)}(first: $first${ordered ? ', order: $order' : ''}) {
        pageInfo { hasNextPage endCursor }
        edges { node { ${itemSelection(t, f)} } }
      } } }
  }
}`;
}

/** The next page of one component. */
export function componentPageQuery(t: ComponentType, f: DecidimFeatures, ordered: boolean): string {
  return `query CivicKitPage($component: ID!, $after: String, $locales: [String!], $first: Int${ordered ? ', $order: ' + (t === 'Proposals' ? 'ProposalSort' : 'MeetingSort') : ''}) {
  component(id: $component) { id __typename ... on ${t} {
    list: ${listField(t)}(first: $first, after: $after${ordered ? ', order: $order' : ''}) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${itemSelection(t, f)} } }
    } } }
}`;
}

/** One proposal or meeting, looked for in every component of its type in the space. */
export function spaceItemQuery(t: ComponentType, s: Space, f: DecidimFeatures): string {
  const one = t === 'Proposals' ? 'proposal' : 'meeting';
  return `query CivicKitItem($space: ${spaceVar(s)}, $id: ID!, $locales: [String!]) {
  space: ${s.kind}(${spaceArgs(s)}) { id slug
    components(filter: { type: "${t}" }) { id __typename ... on ${t} { item: ${one}(id: $id) { ${itemSelection(t, f)} } } }
  }
}`;
}

export const initiativesQuery = (f: DecidimFeatures) => `query CivicKitInitiatives($locales: [String!]) {
  initiatives { ${initiativeSelection(f)} }
}`;

export const initiativeQuery = (f: DecidimFeatures) => `query CivicKitInitiative($id: ID!, $locales: [String!]) {
  initiative(id: $id) { ${initiativeSelection(f)} }
}`;

/** The 0.31+ vote mutation, as documented: it answers with the proposal's id and new vote count. */
export const VOTE_MUTATION = `mutation CivicKitVote($component: ID!, $id: ID!) {
  component(id: $component) { ... on ProposalsMutation {
    proposal(id: $id) { vote(input: {}) { id voteCount } }
  } }
}`;
