/**
 * Response parsing of every adapter, fuzzed (fast-check, seeded): whatever JSON a backend answers with
 * a 200, every read and write either returns data that is valid (it passes the core parser again, after
 * a JSON round trip) or fails with a `CivicError` whose code is `invalid-response` — never another
 * exception, never another code. Bodies are any JSON, text that is not JSON, and valid responses with
 * a few parts replaced by any JSON or removed (so the deep checks are reached, not only the first one).
 * The core `parse*` functions get the same near-valid models.
 *
 * fuzz.test.ts already covers any value through the core parsers and any status, type and body through
 * the REST adapter (any `CivicError` allowed there); this file is the stricter 200-with-JSON contract.
 * An adapter joins by one entry in ADAPTERS (its factory, with the global `fetch` faked). Adapters that
 * look an id up in a collection may also answer `not-found`; the federated adapter leaves a failing
 * source out with a warning, so for it nothing need be rejected. Calls a backend does not offer (no
 * such method or capability) are left out.
 */
import { createActivityStreamsAdapter } from '@civic-kit/adapters/activitystreams';
import { createDecidimAdapter } from '@civic-kit/adapters/decidim';
import { FederatedAdapter } from '@civic-kit/adapters/federated';
import { createRestAdapter } from '@civic-kit/adapters/rest';
import { createStaticAdapter } from '@civic-kit/adapters/static';
import {
  isCivicError,
  MemoryAdapter,
  parseInitiative,
  parseInitiativePage,
  parseInterests,
  parseMatches,
  parsePoll,
  type Capability,
  type CivicAdapter,
  type SignupInput,
} from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { harnessData } from './data.js';
import { context } from './suite.js';

const SEED = 20261128;
const RUNS = 80;
const ENDPOINT = 'https://api.example/civic/';
const ID = '1';

type Call =
  'getInitiative' | 'listInitiatives' | 'getPoll' | 'listInterests' | 'supportInitiative' | 'vote' | 'findOthers';

interface AdapterUnderTest {
  name: string;
  /** Builds the adapter; every request it makes goes to the faked global `fetch`. */
  create(): CivicAdapter | Promise<CivicAdapter>;
  /** Valid bodies for some calls, in this backend's own format, to mutate (any JSON is sent anyway). */
  samples?: Partial<Record<Call, unknown>>;
  /**
   * The backend answers with a collection the adapter looks the id up in: a valid collection without
   * the id is `not-found` (a REST answer with a body is never that).
   */
  lookups?: boolean;
  /** A failing part is left out with a warning, not a failure (federated sources): nothing need be rejected. */
  tolerant?: boolean;
}

const signup: SignupInput = {
  name: 'Sam Neighbour',
  email: 'sam@example.org',
  place: { text: 'BS5' },
  radiusKm: 5,
  interests: ['repair'],
  consent: [
    { purpose: 'connect', text: 'Put me in touch', version: '1', timestamp: '2026-01-01T00:00:00Z', locale: 'en' },
  ],
};

/** What each call must return when it succeeds, and how it is made. */
const CALLS: Record<Call, { run: (a: CivicAdapter) => Promise<unknown> | undefined; valid: (d: unknown) => unknown }> =
  {
    getInitiative: { run: (a) => a.getInitiative(ID), valid: parseInitiative },
    listInitiatives: { run: (a) => a.listInitiatives({ q: 'x' }), valid: parseInitiativePage },
    getPoll: { run: (a) => a.getPoll(ID), valid: parsePoll },
    listInterests: { run: (a) => a.listInterests?.(), valid: parseInterests },
    supportInitiative: { run: (a) => a.supportInitiative?.(ID, { idempotencyKey: 'k' }), valid: parseInitiative },
    vote: { run: (a) => a.vote?.(ID, { choices: ['a'] }, { idempotencyKey: 'k' }), valid: parsePoll },
    findOthers: { run: (a) => a.findOthers?.(signup, { idempotencyKey: 'k' }), valid: parseMatches },
  };

/** The capability each call needs. */
const NEEDS: Record<Call, Capability> = {
  getInitiative: 'get-initiative',
  listInitiatives: 'list-initiatives',
  getPoll: 'get-poll',
  listInterests: 'list-interests',
  supportInitiative: 'support-initiative',
  vote: 'vote',
  findOthers: 'find-others',
};

/** Valid models in the library's own JSON format (what the REST API sends), from the harness data. */
async function modelSamples(): Promise<Record<Call, unknown>> {
  const memory = new MemoryAdapter({ data: harnessData(context()) });
  const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
  const initiative = json(await memory.getInitiative('repair-cafe'));
  const poll = json(await memory.getPoll('first-project'));
  return {
    getInitiative: initiative,
    supportInitiative: initiative,
    listInitiatives: json(await memory.listInitiatives({ limit: 3 })),
    getPoll: poll,
    vote: poll,
    listInterests: json(await memory.listInterests()),
    findOthers: {
      nearbyCount: 2,
      sharedInterests: [{ interest: 'repair', label: 'Repair', count: 1 }],
      initiatives: [initiative],
    },
  };
}

