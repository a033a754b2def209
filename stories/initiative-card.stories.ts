import type { CivicAdapter, InitiativeInput, Outbox, StringOverrides } from '@civic-kit/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { careless, ScriptedAdapter } from '../test/helpers/adapters.js';
import { inShadow, played, storyOutbox, until } from './story-steps.js';

/** Args of `<civic-initiative-card>`: attribute names as in custom-elements.json, plus its object properties. */
interface CardArgs {
  'initiative-id'?: string | undefined;
  'heading-level': number;
  'no-support': boolean;
  'structured-data': boolean;
  'show-body': boolean;
  initiative?: unknown;
  strings?: StringOverrides | undefined;
  /** Documented from the manifest; stories that need one build it in their render function. */
  adapter?: never;
  onCivicSupport?: (e: Event) => void;
  onCivicSupportDone?: (e: Event) => void;
  onCivicError?: (e: Event) => void;
}

/** What a story shows once settled; test/stories.test.ts checks it before running axe. */
export type SettledState = 'card' | 'loading' | 'error' | 'misconfigured';

// A same-origin picture, so stories and screenshots don't depend on any other host.
const picture = new URL('./assets/repair-cafe.svg', import.meta.url).href;

const full: InitiativeInput = {
  id: 'repair-cafe',
  title: 'Bristol Repair Café',
  summary:
    'Bring your broken toasters, lamps, clothes and bikes on the first Saturday of the month. Volunteer fixers repair them with you, for free, over tea and cake.',
  url: 'https://civic-square.example.org/initiatives/repair-cafe',
  image: { url: picture, alt: 'Volunteers at a long table fixing a toaster, a lamp and a bicycle wheel' },
  status: 'active',
  place: {
    lat: 51.4627,
    lng: -2.5626,
    address: 'Easton Community Centre, Kilburn Street, Bristol BS5',
    precision: 'exact',
  },
  tags: ['repair', 'local-economy'],
  supporters: { count: 214, goal: 300 },
  startsAt: '2026-03-07T10:00:00Z',
  endsAt: '2028-03-04T16:00:00Z',
  organiser: { name: 'Bristol Repair Collective', url: 'https://repair-collective.example.org' },
  source: { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' },
  language: 'en',
};

const withoutImage: InitiativeInput = { ...full, id: 'no-image', image: undefined };

const long = 'Neighbourhood-led-regeneration-and-participatory-budgeting-pilot';
const longTexts: InitiativeInput = {
  ...full,
  id: 'long',
  title:
    'A very long initiative title that keeps going well past the point where any sensible editor would have cut it, to see how the heading wraps over several lines',
  summary: `${'This summary is deliberately far too long for a card, so the card has to clamp it rather than grow without end. '.repeat(6)}${long}`,
  place: {
    lat: 51.45,
    lng: -2.58,
    address: `Unit 14b, The Old Tobacco Factory Annexe, Raleigh Road, Southville, Bristol BS3 1TF, ${long}`,
    precision: 'area',
  },
  tags: ['repair', 'local-economy', 'mutual-aid', 'food-growing', 'community-energy', 'cycling-and-walking', long],
  supporters: { count: 1_234_567, goal: 2_000_000 },
  organiser: {
    name: `The Southville, Bedminster and Windmill Hill Community Association (${long})`,
    url: 'https://example.org',
  },
  source: { name: `Bristol Civic Square — ${long}`, url: 'https://civic-square.example.org' },
};

const minimal: InitiativeInput = { id: 'minimal', title: 'Street party on Chelsea Road', status: 'proposed' };

const arabic: InitiativeInput = {
  id: 'easton-repair-cafe-ar',
  title: 'مقهى الإصلاح في إيستون',
  summary:
    'أحضروا أجهزتكم المعطلة وملابسكم ودراجاتكم في أول سبت من كل شهر. يصلحها معكم متطوعون مجانًا، مع الشاي والكعك.',
  url: 'https://civic-square.example.org/initiatives/easton-repair-cafe',
  image: { url: picture, alt: 'متطوعون حول طاولة طويلة يصلحون محمصة خبز ومصباحًا وعجلة دراجة' },
  status: 'active',
  place: { lat: 51.4627, lng: -2.5626, address: 'مركز إيستون المجتمعي، شارع كيلبرن، بريستول', precision: 'exact' },
  tags: ['إصلاح', 'اقتصاد محلي'],
  supporters: { count: 87, goal: 150 },
  startsAt: '2026-03-07T10:00:00Z',
  endsAt: '2028-03-04T16:00:00Z',
  organiser: { name: 'جمعية البيت العربي في بريستول', url: 'https://example.org/arab-house' },
  source: { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' },
  language: 'ar',
};

/**
 * Demo initiatives for the grid (ids from packages/core/src/memory/demo-data.ts), in three languages.
 * Ones without an image: the demo images live on a host that never answers (images.example.org).
 */
const DEMO_IDS = [
  'portishead-water-watch',
  'paignton-repair-and-reuse',
  'cabanyal-taller-bici',
  'totnes-local-currency',
  'stuehlinger-wohnprojekt',
  'energy-advice-by-video',
];

/** The card with the story's args; `adapter` (and `outbox`) only where a story supplies its own. */
const card = (args: CardArgs, adapter?: CivicAdapter, preview = false, outbox?: Outbox): TemplateResult =>
  html`<civic-initiative-card
    initiative-id=${args['initiative-id'] ?? nothing}
    heading-level=${args['heading-level']}
    ?no-support=${args['no-support']}
    ?structured-data=${args['structured-data']}
    ?show-body=${args['show-body']}
    .initiative=${args.initiative}
    .strings=${args.strings}
    .adapter=${adapter ?? nothing}
    .outbox=${outbox ?? nothing}
    @civic-support=${args.onCivicSupport}
    @civic-support-done=${args.onCivicSupportDone}
    @civic-error=${args.onCivicError}
    ${preview ? dataBlockPreview : nothing}
  ></civic-initiative-card>`;

/**
 * Copy the element's data block, pretty-printed, into the `<pre>` after it, whenever it changes: the
 * story shows what search engines read.
 */
const dataBlockPreview = ref((node) => {
  if (!node) return;
  const copy = () => {
    const pre = node.nextElementSibling?.querySelector('pre');
    const block = node.querySelector(':scope > script');
    if (pre) pre.textContent = block ? JSON.stringify(JSON.parse(block.textContent ?? 'null'), null, 2) : '';
  };
  new MutationObserver(copy).observe(node, { childList: true, characterData: true, subtree: true });
  copy();
});

// Story styles go in <style> elements with classes: no style="" attributes (a strict CSP blocks them).
const frame = html`<style>
  .civic-story-card {
    max-inline-size: 24rem;
  }
</style>`;

const meta: Meta<CardArgs> = {
  title: 'Elements/Initiative card',
  component: 'civic-initiative-card',
  args: { 'heading-level': 3, 'no-support': false, 'structured-data': false, 'show-body': false },
  argTypes: {
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    'no-support': { control: 'boolean' },
    'structured-data': { control: 'boolean' },
    'show-body': { control: 'boolean' },
    'initiative-id': { control: 'text' },
    initiative: { control: 'object' },
    strings: { control: 'object' },
    adapter: { control: false },
  },
  render: (args) =>
    html`${frame}
      <div class="civic-story-card">${card(args)}</div>`,
  parameters: { civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<CardArgs>;

/** Everything an initiative can have, passed in as `.initiative` (no adapter needed). */
export const Default: Story = { args: { initiative: full } };

/**
 * `structured-data`: the card also writes the initiative into its light DOM as schema.org JSON-LD (an
 * `Event` with its `Place` and organising `Organization`) for search engines, shown below.
 */
export const StructuredData: Story = {
  args: { initiative: full, 'structured-data': true },
  render: (args) =>
    html`${frame}
      <style>
        .civic-story-data pre {
          overflow: auto;
          max-block-size: 20rem;
          font-size: 0.8rem;
        }
      </style>
      <div class="civic-story-card">
        ${card(args, undefined, true)}
        <figure class="civic-story-data">
          <figcaption>The data block</figcaption>
          <pre tabindex="0"></pre>
        </figure>
      </div>`,
};

/**
 * `show-body`: the full description under the summary. A backend's HTML (`bodyHtml`, as the Decidim and
 * ActivityStreams adapters give it) keeps its paragraphs, lists, emphasis and links through the
 * sanitizer, loaded only then; what could run (the `onerror` and the script here) is dropped.
 */
export const FullDescription: Story = {
  args: {
    'show-body': true,
    initiative: {
      ...full,
      id: 'full-description',
      image: undefined,
      body: 'Every first Saturday. Bring: small appliances, clothes, bikes. Read the house rules first.',
      bodyHtml:
        '<p>Every <strong>first Saturday</strong> of the month.</p><p>Bring:</p><ul><li>small appliances</li><li>clothes to mend</li><li>bikes</li></ul><p>Read the <a href="https://repair-collective.example.org/rules">house rules</a> first.<img src="x" onerror="alert(1)"></p><script>alert(2)</script>',
    } satisfies InitiativeInput,
  },
};

/** Long titles, summaries, addresses, names and unbreakable words stay inside the card. */
export const LongTexts: Story = { args: { initiative: longTexts } };

export const NoImage: Story = { args: { initiative: withoutImage } };

/** The least an initiative can have: id, title and status. */
export const Minimal: Story = { args: { initiative: minimal } };

/** Arabic content in a right-to-left container: strings, numbers and dates follow the nearest `lang`. */
export const RTL: Story = {
  args: { initiative: arabic },
  render: (args) =>
    html`${frame}
      <div lang="ar" dir="rtl" class="civic-story-card">${card(args)}</div>`,
};

/** `<civic-provider theme="dark">` switches the tokens to their dark values (`color-scheme: dark`). */
export const Dark: Story = {
  args: { initiative: full },
  parameters: { layout: 'fullscreen' },
  render: (args) =>
    html`<style>
        .civic-story-dark {
          box-sizing: border-box;
          min-block-size: 100vh;
          padding: 1.5rem;
          background: #0d1117;
          color: #e8eaed;
          color-scheme: dark;
        }
      </style>
      ${frame}
      <div class="civic-story-dark">
        <civic-provider theme="dark"><div class="civic-story-card">${card(args)}</div></civic-provider>
      </div>`,
};

/** A site's own colours, fonts and radius, set as `--civic-*` custom properties on a container. */
export const CustomTheme: Story = {
  args: { initiative: full },
  render: (args) =>
    html`<style>
        .our-town {
          --civic-color-action: #7a1f5c;
          --civic-color-action-text: #ffffff;
          --civic-color-surface: #fffaf2;
          --civic-color-surface-alt: #f3e6d4;
          --civic-color-text: #2b2118;
          --civic-color-text-muted: #5e4b3c;
          --civic-color-border: #a0826d;
          --civic-color-success: #2d6a2f;
          --civic-font-body: Georgia, 'DejaVu Serif', serif;
          --civic-font-heading: 'Liberation Sans Narrow', 'Arial Narrow', sans-serif;
          --civic-radius-m: 0;
          --civic-card-image-ratio: 3 / 2;
        }
      </style>
      ${frame}
      <div class="our-town civic-story-card">${card(args)}</div>`,
};

/** Waiting for an adapter that never answers. */
export const Loading: Story = {
  args: { 'initiative-id': 'repair-cafe' },
  parameters: { civic: { settled: 'loading' satisfies SettledState } },
  render: (args) => {
    const adapter = ScriptedAdapter.demo();
    adapter.hold('getInitiative');
    return html`${frame}
      <div class="civic-story-card">${card(args, adapter)}</div>`;
  },
};

/** The connection failed: a message that says what to do, and a retry (which then succeeds). */
export const ErrorState: Story = {
  name: 'Error',
  args: { 'initiative-id': 'repair-cafe' },
  parameters: { civic: { settled: 'error' satisfies SettledState } },
  render: (args) =>
    html`${frame}
      <div class="civic-story-card">${card(args, ScriptedAdapter.demo().failNext('getInitiative', 'network'))}</div>`,
};

export const NotFound: Story = {
  args: { 'initiative-id': 'does-not-exist' },
  parameters: { civic: { settled: 'error' satisfies SettledState } },
  render: (args) =>
    html`${frame}
      <div class="civic-story-card">${card(args, ScriptedAdapter.demo())}</div>`,
};

/** A careless adapter sends data that fails validation: an error state, never half-rendered data. */
export const Malformed: Story = {
  args: { 'initiative-id': 'repair-cafe' },
  parameters: { civic: { settled: 'error' satisfies SettledState } },
  render: (args) =>
    html`${frame}
      <div class="civic-story-card">
        ${card(args, careless({ id: 1, title: ['not', 'a', 'string'], status: 'sort-of' }))}
      </div>`,
};

/** Loaded through `<civic-provider adapter="memory">` (the demo data), which can count support. */
export const WithSupport: Story = {
  args: { 'initiative-id': 'repair-cafe' },
  render: (args) =>
    html`${frame} <civic-provider adapter="memory"><div class="civic-story-card">${card(args)}</div></civic-provider>`,
};

/**
 * Support sent while the data source cannot be reached: it fails twice, so the support waits in the
 * queue (counted on screen, the status saying it will be sent again by itself), then goes through on
 * a later retry, by itself, while the page stays open.
 */
export const SupportQueued: Story = {
  args: { 'initiative-id': 'repair-cafe' },
  render: (args) => {
    const adapter = ScriptedAdapter.demo()
      .failNext('supportInitiative', 'network')
      .failNext('supportInitiative', 'network');
    const steps = async (el: HTMLElement) => {
      await until(() => inShadow(el, '[part="support-button"]'));
      inShadow(el, '[part="support-button"]')!.click();
      await until(() => /sent again by itself/.test(inShadow(el, '.live')?.textContent ?? ''));
    };
    return html`${frame}
      <div class="civic-story-card">${played(steps, card(args, adapter, false, storyOutbox()))}</div>`;
  },
};

/** The smallest width WCAG reflow asks for. */
export const Narrow320: Story = {
  args: { initiative: full },
  render: (args) =>
    html`<style>
        .civic-story-narrow {
          inline-size: 320px;
          outline: 1px dashed #8c959f;
        }
      </style>
      <div class="civic-story-narrow">${card(args)}</div>`,
};

/** Several cards of the demo data set, loaded through one provider. */
export const FromDemoData: Story = {
  parameters: { layout: 'fullscreen' },
  render: (args) =>
    html`<style>
        .civic-story-grid {
          display: grid;
          grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
          gap: 1rem;
          padding: 1rem;
        }
        .civic-story-grid-heading {
          margin: 1rem 1rem 0;
          font:
            600 1.5rem/1.3 system-ui,
            sans-serif;
        }
      </style>
      <civic-provider adapter="memory" lang="en">
        <h2 class="civic-story-grid-heading">Initiatives near you</h2>
        <div class="civic-story-grid">${DEMO_IDS.map((id) => card({ ...args, 'initiative-id': id }))}</div>
      </civic-provider>`,
};
