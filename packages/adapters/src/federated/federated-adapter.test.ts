/**
 * The federated adapter: three kinds of source as one (the memory adapter, a static GeoJSON file, an
 * ActivityStreams outbox); merging, de-duplication, paging with a composite cursor, a source down and
 * a source too slow (→ the others and a notice, in the list too), writes routed to their source, the
 * provider's `sources` attribute, hostile text staying text, and the conformance suite over a fixture
 * split between the three kinds.
 */
import '@civic-kit/elements/define/civic-initiative-card.js';
import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-provider.js';
import {
  MemoryAdapter,
  type CivicAdapter,
  type Initiative,
  type InitiativeInput,
  type MemoryAdapterOptions,
} from '@civic-kit/core';
import { runAdapterConformance, type ConformanceFixture } from '@civic-kit/core/testing';
import type { CivicInitiativeList } from '@civic-kit/elements';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { deepElements, unsafeMarkup } from '../../../../test/hardening/dom.js';
import { HOSTILE_TEXT } from '../../../../test/hardening/xss-corpus.js';
import { ActivityStreamsAdapter } from '../activitystreams/index.js';
import { StaticAdapter } from '../static/index.js';
import { createFederatedAdapter, FederatedAdapter } from './index.js';
import { rejection } from '../../../../test/helpers/rejection.js';

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
const fileFetch =
  (body: unknown): typeof fetch =>
  () =>
    json(body);

const geojson = (items: InitiativeInput[]) => ({
  type: 'FeatureCollection',
  features: items.map(({ place, id, ...rest }) => ({
    type: 'Feature',
    id,
    geometry: place ? { type: 'Point', coordinates: [place.lng, place.lat] } : null,
    properties: rest,
  })),
});
const outbox = (items: InitiativeInput[], polls: ConformanceFixture['polls'] = []) => ({
  type: 'OrderedCollection',
  orderedItems: [
    ...items.map((i) => ({
      type: 'Event',
      id: i.id,
      name: i.title,
      summary: i.summary,
      'ical:status': i.status === 'proposed' ? 'TENTATIVE' : i.status === 'closed' ? 'CANCELLED' : 'CONFIRMED',
      ...(i.status === 'completed' ? { endTime: '2020-01-01T00:00:00Z' } : {}),
      tag: (i.tags ?? []).map((t) => ({ type: 'Hashtag', name: `#${t}` })),
      ...(i.place ? { location: { type: 'Place', latitude: i.place.lat, longitude: i.place.lng } } : {}),
      ...(i.url ? { url: i.url } : {}),
    })),
    ...polls.map((p) => ({
      type: 'Question',
      id: p.id,
      name: p.question,
      ...(p.status === 'closed' ? { closed: true } : {}),
      ...(p.maxChoices ? { maxChoices: p.maxChoices } : {}),
      ...(p.results ? { votersCount: p.results.voters } : {}),
      [p.kind === 'single' ? 'oneOf' : 'anyOf']: Array.isArray(p.options)
        ? p.options.map((o) => ({ type: 'Note', name: o.id, replies: { totalItems: p.results?.counts[o.id] ?? 0 } }))
        : p.options,
    })),
  ],
});

/** Three sources of three kinds over parts of `data`. */
function threeKinds(
  data: ConformanceFixture,
  memory: Partial<MemoryAdapterOptions> = {},
): { name: string; adapter: CivicAdapter; url?: string }[] {
  const [a, b, c] = [0, 1, 2].map((k) => data.initiatives.filter((_, n) => n % 3 === k));
  return [
    {
      name: 'Our town',
      adapter: new MemoryAdapter({
        data: {
          initiatives: a,
          polls: data.polls.slice(0, 1),
          interests: data.interests,
          people: data.people ?? [],
          places: data.places ?? {},
        },
        ...memory,
      }),
    },
    {
      name: 'Neighbours',
      url: 'https://neighbours.example',
      adapter: new StaticAdapter({ url: 'https://neighbours.example/map.geojson', fetch: fileFetch(geojson(b!)) }),
    },
    {
      name: 'Fediverse',
      adapter: new ActivityStreamsAdapter({
        url: 'https://social.example/outbox',
        fetch: fileFetch(outbox(c!, data.polls.slice(1))),
        send: () => Promise.resolve(),
      }),
    },
  ];
}