let models: Record<Call, unknown>;

/** An initiative and a poll with the id the calls ask for, in the files' own formats. */
const staticFile = (): unknown => {
  const models_ = models as Record<Call, { id?: string }>;
  return { initiatives: [{ ...models_.getInitiative, id: ID }], polls: [{ ...models_.getPoll, id: ID }] };
};
const outbox = {
  '@context': 'https://www.w3.org/ns/activitystreams',
  type: 'OrderedCollection',
  orderedItems: [
    {
      type: 'Create',
      object: {
        id: ID,
        type: 'Note',
        name: 'Repair café',
        content: '<p>Bring broken things</p>',
        published: '2026-01-01T00:00:00Z',
      },
    },
    {
      id: ID,
      type: 'Question',
      name: 'Which project first?',
      oneOf: [
        { type: 'Note', name: 'Benches', replies: { type: 'Collection', totalItems: 3 } },
        { type: 'Note', name: 'Trees', replies: { type: 'Collection', totalItems: 5 } },
      ],
      votersCount: 8,
    },
  ],
};

const attributes = { 'timeout-ms': '2000' };
const rest = () =>
  createRestAdapter({ endpoint: ENDPOINT, attributes: { retries: '0' } }, { EventSource: undefined, browserId: false });
const ADAPTERS: AdapterUnderTest[] = [
  {
    name: 'rest',
    create: () => rest(),
    get samples() {
      return models;
    },
  },
  {
    name: 'static',
    create: () => createStaticAdapter({ endpoint: `${ENDPOINT}initiatives.json`, attributes }),
    lookups: true,
    get samples() {
      return { listInitiatives: staticFile(), getInitiative: staticFile(), getPoll: staticFile() };
    },
  },
  {
    name: 'activitystreams',
    create: () => createActivityStreamsAdapter({ endpoint: `${ENDPOINT}outbox`, attributes }),
    lookups: true,
    samples: { listInitiatives: outbox, getInitiative: outbox, getPoll: outbox },
  },
  {
    // Two sources behind one adapter, both answered by the same fake backend.
    name: 'federated',
    create: () =>
      new FederatedAdapter({
        sources: [
          { name: 'Our town', adapter: rest() },
          { name: 'Neighbours', adapter: createStaticAdapter({ endpoint: `${ENDPOINT}initiatives.json`, attributes }) },
        ],
      }),
    lookups: true,
    tolerant: true,
    get samples() {
      return models;
    },
  },
  {
    name: 'decidim',
    // Proposals of a process. `shared: false`: instances for one API otherwise share one cache and one
    // limit of requests per minute, so one run's answer would be another's.
    create: () =>
      createDecidimAdapter(
        { endpoint: ENDPOINT, attributes: { ...attributes, 'participatory-space': 'our-process' } },
        { shared: false },
      ),
    lookups: true,
    // One body that answers both the schema question and the listing.
    samples: {
      listInitiatives: {
        data: {
          proposal: {
            fields: ['id', 'title', 'body', 'state', 'voteCount', 'address', 'coordinates', 'publishedAt'].map(
              (name) => ({ name }),
            ),
          },
          space: {
            id: '1',
            slug: 'our-process',
            components: [
              {
                id: '7',
                list: {
                  pageInfo: { hasNextPage: false, endCursor: null },
                  edges: [
                    {
                      node: {
                        id: '1',
                        title: { translations: [{ locale: 'en', text: 'More trees on our street' }] },
                        body: { translations: [{ locale: 'en', text: '<p>Plant <em>more</em> trees.</p>' }] },
                        state: 'accepted',
                        voteCount: 12,
                        address: 'Elm Street',
                        coordinates: { latitude: 41.4, longitude: 2.15 },
                        publishedAt: '2025-03-01T10:00:00Z',
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      },
    },
  },
];

/** Every node of a JSON value, by its path. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) paths(v, [...at, k], out);
  return out;
}

interface Mutation {
  node: number;
  remove: boolean;
  value: unknown;
}

/** A copy of `value` with each mutation applied in turn: the node replaced by any JSON, or removed. */
function mutate(value: unknown, mutations: Mutation[]): unknown {
  let out = JSON.parse(JSON.stringify(value)) as unknown;
  for (const m of mutations) {
    const all = paths(out);
    const path = all[m.node % all.length]!;
    if (!path.length) {
      out = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], out) as
      Record<string | number, unknown> | unknown[];
    const key = path.at(-1)!;
    if (m.remove && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (m.remove) delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string | number, unknown>)[key] = m.value;
  }
  return out;
}

const mutations = fc.array(fc.record({ node: fc.nat(), remove: fc.boolean(), value: fc.jsonValue({ maxDepth: 3 }) }), {
  minLength: 1,
  maxLength: 3,
});
const nearValid = (sample: unknown) => mutations.map((m) => JSON.stringify(mutate(sample, m)));

/** Any JSON, text that is not JSON, or (when there is a sample) a valid body with parts broken. */
function bodies(sample: unknown): fc.Arbitrary<string> {
  const any = [
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 40 }),
    fc.constant(''),
  ];
  return sample === undefined
    ? fc.oneof(...any)
    : fc.oneof({ arbitrary: fc.oneof(...any), weight: 1 }, { arbitrary: nearValid(sample), weight: 2 });
}

/** Valid data or `invalid-response` (or `not-found`, when allowed); anything else fails with what happened. */
async function outcome(
  run: () => Promise<unknown> | undefined,
  valid: (d: unknown) => unknown,
  notFound = false,
): Promise<'data' | 'invalid' | 'notFound'> {
  let result: unknown;
  try {
    result = await run();
  } catch (e) {
    if (isCivicError(e) && e.code === 'invalid-response') return 'invalid';
    if (notFound && isCivicError(e) && e.code === 'not-found') return 'notFound';
    throw new Error(`threw ${isCivicError(e) ? `CivicError ${e.code}` : String(e)}`, { cause: e });
  }
  try {
    valid(JSON.parse(JSON.stringify(result)));
  } catch (e) {
    throw new Error(`returned data that is not valid: ${String(e)}`, { cause: e });
  }
  return 'data';
}

describe('every adapter: any JSON in a 200 → valid data or invalid-response', function () {
  this.timeout(60_000);
  const realFetch = window.fetch;
  const realWarn = console.warn;
  before(async () => (models = await modelSamples()));
  // A federated source that fails is reported on the console, once per generated body: kept quiet here.
  beforeEach(() => (console.warn = () => undefined));
  afterEach(() => {
    window.fetch = realFetch;
    console.warn = realWarn;
  });

  /** Whether the backend offers the call (a method and its capability; some need more set-up, a voter token). */
  const offers = (a: CivicAdapter, call: Call) =>
    typeof (a as unknown as Record<string, unknown>)[call] === 'function' && a.capabilities.has(NEEDS[call]);

  for (const adapter of ADAPTERS) {
    // Built once here to list only the calls it offers (one built asynchronously is asked in each test).
    const probe = adapter.create();
    for (const [call, { run, valid }] of Object.entries(CALLS) as [Call, (typeof CALLS)[Call]][]) {
      if (!(probe instanceof Promise) && !offers(probe, call)) continue;
      it(`${adapter.name}: ${call}`, async function () {
        if (!offers(await probe, call)) this.skip();
        const seen = { data: 0, invalid: 0, notFound: 0 };
        const lookup = !!adapter.lookups && (call === 'getInitiative' || call === 'getPoll');
        await fc.assert(
          fc.asyncProperty(bodies(adapter.samples?.[call]), async (body) => {
            window.fetch = async () =>
              new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
            const a = await adapter.create();
            const result = await outcome(() => run(a), valid, lookup);
            seen[result]++;
          }),
          { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
        );
        if (!adapter.tolerant) expect(seen.invalid, 'some bodies are rejected').to.be.greaterThan(0);
        if (adapter.samples?.[call] !== undefined)
          expect(seen.data, 'some bodies are valid and accepted (the test is not vacuous)').to.be.greaterThan(0);
      });
    }
  }
});

describe('core parsers: near-valid models → valid data or invalid-response', () => {
  before(async () => (models ??= await modelSamples()));
  const parsers: [string, (d: unknown) => unknown, Call][] = [
    ['parseInitiative', parseInitiative, 'getInitiative'],
    ['parseInitiativePage', parseInitiativePage, 'listInitiatives'],
    ['parsePoll', parsePoll, 'getPoll'],
    ['parseInterests', parseInterests, 'listInterests'],
    ['parseMatches', parseMatches, 'findOthers'],
  ];
  for (const [name, parse, call] of parsers) {
    it(`${name}: output parses again; anything else is invalid-response`, async () => {
      const seen = { data: 0, invalid: 0, notFound: 0 };
      await fc.assert(
        fc.asyncProperty(nearValid(models[call]), async (body) => {
          const result = await outcome(async () => parse(JSON.parse(body)), parse);
          seen[result]++;
        }),
        { seed: SEED, numRuns: 300, includeErrorInReport: true },
      );
      expect(seen.data).to.be.greaterThan(0);
      expect(seen.invalid).to.be.greaterThan(0);
    });
  }
});
