/**
 * The ActivityStreams adapter against AS2 payloads: a paged outbox (test/fixtures/activitystreams/),
 * Mastodon-style polls (single and multiple choice), Mobilizon-style events ("lon;lat" and swapped
 * locations), language maps, malformed payloads, votes handed to the host, and the conformance suite.
 */
import type { InitiativeInput, PollInput } from '@civic-kit/core';
import { runAdapterConformance, type ConformanceFixture } from '@civic-kit/core/testing';
import { expect } from '@open-wc/testing';
import { ActivityStreamsAdapter, createActivityStreamsAdapter, type VoteActivity } from './index.js';
import { rejection } from '../../../../test/helpers/rejection.js';

const FIXTURES = new URL('/test/fixtures/activitystreams/', location.origin).href;
const outbox = (extra: Partial<ConstructorParameters<typeof ActivityStreamsAdapter>[0]> = {}) =>
  new ActivityStreamsAdapter({ url: `${FIXTURES}outbox.json`, ...extra });

/** A fetch serving JSON documents by URL (404 otherwise). */
export function serving(docs: Record<string, unknown>): typeof fetch {
  return (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : input.toString();
    const doc = docs[url];
    return Promise.resolve(
      doc === undefined
        ? new Response('not here', { status: 404 })
        : new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/activity+json' } }),
    );
  };
}

const AS = 'https://as.example/outbox';

/** The conformance fixture as an AS2 outbox, in pages of three: initiatives as Events, polls as Questions. */
export function fixtureAsOutbox(fixture: ConformanceFixture, base = AS): Record<string, unknown> {
  const event = (i: InitiativeInput) => ({
    type: 'Event',
    id: i.id,
    name: i.title,
    summary: i.summary,
    'ical:status': i.status === 'proposed' ? 'TENTATIVE' : i.status === 'closed' ? 'CANCELLED' : 'CONFIRMED',
    ...(i.status === 'completed' ? { endTime: '2020-01-01T00:00:00Z' } : {}),
    tag: (i.tags ?? []).map((t) => ({ type: 'Hashtag', name: `#${t}` })),
    ...(i.place
      ? { location: { type: 'Place', name: i.place.address, latitude: i.place.lat, longitude: i.place.lng } }
      : {}),
    ...(i.supporters ? { likes: { type: 'Collection', totalItems: i.supporters.count } } : {}),
  });
  const question = (p: PollInput) => ({
    type: 'Question',
    id: p.id,
    name: p.question,
    ...(p.status === 'closed' ? { closed: p.closesAt ?? true } : {}),
    ...(p.closesAt ? { endTime: p.closesAt } : {}),
    ...(p.maxChoices ? { maxChoices: p.maxChoices } : {}),
    ...(p.results ? { votersCount: p.results.voters } : {}),
    [p.kind === 'single' ? 'oneOf' : 'anyOf']: Array.isArray(p.options)
      ? p.options.map((o) => ({
          type: 'Note',
          name: o.id,
          replies: { type: 'Collection', totalItems: p.results?.counts[o.id] ?? 0 },
        }))
      : p.options,
  });
  const items = [
    ...fixture.initiatives.map((i) => ({ type: 'Create', object: event(i) })),
    ...fixture.polls.map((p) => ({ type: 'Create', object: question(p) })),
  ];
  const docs: Record<string, unknown> = {
    [base]: { '@context': 'https://www.w3.org/ns/activitystreams', type: 'OrderedCollection', first: `${base}?page=0` },
  };
  for (let n = 0; n * 3 < items.length; n++) {
    docs[`${base}?page=${n}`] = {
      type: 'OrderedCollectionPage',
      orderedItems: items.slice(n * 3, n * 3 + 3),
      ...((n + 1) * 3 < items.length ? { next: `${base}?page=${n + 1}` } : {}),
    };
  }
  return docs;
}

