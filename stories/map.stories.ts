import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-map.js';
import '@civic-kit/elements/define/civic-provider.js';
import { MemoryAdapter, type CivicAdapter, type Initiative, type InitiativeInput, type Page } from '@civic-kit/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { MAP_VIEWS } from '../packages/elements/src/map/map.js';
import { mapStrings } from '../packages/elements/src/map/map.strings.js';
import { registerStrings } from '../packages/elements/src/translations/languages.js';
import { ScriptedAdapter } from '../test/helpers/adapters.js';
import type { SettledState } from './initiative-card.stories.js';

// Every language of the map's own strings (until translations/all.ts registers them).
registerStrings(mapStrings);

type Settled = (root: Element) => boolean;
const inside = (el: Element, selector: string) => !!el.shadowRoot?.querySelector(selector);
const all = (root: Element, tag: string, ok: (el: Element) => boolean) => [...root.querySelectorAll(tag)].every(ok);
/** Every map has loaded and drawn its pins (or says why not); every list has loaded. */
const defaultSettled: Settled = (root) =>
  all(
    root,
    'civic-map',
    (m) =>
      !inside(m, '[aria-busy="true"]') &&
      (inside(m, '.leaflet-marker-icon') || inside(m, '[role="alert"]') || inside(m, '[part="item"]')),
  ) &&
  all(
    root,
    'civic-initiative-list',
    (l) => !inside(l, '[aria-busy="true"]') && (inside(l, '[part="item"]') || inside(l, '[part="message"]')),
  );

/**
 * Story harness, not part of Civic Kit: its `updateComplete` waits until the maps and lists inside it
 * have settled (`until`, default: loaded and drawn), so the canvas — and the axe check of every story
 * in test/stories.test.ts — shows the state the story is about, not the moment before it.
 */
class StorySettled extends LitElement {
  static override properties = { until: { attribute: false } };
  declare until: Settled | undefined;

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const until = this.until ?? defaultSettled;
    const start = Date.now();
    // Timers, not animation frames: a background tab never paints.
    while (!until(this)) {
      if (Date.now() - start > 8000) throw new Error('The story did not settle');
      await new Promise((r) => setTimeout(r, 25));
    }
    await Promise.all(
      [...this.querySelectorAll('civic-map, civic-initiative-list')].map((e) => (e as LitElement).updateComplete),
    );
    return result;
  }
}
if (!customElements.get('civic-story-settled')) customElements.define('civic-story-settled', StorySettled);

/** Args of `<civic-map>`: attribute names as in custom-elements.json. */
interface MapArgs {
  center?: string | undefined;
  zoom?: number | undefined;
  'tile-url'?: string | undefined;
  attribution?: string | undefined;
  'fit-to-pins': boolean;
  view: (typeof MAP_VIEWS)[number];
  'heading-level': number;
  'max-pins': number;
  onCivicPinSelect?: (e: Event) => void;
  onCivicError?: (e: Event) => void;
}

const map = (args: MapArgs, options: { adapter?: CivicAdapter; pins?: TemplateResult } = {}): TemplateResult =>
  html`<civic-map
    center=${args.center ?? nothing}
    zoom=${args.zoom ?? nothing}
    tile-url=${args['tile-url'] ?? nothing}
    attribution=${args.attribution ?? nothing}
    ?fit-to-pins=${args['fit-to-pins']}
    view=${args.view}
    heading-level=${args['heading-level']}
    max-pins=${args['max-pins']}
    .adapter=${options.adapter ?? nothing}
    @civic-pin-select=${args.onCivicPinSelect}
    @civic-error=${args.onCivicError}
    >${options.pins ?? nothing}</civic-map
  >`;

