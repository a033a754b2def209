import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-map.js';
import '@civic-kit/elements/define/civic-provider.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, type TemplateResult } from 'lit';
import { initiativeListStrings } from '../packages/elements/src/initiative-list/initiative-list.strings.js';
import { mapStrings } from '../packages/elements/src/map/map.strings.js';
import { registerStrings } from '../packages/elements/src/translations/languages.js';
import type { SettledState } from './initiative-card.stories.js';

registerStrings(initiativeListStrings);
registerStrings(mapStrings);

/** Files served beside the stories: a neighbour's GeoJSON map and a Mobilizon-style ActivityStreams outbox. */
const BATH_GEOJSON = new URL('./assets/neighbours-bath.geojson', import.meta.url).href;
const STROUD_OUTBOX = new URL('./assets/stroud-outbox.json', import.meta.url).href;
// Resolved at run time (not a build-time asset): this file is missing on purpose.
const MISSING_FILE = new URL('no-such-file.geojson', BATH_GEOJSON).href;

type Settled = (root: Element) => boolean;
const inside = (el: Element, selector: string) => !!el.shadowRoot?.querySelector(selector);
const all = (root: Element, tag: string, ok: (el: Element) => boolean) => [...root.querySelectorAll(tag)].every(ok);
/** Every map has drawn its pins (or says why not); every list has loaded. */
const settled: Settled = (root) =>
  all(
    root,
    'civic-map',
    (m) => !inside(m, '[aria-busy="true"]') && (inside(m, '.leaflet-marker-icon') || inside(m, '[role="alert"]')),
  ) &&
  all(
    root,
    'civic-initiative-list',
    (l) => !inside(l, '[aria-busy="true"]') && (inside(l, '[part="item"]') || inside(l, '[part="message"]')),
  );

/**
 * Story harness, not part of Civic Kit: its `updateComplete` waits until the maps and lists inside it
 * have loaded, so the canvas — and the axe check of every story in test/stories.test.ts — shows the
 * joined-up view, not the moment before it.
 */
class JoinedUpSettled extends LitElement {
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const start = Date.now();
    // Timers, not animation frames: a background tab never paints.
    while (!settled(this)) {
      if (Date.now() - start > 8000) throw new Error('The story did not settle');
      await new Promise((r) => setTimeout(r, 25));
    }
    await Promise.all(
      [...this.querySelectorAll('civic-map, civic-initiative-list')].map((e) => (e as LitElement).updateComplete),
    );
    return result;
  }
}
if (!customElements.get('civic-joined-up-settled')) customElements.define('civic-joined-up-settled', JoinedUpSettled);

interface Source {
  adapter: string;
  name: string;
  endpoint?: string;
  url?: string;
}

/** Our town's own data (the built-in demo set), a neighbour's GeoJSON file and a fediverse outbox. */
const THREE_SOURCES: Source[] = [
  { adapter: 'memory', name: 'Bristol Civic Square' },
  { adapter: 'static', endpoint: BATH_GEOJSON, name: 'Bath Transition', url: 'https://bath-transition.example' },
  {
    adapter: 'activitystreams',
    endpoint: STROUD_OUTBOX,
    name: 'Stroud Commons',
    url: 'https://stroud-commons.example',
  },
];

interface JoinedUpArgs {
  near: string;
  'radius-km': number;
  'page-size': number;
  'timeout-ms': number;
  /** `relevance` takes from each source in turn; the other orders merge the sources by that order. */
  sort: 'relevance' | 'distance' | 'newest' | 'supporters' | 'ending-soon';
}

const view = (args: JoinedUpArgs, sources: Source[]) =>
  html`<style>
      .civic-story-joined {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        gap: 1rem;
        padding: 1rem;
        align-items: start;
      }
    </style>
    <civic-provider adapter="federated" lang="en" timeout-ms=${args['timeout-ms']} sources=${JSON.stringify(sources)}>
      <div class="civic-story-joined">
        <civic-map fit-to-pins></civic-map>
        <civic-initiative-list
          label="Initiatives around Bristol, Bath and Stroud"
          near=${args.near}
          near-label="Bristol"
          radius-km=${args['radius-km']}
          page-size=${args['page-size']}
          sort=${args.sort}
        ></civic-initiative-list>
      </div>
    </civic-provider>`;

/**
 * One map and one list over three kinds of source at once, declared in HTML:
 *
 * ```html
 * <civic-provider adapter="federated" sources='[
 *   {"adapter":"memory","name":"Bristol Civic Square"},
 *   {"adapter":"static","endpoint":"/data/neighbours-bath.geojson","name":"Bath Transition"},
 *   {"adapter":"activitystreams","endpoint":"https://stroud-commons.example/@stroud/outbox","name":"Stroud Commons"}
 * ]'>
 * ```
 *
 * Every card says where it comes from; each adapter's code loads only because a source names it.
 */
const meta: Meta<JoinedUpArgs> = {
  title: 'Joined up/Three sources',
  args: { near: '51.454,-2.587', 'radius-km': 60, 'page-size': 8, 'timeout-ms': 8000, sort: 'relevance' },
  argTypes: {
    near: { control: 'text' },
    'radius-km': { control: { type: 'number', min: 1, max: 500 } },
    'page-size': { control: { type: 'number', min: 1, max: 100 } },
    'timeout-ms': { control: { type: 'number', min: 100, max: 30000 } },
    sort: { control: 'select', options: ['relevance', 'distance', 'newest', 'supporters', 'ending-soon'] },
  },
  render: (args) => view(args, THREE_SOURCES),
  decorators: [(story) => html`<civic-joined-up-settled>${story()}</civic-joined-up-settled>`],
  parameters: { layout: 'fullscreen', civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<JoinedUpArgs>;

/** The memory adapter's demo data, a static GeoJSON file and an ActivityStreams outbox, taken from each in turn. */
export const ThreeSources: Story = {};

/**
 * A fourth source whose file is missing: the other three still show, and the list says in words which
 * source could not be reached (and announces it with the result count).
 */
export const OneSourceDown: Story = {
  render: (args) =>
    view(args, [...THREE_SOURCES, { adapter: 'static', endpoint: MISSING_FILE, name: 'Keynsham Greens' }]),
};

/** The neighbour's file alone (`adapter="static"`), as its own site would show it: the single-source view. */
export const SingleSource: Story = {
  render: (args) =>
    html`<civic-provider adapter="static" lang="en" endpoint=${BATH_GEOJSON} source-name="Bath Transition">
      <civic-initiative-list
        label="Initiatives in Bath"
        near=${args.near}
        near-label="Bristol"
        radius-km=${args['radius-km']}
        page-size=${args['page-size']}
      ></civic-initiative-list>
    </civic-provider>`,
};