describe('ActivityStreamsAdapter', () => {
  it('reads a paged outbox (first → next), unwrapping activities, skipping what is not an initiative', async () => {
    const page = await outbox().listInitiatives({ limit: 50 });
    expect(page.items.map((i) => i.id).sort()).to.deep.equal(
      [
        'https://mobilizon.example/@bristol-repairers',
        'https://mobilizon.example/events/0c1d-cancelled',
        'https://mobilizon.example/events/5b8f-bristol-repair',
        'https://mobilizon.example/events/77aa-melbourne-swap',
        'https://transition.example/notes/tool-library',
      ].sort(),
    );
    expect(page.total).to.equal(5);
  });

  it('reads a Mastodon single-choice poll: counts per option, voters, closed', async () => {
    const poll = await outbox().getPoll('https://transition.example/polls/42');
    expect(poll.kind).to.equal('single');
    expect(poll.question).to.equal('Which project should we start first?');
    expect(poll.options.map((o) => o.label)).to.deep.equal(['Repair café', 'Community orchard']);
    expect(poll.results).to.deep.equal({ counts: { 'Repair café': 31, 'Community orchard': 26 }, voters: 57 });
    expect(poll.status).to.equal('closed');
    expect(poll.closesAt).to.equal('2025-05-08T10:00:00Z');
    expect(poll.language).to.equal('en');
  });

  it('reads a multiple-choice poll (anyOf), whose voters differ from the sum of the counts', async () => {
    const poll = await outbox().getPoll('https://transition.example/polls/43');
    expect(poll.kind).to.equal('multiple');
    expect(poll.status).to.equal('open');
    expect(poll.results?.voters).to.equal(10);
    expect(poll.results?.counts).to.deep.equal({ Monday: 7, Wednesday: 6, Friday: 2 });
  });

  it('reads Mobilizon-style places: "lon;lat" strings, swapped pairs put right, postal addresses', async () => {
    const a = outbox();
    const repair = await a.getInitiative('https://mobilizon.example/events/5b8f-bristol-repair');
    expect(repair.place).to.include({ lat: 51.4571, lng: -2.5805 });
    expect(repair.place?.address).to.equal('Trinity Centre, Trinity Road, BS2 0NW, Bristol, GB');
    expect(repair.status).to.equal('active');
    expect(repair.organiser?.url).to.equal('https://mobilizon.example/@bristol-repairers');
    const swapped = await a.getInitiative('https://mobilizon.example/events/77aa-melbourne-swap');
    expect(swapped.place).to.include({ lat: -37.798, lng: 144.978 });
    expect(swapped.status).to.equal('proposed');
    expect((await a.getInitiative('https://mobilizon.example/events/0c1d-cancelled')).status).to.equal('closed');
    const group = await a.getInitiative('https://mobilizon.example/@bristol-repairers');
    expect(group.place).to.include({ lat: 51.454, lng: -2.587, precision: 'area' });
    expect(group.summary).to.equal('We fix things together.');
  });

  it('takes a title from the first line of a note without a name, the rest is its summary', async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [{ type: 'Note', id: 'n', content: '<p>Soup night</p><p>Every <em>Friday</em>, 7pm.</p>' }],
      },
    };
    const note = await new ActivityStreamsAdapter({ url: AS, fetch: serving(docs) }).getInitiative('n');
    expect(note.title).to.equal('Soup night');
    expect(note.summary).to.equal('Every Friday, 7pm.');
  });

  it('keeps HTML content beside its summary as bodyHtml (for the sanitizer), markdown only as text', async () => {
    const content = '<p>Bring <strong>tools</strong>.</p><ul><li>Saws</li></ul>';
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [
          { type: 'Event', id: 'h', name: 'Repair day', summary: 'Fix things', content },
          {
            type: 'Event',
            id: 'm',
            name: 'Notes',
            summary: 'In markdown',
            content: '**bold** <b>x</b>',
            mediaType: 'text/markdown',
          },
          { type: 'Event', id: 't', name: 'Plain', summary: 'Only text', content: 'No markup here' },
        ],
      },
    };
    const a = new ActivityStreamsAdapter({ url: AS, fetch: serving(docs) });
    const html = await a.getInitiative('h');
    expect(html.bodyHtml).to.equal(content);
    expect(html.body, 'paragraphs apart by a blank line').to.equal('Bring tools.\n\nSaws');
    expect((await a.getInitiative('m')).bodyHtml, 'not HTML').to.equal(undefined);
    expect((await a.getInitiative('t')).bodyHtml, 'no markup').to.equal(undefined);
  });

  it('swaps every pair for a server configured as lng-lat', async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [
          { type: 'Event', id: 'e', name: 'E', location: { type: 'Place', latitude: -2.587, longitude: 51.454 } },
        ],
      },
    };
    const a = new ActivityStreamsAdapter({ url: AS, fetch: serving(docs), coordinateOrder: 'lng-lat' });
    expect((await a.getInitiative('e')).place).to.include({ lat: 51.454, lng: -2.587 });
  });

  it('takes text from nameMap/contentMap in the asked locale; HTML becomes plain text; hashtags become tags', async () => {
    const a = outbox();
    const en = await a.getInitiative('https://transition.example/notes/tool-library', { locale: 'en-GB' });
    expect(en.title).to.equal('Tool library');
    expect(en.summary).to.equal('Borrow a drill, not buy one.\nOpen on Saturdays & Sundays.');
    expect(en.language).to.equal('en');
    expect(en.tags).to.deep.equal(['repair']);
    expect(en.supporters?.count).to.equal(12);
    expect(en.organiser?.name).to.equal('Transition Town Totnes');
    const de = await a.getInitiative('https://transition.example/notes/tool-library', { locale: 'de' });
    expect(de.title).to.equal('Werkzeugbibliothek');
    expect(de.summary).to.equal('Bohrmaschine leihen statt kaufen.');
    expect(de.language).to.equal('de');
    const fr = await a.getInitiative('https://transition.example/notes/tool-library', { locale: 'fr' });
    expect(fr.language, 'no French: the content keeps its own language').to.equal('en');
  });

  it('filters, searches and measures distance in the browser', async () => {
    const a = outbox();
    const near = await a.listInitiatives({ near: { lat: 51.454, lng: -2.587 }, radiusKm: 5 });
    expect(near.items.map((i) => i.id).sort()).to.deep.equal([
      'https://mobilizon.example/@bristol-repairers',
      'https://mobilizon.example/events/5b8f-bristol-repair',
    ]);
    expect((await a.listInitiatives({ tags: ['repair'] })).items).to.have.length(2);
    expect((await a.listInitiatives({ q: 'SEED' })).items.map((i) => i.title)).to.deep.equal(['Seed swap']);
  });

  it('leaves a malformed item out and counts it; asked for by id, it is invalid-response naming the field', async () => {
    const poll = await rejection(
      new ActivityStreamsAdapter({ url: `${FIXTURES}malformed-poll.json` }).getPoll(
        'https://transition.example/polls/broken',
      ),
    );
    expect(poll.code).to.equal('invalid-response');
    expect(poll.message).to.contain('orderedItems.0.oneOf');
    const places = new ActivityStreamsAdapter({
      url: `${FIXTURES}malformed-location.json`,
      source: { name: 'Nowhere' },
    });
    const page = await places.listInitiatives({});
    expect(page.items).to.deep.equal([]);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings![0]).to.include({ source: 'Nowhere', code: 'invalid-response', skipped: 1 });
    expect(page.warnings![0]!.message).to.contain('north, west is not a latitude and longitude');
    const place = await rejection(places.getInitiative('https://mobilizon.example/events/nowhere'));
    expect(place.message).to.contain('orderedItems.0.location.latitude');
    const notJson = await rejection(
      new ActivityStreamsAdapter({ url: `${FIXTURES}../../../package.json#x` }).listInitiatives({}),
    );
    expect(notJson.code).to.equal('invalid-response');
    const shape = await rejection(
      new ActivityStreamsAdapter({
        url: AS,
        fetch: serving({ [AS]: { type: 'OrderedCollection', orderedItems: 'none' } }),
      }).listInitiatives({}),
    );
    expect(shape.message).to.contain('orderedItems');
    const missing = await rejection(
      new ActivityStreamsAdapter({ url: `${FIXTURES}no-such-file.json` }).listInitiatives({}),
    );
    expect(missing.code).to.equal('not-found');
  });

  it('keeps every good item of a page when one is bad, with one warning and one console line for the source', async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [
          { type: 'Note', id: 'a', content: '<p>Soup night</p>' },
          { type: 'Note', id: 'b', content: '' },
          { type: 'Event', id: 'c', name: 'Bad date', startTime: 'soon' },
          { type: 'Event', id: 'd', name: 'Bad date too', startTime: 'later' },
          7,
          { type: 'Announce', id: 'boost', object: 'https://elsewhere.example/notes/1' },
          { type: 'Note', id: 'e', name: 'Fine' },
        ],
      },
    };
    const lines: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => lines.push(args);
    try {
      const a = new ActivityStreamsAdapter({ url: AS, fetch: serving(docs) });
      const page = await a.listInitiatives({});
      expect(page.items.map((i) => i.id).sort()).to.deep.equal(['a', 'e']);
      expect(page.warnings).to.have.length(1);
      // b (no words, no picture, no author), c and d (dates), the number, the boost of a post elsewhere.
      expect(page.warnings![0]).to.include({ source: 'as.example', code: 'invalid-response', skipped: 5 });
      expect(page.warnings![0]!.message).to.contain('2 × expected an ISO 8601 date');
      await a.listInitiatives({ q: 'soup' }, { locale: 'fr' });
      expect(lines, 'one line for the source, however often it is asked').to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('gives the items read so far, and a warning, when a next page cannot be read', async () => {
    const docs = {
      [AS]: { type: 'OrderedCollection', first: `${AS}?page=1` },
      [`${AS}?page=1`]: {
        type: 'OrderedCollectionPage',
        orderedItems: [{ type: 'Note', id: 'one', name: 'One' }],
        next: `${AS}?page=2`,
      },
    };
    const page = await new ActivityStreamsAdapter({
      url: AS,
      fetch: serving(docs),
      source: { name: 'Town' },
    }).listInitiatives({});
    expect(page.items.map((i) => i.id)).to.deep.equal(['one']);
    expect(page.warnings).to.have.length(1);
    expect(page.warnings![0]).to.include({ source: 'Town', code: 'not-found' });
    expect(page.warnings![0]!.skipped).to.equal(undefined);
  });

  it('shows the content warning, never the hidden text; a picture alone is titled by its description or byline', async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [
          {
            type: 'Note',
            id: 'cw',
            summary: 'Spoilers: the vote result',
            content: '<p>Orchard won!</p>',
            sensitive: true,
          },
          {
            type: 'Note',
            id: 'pic',
            content: '',
            attachment: [
              { type: 'Document', mediaType: 'image/jpeg', url: 'https://x.example/a.jpg', name: 'Seedlings in trays' },
            ],
          },
          {
            type: 'Note',
            id: 'bare',
            content: '',
            published: '2024-05-01T10:00:00Z',
            attributedTo: 'https://x.example/users/anna',
            attachment: [{ type: 'Document', mediaType: 'image/jpeg', url: 'https://x.example/b.jpg', name: null }],
          },
        ],
      },
    };
    const a = new ActivityStreamsAdapter({ url: AS, fetch: serving(docs) });
    const cw = await a.getInitiative('cw');
    expect(cw.title).to.equal('Spoilers: the vote result');
    expect(JSON.stringify(cw)).not.to.contain('Orchard');
    expect((await a.getInitiative('pic')).title).to.equal('Seedlings in trays');
    expect((await a.getInitiative('bare')).title).to.equal('anna (x.example), 2024-05-01');
  });

  it("titles an older Lemmy Page by its summary, and reads PeerTube's language object", async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [
          { type: 'Page', id: 'p', summary: 'Community garden open day', content: '<p>All welcome.</p>' },
          { type: 'Video', id: 'v', name: 'Meeting', language: { identifier: 'fr', name: 'Français' } },
        ],
      },
    };
    const a = new ActivityStreamsAdapter({ url: AS, fetch: serving(docs) });
    const page = await a.getInitiative('p');
    expect(page.title).to.equal('Community garden open day');
    expect(page.summary).to.equal('All welcome.');
    expect((await a.getInitiative('v')).language).to.equal('fr');
  });

  it('ends an event without endTime after its start day (one day after it starts)', async () => {
    const docs = {
      [AS]: {
        type: 'OrderedCollection',
        orderedItems: [{ type: 'Event', id: 'e', name: 'Fair', startTime: '2025-06-01T10:00:00Z' }],
      },
    };
    const at = (iso: string) =>
      new ActivityStreamsAdapter({ url: AS, fetch: serving(docs), now: () => new Date(iso) }).getInitiative('e');
    expect((await at('2025-06-01T18:00:00Z')).status).to.equal('active');
    expect((await at('2025-06-02T09:59:00Z')).status).to.equal('active');
    expect((await at('2025-06-02T10:01:00Z')).status).to.equal('completed');
  });

  it('offers no vote without a send function, and answers unsupported', async () => {
    const a = outbox();
    expect(a.capabilities.has('vote')).to.equal(false);
    const e = await rejection(
      a.vote('https://transition.example/polls/43', { choices: ['Monday'] }, { idempotencyKey: 'k' }),
    );
    expect(e.code).to.equal('unsupported');
  });

  it('sends one Create(Note{name, inReplyTo}) per choice through the host, once per idempotency key', async () => {
    const sent: { activity: VoteActivity; key: string; voter: string | undefined }[] = [];
    const a = outbox({
      actor: 'https://our-town.example/users/ana',
      send: (activity, c) => {
        sent.push({ activity, key: c.idempotencyKey, voter: c.voter });
        return Promise.resolve();
      },
    });
    expect(a.capabilities.has('vote')).to.equal(true);
    const poll = await a.vote(
      'https://transition.example/polls/43',
      { choices: ['Monday', 'Friday'] },
      { idempotencyKey: 'k1', voter: 'tok' },
    );
    expect(sent).to.have.length(2);
    expect(sent[0]!.activity).to.deep.include({ type: 'Create', actor: 'https://our-town.example/users/ana' });
    expect(sent[0]!.activity.object).to.deep.include({
      type: 'Note',
      name: 'Monday',
      inReplyTo: 'https://transition.example/polls/43',
    });
    expect(sent[0]!.activity.to).to.deep.equal(['https://transition.example/users/transition-town']);
    expect(sent[1]!.activity.object.name).to.equal('Friday');
    expect(sent.map((s) => s.voter)).to.deep.equal(['tok', 'tok']);
    expect(poll.results).to.deep.equal({ counts: { Monday: 8, Wednesday: 6, Friday: 3 }, voters: 11 });
    expect(poll.myBallot).to.deep.equal({ choices: ['Monday', 'Friday'] });
    await a.vote(
      'https://transition.example/polls/43',
      { choices: ['Monday', 'Friday'] },
      { idempotencyKey: 'k1', voter: 'tok' },
    );
    expect(sent, 'the retry is answered from memory').to.have.length(2);
    expect((await a.getPoll('https://transition.example/polls/43', { voter: 'tok' })).results?.voters).to.equal(11);
    const closed = await rejection(
      a.vote('https://transition.example/polls/42', { choices: ['Repair café'] }, { idempotencyKey: 'k2' }),
    );
    expect(closed.code).to.equal('closed');
  });

  it('reports a host that could not deliver the vote, and counts nothing', async () => {
    const a = outbox({ send: () => Promise.reject(new TypeError('Failed to fetch')) });
    const e = await rejection(
      a.vote('https://transition.example/polls/43', { choices: ['Monday'] }, { idempotencyKey: 'k' }),
    );
    expect(e.code).to.equal('network');
    expect((await a.getPoll('https://transition.example/polls/43')).results?.voters).to.equal(10);
  });

  it('is built from provider attributes', async () => {
    const a = createActivityStreamsAdapter({
      endpoint: `${FIXTURES}outbox.json`,
      attributes: { 'source-name': 'Totnes on the fediverse', 'max-items': '2' },
    });
    const page = await a.listInitiatives({});
    expect(page.items).to.have.length(1); // two objects read: a poll and a note
    expect(page.items[0]!.source?.name).to.equal('Totnes on the fediverse');
    expect(() => createActivityStreamsAdapter({ endpoint: 'javascript:alert(1)', attributes: {} })).to.throw(/http/);
  });
});

runAdapterConformance({
  name: 'activitystreams adapter over a paged outbox',
  voters: ['ana', 'ben'],
  create: (fixture) => {
    const a = new ActivityStreamsAdapter({
      url: AS,
      fetch: serving(fixtureAsOutbox(fixture)),
      send: () => Promise.resolve(),
    });
    return a;
  },
});