const bristolPins = html`
  <civic-map-pin lat="51.4627" lng="-2.5626" label="Bristol Repair Café" initiative-id="repair-cafe"></civic-map-pin>
  <civic-map-pin
    lat="51.4405"
    lng="-2.5985"
    label="Bedminster Bike Kitchen"
    initiative-id="bedminster-bike-kitchen"
  ></civic-map-pin>
  <civic-map-pin
    lat="51.4722"
    lng="-2.5768"
    label="St Werburghs Orchard"
    initiative-id="st-werburghs-orchard"
  ></civic-map-pin>
  <civic-map-pin
    lat="51.465"
    lng="-2.566"
    label="Easton Community Kitchen"
    initiative-id="easton-community-kitchen"
  ></civic-map-pin>
  <civic-map-pin
    lat="51.4135"
    lng="-2.498"
    label="Keynsham draught-busting"
    initiative-id="keynsham-draught-busting"
  ></civic-map-pin>
  <civic-map-pin lat="51.4633" lng="-2.5897" label="Stokes Croft street party"></civic-map-pin>
`;

/** `count` made-up initiatives scattered around the demo towns, served in one page. */
function scattered(count: number): CivicAdapter {
  const towns = [
    [51.454, -2.587],
    [50.431, -3.686],
    [47.999, 7.842],
    [39.47, -0.376],
    [45.764, 4.835],
  ] as const;
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const items: InitiativeInput[] = Array.from({ length: count }, (_, k) => {
    const [lat, lng] = towns[k % towns.length]!;
    return {
      id: `scattered-${k}`,
      title: `Neighbourhood initiative ${k + 1}`,
      summary: 'One of thousands of made-up initiatives, to show clustering.',
      status: 'active',
      place: { lat: lat + (random() - 0.5) * 0.8, lng: lng + (random() - 0.5) * 1.2, precision: 'exact' },
    };
  });
  return {
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),
    listInitiatives: async (q) => {
      const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
      const inside = items.filter(({ place: p }) => p!.lat >= s && p!.lat <= n && p!.lng >= w && p!.lng <= e);
      return { items: inside, total: inside.length } as Page<Initiative>;
    },
    getInitiative: async (id) => items.find((i) => i.id === id) as Initiative,
    getPoll: () => Promise.reject(new Error('No polls here')),
  };
}

