/**
 * The elements showing what platforms and cities really publish (test/fixtures/real/, provenance in
 * each folder's SOURCES.md): <civic-initiative-list> and <civic-map> over a real Mastodon collection,
 * a Gancio event with an address but no coordinates, and Vancouver's community gardens. Counts were
 * written by hand from the files.
 */
import { ActivityStreamsAdapter } from '@civic-kit/adapters/activitystreams';
import { StaticAdapter } from '@civic-kit/adapters/static';
import type { CivicAdapter } from '@civic-kit/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../packages/elements/src/define/civic-initiative-list.js';
import '../packages/elements/src/define/civic-map.js';
import type { CivicInitiativeList } from '../packages/elements/src/initiative-list/initiative-list.js';
import type { CivicMap } from '../packages/elements/src/map/map.js';
import { expectAccessible } from './helpers/axe.js';

const REAL = new URL('/test/fixtures/real/', location.origin).href;
const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const titles = (el: Element) =>
  [...shadow(el).querySelectorAll('[part="item"] [part="title"]')].map((h) => h.textContent?.trim() ?? '');
const count = (el: Element) => shadow(el).querySelector('[part="count"]')?.textContent?.replace(/\s+/g, ' ').trim();

const gardens = () =>
  new StaticAdapter({
    url: `${REAL}open-data/vancouver-community-gardens.geojson`,
    source: { name: 'City of Vancouver' },
    fields: { id: 'mapid', address: 'merged_address' },
  });
const mastodon = () => new ActivityStreamsAdapter({ url: `${REAL}mastodon/featured-collection.json` });
const gancio = () => new ActivityStreamsAdapter({ url: `${REAL}gancio/create-event.json` });

async function list(adapter: CivicAdapter): Promise<CivicInitiativeList> {
  const el = await fixture<CivicInitiativeList>(
    html`<civic-initiative-list .adapter=${adapter}></civic-initiative-list>`,
  );
  await waitUntil(() => titles(el).length > 0, 'the list showed nothing', { timeout: 5000 });
  return el;
}

async function map(adapter: CivicAdapter): Promise<CivicMap> {
  const el = await fixture<CivicMap>(html`<civic-map fit-to-pins .adapter=${adapter}></civic-map>`);
  await waitUntil(() => /in this area/.test(count(el) ?? ''), 'the map did not load', { timeout: 8000 });
  return el;
}

describe('real data in the elements', () => {
  it("<civic-initiative-list> shows a Mastodon account's pinned post", async () => {
    const el = await list(mastodon());
    expect(titles(el)).to.have.length(1);
    expect(titles(el)[0]!.startsWith('Inaugural Post for Lemmy')).to.equal(true);
    expect(count(el)).to.equal('1 initiative');
    await expectAccessible(el);
  });

  it("<civic-initiative-list> shows Vancouver's 168 community gardens, page by page", async () => {
    const el = await list(gardens());
    expect(count(el)).to.equal('Showing 20 of 168 initiatives');
    expect(titles(el)).to.include('15th Avenue Coop');
    expect(text(el)).not.to.contain('could not be shown');
    await expectAccessible(el);
  });

  it('<civic-initiative-list> shows where a Gancio event is, though it has no coordinates', async () => {
    const el = await list(gancio());
    expect(titles(el)).to.deep.equal(['Demo event']);
    const card = shadow(el).querySelector('civic-initiative-card');
    const where = card ? text(card) : text(el);
    expect(where).to.contain('Colosseo');
  });

  it('<civic-initiative-list> says how many items of a source could not be shown', async () => {
    const el = await list(
      new ActivityStreamsAdapter({ url: `${REAL}lemmy/group-outbox.json`, source: { name: 'Lemmy' } }),
    );
    expect(titles(el)).to.have.length(2);
    expect(text(el), 'nothing was left out').not.to.contain('could not be shown');
    const boosts = await fixture<CivicInitiativeList>(
      html`<civic-initiative-list
        .adapter=${new ActivityStreamsAdapter({ url: `${REAL}mastodon/announce.json`, source: { name: 'Framapiaf' } })}
      ></civic-initiative-list>`,
    );
    await waitUntil(() => text(boosts).includes('could not be shown'), 'no notice', { timeout: 5000 });
    expect(text(boosts)).to.contain('1 initiative from Framapiaf could not be shown.');
    await expectAccessible(boosts);
  });

  it("<civic-map> puts Vancouver's gardens on the map: 167 pins, the one without a place left off", async () => {
    const el = await map(gardens());
    expect(count(el)).to.equal('167 initiatives in this area');
    expect(text(el)).not.to.contain('no place on the map');
    await expectAccessible(el);
  });

  it('<civic-map> leaves a Gancio event without coordinates off, and says so', async () => {
    const el = await fixture<CivicMap>(html`<civic-map .adapter=${gancio()}></civic-map>`);
    await waitUntil(() => text(el).includes('no place on the map'), 'the map did not say so', { timeout: 8000 });
    expect(text(el)).to.contain('1 initiative has an address but no place on the map, so it is not shown.');
    await expectAccessible(el);
  });
});
