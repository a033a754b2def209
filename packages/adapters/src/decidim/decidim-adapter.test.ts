/**
 * The Decidim adapter against a Decidim GraphQL API executed by graphql-js
 * (test/servers/decidim-plugin.mjs): the whole schemas of Decidim 0.27, 0.28 and 0.30.dev rebuilt from
 * their type files, and two hand-written subsets (the vote mutation of develop after 0.31.0; an older
 * shape); HTTP failures and malformed payloads with a scripted `fetch`; the conformance suite for what
 * it declares.
 */
import { CivicError, getAdapterFactory, registerAdapter } from '@civic-kit/core';
import { CONFORMANCE_FIXTURE, runAdapterConformance, type ConformanceFixture } from '@civic-kit/core/testing';
import { expect } from '@open-wc/testing';
import { createDecidimAdapter, DecidimAdapter, htmlToText, type DecidimAdapterOptions } from './index.js';
import { rejection } from '../../../../test/helpers/rejection.js';

// ─── the test server ──────────────────────────────────────────────────────────────────────────

type Variant = 'current' | 'legacy' | '0.27' | '0.28' | '0.30-dev';
interface Seed {
  tokens?: Record<string, string>;
  processes?: {
    id: string;
    slug: string;
    components: { id: string; type: 'Proposals' | 'Meetings'; proposals?: object[]; meetings?: object[] }[];
  }[];
  initiatives?: object[];
}

async function control<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/__decidim-test/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T & { error?: string };
  if (json.error) throw new Error(json.error);
  return json;
}
const instances: string[] = [];
async function instance(seed: Seed, options: { variant?: Variant; introspection?: boolean; delayMs?: number } = {}) {
  const i = await control<{ id: string; url: string }>('instances', { seed, ...options });
  instances.push(i.id);
  return {
    ...i,
    log: async () =>
      (await control<{ requests: { operation: string; authorization: boolean }[] }>(`instances/${i.id}/log`)).requests,
    reseed: (s: Seed) => control(`instances/${i.id}/seed`, { seed: s }),
  };
}
after(async () => {
  await Promise.all(instances.map((id) => control(`instances/${id}/close`, {})));
});

const ops = (log: { operation: string }[]) => log.map((r) => r.operation).filter((o) => o !== 'CivicKitDecidimSchema');

const process = (proposals: object[], meetings: object[] = [], more: object[] = []): Seed => ({
  tokens: { 'tok-a': 'user-a', 'tok-b': 'user-b' },
  processes: [
    {
      id: '1',
      slug: 'green-streets',
      components: [
        { id: '7', type: 'Proposals', proposals },
        { id: '8', type: 'Meetings', meetings },
        ...(more.length ? [{ id: '9', type: 'Proposals' as const, proposals: more }] : []),
      ],
    },
  ],
});

const proposal = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { en: `Proposal ${id}` },
  body: { en: `<p>About ${id}</p>` },
  state: null,
  voteCount: 1,
  publishedAt: '2025-01-01T00:00:00Z',
  ...extra,
});

const adapter = (url: string, extra: Partial<DecidimAdapterOptions> = {}) =>
  new DecidimAdapter({ endpoint: url, space: 'green-streets', shared: false, ...extra });

/** A meeting with a place, and an initiative with online and offline signatures, as Decidim stores them. */
const TREE_PLANTING = {
  id: 'm1',
  title: { en: 'Tree planting' },
  description: { en: '<p>Bring gloves</p>' },
  startTime: '2030-03-01T10:00:00Z',
  endTime: '2030-03-01T12:00:00Z',
  address: 'Elm Street',
  location: { en: 'Community hall' },
  coordinates: { latitude: 41.39, longitude: 2.16 },
  taxonomies: [{ id: 't', name: { en: 'Environment' } }],
};
const MORE_TREES = {
  id: '12',
  slug: 'i-12',
  title: { en: 'More trees on our street', ca: 'Més arbres' },
  description: { en: '<p>Plant <em>more</em> trees.</p>' },
  state: 'open',
  signatureType: 'online',
  signatureStartDate: '2025-03-01',
  signatureEndDate: '2025-06-29',
  onlineVotes: 1840,
  offlineVotes: 60,
  scope: { id: '3', name: { en: 'Gràcia' } },
  author: { name: 'Neighbours of Elm St', nickname: 'elm' },
};

// ─── the conformance fixture as Decidim proposals ────────────────────────────────────────────

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const STATES = { proposed: null, active: 'accepted', completed: 'implemented', closed: 'rejected' } as const;

function seedFrom(fixture: ConformanceFixture): Seed {
  return process(
    fixture.initiatives.map((i) => ({
      id: i.id,
      title: { en: i.title },
      body: i.summary ? { en: `<p>${escapeHtml(i.summary)}</p>` } : null,
      state: STATES[i.status],
      voteCount: i.supporters?.count ?? 0,
      address: i.place?.address ?? null,
      coordinates: i.place ? { latitude: i.place.lat, longitude: i.place.lng } : null,
      taxonomies: (i.tags ?? []).map((t) => ({ id: t, name: { en: t } })),
      publishedAt: '2025-01-01T00:00:00Z',
    })),
  );
}

for (const [variant, pageSize, introspection] of [
  ['current', 3, true],
  ['legacy', 50, true],
  ['0.27', 50, true],
  ['0.30-dev', 4, false],
] as const) {
  runAdapterConformance({
    name: `decidim adapter (${variant} schema, ${pageSize} per request${introspection ? '' : ', no introspection'})`,
    voters: ['tok-a', 'tok-b'],
    create: async (fixture) => {
      const server = await instance(seedFrom(fixture), { variant, introspection });
      return adapter(server.url, { pageSize, token: 'tok-a' });
    },
  });
}

describe('DecidimAdapter: the conformance suite also covers', () => {
  it('voting only where declared: the current schema with a token offers it, the older one does not', async () => {
    const current = adapter((await instance(seedFrom(CONFORMANCE_FIXTURE))).url, { token: 'tok-a' });
    await current.listInitiatives({ limit: 1 });
    expect(current.capabilities.has('support-initiative')).to.equal(true);
    const legacy = adapter((await instance(seedFrom(CONFORMANCE_FIXTURE), { variant: 'legacy' })).url, {
      token: 'tok-a',
    });
    await legacy.listInitiatives({ limit: 1 });
    expect(legacy.capabilities.has('support-initiative')).to.equal(false);
    expect((await rejection(legacy.supportInitiative('c-repair', { idempotencyKey: 'k' }))).code).to.equal(
      'unsupported',
    );
  });
});

