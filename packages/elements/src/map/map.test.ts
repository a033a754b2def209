import type { CivicAdapter, Initiative, InitiativeInput, InitiativeQuery, Page } from '@civic-kit/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { careless, ScriptedAdapter } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { focusedNode } from '../../../../test/hardening/commands.js';
import { clippedBy, focusProblems } from '../../../../test/helpers/focus.js';
import '../define/civic-map.js';
import '../translations/all.js';
import { registerStrings } from '../translations/languages.js';
import type { CivicPinSelectEvent } from '@civic-kit/core';
import { mapStrings } from './map.strings.js';
import { createClusterer } from './map.cluster.js';
import { CivicMap } from './map.js';

registerStrings(mapStrings);

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
const markers = (el: CivicMap) => $$(el, '.leaflet-marker-icon');
const labels = (el: CivicMap) => markers(el).map((m) => m.getAttribute('aria-label'));
const count = (el: CivicMap) => $(el, '[part="count"]')?.textContent?.trim() ?? '';
const active = (el: CivicMap) => shadow(el).activeElement as HTMLElement | null;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

async function until(what: () => boolean, message: string, timeout = 5000): Promise<void> {
  await waitUntil(what, message, { timeout });
}
/** The map chunk is loaded and markers for the current pins are drawn. */
async function drawn(el: CivicMap, atLeast = 1): Promise<void> {
  await until(() => markers(el).length >= atLeast, `fewer than ${atLeast} markers were drawn`);
  await el.updateComplete;
}

/** Warnings the map printed, by pin id. */
function watchWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

const bristol = html`
  <civic-map-pin lat="51.4627" lng="-2.5626" label="Easton Repair Café" initiative-id="repair-cafe"></civic-map-pin>
  <civic-map-pin lat="51.465" lng="-2.566" label="Community kitchen"></civic-map-pin>
  <civic-map-pin lat="51.4405" lng="-2.5985" label="Bike kitchen"></civic-map-pin>
  <civic-map-pin lat="51.4722" lng="-2.5768" label="Orchard"></civic-map-pin>
  <civic-map-pin lat="51.4633" lng="-2.5897" label="Arts space"></civic-map-pin>
`;

/** Deterministic initiatives scattered around the five demo towns. */
function many(n: number): InitiativeInput[] {
  const towns = [
    [51.454, -2.587],
    [50.431, -3.686],
    [47.999, 7.842],
    [39.47, -0.376],
    [45.764, 4.835],
  ] as const;
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: n }, (_, k) => {
    const [lat, lng] = towns[k % towns.length]!;
    return {
      id: `n-${k}`,
      title: `Initiative ${k}`,
      status: 'active',
      place: { lat: lat + (random() - 0.5) * 0.6, lng: lng + (random() - 0.5) * 0.9 },
    };
  });
}

/** Everything in one page, as a static GeoJSON file adapter would answer; filters by bbox only. */
function bulk(items: InitiativeInput[]): CivicAdapter & { queries: InitiativeQuery[] } {
  const queries: InitiativeQuery[] = [];
  return {
    queries,
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),
    listInitiatives: async (q) => {
      queries.push(q);
      const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
      const inside = items.filter((i) => {
        const p = i.place!;
        // A careless backend: places that are not a point anywhere are sent anyway.
        if (!(Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180)) return true;
        return p.lat >= s && p.lat <= n && (w <= e ? p.lng >= w && p.lng <= e : p.lng >= w || p.lng <= e);
      });
      return { items: inside, total: inside.length } as Page<Initiative>;
    },
    getInitiative: async (id) => items.find((i) => i.id === id) as Initiative,
    getPoll: () => Promise.reject(new Error('none')),
  };
}