const at = (lat: number, lng: number) => ({ lat, lng });
const SAMPLE: ConformanceFixture = {
  initiatives: [
    { id: 'm1', title: 'Memory one', status: 'active', place: at(51.45, -2.59), supporters: { count: 5 } },
    { id: 's1', title: 'Static one', status: 'active', place: at(51.46, -2.6) },
    { id: 'a1', title: 'Fedi one', status: 'active', place: at(51.47, -2.61) },
    { id: 'm2', title: 'Memory two', status: 'active' },
    { id: 's2', title: 'Static two', status: 'proposed' },
    { id: 'a2', title: 'Fedi two', status: 'active' },
  ],
  polls: [
    {
      id: 'p-memory',
      question: 'Q?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'y', label: 'Y' },
        { id: 'n', label: 'N' },
      ],
    },
    {
      id: 'p-fedi',
      question: 'R?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'y', label: 'Y' },
        { id: 'n', label: 'N' },
      ],
    },
  ],
  interests: [{ id: 'repair', label: 'Repair' }],
};

const DOWN = { name: 'Down the road', adapter: new StaticAdapter({ url: `${location.origin}/no-such-file.geojson` }) };
const slow = () => ({
  name: 'Slow valley',
  adapter: new MemoryAdapter({
    latency: 5000,
    data: { initiatives: [{ id: 'slow', title: 'Slow', status: 'active' }] },
  }),
  timeoutMs: 150,
});