// ─── mapping ──────────────────────────────────────────────────────────────────────────────────

describe('DecidimAdapter: proposals', () => {
  const rich = proposal('11', {
    title: { en: 'Trees on <Elm> Street & more', ca: 'Arbres', machine_translations: { fr: 'Des arbres' } },
    body: {
      en: '<p>Plant <b>twelve</b> trees&nbsp;&amp; benches.</p><script>__xss(1)</script><p>Second &#8220;para&#x201D;</p>',
      machine_translations: { fr: '<p>Planter des arbres.</p>' },
    },
    state: 'accepted',
    voteCount: 12,
    likesCount: 4,
    address: '  Elm Street 1 ',
    coordinates: { latitude: 41.39, longitude: 2.16 },
    taxonomies: [
      { id: 't1', name: { en: 'Environment', ca: 'Medi ambient' } },
      { id: 't2', name: { en: 'Gràcia' } },
    ],
    author: { name: 'Ana', nickname: 'ana', profilePath: '/profiles/ana' },
  });

  it('maps a proposal: text from HTML, state, votes, place, taxonomies, author, links, source', async () => {
    const server = await instance(process([rich]));
    const a = adapter(server.url, { goal: 100, sourceName: 'Decidim Barcelona' });
    const i = await a.getInitiative('11', { locale: 'en' });
    expect(i.title).to.equal('Trees on <Elm> Street & more');
    expect(i.summary).to.equal('Plant twelve trees\u00a0& benches.');
    expect(i.body).to.equal('Plant twelve trees\u00a0& benches.\n\nSecond \u201cpara\u201d');
    // The HTML as sent, for the elements' sanitizer (which alone decides what of it is shown).
    expect(i.bodyHtml).to.equal(rich.body.en);
    expect(i.status).to.equal('active');
    expect(i.supporters).to.deep.equal({ count: 12, goal: 100 });
    expect(i.place).to.deep.equal({ lat: 41.39, lng: 2.16, address: 'Elm Street 1', precision: 'exact' });
    expect(i.tags).to.deep.equal(['Environment', 'Gràcia']);
    expect(i.organiser).to.deep.equal({ name: 'Ana', url: `${server.url}/profiles/ana` });
    expect(i.url).to.equal(`${server.url}/processes/green-streets/f/7/proposals/11`);
    expect(i.source).to.deep.equal({ name: 'Decidim Barcelona', url: server.url });
    expect(i.language).to.equal('en');
    expect(i.machineTranslated).to.equal(false);
  });

  it('picks the wanted language, falls back, and marks machine translations', async () => {
    const server = await instance(process([rich, proposal('12', { title: { es: 'Solo en castellano' }, body: null })]));
    const a = adapter(server.url, { fallbackLocales: ['ca'] });
    const fr = await a.getInitiative('11', { locale: 'fr-FR' });
    expect(fr.title).to.equal('Des arbres');
    expect(fr.summary).to.equal('Planter des arbres.');
    expect(fr.machineTranslated).to.equal(true);
    expect(fr.language).to.equal('fr');
    const ca = await a.getInitiative('11', { locale: 'ca' });
    expect(ca.title).to.equal('Arbres');
    expect(ca.tags).to.deep.equal(['Medi ambient', 'Gràcia']);
    // No Catalan body: the fallback chain ends in English.
    expect(ca.summary).to.equal('Plant twelve trees\u00a0& benches.');
    const de = await a.getInitiative('12', { locale: 'de' });
    expect(de.title, 'any language rather than none').to.equal('Solo en castellano');
    expect(de.summary).to.equal(undefined);
  });

  it('turns hashtags and mentions stored as global ids into text', async () => {
    const body = {
      en: '<p>Plant trees gid://decidim-app/Decidim::Hashtag/3/_trees with gid://decidim-app/Decidim::User/12 now</p>',
    };
    const server = await instance(process([proposal('1', { body }), proposal('2', { body: { en: 'No markup' } })]));
    const i = await adapter(server.url).getInitiative('1');
    expect(i.summary).to.equal('Plant trees #trees with now');
    expect(i.bodyHtml, 'the same in the HTML').to.equal('<p>Plant trees #trees with  now</p>');
    expect((await adapter(server.url).getInitiative('2')).bodyHtml, 'text without markup: no HTML').to.equal(undefined);
  });

  it('leaves out a hidden vote count instead of showing 0', async () => {
    const server = await instance(process([proposal('1', { voteCount: null }), proposal('2', { voteCount: 0 })]));
    const { items } = await adapter(server.url, { goal: 50 }).listInitiatives({});
    expect(items.find((i) => i.id === '1')!.supporters).to.equal(undefined);
    expect(items.find((i) => i.id === '2')!.supporters).to.deep.equal({ count: 0, goal: 50 });
  });

  it('maps states, custom ones through status-map, and withdrawn proposals as closed', async () => {
    const states = [null, 'evaluating', 'accepted', 'rejected', 'implemented', 'in_progress', 'weird'];
    const server = await instance(
      process([
        ...states.map((state, n) => proposal(`s${n}`, { state })),
        proposal('w', { state: 'accepted', withdrawn: true }),
      ]),
    );
    const a = adapter(server.url, { statusMap: { in_progress: 'active' } });
    const { items } = await a.listInitiatives({ limit: 50 });
    expect(Object.fromEntries(items.map((i) => [i.id, i.status]))).to.deep.equal({
      s0: 'proposed',
      s1: 'proposed',
      s2: 'active',
      s3: 'closed',
      s4: 'completed',
      s5: 'active',
      s6: 'proposed',
      w: 'closed',
    });
  });

  it('handles missing, null-island and swapped coordinates', async () => {
    const server = await instance(
      process([
        proposal('none', { coordinates: null, address: 'Somewhere' }),
        proposal('half', { coordinates: { latitude: 41.3, longitude: null } }),
        proposal('zero', { coordinates: { latitude: 0, longitude: 0 } }),
        proposal('swapped-sure', { coordinates: { latitude: 151.2, longitude: -33.87 } }),
        proposal('swapped-in-area', { coordinates: { latitude: 2.16, longitude: 41.39 } }),
        proposal('right', { coordinates: { latitude: 41.4, longitude: 2.17 } }),
      ]),
    );
    const a = adapter(server.url, { bounds: [2.0, 41.2, 2.3, 41.5] });
    const { items } = await a.listInitiatives({ limit: 50 });
    const place = (id: string) => items.find((i) => i.id === id)!.place;
    expect(place('none')).to.equal(undefined);
    expect(place('half')).to.equal(undefined);
    expect(place('zero')).to.equal(undefined);
    expect(place('swapped-sure')).to.include({ lat: -33.87, lng: 151.2 });
    expect(place('swapped-in-area')).to.include({ lat: 41.39, lng: 2.16 });
    expect(place('right')).to.include({ lat: 41.4, lng: 2.17 });
  });

  it('leaves out a proposal whose coordinates are out of range either way round, counts it, names the field', async () => {
    const server = await instance(
      process([proposal('bad', { coordinates: { latitude: 200, longitude: 300 } }), proposal('good')]),
    );
    const a = adapter(server.url, { sourceName: 'Barcelona' });
    const page = await a.listInitiatives({});
    expect(page.items.map((i) => i.id)).to.deep.equal(['good']);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings![0]).to.include({ source: 'Barcelona', code: 'invalid-response', skipped: 1 });
    expect(page.warnings![0]!.message).to.contain('coordinates');
    const e = await rejection(a.getInitiative('bad'));
    expect(e.code).to.equal('invalid-response');
    expect(e.message).to.contain('proposal bad').and.contain('coordinates.latitude');
  });

  it('works with the older schema: endorsements, category and scope, url from the payload', async () => {
    const server = await instance(process([rich]), { variant: 'legacy' });
    const a = adapter(server.url, { supporters: 'likes' });
    const i = await a.getInitiative('11', { locale: 'en' });
    expect(i.tags).to.deep.equal(['Environment', 'Gràcia']);
    expect(i.supporters).to.deep.equal({ count: 4 });
    expect(i.url).to.equal(`${server.url}/processes/green-streets/f/7/proposals/11`);
    // A schema without machineTranslated: French falls back to English, and nothing is marked.
    const fr = await a.getInitiative('11', { locale: 'fr' });
    expect(fr.title).to.equal('Trees on <Elm> Street & more');
    expect(fr.machineTranslated).to.equal(false);
  });

  it('without introspection, finds the fields by probes that are never executed (current schema)', async () => {
    const server = await instance(process([rich]), { introspection: false });
    const a = adapter(server.url, { token: 'tok-a' });
    const i = await a.getInitiative('11', { locale: 'en' });
    expect(i.title).to.equal('Trees on <Elm> Street & more');
    expect(i.tags, 'taxonomies found by the probe').to.deep.equal(['Environment', 'Gràcia']);
    expect(i.supporters?.count).to.equal(12);
    expect(a.capabilities.has('support-initiative'), 'the vote mutation found by its probe').to.equal(true);
    const fr = await a.getInitiative('11', { locale: 'fr' });
    expect(fr.machineTranslated, 'machineTranslated found by the probe').to.equal(true);
    const log = await server.log();
    expect(log.map((r) => r.operation)).to.include.members(['CivicKitProbe', 'CivicKitProbeVote']);
    expect(
      log.filter((r) => r.operation.startsWith('CivicKitProbe')).every((r) => !r.authorization),
      'probes carry no token',
    ).to.equal(true);
    // The vote probe never voted: the count is the seed's.
    expect((await adapter(server.url).getInitiative('11', { locale: 'en' })).supporters?.count).to.equal(12);
  });

  it('without introspection on the older schema, finds endorsements, category and scope, and no vote', async () => {
    const server = await instance(process([rich]), { variant: 'legacy', introspection: false });
    const a = adapter(server.url, { supporters: 'likes', token: 'tok-a' });
    const i = await a.getInitiative('11', { locale: 'en' });
    expect(i.tags).to.deep.equal(['Environment', 'Gràcia']);
    expect(i.url).to.equal(`${server.url}/processes/green-streets/f/7/proposals/11`);
    expect(a.capabilities.has('support-initiative')).to.equal(false);
    expect((await a.getInitiative('11', { locale: 'fr' })).machineTranslated).to.equal(false);
  });

  it("the test server keeps Decidim's limits: a sixth alias is refused", async () => {
    const server = await instance(process([rich]));
    const ask = async (n: number) => {
      const fields = Array.from({ length: n }, (_, i) => `a${i}: decidim { version }`).join(' ');
      const res = await fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: `query Aliases { ${fields} }` }),
      });
      return (await res.json()) as { errors?: { message: string }[] };
    };
    expect((await ask(5)).errors).to.equal(undefined);
    expect((await ask(6)).errors?.[0]?.message).to.contain('exceeds the maximum of 5');
  });

  it('never sends a document with more than five aliases (Decidim refuses a sixth)', async () => {
    const { parse, visit } = await import('graphql');
    const sent: string[] = [];
    const server = await instance(
      process(
        [rich],
        [
          {
            id: 'm1',
            title: { en: 'Meeting' },
            description: { en: '<p>x</p>' },
            startTime: '2025-01-01T10:00:00Z',
            endTime: '2025-01-01T12:00:00Z',
          },
        ],
      ),
      { introspection: false },
    );
    const spy: typeof fetch = async (input, init) => {
      sent.push((JSON.parse(init?.body as string) as { query: string }).query);
      return fetch(input, init);
    };
    for (const resource of ['proposals', 'meetings'] as const) {
      const a = adapter(server.url, { resource, fetch: spy, token: 'tok-a' });
      await a.listInitiatives({});
    }
    const withIntrospection = await instance(process([rich]));
    await adapter(withIntrospection.url, { fetch: spy }).listInitiatives({});
    expect(sent.length).to.be.greaterThan(3);
    for (const query of sent) {
      let aliases = 0;
      visit(parse(query), { Field: (f) => void (f.alias && aliases++) });
      expect(aliases, query.slice(0, 60)).to.be.at.most(5);
    }
  });

  it('reads the proposals of an assembly', async () => {
    const server = await instance({
      assemblies: [
        { id: '4', slug: 'youth', components: [{ id: '70', type: 'Proposals', proposals: [proposal('a')] }] },
      ],
    } as Seed);
    const a = adapter(server.url, { space: 'assemblies/4' });
    const { items } = await a.listInitiatives({});
    expect(items.map((i) => i.url)).to.deep.equal([`${server.url}/assemblies/youth/f/70/proposals/a`]);
  });

  it('reads one component only when asked, and says not-found for an unknown space or item', async () => {
    const server = await instance(process([proposal('a')], [], [proposal('b')]));
    expect((await adapter(server.url).listInitiatives({})).items.map((i) => i.id)).to.deep.equal(['a', 'b']);
    expect((await adapter(server.url, { component: '9' }).listInitiatives({})).items.map((i) => i.id)).to.deep.equal([
      'b',
    ]);
    expect((await rejection(adapter(server.url, { component: '9' }).getInitiative('a'))).code).to.equal('not-found');
    expect((await rejection(adapter(server.url, { space: 'nope' }).listInitiatives({}))).code).to.equal('not-found');
  });
});