describe('<civic-map>', () => {
  beforeEach(() => (uncaught.length = 0));
  afterEach(() => expect(uncaught, 'uncaught errors in the page').to.deep.equal([]));

  describe('declared pins', () => {
    it('draws them, clustered, with accessible names and a count', async () => {
      const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
      await drawn(el);
      expect(count(el)).to.equal('5 initiatives in this area');
      for (const m of markers(el)) {
        expect(m.getAttribute('role')).to.equal('button');
        expect(m.getAttribute('tabindex')).to.equal('0');
        expect(m.getAttribute('aria-label')).to.match(/\S/);
      }
      expect($(el, '#map')?.getAttribute('role')).to.equal('region');
      expect($(el, '#map')?.getAttribute('aria-label')).to.equal('Map of initiatives');
      await expectAccessible(el);
    });

    it('leaves off pins with bad coordinates, says so once each, and still draws the rest', async () => {
      const warnings = watchWarnings();
      try {
        const el = await fixture<CivicMap>(
          html`<civic-map fit-to-pins>
            ${bristol}
            <civic-map-pin lat="not a number" lng="-2.5" label="NaN pin"></civic-map-pin>
            <civic-map-pin label="No coordinates"></civic-map-pin>
            <civic-map-pin lat="123" lng="-2.5" label="Out of range"></civic-map-pin>
            <civic-map-pin lat="12" lng="200" label="Way out"></civic-map-pin>
            <civic-map-pin lat="-2.5860" lng="51.4560" label="Swapped Bristol"></civic-map-pin>
            <civic-map-pin lat="0" lng="0" label="Null island"></civic-map-pin>
          </civic-map>`,
        );
        await drawn(el);
        await until(() => count(el) === '5 initiatives in this area', 'the good pins are not all there');
        const said = (id: string) => warnings.messages.filter((m) => m.includes(`"${id}"`));
        expect(said('NaN pin')[0]).to.contain('not a number');
        expect(said('No coordinates')[0]).to.contain('not a number');
        expect(said('Out of range')[0]).to.contain('swapped');
        expect(said('Way out')[0]).to.contain('within ±90');
        expect(said('Swapped Bristol')[0]).to.contain('swapped');
        expect(said('Null island')[0]).to.contain('missing location');
        // A change elsewhere re-reads the pins: still one warning each.
        el.querySelector('civic-map-pin')!.setAttribute('label', 'Renamed');
        await tick(50);
        for (const id of ['NaN pin', 'Swapped Bristol', 'Null island']) expect(said(id)).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });

    it('follows pins added, removed and changed in the DOM', async () => {
      const el = await fixture<CivicMap>(
        html`<civic-map fit-to-pins>
          <civic-map-pin lat="51.4627" lng="-2.5626" label="Easton"></civic-map-pin>
        </civic-map>`,
      );
      await drawn(el);
      expect(labels(el)).to.deep.equal(['Easton']);
      const far = document.createElement('civic-map-pin');
      far.setAttribute('lat', '47.999');
      far.setAttribute('lng', '7.842');
      far.setAttribute('label', 'Freiburg');
      el.append(far);
      await until(() => labels(el).includes('Freiburg'), 'an added pin did not appear');
      far.label = 'Freiburg im Breisgau';
      await until(() => labels(el).includes('Freiburg im Breisgau'), 'a renamed pin kept its old name');
      far.lat = 39.47;
      far.lng = -0.376;
      const latOf = (label: string) => {
        const m = markers(el).find((x) => x.getAttribute('aria-label') === label);
        if (!m) return NaN;
        const box = $(el, '#map')!.getBoundingClientRect();
        const r = m.getBoundingClientRect();
        return el.leafletView!.map.containerPointToLatLng([
          r.left + r.width / 2 - box.left,
          r.top + r.height / 2 - box.top,
        ]).lat;
      };
      await until(() => Math.abs(latOf('Freiburg im Breisgau') - 39.47) < 1, 'the marker did not move');
      far.remove();
      await until(() => labels(el).join() === 'Easton', 'a removed pin stayed');
    });
  });

  describe('keyboard', () => {
    it('reaches every marker by Tab in reading order, then the zoom buttons', async () => {
      const el = await fixture<CivicMap>(html`<civic-map .adapter=${ScriptedAdapter.demo()}></civic-map>`);
      await drawn(el, 3);
      const order = el.leafletView!.markerOrder;
      expect(order.length).to.equal(markers(el).length);
      $(el, '#map')!.focus();
      const reached: string[] = [];
      for (let i = 0; i < order.length; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(active(el)?.dataset['key'] ?? '');
      }
      expect(reached).to.deep.equal([...order]);
      const tops = order.map((k) => $(el, `[data-key="${k}"]`)!.getBoundingClientRect().top);
      for (let i = 1; i < tops.length; i++) expect(tops[i]! + 48, 'rows run top to bottom').to.be.above(tops[i - 1]!);
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('aria-label')).to.equal('Zoom in');
    });

    it('zooms into a cluster on Enter and moves focus to what it held', async () => {
      const el = await fixture<CivicMap>(html`<civic-map .adapter=${ScriptedAdapter.demo()}></civic-map>`);
      await drawn(el, 3);
      const cluster = markers(el).find((m) => m.dataset['key']?.startsWith('c:'))!;
      expect(cluster.getAttribute('aria-label')).to.match(/^\d+ initiatives$/);
      const zoom = el.leafletView!.map.getZoom();
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.leafletView!.map.getZoom() > zoom, 'the map did not zoom in');
      await until(() => !!active(el)?.dataset['key'] && active(el) !== cluster, 'focus did not move into the cluster');
      expect(active(el)!.classList.contains('civic-marker')).to.equal(true);
    });

    it('opens a pin’s card in a popup, fires civic-pin-select, and Escape returns focus', async () => {
      const el = await fixture<CivicMap>(
        html`<civic-map center="51.4627,-2.5626" zoom="17" .adapter=${ScriptedAdapter.demo()}> ${bristol} </civic-map>`,
      );
      await drawn(el);
      const pin = markers(el).find((m) => m.getAttribute('aria-label') === 'Easton Repair Café')!;
      expect(pin.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(pin.getAttribute('aria-expanded')).to.equal('false');
      pin.focus();
      const selected = oneEvent(el, 'civic-pin-select');
      await sendKeys({ press: 'Enter' });
      const e = (await selected) as unknown as CivicPinSelectEvent;
      expect(e.initiativeId).to.equal('repair-cafe');
      expect(e.label).to.equal('Easton Repair Café');
      await until(() => !!$(el, '.popup'), 'no popup');
      const popup = $(el, '.popup')!;
      expect(popup.getAttribute('role')).to.equal('dialog');
      expect(popup.getAttribute('aria-label')).to.equal('Easton Repair Café');
      expect(active(el)?.classList.contains('popup-close'), 'focus moves into the popup').to.equal(true);
      expect(pin.getAttribute('aria-expanded')).to.equal('true');
      const card = popup.querySelector('civic-initiative-card')!;
      await until(() => !!card.shadowRoot?.querySelector('[part="title"]'), 'the card did not load');
      expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain('Repair');
      await expectAccessible(el);
      await sendKeys({ press: 'Escape' });
      await until(() => !$(el, '.popup'), 'Escape did not close the popup');
      expect(active(el), 'focus is back on the pin').to.equal(pin);
      expect(pin.getAttribute('aria-expanded')).to.equal('false');
    });

    /** A map of `width` × `height` px in the page, pins from the demo adapter, one of them focused. */
    async function sizedMap(width: number, height: number): Promise<{ el: CivicMap; wrap: HTMLElement }> {
      const wrap = document.createElement('div');
      render(
        html`<civic-map center="51.4627,-2.5626" zoom="17" .adapter=${ScriptedAdapter.demo()}>${bristol}</civic-map>`,
        wrap,
      );
      const el = wrap.querySelector('civic-map')!;
      el.style.width = `${width}px`;
      el.style.setProperty('--civic-map-height', `${height}px`);
      document.body.append(wrap);
      await drawn(el);
      return { el, wrap };
    }
    const inside = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    it('fits a popup inside the map once its card has loaded, clear of the zoom buttons, focus on a visible Close', async () => {
      const { el, wrap } = await sizedMap(600, 340);
      try {
        const pin = markers(el).find((m) => m.getAttribute('aria-label') === 'Easton Repair Café')!;
        pin.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => !!$(el, '.popup civic-initiative-card'), 'no popup');
        const card = $(el, '.popup civic-initiative-card')!;
        await until(() => !!card.shadowRoot?.querySelector('[part="support-button"]'), 'the card did not load');
        // The popup is fitted again once the card has its full size: wait for that, not a fixed time.
        await until(
          () => inside($(el, '.leaflet-popup')!.getBoundingClientRect(), $(el, '#map')!.getBoundingClientRect()),
          'the popup was not fitted inside the map',
        ).catch(() => undefined);
        const map = $(el, '#map')!.getBoundingClientRect();
        const popup = $(el, '.leaflet-popup')!.getBoundingClientRect();
        expect(popup.height, 'the card is taller than the map (else this proves nothing)').to.be.above(0);
        expect(inside(popup, map), `popup ${JSON.stringify(popup)} inside the map ${JSON.stringify(map)}`).to.equal(
          true,
        );
        expect(overlap(popup, $(el, '[part="zoom"]')!.getBoundingClientRect()), 'the zoom buttons cover it').to.equal(
          false,
        );
        const close = active(el)!;
        expect(close.classList.contains('popup-close')).to.equal(true);
        expect(focusProblems(close)).to.deep.equal([]);
        expect(clippedBy(card.shadowRoot!.querySelector('[part="title"]')!), 'the title is in view').to.deep.equal([]);
        // The rest of the card is reached by Tab, and scrolls into view.
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        const next = card.shadowRoot!.activeElement ?? active(el)!;
        expect(focusProblems(next)).to.deep.equal([]);
        await expectAccessible(el);
        await sendKeys({ press: 'Escape' });
        await until(() => !$(el, '.popup'), 'Escape did not close the popup');
        expect(active(el)).to.equal(pin);
      } finally {
        wrap.remove();
      }
    });

    it('shows the card below a small map instead of in a popup, and Escape returns to the pin', async () => {
      const { el, wrap } = await sizedMap(300, 400);
      try {
        const pin = markers(el).find((m) => m.getAttribute('aria-label') === 'Easton Repair Café')!;
        pin.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => !!$(el, '[part="panel"] .popup'), 'the card is not below the map');
        expect($(el, '.leaflet-popup'), 'no popup over the map').to.equal(null);
        const panel = $(el, '[part="panel"]')!.getBoundingClientRect();
        expect(panel.top).to.be.at.least($(el, '#map')!.getBoundingClientRect().bottom);
        expect(pin.getAttribute('aria-expanded')).to.equal('true');
        const close = active(el)!;
        expect(close.classList.contains('popup-close')).to.equal(true);
        expect(focusProblems(close)).to.deep.equal([]);
        const card = $(el, '[part="panel"] civic-initiative-card')!;
        await until(() => !!card.shadowRoot?.querySelector('[part="title"]'), 'the card did not load');
        await expectAccessible(el);
        await sendKeys({ press: 'Escape' });
        await until(() => !$(el, '[part="panel"] .popup'), 'Escape did not close it');
        expect(active(el)).to.equal(pin);
        expect(pin.getAttribute('aria-expanded')).to.equal('false');
        expect($(el, '[part="panel"]')!.hidden).to.equal(true);
      } finally {
        wrap.remove();
      }
    });

    it('lists pins that share one address, since zooming cannot split them', async () => {
      const el = await fixture<CivicMap>(
        html`<civic-map center="51.4627,-2.5626" zoom="18">
          <civic-map-pin lat="51.4627" lng="-2.5626" label="Repair café"></civic-map-pin>
          <civic-map-pin lat="51.4627" lng="-2.5626" label="Tool library"></civic-map-pin>
          <civic-map-pin lat="51.4627" lng="-2.5626" label="Seed swap"></civic-map-pin>
        </civic-map>`,
      );
      await drawn(el);
      const cluster = markers(el)[0]!;
      expect(cluster.getAttribute('aria-label')).to.equal('3 initiatives');
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '.popup .group'), 'no list of the pins');
      await until(() => getComputedStyle($(el, '.leaflet-popup')!).opacity === '1', 'the popup is still fading in');
      expect($(el, '.popup')!.getAttribute('aria-label')).to.equal('3 initiatives here');
      expect($$(el, '.group button').map((b) => b.textContent?.trim())).to.have.members([
        'Repair café',
        'Tool library',
        'Seed swap',
      ]);
      await expectAccessible(el);
      $$(el, '.group button')
        .find((b) => b.textContent?.includes('Seed swap'))!
        .click();
      await until(
        () => $(el, '.popup')?.getAttribute('aria-label') === 'Seed swap',
        'the pin’s own popup did not open',
      );
      await sendKeys({ press: 'Escape' });
      await until(() => !$(el, '.popup'), 'Escape did not close it');
      expect(active(el)?.classList.contains('civic-marker') || active(el)?.id === 'map').to.equal(true);
    });

    it('opens a popup on click, closes it with its button, and lets a host keep it shut', async () => {
      const el = await fixture<CivicMap>(html`<civic-map center="51.4627,-2.5626" zoom="15">${bristol}</civic-map>`);
      await drawn(el);
      const pin = () => markers(el).find((m) => m.getAttribute('aria-label') === 'Community kitchen')!;
      pin().click();
      await until(() => !!$(el, '.popup'), 'no popup on click');
      expect($(el, '.popup [part="title"]')?.textContent).to.contain('Community kitchen');
      $(el, '.popup-close')!.click();
      await until(() => !$(el, '.popup'), 'the close button did not close it');
      expect(active(el)).to.equal(pin());
      el.addEventListener('civic-pin-select', (e) => e.preventDefault(), { once: true });
      pin().click();
      await tick(50);
      expect($(el, '.popup'), 'the host handled it').to.equal(null);
    });
  });

  describe('pins from the adapter', () => {
    it('loads the initiatives of the visible area, and reloads (aborting the old request) as the map moves', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await fixture<CivicMap>(
        html`<civic-map center="51.454,-2.587" zoom="11" .adapter=${adapter}></civic-map>`,
      );
      await drawn(el);
      const first = adapter.calls['listInitiatives']![0]![0] as InitiativeQuery;
      expect(first.bbox, 'asks for an area').to.have.length(4);
      const [w, s, e, n] = first.bbox!;
      expect(w < -2.587 && e > -2.587 && s < 51.454 && n > 51.454).to.equal(true);
      expect(count(el)).to.match(/^\d+ initiatives in this area$/);
      const gate = adapter.hold('listInitiatives');
      el.leafletView!.map.setView([47.999, 7.842], 11, { animate: false });
      await gate.arrived;
      el.leafletView!.map.setView([39.47, -0.376], 11, { animate: false });
      await until(() => adapter.calls['listInitiatives']!.length >= 3, 'the second move did not ask again');
      const calls = adapter.calls['listInitiatives']!;
      expect((calls[1]![1] as { signal: AbortSignal }).signal.aborted, 'the superseded request').to.equal(true);
      gate.release();
      await until(
        () =>
          labels(el).some((l) =>
            /Valencia|València|Benimaclet|Cabanyal|Ruzafa|Palmar|Huerto|huerto|bici/i.test(l ?? ''),
          ) || markers(el).length > 0,
        'nothing in Valencia',
      );
      await until(
        () => el.leafletView!.map.getCenter().lng < 0 && count(el) !== 'Loading initiatives…',
        'did not settle',
      );
    });

    it('fits itself around the adapter’s pins when it has no centre', async () => {
      const el = await fixture<CivicMap>(html`<civic-map .adapter=${ScriptedAdapter.demo()}></civic-map>`);
      await drawn(el, 3);
      // 38 of the 40 demo initiatives have a place.
      await until(() => count(el) === '38 initiatives in this area', 'not every placed demo initiative is in view');
      await expectAccessible(el);
    });

    it('clusters 10,000 pins in a worker, drawing only a few markers', async () => {
      const adapter = bulk(many(10_000));
      const el = await fixture<CivicMap>(html`<civic-map .adapter=${adapter}></civic-map>`);
      await until(() => count(el) === '10,000 initiatives in this area', 'not all 10,000 in view', 10_000);
      await drawn(el, 3);
      expect(el.leafletView!.clusteringIn).to.equal('worker');
      expect(markers(el).length, 'markers in the DOM').to.be.below(200);
      const total = markers(el).reduce((sum, m) => {
        const n = /^([\d,]+) initiatives$/.exec(m.getAttribute('aria-label') ?? '');
        return sum + (n ? Number(n[1]!.replace(/,/g, '')) : 1);
      }, 0);
      expect(total, 'every pin is in some cluster').to.equal(10_000);
      await expectAccessible(el);
    });

    it('leaves off initiatives with bad coordinates and shows the rest', async () => {
      const warnings = watchWarnings();
      try {
        const items = [
          ...many(8),
          { id: 'swapped', title: 'Swapped', status: 'active', place: { lat: -2.587, lng: 51.454 } },
          { id: 'too-far', title: 'Too far', status: 'active', place: { lat: 95, lng: 200 } },
          { id: 'nan', title: 'NaN', status: 'active', place: { lat: Number.NaN, lng: 3 } },
        ];
        const el = await fixture<CivicMap>(html`<civic-map .adapter=${bulk(items as InitiativeInput[])}></civic-map>`);
        await until(() => count(el) === '8 initiatives in this area', 'the good pins are not shown');
        for (const id of ['swapped', 'too-far', 'nan'])
          expect(
            warnings.messages.some((m) => m.includes(`"${id}"`)),
            id,
          ).to.equal(true);
        expect($(el, '[role="alert"]')).to.equal(null);
      } finally {
        warnings.restore();
      }
    });

    it('shows an accessible error with a retry when the adapter fails', async () => {
      const adapter = ScriptedAdapter.demo().failNext('listInitiatives', 'network');
      const errors: Event[] = [];
      const el = await fixture<CivicMap>(
        html`<civic-map @civic-error=${(e: Event) => errors.push(e)} .adapter=${adapter}></civic-map>`,
      );
      await until(() => !!$(el, '[part="retry-button"]'), 'no error state');
      expect($(el, '[role="alert"]')!.textContent).to.contain('connection failed');
      expect(errors).to.have.length(1);
      await expectAccessible(el);
      $(el, '[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await drawn(el, 3);
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('shows an error, and throws nothing, when the adapter sends malformed data', async () => {
      const el = await fixture<CivicMap>(
        html`<civic-map .adapter=${careless({ id: 4, title: {}, place: 'here' })}></civic-map>`,
      );
      await until(() => !!$(el, '[role="alert"]'), 'no error state');
      expect($(el, '[role="alert"]')!.textContent).to.contain('cannot show');
      await expectAccessible(el);
    });
  });

  describe('clustering', () => {
    const points = (n: number) => {
      const coords = new Float64Array(n * 2);
      for (let i = 0; i < n; i++)
        coords.set([-10 + ((i * 7919) % 2000) / 100, 40 + ((i * 104729) % 1500) / 100], i * 2);
      return coords;
    };

    /** Main-thread time that `load` takes from its caller, in ms (the rest happens elsewhere or later). */
    const handover = async (clusterer: ReturnType<typeof createClusterer>, coords: Float64Array) => {
      const start = performance.now();
      const loading = clusterer.load(coords);
      const spent = performance.now() - start;
      await loading;
      return spent;
    };

    it('indexes 100,000 points in a worker, costing the page a small part of indexing them itself', async () => {
      // Both measured in this run, on this machine: a ratio, not a time, so a loaded machine slows both.
      // (A heartbeat or the Long Tasks API would also count the other test page sharing this renderer
      // process, and a hidden page reports no long tasks at all.)
      const onMain = createClusterer(100_000, Infinity);
      expect(onMain.where).to.equal('main');
      const indexing = await handover(onMain, points(100_000));
      onMain.dispose();
      const clusterer = createClusterer(100_000);
      try {
        expect(clusterer.where).to.equal('worker');
        // What the calling task pays: a copy of the points for the worker (the index is built there).
        const spent = await handover(clusterer, points(100_000));
        await clusterer.clusters([-180, -85, 180, 85], 3);
        expect(clusterer.where, 'the worker did not fall back').to.equal('worker');
        expect(spent / indexing, `hand-over ${spent.toFixed(1)} ms vs indexing ${indexing.toFixed(1)} ms`).to.be.below(
          0.25,
        );
        const items = await clusterer.clusters([-180, -85, 180, 85], 2);
        expect(items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0)).to.equal(100_000);
        const first = items.find((i) => i.kind === 'cluster');
        if (first?.kind === 'cluster') {
          const { zoom, children } = await clusterer.expand(first.id);
          expect(zoom).to.be.above(2);
          expect(children.length).to.be.above(1);
        }
      } finally {
        clusterer.dispose();
      }
    });
  });

  describe('the list alternative', () => {
    it('shows the same initiatives as cards, each with a way back to the map', async () => {
      const el = await fixture<CivicMap>(html`<civic-map .adapter=${ScriptedAdapter.demo()}></civic-map>`);
      await drawn(el, 3);
      const toggle = $(el, '[part="view-toggle"]')!;
      expect(toggle.textContent?.trim()).to.equal('Show as list');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.getAttribute('view')).to.equal('list');
      expect($(el, '.map-wrap')!.hidden).to.equal(true);
      expect($$(el, '[part="item"]')).to.have.length(38);
      expect(toggle.textContent?.trim()).to.equal('Show as map');
      await expectAccessible(el);
      const show = $$(el, '[part="show-on-map"]').find((b) => b.textContent?.includes('Repair'))!;
      show.click();
      await until(() => !!$(el, '.popup'), 'Show on the map did not open the popup');
      expect(el.getAttribute('view')).to.equal('map');
      expect($(el, '.popup')!.getAttribute('aria-label')).to.contain('Repair');
      expect(active(el)?.classList.contains('popup-close')).to.equal(true);
    });

    it('names each "Show … on the map" with words only, no invisible direction marks', async () => {
      const el = await fixture<CivicMap>(html`<civic-map view="list" .adapter=${ScriptedAdapter.demo()}></civic-map>`);
      await until(() => $$(el, '[part="show-on-map"]').length > 0, 'no list entries');
      const show = $$(el, '[part="show-on-map"]')[0]!;
      const pin = $$(el, '[part="item"] [part="title"]')[0]!.textContent.trim();
      show.focus();
      const node = await focusedNode();
      expect(node.name).to.equal(`Show ${pin} on the map`);
      expect(show.textContent).not.to.match(/[\u2066-\u2069\u200e\u200f\u202a-\u202e]/);
    });

    it('is what shows when the map cannot load', async () => {
      const original = CivicMap.loadView;
      CivicMap.loadView = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const errors = console.error;
      console.error = () => undefined;
      try {
        const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
        await until(() => !!$(el, '[role="alert"]'), 'no message');
        expect($(el, '[role="alert"]')!.textContent).to.contain('could not be loaded');
        expect($(el, '[part="view-toggle"]')).to.equal(null);
        expect($$(el, '[part="item"] [part="title"]').map((h) => h.textContent?.trim())).to.include('Bike kitchen');
        expect($(el, '[part="show-on-map"]')).to.equal(null);
        await expectAccessible(el);
      } finally {
        CivicMap.loadView = original;
        console.error = errors;
      }
    });
  });

  describe('network', () => {
    /** Requests started since `since` (a test's requests, not the previous test's late ones). */
    let since = 0;
    beforeEach(() => (since = performance.now()));
    const resources = () =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= since)
        .map((e) => e.name);

    it('asks only the site’s own tile source for tiles, and no other host', async () => {
      performance.setResourceTimingBufferSize(100_000);
      performance.clearResourceTimings();
      const tiles = '/__civic-test/tiles/{z}/{x}/{y}.png';
      const credit = "&copy; <a href='https://tiles.example.org/about'>Example tiles</a> &amp; friends";
      const el = await fixture<CivicMap>(
        html`<civic-map tile-url=${tiles} attribution=${credit} center="51.454,-2.587" zoom="12">
          ${bristol}
        </civic-map>`,
      );
      await drawn(el);
      await until(() => resources().some((r) => r.includes('/tiles/12/')), 'no tile was requested');
      // Real images, drawn: a tile that failed to load would have no width.
      await until(
        () => $$<HTMLImageElement>(el, '.leaflet-tile').some((t) => t.complete && t.naturalWidth === 256),
        'no tile image was drawn',
      );
      expect(resources().filter((r) => new URL(r).origin !== location.origin)).to.deep.equal([]);
      expect($(el, '.civic-land'), 'no offline basemap with tiles').to.equal(null);
      const attribution = $(el, '[part="attribution"]')!;
      expect(attribution.textContent).to.contain('© Example tiles & friends');
      expect(attribution.querySelector('a[href="https://tiles.example.org/about"]')).to.exist;
      expect($$(el, '.leaflet-tile').every((t) => t.getAttribute('alt') === '')).to.equal(true);
      await expectAccessible(el);
    });

    it('asks before loading another host’s tiles, naming it, and then loads them', async () => {
      performance.clearResourceTimings();
      // The same test server under another name: another origin, as a third-party tile host would be.
      const other = location.origin.replace('localhost', '127.0.0.1');
      expect(other, 'the test needs a second origin').to.not.equal(location.origin);
      const tiles = `${other}/__civic-test/tiles/{z}/{x}/{y}.png`;
      const el = await fixture<CivicMap>(
        html`<civic-map
          tile-url=${tiles}
          tile-provider="Example Tiles"
          attribution="© Example Tiles"
          center="51.454,-2.587"
          zoom="12"
        >
          ${bristol}
        </civic-map>`,
      );
      await drawn(el);
      await until(() => !!$(el, 'path.civic-land'), 'no offline basemap while waiting');
      const button = $(el, '[part="show-tiles"]')!;
      expect(button.textContent?.trim()).to.equal('Show the detailed map from Example Tiles');
      expect($(el, '#tiles-note')!.textContent).to.contain('IP address');
      await tick(200);
      expect(
        resources().filter((r) => r.startsWith(other)),
        'nothing from the tile host yet',
      ).to.deep.equal([]);
      expect($(el, '[part="attribution"]')!.textContent).to.contain('Natural Earth');
      await expectAccessible(el);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(
        () => resources().some((r) => r.startsWith(`${other}/__civic-test/tiles/12/`)),
        'no tiles after the visitor chose them',
      );
      expect($(el, '[part="show-tiles"]')).to.equal(null);
      expect($(el, 'path.civic-land'), 'the offline basemap made way').to.equal(null);
      expect($(el, '[part="attribution"]')!.textContent).to.contain('© Example Tiles');
      expect(active(el)?.id, 'focus moves to the map').to.equal('map');
    });

    it('loads another host’s tiles at once when the site already has consent', async () => {
      const other = location.origin.replace('localhost', '127.0.0.1');
      const tiles = `${other}/stories/assets/repair-cafe.svg?consented={z}/{x}/{y}`;
      const el = await fixture<CivicMap>(
        html`<civic-map tiles-without-asking tile-url=${tiles} center="51.454,-2.587" zoom="12">${bristol}</civic-map>`,
      );
      await drawn(el);
      expect($(el, '[part="show-tiles"]')).to.equal(null);
      await until(() => resources().some((r) => r.includes('consented=12/')), 'no tiles');
    });

    it('draws the offline basemap with no tile requests at all', async () => {
      performance.clearResourceTimings();
      const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
      await drawn(el);
      await until(() => !!$(el, 'path.civic-land'), 'no land drawn');
      expect($(el, 'path.civic-border')).to.exist;
      expect($$(el, '.leaflet-tile')).to.have.length(0);
      expect(
        resources().filter((r) => new URL(r).origin !== location.origin || /\.(png|jpe?g|webp)/.test(r)),
      ).to.deep.equal([]);
      expect($(el, '[part="attribution"]')!.textContent).to.contain('Natural Earth');
    });

    it('is not downloaded by a page with only a card', async () => {
      const frame = (body: string) =>
        new Promise<Window>((resolve) => {
          const iframe = document.createElement('iframe');
          iframe.srcdoc = `<!doctype html><html lang="en"><body>${body}</body></html>`;
          iframe.addEventListener('load', () => resolve(iframe.contentWindow!), { once: true });
          document.body.append(iframe);
        });
      const loaded = (w: Window) => w.performance.getEntriesByType('resource').map((e) => e.name);
      const cardOnly = await frame(
        `<script type="module" src="/packages/elements/src/define/civic-initiative-card.ts"></script><civic-initiative-card></civic-initiative-card>`,
      );
      await until(() => !!cardOnly.customElements.get('civic-initiative-card'), 'the card never loaded');
      await tick(300);
      expect(loaded(cardOnly).filter((r) => /leaflet|supercluster|map\.view|map\.basemap/.test(r))).to.deep.equal([]);
      const withMap = await frame(
        `<script type="module" src="/packages/elements/src/define/civic-map.ts"></script><civic-map></civic-map>`,
      );
      await until(
        () => loaded(withMap).some((r) => r.includes('leaflet-src.esm.js')),
        'a page with a map did not load Leaflet',
      );
      document.querySelectorAll('iframe').forEach((f) => f.remove());
    });
  });

  describe('wheel, motion, layout', () => {
    it('lets the page scroll under the map unless it has focus or a modifier is held', async () => {
      const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
      await drawn(el);
      const map = el.leafletView!.map;
      const surface = $(el, '.leaflet-map-pane')!;
      surface.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true, composed: true }));
      expect(map.scrollWheelZoom.enabled()).to.equal(false);
      await el.updateComplete;
      expect($(el, '.hint')!.classList.contains('hint--shown')).to.equal(true);
      surface.dispatchEvent(
        new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true, composed: true }),
      );
      expect(map.scrollWheelZoom.enabled()).to.equal(true);
      $(el, '#map')!.focus();
      surface.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true, composed: true }));
      expect(map.scrollWheelZoom.enabled(), 'focused').to.equal(true);
    });

    it('zooms one level for +, with or without Shift (the + key is Shift with = on many keyboards)', async () => {
      await emulateMedia({ reducedMotion: 'reduce' }); // no zoom animation to wait for
      try {
        const el = await fixture<CivicMap>(html`<civic-map center="51.454,-2.587" zoom="8">${bristol}</civic-map>`);
        await drawn(el);
        const map = el.leafletView!.map;
        $(el, '#map')!.focus();
        await sendKeys({ press: 'Equal' });
        await until(() => map.getZoom() === 9, '= did not zoom in');
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Equal' });
        await sendKeys({ up: 'Shift' });
        await tick(100);
        expect(map.getZoom(), 'Shift with = zooms one level').to.equal(10);
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Minus' });
        await sendKeys({ up: 'Shift' });
        await tick(100);
        expect(map.getZoom(), 'Shift with - zooms out one level').to.equal(9);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('hides the drawn basemap from assistive technology (the region and its pins carry the meaning)', async () => {
      const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
      await drawn(el);
      await until(() => !!$(el, 'path.civic-land'), 'the basemap was not drawn');
      for (const svg of $$(el, 'svg')) {
        const named = !!svg.getAttribute('aria-label')?.trim() || !!svg.querySelector(':scope > title');
        expect(named || !!svg.closest('[aria-hidden="true"]'), 'an svg is neither named nor hidden').to.equal(true);
      }
    });

    it('honours reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
        await drawn(el);
        expect(el.leafletView!.map.options.zoomAnimation).to.equal(false);
        expect(el.leafletView!.map.options.fadeAnimation).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('starts at the given centre and zoom', async () => {
      const el = await fixture<CivicMap>(html`<civic-map center="47.999,7.842" zoom="9">${bristol}</civic-map>`);
      await until(() => !!el.leafletView && count(el).startsWith('No initiatives'), 'the map did not load');
      const c = el.leafletView!.map.getCenter();
      expect(el.leafletView!.map.getZoom()).to.equal(9);
      expect(Math.abs(c.lat - 47.999) + Math.abs(c.lng - 7.842)).to.be.below(0.01);
      expect(count(el), 'the Bristol pins are not in view').to.equal(
        'No initiatives in this area. Zoom out or move the map to see more.',
      );
    });

    it('follows changes to center, zoom and tile-url', async () => {
      const el = await fixture<CivicMap>(html`<civic-map center="51.454,-2.587" zoom="10">${bristol}</civic-map>`);
      await drawn(el);
      el.setAttribute('center', '47.999,7.842');
      el.setAttribute('zoom', '8');
      await until(() => Math.abs(el.leafletView!.map.getCenter().lng - 7.842) < 0.01, 'did not move');
      expect(el.leafletView!.map.getZoom()).to.equal(8);
      el.setAttribute('tile-url', '/stories/assets/repair-cafe.svg?changed={z}/{x}/{y}');
      await until(() => $$(el, '.leaflet-tile').length > 0, 'no tiles after tile-url was set');
      expect($(el, 'path.civic-land')).to.equal(null);
      expect(Math.abs(el.leafletView!.map.getCenter().lng - 7.842)).to.be.below(0.01);
    });

    it('zooms with its buttons, which say when they can go no further', async () => {
      await emulateMedia({ reducedMotion: 'reduce' }); // no zoom animation to wait for
      try {
        const el = await fixture<CivicMap>(html`<civic-map center="51.454,-2.587" zoom="2">${bristol}</civic-map>`);
        await until(() => !!el.leafletView && !!$(el, '[part="zoom"]'), 'no zoom buttons');
        const [zoomIn, zoomOut] = $$(el, '[part="zoom"] button');
        zoomIn!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => el.leafletView!.map.getZoom() === 3, 'Zoom in did nothing');
        zoomOut!.click();
        zoomOut!.click();
        await until(() => zoomOut!.getAttribute('aria-disabled') === 'true', 'Zoom out is not marked as at its limit');
        expect(el.leafletView!.map.getZoom()).to.equal(1);
        zoomOut!.click();
        await tick(50);
        expect(el.leafletView!.map.getZoom()).to.equal(1);
        await expectAccessible(el);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('works at 320 px, in both views', async () => {
      const wrap = document.createElement('div');
      wrap.className = 'narrow';
      render(html`<civic-map .adapter=${ScriptedAdapter.demo()}></civic-map>`, wrap);
      wrap.querySelector('civic-map')!.style.width = '320px';
      document.body.append(wrap);
      const el = wrap.querySelector('civic-map')!;
      try {
        await drawn(el, 2);
        const base = $(el, '[part="base"]')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
        await expectAccessible(el);
        el.view = 'list';
        await el.updateComplete;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      } finally {
        wrap.remove();
      }
    });

    it('keeps markers and controls visible in forced colours', async () => {
      await emulateMedia({ forcedColors: 'active' });
      try {
        const el = await fixture<CivicMap>(html`<civic-map>${bristol}</civic-map>`);
        await drawn(el);
        const style = getComputedStyle(markers(el)[0]!);
        expect(style.borderTopStyle).to.equal('solid');
        expect(style.borderTopColor).to.not.equal(style.backgroundColor);
        await expectAccessible(el);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });

    it('follows the nearest lang and direction', async () => {
      const el = await fixture<CivicMap>(html`<civic-map lang="ar" dir="rtl">${bristol}</civic-map>`);
      await drawn(el);
      expect(count(el)).to.contain('في هذه المنطقة');
      expect($(el, '#map')!.getAttribute('aria-label')).to.equal('خريطة المبادرات');
      const zoom = $(el, '[part="zoom"]')!.getBoundingClientRect();
      const box = $(el, '#map')!.getBoundingClientRect();
      expect(box.right - zoom.right, 'the zoom buttons sit at the right').to.be.below(box.width / 4);
      expect($(el, '[part="zoom"] button')!.getAttribute('aria-label')).to.equal('تكبير');
      await expectAccessible(el);
    });
  });
});
