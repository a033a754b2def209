/**
 * The static adapter over real open-data files (test/fixtures/real/open-data/, copied verbatim,
 * provenance in SOURCES.md): a city's GeoJSON, two overpass exports and two uMap exports. The counts
 * and names below were written by hand from the files themselves — what a person opening them would
 * expect to see on a list and a map.
 */
import type { Initiative } from '@civic-kit/core';
import { StaticAdapter, type StaticAdapterOptions } from '@civic-kit/adapters/static';
import { expect } from '@open-wc/testing';

const REAL = new URL('/test/fixtures/real/open-data/', location.origin).href;

async function all(file: string, extra: Partial<StaticAdapterOptions> = {}) {
  const a = new StaticAdapter({ url: `${REAL}${file}`, ...extra });
  const items: Initiative[] = [];
  let cursor: string | undefined;
  let warnings;
  do {
    const page = await a.listInitiatives({ limit: 100, cursor });
    items.push(...page.items);
    warnings = page.warnings;
    cursor = page.nextCursor;
  } while (cursor);
  return { adapter: a, items, warnings };
}
const pinned = (items: Initiative[]) => items.filter((i) => i.place);

describe('real data: open-data files', () => {
  it("Vancouver's community gardens: 168 gardens, 167 on the map, the city's own ids through a field map", async () => {
    const { adapter, items, warnings } = await all('vancouver-community-gardens.geojson', {
      fields: { id: 'mapid', address: 'merged_address' },
    });
    expect(warnings).to.equal(undefined);
    expect(items).to.have.length(168);
    expect(pinned(items)).to.have.length(167);
    const coop = await adapter.getInitiative('FA002');
    expect(coop.title).to.equal('15th Avenue Coop');
    expect(coop.place).to.deep.equal({
      lat: 49.2571193,
      lng: -123.0788387,
      address: '1255 E 15th Av, Vancouver, BC',
      precision: 'exact',
    });
    // The one row with no geometry (and no address): listed, not on the map.
    const shared = await adapter.getInitiative('FA001');
    expect(shared.title).to.equal('0 - Private Developments - Community Shared');
    expect(shared.place).to.equal(undefined);
    expect(shared.status).to.equal('active');
  });

  it('the same file without a field map: every garden still listed, with ids that stay the same', async () => {
    const first = await all('vancouver-community-gardens.geojson');
    const again = await all('vancouver-community-gardens.geojson');
    expect(first.items).to.have.length(168);
    expect(new Set(first.items.map((i) => i.id)).size, 'no two gardens share an id').to.equal(168);
    expect(first.items.map((i) => i.id)).to.deep.equal(again.items.map((i) => i.id));
  });

  it("Vancouver's parks: 216 parks, each on the map", async () => {
    const { items, warnings } = await all('vancouver-parks.geojson');
    expect(warnings).to.equal(undefined);
    expect(items).to.have.length(216);
    expect(pinned(items)).to.have.length(216);
    expect(items.map((i) => i.title)).to.include('Arbutus Village Park');
  });

  it("an overpass export of bicycle parking: 625 places, mostly unnamed, OSM's own source tag ignored", async () => {
    const { adapter, items, warnings } = await all('overpass-bicycle-parking.geojson', {
      source: { name: 'OpenStreetMap' },
    });
    expect(warnings).to.equal(undefined);
    expect(items).to.have.length(625);
    expect(pinned(items)).to.have.length(625);
    expect(items.filter((i) => i.title === 'Bicycle parking')).to.have.length(610);
    expect(
      items.filter((i) => i.place?.precision === 'area'),
      'the 9 drawn as outlines',
    ).to.have.length(9);
    expect(
      items.every((i) => i.source?.name === 'OpenStreetMap'),
      '"Bing" and "survey" are not sources',
    ).to.equal(true);
    const way = await adapter.getInitiative('way/96739083');
    expect(way.place?.lat).to.be.closeTo(55.9357, 0.001);
    expect(way.place?.lng).to.be.closeTo(-3.3186, 0.001);
  });

  it("an overpass export of Chemnitz's playgrounds: 256 places, the unnamed ones called what they are", async () => {
    const { items, warnings } = await all('overpass-chemnitz-playgrounds.geojson');
    expect(warnings).to.equal(undefined);
    expect(items).to.have.length(256);
    expect(pinned(items)).to.have.length(256);
    // 21 named; of the 235 unnamed playgrounds one node is also tagged amenity=bench.
    expect(items.filter((i) => i.title === 'Playground')).to.have.length(234);
    expect(items.filter((i) => i.title === 'Bench')).to.have.length(1);
    expect(items.map((i) => i.title)).to.include('Halfpipe');
    expect(items.every((i) => i.source === undefined)).to.equal(true);
  });

  it('a uMap backup (.umap): its two layers, three features, lines and shapes as areas', async () => {
    const { items, warnings } = await all('umap-backup.umap');
    expect(warnings).to.equal(undefined);
    expect(items.map((i) => i.title).sort()).to.deep.equal(['Bruxelles', 'Lille', 'tunnel sous la Manche']);
    const lille = items.find((i) => i.title === 'Lille')!;
    expect(lille.place).to.deep.equal({ lat: 50.6269, lng: 3.0528, precision: 'exact' });
    expect(lille.summary).to.equal('une ville');
    expect(items.find((i) => i.title === 'Bruxelles')!.place?.precision).to.equal('area');
  });

  it('a uMap layer export: five features, descriptions where they are given', async () => {
    const { items, warnings } = await all('umap-layer.geojson');
    expect(warnings).to.equal(undefined);
    expect(items.map((i) => i.title).sort()).to.deep.equal(['2011', 'Antwerpen', 'London', 'test', 'test polygon 2']);
    expect(items.find((i) => i.title === 'London')!.summary).to.equal('London description');
    expect(items.find((i) => i.title === 'Antwerpen')!.summary, 'an empty description').to.equal(undefined);
  });
});