describe('DecidimAdapter: meetings and initiatives', () => {
  it('maps meetings with their place for the map', async () => {
    const meetings = [
      TREE_PLANTING,
      {
        id: 'm2',
        title: { en: 'Past' },
        startTime: '2020-03-01T10:00:00Z',
        endTime: '2020-03-01T12:00:00Z',
        coordinates: null,
      },
      {
        id: 'm3',
        title: { en: 'Called off' },
        startTime: '2030-03-01T10:00:00Z',
        endTime: '2030-03-01T12:00:00Z',
        isWithdrawn: true,
      },
    ];
    const server = await instance(process([], meetings));
    const a = adapter(server.url, { resource: 'meetings' });
    const { items } = await a.listInitiatives({ bbox: [2, 41, 3, 42] });
    expect(items).to.have.length(1);
    expect(items[0]).to.deep.include({
      id: 'm1',
      title: 'Tree planting',
      summary: 'Bring gloves',
      status: 'active',
      startsAt: '2030-03-01T10:00:00Z',
      endsAt: '2030-03-01T12:00:00Z',
      tags: ['Environment'],
    });
    expect(items[0]!.place).to.deep.equal({
      lat: 41.39,
      lng: 2.16,
      address: 'Community hall, Elm Street',
      precision: 'exact',
    });
    expect((await a.getInitiative('m2')).status).to.equal('completed');
    expect((await a.getInitiative('m3')).status).to.equal('closed');
  });

  const initiatives = [
    MORE_TREES,
    {
      ...{ id: '13', title: { en: 'Accepted one' }, state: 'accepted' },
      signatureStartDate: '2024-01-01',
      signatureEndDate: '2024-03-01',
    },
  ];

  it('maps initiatives: online + offline signatures, the goal from options, the window, scope as tag', async () => {
    const server = await instance({ initiatives });
    const a = new DecidimAdapter({ endpoint: `${server.url}/api`, goal: 3000, shared: false });
    const { items, total } = await a.listInitiatives({});
    expect(total).to.equal(2);
    expect(items[0]).to.deep.include({
      id: '12',
      title: 'More trees on our street',
      summary: 'Plant more trees.',
      status: 'active',
      supporters: { count: 1900, goal: 3000 },
      startsAt: '2025-03-01',
      endsAt: '2025-06-29',
      tags: ['Gràcia'],
      url: `${server.url}/initiatives/i-12`,
    });
    expect(items[0]!.organiser!.name).to.equal('Neighbours of Elm St');
    expect(items[1]!.status).to.equal('completed');
    expect(a.capabilities.has('support-initiative')).to.equal(false);
  });

  it('reads initiatives from the older schema (initiativeVotesCount)', async () => {
    const server = await instance({ initiatives }, { variant: 'legacy' });
    const i = await new DecidimAdapter({ endpoint: server.url, shared: false }).getInitiative('12');
    expect(i.supporters).to.deep.equal({ count: 1840 });
  });
});

