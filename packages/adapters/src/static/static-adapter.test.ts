/**
 * The static adapter: a JSON file of initiatives or a GeoJSON FeatureCollection (`[lng, lat]`), read
 * once, filtered and paged in the browser; malformed files name the field; the conformance suite.
 */
import type { InitiativeInput } from '@civic-kit/core';
import { runAdapterConformance, type ConformanceFixture } from '@civic-kit/core/testing';
import { expect } from '@open-wc/testing';
import { createStaticAdapter, StaticAdapter } from './index.js';
import { rejection } from '../../../../test/helpers/rejection.js';

const URL_ = 'https://files.example/initiatives.json';

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

  it('turns a file that is not one of the shapes read into invalid-response naming where', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'FeatureCollection', features: {} }, 'features'],
      [{ type: 'umap', layers: {} }, 'layers'],
      [{ initiatives: [], polls: 'none' }, 'polls'],
      [{ something: 'else' }, 'initiatives'],
      ['not json at all', 'not JSON'],
    ];
    for (const [body, field] of cases) {
      const e = await rejection(new StaticAdapter({ url: URL_, fetch: file(body).fetch }).listInitiatives({}));
      expect(e.code, JSON.stringify(body)).to.equal('invalid-response');
      expect(e.message, JSON.stringify(body)).to.contain(field);
    }
  });

  it('leaves out an item that cannot be shown, counts it, and names its field when it is asked for', async () => {
    const point = (coordinates: unknown[], properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties,
    });
    const cases: [unknown, string, string, string | undefined][] = [
      [
        { type: 'FeatureCollection', features: [point([1], { id: 'x', title: 'X' })] },
        'expected [longitude, latitude]',
        'features.0.geometry.coordinates',
        'x',
      ],
      [
        { type: 'FeatureCollection', features: [point([500, 500], { id: 'x', title: 'X' })] },
        'is not a [longitude, latitude] position',
        'features.0.geometry.coordinates',
        'x',
      ],
      [
        { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { id: 'x' } }] },
        'no title',
        'features.0.properties',
        'x',
      ],
      [[{ id: 'x', title: 'X', status: 'maybe' }], 'status', 'initiative at 0', 'x'],
      [
        {
          initiatives: [
            { id: 'x', title: 'X', status: 'active' },
            { id: 'x', title: 'Y', status: 'active' },
          ],
        },
        'an id used twice',
        '',
        undefined,
      ],
      [
        { initiatives: [], polls: [{ id: 'p', question: 'Q', kind: 'single', status: 'open', options: 'a,b' }] },
        'options',
        'poll at polls.0',
        undefined,
      ],
    ];
    for (const [body, reason, where, id] of cases) {
      const a = new StaticAdapter({ url: URL_, fetch: file(body).fetch, source: { name: 'Our map' } });
      const page = await a.listInitiatives({});
      const what = JSON.stringify(body);
      expect(page.warnings, what).to.have.length(1);
      expect(page.warnings![0], what).to.include({ source: 'Our map', code: 'invalid-response', skipped: 1 });
      expect(page.warnings![0]!.message, what).to.contain(reason);
      if (id) {
        const e = await rejection(a.getInitiative(id));
        expect(e.code, what).to.equal('invalid-response');
        expect(e.message, what).to.contain(where);
      }
    }
    const poll = await rejection(
      new StaticAdapter({
        url: URL_,
        fetch: file({
          initiatives: [],
          polls: [{ id: 'p', question: 'Q', kind: 'single', status: 'open', options: 'a,b' }],
        }).fetch,
      }).getPoll('p'),
    );
    expect(poll.message).to.contain('polls.0');
  });

  it('reads what a file names its own way through a field map (attribute or option); a wrong map is misconfigured', async () => {
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-2.36, 51.38] },
          properties: { ref: 'G7', label: 'Allotment', where: '1 High St', plots: 12 },
        },
        { type: 'Feature', geometry: null, properties: { ref: 'G8', label: 'Roof garden', where: '2 Low St' } },
      ],
    };
    const a = createStaticAdapter(
      {
        endpoint: URL_,
        attributes: { fields: '{"id":"ref","title":"label","address":"where","supporters":"plots"}' },
      },
      { fetch: file(body).fetch },
    );
    const g7 = await a.getInitiative('G7');
    expect(g7.title).to.equal('Allotment');
    expect(g7.place).to.deep.include({ lat: 51.38, lng: -2.36, address: '1 High St' });
    expect(g7.supporters?.count).to.equal(12);
    const g8 = await a.getInitiative('G8');
    expect(g8.place, 'no geometry: no pin').to.equal(undefined);
    expect(g8.address).to.equal('2 Low St');
    expect(() => createStaticAdapter({ endpoint: URL_, attributes: { fields: '{"titel":"name"}' } })).to.throw(/titel/);
    expect(() => createStaticAdapter({ endpoint: URL_, attributes: { fields: 'name' } })).to.throw(/not JSON/);
    expect(() => new StaticAdapter({ url: URL_, fields: { title: '' } })).to.throw(/must name a property/);
  });

  it("reads only a file's properties that fit the model; the usual names and a stable id by default", async () => {
    const feature = (properties: Record<string, unknown>, coordinates = [10, 50]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties,
    });
    const body = {
      type: 'FeatureCollection',
      features: [
        feature({ NAME: 'Upper case', source: 'Bing', status: 'open', url: 'survey', image: 'photo.jpg' }),
        feature({ 'name:de': 'Spielplatz', 'name:en': 'Playground' }, [11, 50]),
        feature({ leisure: 'playground' }, [12, 50]),
        feature({ '@id': 'node/1', amenity: 'bicycle_parking', 'addr:street': 'Main St', 'addr:housenumber': '4' }),
      ],
    };
    const a = new StaticAdapter({ url: URL_, fetch: file(body).fetch, locale: 'en-GB' });
    const page = await a.listInitiatives({ sort: 'newest' });
    expect(page.warnings).to.equal(undefined);
    // name:en for an English page; OpenStreetMap's leisure=playground and amenity=bicycle_parking unnamed.
    expect(page.items.map((i) => i.title).sort()).to.deep.equal([
      'Bicycle parking',
      'Playground',
      'Playground',
      'Upper case',
    ]);
    const upper = page.items.find((i) => i.title === 'Upper case')!;
    expect(upper.source, "the file's own source is not the model's").to.equal(undefined);
    expect(upper.status, 'a status the model does not know: the default').to.equal('active');
    expect(upper.url).to.equal(undefined);
    expect(upper.image).to.equal(undefined);
    expect(upper.id).to.match(/^f-[0-9a-z]+$/);
    const parking = await a.getInitiative('node/1');
    expect(parking.place?.address).to.equal('4 Main St');
    // The same file read again gives the same ids.
    const again = await new StaticAdapter({ url: URL_, fetch: file(body).fetch }).listInitiatives({});
    expect(again.items.map((i) => i.id).sort()).to.deep.equal(page.items.map((i) => i.id).sort());
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