describe('FederatedAdapter', () => {
  it('merges three kinds of source, each item naming its source', async () => {
    const f = new FederatedAdapter({ sources: threeKinds(SAMPLE) });
    const page = await f.listInitiatives({ limit: 50 });
    expect(page.items.map((i) => i.id).sort()).to.deep.equal(['a1', 'a2', 'm1', 'm2', 's1', 's2']);
    expect(page.total).to.equal(6);
    expect(page.warnings).to.equal(undefined);
    const from = Object.fromEntries(page.items.map((i) => [i.id, i.source]));
    expect(from['m1']).to.deep.equal({ name: 'Our town' });
    expect(from['s1']).to.deep.equal({ name: 'Neighbours', url: 'https://neighbours.example' });
    expect(from['a1']).to.deep.equal({ name: 'Fediverse' });
    expect(f.capabilities.has('vote') && f.capabilities.has('support-initiative')).to.equal(true);
  });

  it('merges in the sort order asked for, paging across sources with one cursor', async () => {
    const f = new FederatedAdapter({ sources: threeKinds(SAMPLE) });
    const near = at(51.45, -2.59);
    const first = await f.listInitiatives({ near, sort: 'distance', limit: 2 });
    expect(first.items.map((i) => i.id)).to.deep.equal(['m1', 's1']);
    const second = await f.listInitiatives({ near, sort: 'distance', limit: 2, cursor: first.nextCursor });
    expect(second.items[0]!.id).to.equal('a1');
    expect([first.total, second.total], 'the total is kept on later pages').to.deep.equal([6, 6]);
    const ids = [...first.items, ...second.items].map((i) => i.id);
    let cursor = second.nextCursor;
    while (cursor) {
      const p = await f.listInitiatives({ near, sort: 'distance', limit: 2, cursor });
      ids.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    }
    expect(ids.slice(3).sort()).to.deep.equal(['a2', 'm2', 's2']);
    expect((await rejection(f.listInitiatives({ cursor: 'nonsense' }))).code).to.equal('invalid-request');
  });

  it('shows an initiative two sources both list once (same page), and keeps clashing ids apart', async () => {
    const same = { id: 'x', title: 'Shared', status: 'active' as const, url: 'https://a.example/x/' };
    const f = new FederatedAdapter({
      sources: [
        {
          name: 'A',
          adapter: new MemoryAdapter({
            data: { initiatives: [same, { id: 'clash', title: 'One thing', status: 'active' }] },
          }),
        },
        {
          name: 'B',
          key: 'b',
          adapter: new MemoryAdapter({
            data: {
              initiatives: [
                { ...same, id: 'other-id', url: 'https://A.example/x' },
                { id: 'clash', title: 'Another thing', status: 'active' },
              ],
            },
          }),
        },
      ],
    });
    const page = await f.listInitiatives({ limit: 10 });
    expect(page.items.map((i) => i.id).sort()).to.deep.equal(['b::clash', 'clash', 'x']);
    expect((await f.getInitiative('b::clash')).title).to.equal('Another thing');
    expect((await f.getInitiative('clash')).title).to.equal('One thing');
  });

  it('leaves out a source that is down and one too slow, with a warning for each', async () => {
    const f = new FederatedAdapter({ sources: [...threeKinds(SAMPLE), DOWN, slow()] });
    const started = Date.now();
    const page = await f.listInitiatives({ limit: 50 });
    expect(Date.now() - started, 'the slow source is not waited for').to.be.below(3000);
    expect(page.items).to.have.length(6);
    expect(page.total, 'what is shown, when it all fits on one page').to.equal(6);
    expect(page.warnings?.map((w) => [w.source, w.code])).to.deep.equal([
      ['Down the road', 'not-found'],
      ['Slow valley', 'network'],
    ]);
    expect(page.warnings?.[1]?.message).to.contain('150 ms');
  });

  it('leaves out a file served too slowly over HTTP', async () => {
    const f = new FederatedAdapter({
      sources: [
        threeKinds(SAMPLE)[0]!,
        {
          name: 'Slow file',
          adapter: new StaticAdapter({ url: '/__slow/3000/stories/assets/neighbours-bath.geojson' }),
          timeoutMs: 300,
        },
      ],
    });
    const page = await f.listInitiatives({ limit: 50 });
    expect(page.items.map((i) => i.id).sort()).to.deep.equal(['m1', 'm2']);
    expect(page.warnings).to.deep.equal([
      { source: 'Slow file', code: 'network', message: 'Slow file did not answer within 300 ms' },
    ]);
  });

  it('fails only when every source fails', async () => {
    const f = new FederatedAdapter({ sources: [DOWN, slow()] });
    expect((await rejection(f.listInitiatives({}))).code).to.equal('not-found');
    const aborted = new AbortController();
    aborted.abort();
    expect(
      (
        await rejection(
          new FederatedAdapter({ sources: threeKinds(SAMPLE) }).listInitiatives({}, { signal: aborted.signal }),
        )
      ).code,
    ).to.equal('aborted');
  });

  it('routes writes to the source the initiative or poll came from', async () => {
    const f = new FederatedAdapter({ sources: threeKinds(SAMPLE) });
    const supported = await f.supportInitiative('m1', { idempotencyKey: 'k1' });
    expect(supported.supporters?.count).to.equal(6);
    expect((await rejection(f.supportInitiative('s1', { idempotencyKey: 'k2' }))).code).to.equal('unsupported');
    const memoryPoll = await f.vote('p-memory', { choices: ['y'] }, { idempotencyKey: 'k3' });
    expect(memoryPoll.results?.voters).to.equal(1);
    const fediPoll = await f.vote('p-fedi', { choices: ['n'] }, { idempotencyKey: 'k4' });
    expect(fediPoll.results?.counts['n']).to.equal(1);
    expect((await rejection(f.getPoll('no-such-poll'))).code).to.equal('not-found');
  });

  it('gives the visitor’s voter token only to the source it is for; the others keep their own credentials', async () => {
    const given: Record<string, (string | undefined)[]> = { ours: [], theirs: [], declared: [] };
    /** A memory source that notes the voter token of every call it gets. */
    const spy = (name: string, polls: ConformanceFixture['polls']) => {
      const adapter = new MemoryAdapter({ data: { initiatives: [], polls, interests: [] } });
      const note =
        <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
        (...a: A) => {
          given[name]!.push((a[a.length - 1] as { voter?: string } | undefined)?.voter);
          return fn.apply(adapter, a);
        };
      adapter.getPoll = note(adapter.getPoll);
      adapter.vote = note(adapter.vote);
      return adapter;
    };
    const poll = (id: string) => ({ ...SAMPLE.polls[0]!, id });
    const f = new FederatedAdapter({
      sources: [
        { name: 'Ours', adapter: spy('ours', [poll('p-ours')]) },
        { name: 'Theirs', adapter: spy('theirs', [poll('p-theirs')]) },
      ],
    });
    await f.getPoll('p-ours', { voter: 'visitor' });
    await f.vote('p-theirs', { choices: [SAMPLE.polls[0]!.options[0]!.id] }, { idempotencyKey: 'k', voter: 'visitor' });
    expect(given['ours']!.every((v) => v === 'visitor')).to.equal(true);
    expect(given['theirs'], 'asked only once ours had no such poll, and never with the token').to.deep.equal([
      undefined,
      undefined,
    ]);
    // A page can say which source the token is for.
    const g = new FederatedAdapter({
      sources: [
        { name: 'Theirs', adapter: spy('theirs', [poll('p-theirs')]) },
        { name: 'Declared', adapter: spy('declared', [poll('p-declared')]), voter: true },
      ],
    });
    await g.getPoll('p-declared', { voter: 'visitor' });
    expect(given['declared']).to.deep.equal(['visitor']);
  });

  it('serves the sign-up form of the source that takes sign-ups, its stamp going back to it', async () => {
    const form = { stamp: 'stamp-of-ours', minFillSeconds: 3, consents: [] };
    const asked: string[] = [];
    const withForm = (name: string, serves: boolean) => {
      const adapter = new MemoryAdapter({ data: { initiatives: [], polls: [], interests: [] } });
      return Object.assign(adapter, {
        signupForm: () => (asked.push(name), Promise.resolve({ ...form, stamp: `stamp-of-${name}` })),
        ...(serves ? {} : { capabilities: new Set(['list-initiatives']) }),
      });
    };
    const f = new FederatedAdapter({
      sources: [
        { name: 'Listing only', adapter: withForm('listing', false) },
        { name: 'Ours', adapter: withForm('ours', true) },
      ],
    });
    expect(await f.signupForm()).to.deep.equal(form);
    expect(asked).to.deep.equal(['ours']);
    const none = new FederatedAdapter({ sources: [{ name: 'Listing only', adapter: withForm('listing', false) }] });
    expect((await rejection(none.signupForm())).code).to.equal('unsupported');
  });

  it('says not-found only when every source did; otherwise the failure', async () => {
    const f = new FederatedAdapter({ sources: [...threeKinds(SAMPLE), DOWN] });
    expect((await f.getInitiative('a2')).title).to.equal('Fedi two');
    const e = await rejection(
      new FederatedAdapter({ sources: [threeKinds(SAMPLE)[0]!, slow()] }).getInitiative('nowhere'),
    );
    expect(e.code).to.equal('network');
  });

  it('is built from the provider’s sources attribute, each source through its registered adapter', async () => {
    const f = await createFederatedAdapter({
      attributes: {
        'timeout-ms': '4000',
        sources: JSON.stringify([
          { adapter: 'static', endpoint: '/stories/assets/neighbours-bath.geojson', name: 'Bath Transition' },
          { adapter: 'activitystreams', endpoint: '/stories/assets/stroud-outbox.json', name: 'Stroud Commons' },
          { adapter: 'no-such-adapter', name: 'Typo' },
        ]),
      },
    });
    const page = await f.listInitiatives({ limit: 50 });
    const names = new Set(page.items.map((i) => i.source?.name));
    expect([...names].sort()).to.deep.equal(['Bath Transition', 'Stroud Commons']);
    expect(page.warnings).to.deep.equal([
      { source: 'Typo', code: 'misconfigured', message: page.warnings![0]!.message },
    ]);
    for (const bad of ['', 'not json', '[]', '[{"endpoint":"x"}]'])
      expect((await rejection(createFederatedAdapter({ attributes: { sources: bad } }))).code, bad).to.equal(
        'misconfigured',
      );
  });
});