// ─── the whole schema of real releases ──────────────────────────────────────────────────────

/**
 * The test server with the schema of a Decidim release rebuilt from that release's type files
 * (test/fixtures/real/decidim/SOURCES.md): every document the adapter sends is validated and run
 * against it, with Decidim's alias, depth and complexity limits, introspection on and off.
 */
describe('DecidimAdapter on the whole schema of Decidim 0.27, 0.28 and 0.30 (develop)', () => {
  // Withdrawn: a state until 0.28, a field of its own from 0.30 (where the state stays as answered).
  const RELEASES = [
    { version: '0.27', withdrawn: { state: 'withdrawn' } },
    { version: '0.28', withdrawn: { state: 'withdrawn' } },
    { version: '0.30-dev', withdrawn: { state: 'accepted', withdrawn: true } },
  ] as const;
  const trees = proposal('11', {
    title: { en: 'Trees on Elm Street', ca: 'Arbres', machine_translations: { fr: 'Des arbres' } },
    body: { en: '<p>Plant twelve trees.</p>' },
    state: 'accepted',
    voteCount: 12,
    address: 'Elm Street 1',
    coordinates: { latitude: 41.39, longitude: 2.16 },
    taxonomies: [
      { id: 't1', name: { en: 'Environment' } },
      { id: 't2', name: { en: 'Gràcia' } },
    ],
    author: { name: 'Ana', nickname: 'ana', profilePath: '/profiles/ana' },
  });
  for (const release of RELEASES)
    for (const introspection of [true, false]) {
      const name = `${release.version}, introspection ${introspection ? 'on' : 'off'}`;
      const server = () =>
        instance(
          {
            ...process(
              [
                trees,
                proposal('w', release.withdrawn),
                proposal('few', { voteCount: 2 }),
                proposal('many', { voteCount: 40 }),
                proposal('none', { voteCount: 0 }),
              ],
              [TREE_PLANTING],
            ),
            initiatives: [MORE_TREES],
          },
          { variant: release.version as Variant, introspection },
        );

      it(`${name}: proposals with votes, tags, author, place, state and machine translations`, async () => {
        const s = await server();
        const a = adapter(s.url, { pageSize: 2, token: 'tok-a', sourceName: 'Barcelona' });
        const page = await a.listInitiatives({ limit: 50 }, { locale: 'en' });
        expect(page.warnings, 'nothing left out').to.equal(undefined);
        expect(page.items.map((i) => i.id)).to.deep.equal(['11', 'w', 'few', 'many', 'none']);
        const i = page.items[0]!;
        expect(i.title).to.equal('Trees on Elm Street');
        expect(i.summary).to.equal('Plant twelve trees.');
        expect(i.status).to.equal('active');
        expect(i.supporters).to.deep.equal({ count: 12 });
        expect(i.tags).to.deep.equal(['Environment', 'Gràcia']);
        expect(i.organiser).to.deep.equal({ name: 'Ana', url: `${s.url}/profiles/ana` });
        expect(i.place).to.include({ lat: 41.39, lng: 2.16, address: 'Elm Street 1' });
        expect(i.url).to.equal(`${s.url}/processes/green-streets/f/7/proposals/11`);
        expect(page.items[1]!.status, 'withdrawn').to.equal('closed');
        const fr = await a.getInitiative('11', { locale: 'fr' });
        expect(fr.title).to.equal('Des arbres');
        expect(fr.machineTranslated, 'machineTranslated exists since 0.27').to.equal(true);
        // Sorted by supporters: the API sorts by votes.
        const top = await a.listInitiatives({ sort: 'supporters', limit: 2 });
        expect(top.items.map((x) => x.id)).to.deep.equal(['many', '11']);
        expect(a.capabilities.has('support-initiative'), 'no vote mutation in this release').to.equal(false);
        const log = await control<{ requests: { operation: string }[]; complexity: number[] }>(`instances/${s.id}/log`);
        const ops = log.requests.map((r) => r.operation);
        expect(ops).to.include(introspection ? 'CivicKitDecidimSchema' : 'CivicKitProbe');
        expect(ops).to.include.members(['CivicKitList', 'CivicKitPage']);
        expect(Math.max(...log.complexity), 'within Decidim’s complexity limit').to.be.within(1, 5000);
      });

      it(`${name}: meetings with their place, and initiatives with all their signatures`, async () => {
        const s = await server();
        const m = await adapter(s.url, { resource: 'meetings' }).listInitiatives({});
        expect(m.items).to.have.length(1);
        expect(m.items[0]).to.deep.include({
          id: 'm1',
          title: 'Tree planting',
          status: 'active',
          tags: ['Environment'],
        });
        expect(m.items[0]!.place).to.include({ lat: 41.39, lng: 2.16, address: 'Community hall, Elm Street' });
        const a = new DecidimAdapter({ endpoint: s.url, goal: 3000, shared: false });
        const { items } = await a.listInitiatives({});
        expect(items).to.have.length(1);
        expect(items[0]).to.deep.include({
          id: '12',
          title: 'More trees on our street',
          status: 'active',
          supporters: { count: 1900, goal: 3000 },
          tags: ['Gràcia'],
          url: `${s.url}/initiatives/i-12`,
        });
        expect((await a.getInitiative('12')).supporters?.count).to.equal(1900);
        const log = await control<{ complexity: number[] }>(`instances/${s.id}/log`);
        expect(Math.max(...log.complexity), 'within Decidim’s complexity limit').to.be.within(1, 5000);
      });
    }

  it('the rebuilt schema refuses what the release lacks, and Decidim’s complexity limit holds', async () => {
    const s = await instance(process([trees]), { variant: '0.27' });
    const post = async (query: string) =>
      (await (
        await fetch(`${s.url}/api`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query }),
        })
      ).json()) as { errors?: { message: string }[]; data?: unknown };
    const lacks = await post('{ component(id: "7") { ... on Proposals { proposal(id: "11") { id likesCount } } } }');
    expect(lacks.errors?.[0]?.message).to.contain('likesCount');
    const ok = await post('{ component(id: "7") { ... on Proposals { proposal(id: "11") { id voteCount } } } }');
    expect(ok).to.deep.equal({ data: { component: { proposal: { id: '11', voteCount: 12 } } } });
    // component (1) + four pages, each 1 + 50 × (nodes 1 + 33 fields) = 1 701: 6 805, past 5 000.
    // One page (1 702) is well within.
    const fields = `id address reference state voteCount publishedAt createdAt updatedAt answeredAt official position
      endorsementsCount authorsCount createdInMeeting participatoryTextLevel title { locales } body { locales }
      answer { locales } coordinates { latitude longitude }
      author { id name nickname avatarUrl profilePath badge deleted organizationName }`;
    const pages = (n: number) =>
      `{ component(id: "7") { ... on Proposals { ${['a', 'b', 'c', 'd']
        .slice(0, n)
        .map((k) => `${k}: proposals(first: 50) { nodes { ${fields} } }`)
        .join(' ')} } } }`;
    expect((await post(pages(4))).errors?.[0]?.message).to.equal(
      'Query has complexity of 6805, which exceeds max complexity of 5000',
    );
    expect((await post(pages(1))).errors).to.equal(undefined);
  });
});