const meta: Meta<MapArgs> = {
  title: 'Elements/Map',
  component: 'civic-map',
  args: { 'fit-to-pins': false, view: 'map', 'heading-level': 3, 'max-pins': 10_000 },
  argTypes: {
    center: { control: 'text' },
    zoom: { control: { type: 'number', min: 1, max: 18 } },
    'tile-url': { control: 'text' },
    attribution: { control: 'text' },
    'fit-to-pins': { control: 'boolean' },
    view: { control: 'inline-radio', options: MAP_VIEWS },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    'max-pins': { control: 'number' },
  },
  render: (args) => map(args, { adapter: ScriptedAdapter.demo() }),
  decorators: [
    (story, { parameters }) =>
      html`<civic-story-settled .until=${(parameters as { settledWhen?: Settled }).settledWhen}
        >${story()}</civic-story-settled
      >`,
  ],
  parameters: { layout: 'padded', civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<MapArgs>;

/**
 * Pins from the adapter: the demo data's 38 placed initiatives, fetched for the visible area as the
 * map moves. With no `tile-url`, the basemap is Natural Earth drawn in the browser: no request goes
 * to any host the site did not configure.
 */
export const AdapterPins: Story = {};

/**
 * Pins declared as `<civic-map-pin>` children, inside a `<civic-provider>` so each popup loads its
 * initiative's card. Add, remove or change pins in the DOM and the map follows.
 */
export const DeclaredPins: Story = {
  args: { 'fit-to-pins': true },
  render: (args) =>
    html`<civic-provider adapter="memory" lang="en">${map(args, { pins: bristolPins })}</civic-provider>`,
};

/** 10,000 pins, clustered in a Web Worker; each cluster says how many initiatives it holds. */
export const TenThousandPins: Story = {
  name: '10,000 clustered pins',
  parameters: {
    settledWhen: ((root) =>
      all(
        root,
        'civic-map',
        (m) => !!m.shadowRoot?.querySelector('[part="count"]')?.textContent?.includes('10,000'),
      )) satisfies Settled,
  },
  render: (args) => map(args, { adapter: scattered(10_000) }),
};

/** The list alternative: the same initiatives as cards, each with "Show … on the map". */
export const ListView: Story = { args: { view: 'list' } };

/**
 * No tile source: the offline basemap (land and borders, Natural Earth 1:110m) loads as a chunk of
 * its own. Set `tile-url` (and `attribution`) to use the raster tiles of the site's choice.
 */
export const OfflineBasemap: Story = {
  args: { center: '48.5,2', zoom: 4 },
};

/**
 * Keyboard walkthrough:
 *
 * 1. **Tab** to the map (it says how many initiatives are in view); the arrow keys move it, **+** and
 *    **−** zoom. The mouse wheel only zooms while the map has focus or **Ctrl** (**⌘**) is held.
 * 2. **Tab** again to go through the clusters and pins in reading order (top row first). Each says
 *    what it is: "12 initiatives", or the initiative's title.
 * 3. **Enter** on a cluster zooms into it and moves focus to the first thing it held.
 * 4. **Enter** (or **Space**) on a pin opens its card in a popup, focus on its close button.
 *    **Escape** (or the close button) closes it and puts focus back on the pin.
 * 5. After the pins come the zoom buttons and the basemap's credits; "Show as list" above the map
 *    lists the same initiatives, each with a button back to its place on the map.
 */
export const KeyboardWalkthrough: Story = {
  args: { center: '51.454,-2.587', zoom: 12 },
};

/** Pins with bad coordinates (not numbers, out of range, swapped) are left off and reported once in the console. */
export const BadCoordinates: Story = {
  args: { 'fit-to-pins': true },
  render: (args) =>
    map(args, {
      pins: html`${bristolPins}
        <civic-map-pin lat="not-a-number" lng="-2.59" label="Typo in the latitude"></civic-map-pin>
        <civic-map-pin lat="-2.5870" lng="51.4540" label="Written as [lng, lat]"></civic-map-pin>
        <civic-map-pin lat="0" lng="0" label="Missing location"></civic-map-pin>`,
    }),
};

/**
 * Two initiatives have an address but no coordinates (as Gancio and Mobilizon send it): there is no
 * point to pin, so the map leaves them off and says how many; a list beside it shows them.
 */
export const PlacesWithoutAPin: Story = {
  args: { 'fit-to-pins': true },
  render: (args) =>
    map(args, {
      adapter: new MemoryAdapter({
        data: {
          initiatives: [
            { id: 'a', title: 'Easton Repair Café', status: 'active', place: { lat: 51.4627, lng: -2.5626 } },
            { id: 'b', title: 'Bike kitchen', status: 'active', place: { lat: 51.4405, lng: -2.5985 } },
            { id: 'c', title: 'Orchard', status: 'active', place: { lat: 51.4722, lng: -2.5768 } },
            { id: 'd', title: 'Seed swap', status: 'active', address: 'Trinity Centre, Bristol' },
            { id: 'e', title: 'Soup night', status: 'active', address: 'St Werburghs Community Centre' },
          ],
          polls: [],
        },
      }),
    }),
};

/** The adapter failed: a message and a retry; the map itself still works. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => map(args, { adapter: ScriptedAdapter.demo().failNext('listInitiatives', 'network') }),
};

/** Right to left, in Arabic: the zoom buttons move to the right, strings and numbers follow `lang`. */
export const Arabic: Story = {
  render: (args) => html`<div lang="ar" dir="rtl">${map(args, { adapter: ScriptedAdapter.demo() })}</div>`,
};

/** The smallest width WCAG reflow asks for. */
export const Narrow320: Story = {
  render: (args) =>
    html`<style>
        .civic-story-narrow {
          inline-size: 320px;
          outline: 1px dashed #8c959f;
        }
      </style>
      <div class="civic-story-narrow">${map(args, { adapter: ScriptedAdapter.demo() })}</div>`,
};

/** The demo page's layout: the map and, beside it, an `<civic-initiative-list>` of the same data. */
export const MapAndList: Story = {
  parameters: { layout: 'fullscreen' },
  render: (args) =>
    html`<style>
        .civic-story-side {
          display: grid;
          grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
          gap: 1rem;
          padding: 1rem;
        }
      </style>
      <civic-provider adapter="memory" lang="en">
        <div class="civic-story-side">
          ${map(args)}
          <civic-initiative-list
            near="51.454,-2.587"
            near-label="Bristol"
            radius-km="25"
            page-size="6"
          ></civic-initiative-list>
        </div>
      </civic-provider>`,
};