describe('<civic-initiative-list> over a federated adapter', () => {
  it('shows the other sources and a notice naming the ones that failed, accessibly', async () => {
    const adapter = new FederatedAdapter({ sources: [...threeKinds(SAMPLE), DOWN, slow()] });
    const el = await fixture<CivicInitiativeList>(
      html`<civic-initiative-list .adapter=${adapter}></civic-initiative-list>`,
    );
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part="item"]').length === 6,
      'the list did not show the six',
      { timeout: 5000 },
    );
    const notice = el.shadowRoot!.querySelector('[part="notice"]');
    expect(notice?.textContent).to.contain('Down the road and Slow valley');
    expect(el.shadowRoot!.querySelector('[part="count"]')?.textContent).to.contain('Down the road');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expectAccessible(el);
  });

  it('works from HTML: <civic-provider adapter="federated" sources=…>', async () => {
    const sources = JSON.stringify([
      { adapter: 'memory', name: 'Bristol' },
      { adapter: 'static', endpoint: '/stories/assets/neighbours-bath.geojson', name: 'Bath Transition' },
      { adapter: 'activitystreams', endpoint: '/stories/assets/stroud-outbox.json', 'source-name': 'Stroud Commons' },
    ]);
    const provider = await fixture(
      html`<civic-provider adapter="federated" sources=${sources}
        ><civic-initiative-list q="repair" page-size="50"></civic-initiative-list
      ></civic-provider>`,
    );
    const list = provider.querySelector('civic-initiative-list')!;
    await waitUntil(() => list.shadowRoot!.querySelectorAll('[part="item"]').length > 2, 'no items', { timeout: 8000 });
    const text = list.shadowRoot!.textContent ?? '';
    expect(text).to.contain('From Bath Transition');
    expect(text).to.contain('From Stroud Commons');
    await expectAccessible(provider);
  });
});