// ─── filters, paging, cache and request budget ──────────────────────────────────────────────

describe('DecidimAdapter: requests', () => {
  const many = Array.from({ length: 120 }, (_, n) =>
    proposal(`p${n}`, {
      title: { en: n % 10 === 0 ? `Repair café ${n}` : `Proposal ${n}` },
      voteCount: n,
      coordinates: { latitude: 41 + n / 1000, longitude: 2 },
      taxonomies: [{ id: 'x', name: { en: n % 2 ? 'odd' : 'even' } }],
      state: n % 3 ? null : 'accepted',
    }),
  );

  it('a later page that cannot be had: the items read so far, and a warning saying so', async () => {
    const server = await instance(process(many));
    // The instance answers the first page, then stops answering (a network failure for every later page).
    const flaky: typeof fetch = async (input, init) => {
      const { query } = JSON.parse(init?.body as string) as { query: string };
      if (/query CivicKitPage\b/.test(query)) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const a = adapter(server.url, { fetch: flaky, sourceName: 'Barcelona' });
      // Every repair café is wanted, so every page is needed; only the first 50 proposals are read.
      const page = await a.listInitiatives({ q: 'repair', limit: 50 });
      expect(page.items.map((i) => i.id)).to.deep.equal(['p0', 'p10', 'p20', 'p30', 'p40']);
      expect(page.total, 'not known: the list is incomplete').to.equal(undefined);
      expect(page.nextCursor).to.equal(undefined);
      expect(page.warnings).to.have.length(1);
      expect(page.warnings![0]).to.include({ source: 'Barcelona', code: 'network' });
      expect(page.warnings![0]!.message).to.match(/^the list stops after 50 items \(/);
      expect(warned.filter((w) => String(w[0]).includes('the list stops'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('fills a visible list with one request, and fetches further pages only when needed', async () => {
    const server = await instance(process(many));
    const a = adapter(server.url);
    const first = await a.listInitiatives({ limit: 20 });
    expect(first.items).to.have.length(20);
    expect(first.nextCursor).to.equal('20');
    expect(ops(await server.log())).to.deep.equal(['CivicKitList']);
    // Filters the API cannot do are done over fetched items: 12 repair cafés among 120 need every page.
    const repair = await a.listInitiatives({ q: 'repair', limit: 50 });
    expect(repair.items.map((i) => i.id)).to.deep.equal(many.filter((_, n) => n % 10 === 0).map((p) => p.id));
    expect(repair.total).to.equal(12);
    expect(ops(await server.log())).to.deep.equal(['CivicKitList', 'CivicKitPage', 'CivicKitPage']);
    const filtered = await a.listInitiatives({ tags: ['odd'], status: ['active'], limit: 100 });
    expect(filtered.items.every((i) => i.tags.includes('odd') && i.status === 'active')).to.equal(true);
    expect(ops(await server.log()), 'every page was cached').to.have.length(3);
  });

  it('lets the API sort by votes, and sorts by distance itself', async () => {
    const server = await instance(process(many));
    const a = adapter(server.url);
    const top = await a.listInitiatives({ sort: 'supporters', limit: 3 });
    expect(top.items.map((i) => i.supporters?.count)).to.deep.equal([119, 118, 117]);
    expect(ops(await server.log())).to.deep.equal(['CivicKitList']);
    const near = await a.listInitiatives({ near: { lat: 41.05, lng: 2 }, radiusKm: 1, limit: 3 });
    expect(near.items.map((i) => i.id)).to.deep.equal(['p50', 'p49', 'p51']);
  });

  it('makes identical requests in flight once, and answers a card from a fetched list', async () => {
    const server = await instance(process(many.slice(0, 10)), { delayMs: 100 });
    const a = adapter(server.url);
    await Promise.all([a.listInitiatives({}), a.listInitiatives({ limit: 5 }), a.listInitiatives({ q: 'x' })]);
    await a.getInitiative('p3');
    expect(ops(await server.log())).to.deep.equal(['CivicKitList']);
    await a.getInitiative('p3', { locale: 'ca' });
    expect(ops(await server.log()), 'another language is another request').to.deep.equal([
      'CivicKitList',
      'CivicKitItem',
    ]);
  });

  it('shares cache and schema between adapters of the same instance on a page', async () => {
    const server = await instance(process(many.slice(0, 5)));
    const options = { endpoint: server.url, space: 'green-streets' };
    await new DecidimAdapter(options).listInitiatives({});
    await new DecidimAdapter(options).listInitiatives({});
    expect((await server.log()).map((r) => r.operation)).to.deep.equal(['CivicKitDecidimSchema', 'CivicKitList']);
  });

  it('serves stale answers at once while it revalidates in the background', async () => {
    let now = 1_000_000;
    const server = await instance(process([proposal('a', { voteCount: 1 })]));
    const a = adapter(server.url, { now: () => now, freshMs: 1000, staleMs: 10_000 });
    expect((await a.getInitiative('a')).supporters?.count).to.equal(1);
    await server.reseed(process([proposal('a', { voteCount: 2 })]));
    now += 500;
    expect((await a.getInitiative('a')).supporters?.count, 'fresh: no request').to.equal(1);
    now += 1000;
    expect((await a.getInitiative('a')).supporters?.count, 'stale: shown at once').to.equal(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await a.getInitiative('a')).supporters?.count, 'revalidated').to.equal(2);
    now += 20_000;
    await server.reseed(process([proposal('a', { voteCount: 3 })]));
    expect((await a.getInitiative('a')).supporters?.count, 'expired: fetched again').to.equal(3);
  });

  it('keeps under the request budget: waits briefly, then says rate-limited', async () => {
    const calls: unknown[] = [];
    const fetch = (_: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init?.body);
      return Promise.resolve(
        new Response(JSON.stringify({ data: { initiative: null } }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    };
    const a = new DecidimAdapter({
      endpoint: 'https://decidim.example',
      fetch,
      shared: false,
      maxRequestsPerMinute: 3,
      maxWaitMs: 50,
    });
    await rejection(a.getInitiative('1'));
    await rejection(a.getInitiative('2'));
    const e = await rejection(a.getInitiative('3'));
    expect(e.code).to.equal('rate-limited');
    expect(e.retryAfter).to.be.within(59, 60);
    expect(calls, 'schema + 2 reads').to.have.length(3);
  });

  it('turns 429 into rate-limited and waits before asking again', async () => {
    const replies = [
      new Response('{}', { status: 429, headers: { 'Retry-After': '30' } }),
      new Response('{"data":{}}', { headers: { 'Content-Type': 'application/json' } }),
    ];
    const a = new DecidimAdapter({
      endpoint: 'https://decidim.example',
      fetch: () => Promise.resolve(replies.shift()!),
      shared: false,
      maxWaitMs: 10,
    });
    const e = await rejection(a.listInitiatives({}));
    expect(e.code).to.equal('rate-limited');
    expect(e.retryAfter).to.equal(30);
    expect((await rejection(a.listInitiatives({}))).code).to.equal('rate-limited');
    expect(replies, 'no request while told to wait').to.have.length(1);
  });
});

// ─── failures ────────────────────────────────────────────────────────────────────────────────

describe('DecidimAdapter: failures', () => {
  it('leaves out a proposal whose title has no text in any language, and counts it', async () => {
    const SCHEMA = { data: { proposal: { fields: [{ name: 'id' }] } } };
    const queue: unknown[] = [
      SCHEMA,
      {
        data: {
          space: {
            id: '1',
            slug: 's',
            components: [
              {
                id: '7',
                list: {
                  pageInfo: { hasNextPage: false, endCursor: null },
                  edges: [
                    { node: { id: '1', title: { translations: [] }, voteCount: 2 } },
                    { node: { id: '2', title: { translations: [{ locale: 'en', text: 'Fine' }] }, voteCount: 2 } },
                  ],
                },
              },
            ],
          },
        },
      },
    ];
    const fetch = (() =>
      Promise.resolve(
        new Response(JSON.stringify(queue.shift()), { headers: { 'Content-Type': 'application/json' } }),
      )) as typeof globalThis.fetch;
    const page = await new DecidimAdapter({
      endpoint: 'https://decidim.example',
      space: 's',
      fetch,
      shared: false,
    }).listInitiatives({});
    expect(page.items.map((i) => i.id)).to.deep.equal(['2']);
    expect(page.warnings![0]).to.include({ source: 'decidim.example', skipped: 1 });
    expect(page.warnings![0]!.message).to.contain('title');
  });

  const SCHEMA = { data: { proposal: { fields: [{ name: 'id' }] } } };
  const scripted = (...bodies: unknown[]) => {
    const queue = [SCHEMA, ...bodies];
    return (() =>
      Promise.resolve(
        new Response(typeof queue[0] === 'string' ? (queue.shift() as string) : JSON.stringify(queue.shift()), {
          headers: { 'Content-Type': 'application/json' },
        }),
      )) as typeof fetch;
  };
  const space = (node: unknown) => ({
    data: {
      space: {
        id: '1',
        slug: 's',
        components: [{ id: '7', list: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node }] } }],
      },
    },
  });
  const good = { id: '1', title: { translations: [{ locale: 'en', text: 'Fine' }] }, voteCount: 2 };
  const a = (fetch: typeof globalThis.fetch, extra: Partial<DecidimAdapterOptions> = {}) =>
    new DecidimAdapter({ endpoint: 'https://decidim.example', space: 's', fetch, shared: false, ...extra });

  for (const [what, node, field] of [
    ['a vote count of the wrong type', { ...good, voteCount: '12' }, 'node.voteCount'],
    ['a negative vote count', { ...good, voteCount: -1 }, 'node.voteCount'],
    ['a title that is not a translated field', { ...good, title: 'Plain' }, 'node.title'],
    [
      'coordinates that are strings',
      { ...good, coordinates: { latitude: '41.3', longitude: 2 } },
      'coordinates.latitude',
    ],
    ['a date that is not one', { ...good, publishedAt: 'yesterday' }, 'node.publishedAt'],
    ['no id', { ...good, id: null }, 'node.id'],
    ['taxonomies that are not a list', { ...good, taxonomies: 'green' }, 'node.taxonomies'],
  ] as const) {
    it(`leaves out a node with ${what}, counting it and naming the field`, async () => {
      const page = await a(scripted(space(node))).listInitiatives({});
      expect(page.items).to.deep.equal([]);
      expect(page.warnings).to.have.length(1);
      expect(page.warnings![0]).to.include({ code: 'invalid-response', skipped: 1 });
      expect(page.warnings![0]!.message).to.contain(field);
    });
  }

  it('answers invalid-response for a body that is not a GraphQL result, or not JSON', async () => {
    expect((await rejection(a(scripted([1, 2])).listInitiatives({}))).code).to.equal('invalid-response');
    expect((await rejection(a(scripted('<html>')).listInitiatives({}))).code).to.equal('invalid-response');
    expect((await rejection(a(scripted({ data: { space: 'x' } })).listInitiatives({}))).message).to.contain(
      '(space: Expected an object',
    );
  });

  it('maps GraphQL errors to codes', async () => {
    const errors = (message: string) => ({ errors: [{ message }], data: null });
    expect(
      (await rejection(a(scripted(errors("Field 'likesCount' doesn't exist on type 'Proposal'"))).listInitiatives({})))
        .code,
    ).to.equal('invalid-response');
    expect((await rejection(a(scripted(errors('You are not authorized'))).listInitiatives({}))).code).to.equal(
      'unauthorized',
    );
  });

  it('times out as network and honours the caller’s signal as aborted', async () => {
    const hang = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    const e = await rejection(a(hang, { timeoutMs: 30 }).listInitiatives({}));
    expect(e.code).to.equal('network');
    expect(e.message).to.contain('30 ms');
    const c = new AbortController();
    const pending = a(hang).listInitiatives({}, { signal: c.signal });
    setTimeout(() => c.abort(), 20);
    expect((await rejection(pending)).code).to.equal('aborted');
  });

  it('answers network for an unreachable instance and for 5xx', async () => {
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect((await rejection(a(down).listInitiatives({}))).code).to.equal('network');
    const five = (() => Promise.resolve(new Response('', { status: 503 }))) as typeof fetch;
    expect((await rejection(a(five).listInitiatives({}))).code).to.equal('network');
  });
});

// ─── voting ──────────────────────────────────────────────────────────────────────────────────

describe('DecidimAdapter: voting (0.31+ mutation)', () => {
  it('votes with the host’s token, once per idempotency key, and updates the cached list', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 }), proposal('2')]));
    const a = adapter(server.url, { token: () => 'tok-a' });
    const before = await a.listInitiatives({});
    expect(before.items[0]!.supporters?.count).to.equal(5);
    expect(a.capabilities.has('support-initiative')).to.equal(true);
    const [one, two] = await Promise.all([
      a.supportInitiative('1', { idempotencyKey: 'k1' }),
      a.supportInitiative('1', { idempotencyKey: 'k1' }),
    ]);
    expect(one.supporters).to.deep.equal({ count: 6, supportedByMe: true });
    expect(two).to.equal(one);
    expect((await a.listInitiatives({})).items[0]!.supporters?.count, 'the list shows the new count').to.equal(6);
    expect((await server.log()).filter((r) => r.operation === 'CivicKitVote')).to.have.length(1);
    const again = await rejection(a.supportInitiative('1', { idempotencyKey: 'k2' }));
    expect(again.code, 'Decidim counts one vote per person').to.equal('conflict');
  });

  it('votes with its own token before the call’s voter token, which may be another source’s', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 })]));
    const a = adapter(server.url, { token: 'tok-a' });
    expect(a.capabilities.has('support-initiative'), 'not before the instance was asked').to.equal(false);
    expect((await rejection(a.supportInitiative('1', { idempotencyKey: 'k0' }))).code).to.equal('unsupported');
    await a.getInitiative('1');
    // The page's visitor token for its own server (unknown here): the instance gets tok-a, and counts it.
    const voted = await a.supportInitiative('1', { idempotencyKey: 'k', voter: 'civic-server-visitor-token' });
    expect(voted.supporters?.count).to.equal(6);
  });

  it('uses the call’s voter token when the host gives none, and says unauthorized for an unknown one', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 })]));
    // The host's function has no token for this visitor.
    const a = adapter(server.url, { token: () => undefined });
    await a.getInitiative('1');
    const voted = await a.supportInitiative('1', { idempotencyKey: 'k', voter: 'tok-b' });
    expect(voted.supporters?.count).to.equal(6);
    const e = await rejection(a.supportInitiative('1', { idempotencyKey: 'k3', voter: 'stolen' }));
    expect(e.code).to.equal('unauthorized');
  });

  it('votes through a second adapter of the instance that found the list in the shared cache', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 })]));
    const options = { endpoint: server.url, space: 'green-streets', token: 'tok-a', voting: true as const };
    await new DecidimAdapter(options).listInitiatives({});
    const second = new DecidimAdapter(options);
    const listed = await second.listInitiatives({});
    expect(listed.items[0]!.url).to.equal(`${server.url}/processes/green-streets/f/7/proposals/1`);
    expect((await second.supportInitiative('1', { idempotencyKey: 'k' })).supporters?.count).to.equal(6);
    expect(ops(await server.log())).to.deep.equal(['CivicKitList', 'CivicKitVote']);
  });

  it('counts a retried vote whose first answer was lost once', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 })]));
    let lose = true;
    const a = adapter(server.url, {
      token: 'tok-a',
      voting: true,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (lose && typeof init?.body === 'string' && init.body.includes('CivicKitVote')) {
          lose = false;
          throw new TypeError('Failed to fetch'); // sent and counted, but the answer never came
        }
        return res;
      },
    });
    expect((await rejection(a.supportInitiative('1', { idempotencyKey: 'k' }))).code).to.equal('network');
    const retried = await a.supportInitiative('1', { idempotencyKey: 'k' });
    expect(retried.supporters).to.deep.equal({ count: 6, supportedByMe: true });
    expect((await rejection(a.supportInitiative('1', { idempotencyKey: 'other' }))).code).to.equal('conflict');
  });

  it('trusts voting: true from the start', async () => {
    const server = await instance(process([proposal('1', { voteCount: 5 })]));
    const a = adapter(server.url, { token: 'tok-a', voting: true });
    expect(a.capabilities.has('support-initiative')).to.equal(true);
    expect((await a.supportInitiative('1', { idempotencyKey: 'k' })).supporters?.count).to.equal(6);
  });

  it('offers no voting without credentials, or when switched off', async () => {
    const server = await instance(process([proposal('1')]));
    for (const extra of [{}, { token: 'tok-a', voting: false }, { token: 'tok-a', supporters: 'likes' as const }]) {
      const a = adapter(server.url, extra);
      await a.listInitiatives({});
      expect(a.capabilities.has('support-initiative'), JSON.stringify(extra)).to.equal(false);
      expect((await rejection(a.supportInitiative('1', { idempotencyKey: 'k' }))).code).to.equal('unsupported');
    }
    expect((await rejection(adapter(server.url).getPoll('x'))).code).to.equal('unsupported');
  });
});

