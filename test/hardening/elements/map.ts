/** `<civic-map>` with `<civic-map-pin>` children, in every state (see docs/accessibility/civic-map.md). */
import { careless, scripted, type Script } from '../adapters.js';
import { harnessData } from '../data.js';
import { waitFor } from '../dom.js';
import type { Built, ElementHarness, StateContext } from '../types.js';

const TAG = 'civic-map';

const q = (b: Built, selector: string) => b.el.shadowRoot?.querySelector(selector) ?? null;
const has = (selector: string) => (b: Built) => q(b, selector) !== null;
const drawn = has('.leaflet-marker-icon');

const PINS: [number, number, string, string?][] = [
  [51.4627, -2.5626, 'Easton Repair Café', 'repair-cafe'],
  [51.465, -2.566, 'Community kitchen'],
  [51.4405, -2.5985, 'Bike kitchen'],
];

function map(
  ctx: StateContext,
  attributes: Record<string, string>,
  props: Record<string, unknown> = {},
  pins = PINS,
): Built {
  const el = ctx.doc.createElement(TAG);
  el.setAttribute('heading-level', '2');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const [lat, lng, label, id] of pins) {
    const pin = ctx.doc.createElement('civic-map-pin');
    pin.setAttribute('lat', String(lat));
    pin.setAttribute('lng', String(lng));
    pin.setAttribute('label', label);
    if (id) pin.setAttribute('initiative-id', id);
    el.append(pin);
  }
  Object.assign(el, props);
  const root = ctx.doc.createElement('div');
  root.append(el);
  return { root, el };
}

function throughAdapter(ctx: StateContext, attributes: Record<string, string> = {}, script: Script = {}): Built {
  const s = scripted(ctx, harnessData(ctx), script);
  return { ...map(ctx, attributes, { adapter: s.adapter }, []), release: s.release };
}

async function openFirstPin(b: Built): Promise<void> {
  await waitFor(() => drawn(b), 'no markers drawn', 8000);
  (q(b, '.leaflet-marker-icon') as HTMLElement).click();
}

export const map_: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-map.md',
  twoDimensional: '.leaflet-container',
  states: [
    {
      name: 'declared-pins',
      build: (ctx) => map(ctx, { center: '51.4627,-2.5626', zoom: '14' }),
      ready: drawn,
    },
    { name: 'pins-from-adapter', build: (ctx) => throughAdapter(ctx), ready: drawn },
    {
      name: 'list-view',
      build: (ctx) => throughAdapter(ctx),
      act: async (b) => {
        await waitFor(() => drawn(b), 'no markers drawn', 8000);
        (q(b, '[part="view-toggle"]') as HTMLButtonElement).click();
      },
      ready: has('[part="item"]'),
    },
    {
      name: 'popup-open',
      build: (ctx) => map(ctx, { center: '51.4627,-2.5626', zoom: '17' }),
      act: openFirstPin,
      ready: has('.popup'),
    },
    {
      name: 'network-error',
      build: (ctx) => throughAdapter(ctx, {}, { fail: { listInitiatives: 'network' } }),
      ready: has('[part="retry-button"]'),
    },
    {
      name: 'malformed-from-adapter',
      build: (ctx) => map(ctx, {}, { adapter: careless({ id: 4, title: {}, place: 'here' }) }, []),
      ready: has('[role="alert"]'),
    },
    {
      name: 'right-to-left-page',
      build: (ctx) => {
        // Zoomed in far enough that no pins cluster (clusters' names are string keys here too).
        const b = map(ctx, { center: '51.4627,-2.5626', zoom: '17' });
        b.root.lang = 'ar';
        b.root.dir = 'rtl';
        return b;
      },
      ready: drawn,
    },
  ],
};