describe('hostile text from the file and ActivityStreams sources stays text in the card', function () {
  // Many cards at once: give a busy machine time.
  this.timeout(30_000);
  const fired: unknown[] = [];
  before(() => ((window as unknown as { __xss: (x: unknown) => void }).__xss = (x) => void fired.push(x)));

  const corpus = HOSTILE_TEXT.filter((t) => t.length <= 400);
  const initiatives: InitiativeInput[] = corpus.map((t, n) => ({
    id: `x${n}`,
    title: t,
    summary: t,
    status: 'active',
    tags: [t.slice(0, 90) || 'tag'],
    place: { lat: 51.4, lng: -2.5, address: t },
    organiser: { name: t },
  }));

  /** A list over a federated view of `source` (named with hostile text too): nothing runs, all is text. */
  async function check(source: CivicAdapter): Promise<void> {
    const adapter = new FederatedAdapter({ sources: [{ name: HOSTILE_TEXT[0]!, adapter: source }] });
    const el = await fixture<CivicInitiativeList>(
      html`<civic-initiative-list .adapter=${adapter} page-size="1000" no-filters></civic-initiative-list>`,
    );
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part="item"]').length >= Math.min(corpus.length, 100),
      'not all shown',
      {
        timeout: 20_000,
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(fired, 'no script ran').to.deep.equal([]);
    expect(unsafeMarkup(el)).to.deep.equal([]);
    const titles = deepElements(el)
      .filter((e) => e.matches('[part="title"]'))
      .map((e) => e.textContent?.trim());
    const shown = (t: string) => titles.some((x) => x === t.trim().replace(/\s+/g, ' ') || x === t.trim());
    const rendered = corpus.slice(0, Math.min(corpus.length, 100));
    const missing = rendered.filter((t) => t.trim() && !/\p{Cc}/u.test(t) && !shown(t));
    expect(missing, 'each hostile title is shown verbatim, as text').to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain(`From ${HOSTILE_TEXT[0]!}`);
  }

  it('in <civic-initiative-card> too, from both kinds of file', async () => {
    const sample = corpus.filter((_, n) => n % 8 === 0);
    const as2 = outbox(initiatives);
    const adapter = new FederatedAdapter({
      sources: [
        {
          name: 'File',
          adapter: new StaticAdapter({ url: 'https://f.example/a.json', fetch: fileFetch(geojson(initiatives)) }),
        },
        {
          name: 'Outbox',
          key: 'as2',
          adapter: new ActivityStreamsAdapter({ url: 'https://f.example/o', fetch: fileFetch(as2) }),
        },
      ],
    });
    const ids = sample.flatMap((t) => {
      const n = corpus.indexOf(t);
      return [`x${n}`, `as2::x${n}`];
    });
    // Not `fixture()`: for a plain root it waits for a frame, which never comes in a background tab.
    const root = document.createElement('div');
    render(
      html`<div>
        ${ids.map((id) => html`<civic-initiative-card .adapter=${adapter} initiative-id=${id}></civic-initiative-card>`)}
      </div>`,
      root,
    );
    document.body.append(root);
    const cards = [...root.querySelectorAll('civic-initiative-card')];
    await waitUntil(() => cards.every((c) => c.shadowRoot?.querySelector('[part="title"]')), 'cards did not load', {
      timeout: 20_000,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(fired, 'no script ran').to.deep.equal([]);
    expect(unsafeMarkup(root)).to.deep.equal([]);
    root.remove();
    for (const [i, c] of cards.entries()) {
      const t = sample[Math.floor(i / 2)]!;
      if (t.trim() && !/\p{Cc}/u.test(t))
        expect(c.shadowRoot!.querySelector('[part="title"]')!.textContent.trim(), ids[i]).to.equal(t.trim());
    }
  });

  it('from a GeoJSON file', () =>
    check(new StaticAdapter({ url: 'https://f.example/a.json', fetch: fileFetch(geojson(initiatives)) })));

  it('from an ActivityStreams outbox (name, content, summary, place, author, hashtags)', () => {
    const as2 = outbox(initiatives);
    for (const [n, item] of (as2.orderedItems as Record<string, unknown>[]).entries()) {
      item['content'] = corpus[n];
      item['attributedTo'] = { type: 'Person', name: corpus[n] };
      item['location'] = { type: 'Place', name: corpus[n], latitude: 51.4, longitude: -2.5 };
    }
    return check(new ActivityStreamsAdapter({ url: 'https://f.example/outbox', fetch: fileFetch(as2) }));
  });
});

runAdapterConformance({
  name: 'federated adapter over a memory, a static and an ActivityStreams source',
  create: (fixture) => new FederatedAdapter({ sources: threeKinds(fixture) }),
  // Sign-ups go to the one source that takes them; the others' initiatives are not in its answer.
  signupsInOneSource: true,
  createMalformed: () => {
    const bad = {
      initiatives: [{ id: 42, title: null, status: 'maybe' }],
      polls: [{ id: 'open-single', options: 'x' }],
    };
    return new FederatedAdapter({
      sources: [
        { name: 'A', adapter: new MemoryAdapter({ data: bad }) },
        { name: 'B', adapter: new StaticAdapter({ url: 'https://b.example/x.json', fetch: fileFetch(bad) }) },
      ],
    });
  },
});

export type { Initiative };
