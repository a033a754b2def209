/**
 * The static adapter: a JSON file of initiatives or a GeoJSON FeatureCollection (`[lng, lat]`), read
 * once, filtered and paged in the browser; malformed files name the field; the conformance suite.
 */
import type { CivicError, InitiativeInput } from '@civic-kit/core';
import { runAdapterConformance, type ConformanceFixture } from '@civic-kit/core/testing';
import { expect } from '@open-wc/testing';
import { createStaticAdapter, StaticAdapter } from './index.js';

const URL_ = 'https://files.example/initiatives.json';
const rejection = async (p: Promise<unknown>): Promise<CivicError> => {
  try {
    await p;
  } catch (e) {
    return e as CivicError;
  }
  throw new Error('expected a rejection');
};

/** A fetch answering every URL with `body`, counting calls. */
function file(body: unknown) {
  const calls: string[] = [];
  const fetch = (input: RequestInfo | URL) => {
    calls.push(input instanceof Request ? input.url : input.toString());
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { calls, fetch };
}

/** The conformance fixture as a GeoJSON FeatureCollection (initiatives without a place have no geometry). */
export function fixtureAsGeoJson(fixture: ConformanceFixture): unknown {
  const feature = ({ place, id, ...rest }: InitiativeInput) => ({
    type: 'Feature',
    id,
    geometry: place ? { type: 'Point', coordinates: [place.lng, place.lat] } : null,
    properties: { ...rest, ...(place?.address ? { address: place.address } : {}) },
  });
  return { type: 'FeatureCollection', features: fixture.initiatives.map(feature), polls: fixture.polls };
}

describe('StaticAdapter', () => {
  it('reads GeoJSON positions as [longitude, latitude], and areas as their centre', async () => {
    const { fetch } = file({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 1,
          geometry: { type: 'Point', coordinates: [-2.587, 51.454] },
          properties: { name: 'A' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-2.6, 51.4],
                [-2.5, 51.4],
                [-2.5, 51.5],
                [-2.6, 51.5],
                [-2.6, 51.4],
              ],
            ],
          },
          properties: { id: 'park', title: 'Park', status: 'proposed', tags: 'green, nature' },
        },
        { type: 'Feature', geometry: null, properties: { id: 'online', title: 'Online' } },
      ],
    });
    const a = new StaticAdapter({ url: URL_, fetch, source: { name: 'Neighbours' } });
    const one = await a.getInitiative('1');
    expect(one.place).to.deep.include({ lat: 51.454, lng: -2.587, precision: 'exact' });
    expect(one.status).to.equal('active');
    expect(one.source).to.deep.equal({ name: 'Neighbours' });
    const park = await a.getInitiative('park');
    expect(park.place?.precision).to.equal('area');
    expect(park.place?.lat).to.be.closeTo(51.45, 1e-9);
    expect(park.tags).to.deep.equal(['green', 'nature']);
    expect((await a.getInitiative('online')).place).to.equal(undefined);
  });

  it('puts a position that only makes sense swapped the right way round', async () => {
    const { fetch } = file({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'm',
          geometry: { type: 'Point', coordinates: [-37.8, 144.96] },
          properties: { title: 'M' },
        },
      ],
    });
    expect((await new StaticAdapter({ url: URL_, fetch }).getInitiative('m')).place).to.deep.include({
      lat: -37.8,
      lng: 144.96,
    });
  });

  it('fetches the file once and shares it between calls, filtering and paging in the browser', async () => {
    const f = file([
      { id: 'a', title: 'Repair café', status: 'active', tags: ['repair'], place: { lat: 51.455, lng: -2.59 } },
      { id: 'b', title: 'Orchard', status: 'completed', place: { lat: 51.6, lng: -2.4 } },
      { id: 'c', title: 'Skill share', status: 'active' },
    ]);
    const a = new StaticAdapter({ url: URL_, fetch: f.fetch });
    const [all, near, bbox] = await Promise.all([
      a.listInitiatives({ limit: 2 }),
      a.listInitiatives({ near: { lat: 51.454, lng: -2.587 }, radiusKm: 2 }),
      a.listInitiatives({ bbox: [-2.7, 51.4, -2.5, 51.5] }),
    ]);
    expect(all.items).to.have.length(2);
    expect(all.total).to.equal(3);
    expect(near.items.map((i) => i.id)).to.deep.equal(['a']);
    expect(bbox.items.map((i) => i.id)).to.deep.equal(['a']);
    expect((await a.listInitiatives({ cursor: all.nextCursor, limit: 2 })).items.map((i) => i.id)).to.deep.equal(['c']);
    expect(f.calls).to.have.length(1);
    expect(a.capabilities.has('vote') || a.capabilities.has('support-initiative')).to.equal(false);
  });

  it('reads a file the page serves (a story asset)', async () => {
    const a = createStaticAdapter({
      endpoint: '/stories/assets/neighbours-bath.geojson',
      attributes: { 'source-name': 'Bath' },
    });
    const page = await a.listInitiatives({ q: 'fridge' });
    expect(page.items.map((i) => i.id)).to.deep.equal(['bath-community-fridge']);
    expect(page.items[0]!.place).to.deep.include({ lat: 51.3811, lng: -2.3636 });
    expect(page.items[0]!.source?.name).to.equal('Bath');
  });

  it('turns malformed files into invalid-response naming the item and field', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'FeatureCollection', features: {} }, 'features'],
      [
        {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: [1] }, properties: { id: 'x', title: 'X' } },
          ],
        },
        'features.0.geometry.coordinates',
      ],
      [
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [500, 500] },
              properties: { id: 'x', title: 'X' },
            },
          ],
        },
        'features.0.geometry.coordinates',
      ],
      [
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: null, properties: { id: 'x', title: 7 } }],
        },
        'features.0 ',
      ],
      [[{ id: 'x', title: 'X', status: 'maybe' }], 'status'],
      [
        {
          initiatives: [
            { id: 'x', title: 'X', status: 'active' },
            { id: 'x', title: 'Y', status: 'active' },
          ],
        },
        'used twice',
      ],
      [
        { initiatives: [], polls: [{ id: 'p', question: 'Q', kind: 'single', status: 'open', options: 'a,b' }] },
        'options',
      ],
      [{ something: 'else' }, 'initiatives'],
      ['not json at all', 'not JSON'],
    ];
    for (const [body, field] of cases) {
      const e = await rejection(new StaticAdapter({ url: URL_, fetch: file(body).fetch }).listInitiatives({}));
      expect(e.code, JSON.stringify(body)).to.equal('invalid-response');
      expect(e.message, JSON.stringify(body)).to.contain(field);
    }
  });

  it('gives up on a file that takes longer than its timeout (network)', async () => {
    const a = new StaticAdapter({ url: '/__slow/2000/stories/assets/neighbours-bath.geojson', timeoutMs: 200 });
    const e = await rejection(a.listInitiatives({}));
    expect(e.code).to.equal('network');
    expect(e.message).to.contain('did not answer within 200 ms');
    const slowButInTime = new StaticAdapter({
      url: '/__slow/50/stories/assets/neighbours-bath.geojson',
      timeoutMs: 5000,
    });
    expect((await slowButInTime.listInitiatives({})).items).to.have.length(4);
  });

  it('reads the file again after a failure', async () => {
    let n = 0;
    const fetch = () =>
      Promise.resolve(
        n++ === 0
          ? new Response('', { status: 503 })
          : new Response('[]', { headers: { 'content-type': 'application/json' } }),
      );
    const a = new StaticAdapter({ url: URL_, fetch });
    expect((await rejection(a.listInitiatives({}))).code).to.equal('network');
    expect((await a.listInitiatives({})).items).to.deep.equal([]);
  });

  it('needs an http(s) endpoint', () => {
    expect(() => createStaticAdapter({ attributes: {} })).to.throw(/endpoint/);
    expect(() => createStaticAdapter({ endpoint: 'data:application/json,[]', attributes: {} })).to.throw(/http/);
  });
});

runAdapterConformance({
  name: 'static adapter over a GeoJSON file',
  create: (fixture) => new StaticAdapter({ url: URL_, fetch: file(fixtureAsGeoJson(fixture)).fetch }),
});
runAdapterConformance({
  name: 'static adapter over a JSON file of initiatives',
  create: (fixture) => new StaticAdapter({ url: URL_, fetch: file(fixture).fetch }),
});