// ─── the factory and HTML ────────────────────────────────────────────────────────────────────

describe('createDecidimAdapter', () => {
  const make = (attributes: Record<string, string>, endpoint: string | undefined = 'https://decidim.example') =>
    createDecidimAdapter({ endpoint, attributes });

  it('maps the provider’s attributes to options', async () => {
    const server = await instance(process([proposal('1', { state: 'in_progress' })]));
    const a = make(
      {
        'participatory-space': 'processes/green-streets',
        goal: '40',
        locale: 'en',
        'status-map': 'in_progress:active',
        'source-name': 'Our Decidim',
        'voter-token': 'tok-a',
      },
      server.url,
    );
    expect(a.resource).to.equal('proposals');
    expect(a.api).to.equal(`${server.url}/api`);
    const i = await a.getInitiative('1');
    expect(i.status).to.equal('active');
    expect(i.supporters?.goal).to.equal(40);
    expect(i.source?.name).to.equal('Our Decidim');
    expect(a.capabilities.has('support-initiative')).to.equal(true);
    expect(make({}).resource).to.equal('initiatives');
    expect(make({ resource: 'meetings', 'participatory-space': '12' }).resource).to.equal('meetings');
  });

  it('says what is misconfigured', () => {
    const cases: [Record<string, string>, RegExp, string?][] = [
      [{}, /needs an endpoint/, ''],
      [{}, /http\(s\)/, 'ftp://decidim.example'],
      [{ resource: 'debates' }, /resource="debates"/],
      [{ resource: 'proposals' }, /participatory-space/],
      [{ 'participatory-space': 'assemblies/main' }, /by number/],
      [{ goal: 'lots' }, /goal="lots"/],
      [{ goal: '-3' }, /goal="-3"/],
      [{ supporters: 'fans' }, /supporters="fans"/],
      [{ voting: 'maybe' }, /voting="maybe"/],
      [{ 'status-map': 'done:finished' }, /status-map entry "done:finished"/],
      [{ bounds: '1,2,3' }, /bounds="1,2,3"/],
    ];
    for (const [attributes, message, endpoint] of cases) {
      let error: unknown;
      try {
        make(attributes, endpoint);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(attributes)).to.be.instanceOf(CivicError);
      expect((error as CivicError).code).to.equal('misconfigured');
      expect((error as CivicError).message).to.match(message);
    }
  });

  it('refuses a constructor call it cannot work with, as misconfigured', () => {
    for (const options of [
      { endpoint: 'javascript:alert(1)' },
      { endpoint: 'http://[bad' },
      { endpoint: 'https://decidim.example', resource: 'meetings' as const },
    ]) {
      let error: unknown;
      try {
        new DecidimAdapter(options);
      } catch (e) {
        error = e;
      }
      expect((error as CivicError | undefined)?.code, JSON.stringify(options)).to.equal('misconfigured');
    }
  });

  it('can be registered for <civic-provider adapter="decidim">', async () => {
    registerAdapter('decidim-test', (config) => createDecidimAdapter(config));
    const a = await getAdapterFactory('decidim-test')!({
      endpoint: 'https://decidim.example',
      attributes: {},
    });
    expect(a).to.be.instanceOf(DecidimAdapter);
  });
});

describe('htmlToText', () => {
  it('drops tags and the content of script and style, and decodes references', () => {
    expect(htmlToText('<p>One &amp; <b>two</b></p><p>Three&nbsp;&#233;&#xE9;&eacute;</p>')).to.equal(
      'One & two\n\nThree\u00a0ééé',
    );
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>c<!-- x -->d')).to.equal('abcd');
    expect(htmlToText('<img alt="a > b" src=x onerror=alert(1)>after')).to.equal('after');
    expect(htmlToText('1 < 2 and 3 > 2')).to.equal('1 < 2 and 3 > 2');
    expect(htmlToText('&lt;script&gt;x&lt;/script&gt;'), 'escaped markup stays as text').to.equal('<script>x</script>');
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>line<br>break')).to.equal('a\nb\nline\nbreak');
    expect(htmlToText('&unknown; &#0; &#xD800;')).to.equal('&unknown; \ufffd \ufffd');
    expect(htmlToText('<scr<script>ipt>x</scr</script>ipt>')).to.equal('ipt>xipt>');
    expect(htmlToText('plain text')).to.equal('plain text');
  });
});
