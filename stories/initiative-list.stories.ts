import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-provider.js';
import {
  INITIATIVE_STATUSES,
  MemoryAdapter,
  type CallOptions,
  type CivicAdapter,
  type InitiativeQuery,
  type Initiative,
  type InitiativeInput,
  type Page,
} from '@civic-kit/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { LIST_SORTS } from '../packages/elements/src/initiative-list/initiative-list.js';
import { initiativeListStrings } from '../packages/elements/src/initiative-list/initiative-list.strings.js';
import { registerStrings } from '../packages/elements/src/translations/languages.js';
import { careless, ScriptedAdapter } from '../test/helpers/adapters.js';
import type { SettledState } from './initiative-card.stories.js';
import { inShadow, played, until } from './story-steps.js';

// Every language of the list's own strings (until translations/all.ts registers them).
registerStrings(initiativeListStrings);

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

/** Args of `<civic-initiative-list>`: attribute names as in custom-elements.json, plus `.initiatives`. */
interface ListArgs {
  q?: string | undefined;
  tags?: string | undefined;
  status?: string | undefined;
  near?: string | undefined;
  'near-label'?: string | undefined;
  'radius-km'?: number | undefined;
  sort?: string | undefined;
  'page-size': number;
  'heading-level': number;
  'no-filters': boolean;
  'structured-data': boolean;
  label?: string | undefined;
  initiatives?: unknown;
  onChange?: (e: Event) => void;
  onCivicError?: (e: Event) => void;
}

/** The list with the story's args; `adapter` where a story supplies its own. */
const list = (args: ListArgs, adapter?: CivicAdapter, preview = false): TemplateResult =>
  html`<civic-initiative-list
    q=${args.q ?? nothing}
    tags=${args.tags ?? nothing}
    status=${args.status ?? nothing}
    near=${args.near ?? nothing}
    near-label=${args['near-label'] ?? nothing}
    radius-km=${args['radius-km'] ?? nothing}
    sort=${args.sort ?? nothing}
    page-size=${args['page-size']}
    heading-level=${args['heading-level']}
    ?no-filters=${args['no-filters']}
    ?structured-data=${args['structured-data']}
    label=${args.label ?? nothing}
    .initiatives=${args.initiatives}
    .adapter=${adapter ?? nothing}
    @change=${args.onChange}
    @civic-error=${args.onCivicError}
    ${preview ? dataBlockPreview : nothing}
  ></civic-initiative-list>`;

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

/** `count` made-up initiatives around the demo towns, in one page (as a static JSON file would serve them). */
function thousands(count: number): CivicAdapter {
  const towns = ['Bristol', 'Totnes', 'Freiburg', 'València', 'Lyon'];
  const tags = ['repair', 'energy', 'food-growing', 'cycling', 'housing', 'nature'];
  const items: InitiativeInput[] = Array.from({ length: count }, (_, k) => ({
    id: `made-up-${k}`,
    title: `${towns[k % towns.length]!} neighbourhood initiative ${k + 1}`,
    summary: 'A made-up initiative, one of thousands, to show the list scrolling smoothly.',
    status: INITIATIVE_STATUSES[k % INITIATIVE_STATUSES.length]!,
    tags: [tags[k % tags.length]!],
    supporters: { count: (k * 37) % 500, goal: 500 },
  }));
  return {
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),
    listInitiatives: async (q) => {
      const words = q.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
      const found = items.filter(
        (i) =>
          (!q.status?.length || q.status.includes(i.status)) &&
          (!q.tags?.length || q.tags.every((t) => i.tags?.includes(t))) &&
          words.every((w) => i.title.toLowerCase().includes(w)),
      );
      return { items: found, total: found.length } as Page<Initiative>;
    },
    getInitiative: async (id) => items.find((i) => i.id === id) as Initiative,
    getPoll: () => Promise.reject(new Error('No polls here')),
  };
}

const meta: Meta<ListArgs> = {
  title: 'Elements/Initiative list',
  component: 'civic-initiative-list',
  args: { 'page-size': 12, 'heading-level': 3, 'no-filters': false, 'structured-data': false },
  argTypes: {
    q: { control: 'text' },
    tags: { control: 'text' },
    status: { control: 'select', options: [undefined, ...INITIATIVE_STATUSES] },
    near: { control: 'text' },
    'near-label': { control: 'text' },
    'radius-km': { control: 'number' },
    sort: { control: 'select', options: [undefined, ...LIST_SORTS] },
    'page-size': { control: 'number' },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    'no-filters': { control: 'boolean' },
    'structured-data': { control: 'boolean' },
    label: { control: 'text' },
    initiatives: { control: 'object' },
  },
  render: (args) => list(args, ScriptedAdapter.demo()),
  decorators: [
    (story, { parameters }) =>
      html`<civic-story-settled .until=${(parameters as { settledWhen?: Settled }).settledWhen}
        >${story()}</civic-story-settled
      >`,
  ],
  parameters: { layout: 'padded', civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<ListArgs>;

/**
 * The demo data (40 initiatives in five towns) through an adapter: search as you type, filter by
 * status, topic and distance, sort, and "Show more" pages through the adapter. Every filter is an
 * attribute, reflected as the visitor changes it.
 */
export const WithFilters: Story = {
  args: { near: '51.454,-2.587', 'near-label': 'Bristol', 'radius-km': 25 },
};

/**
 * "Near a town or postcode", where the adapter can look places up: "BS" matches five postcode areas,
 * so the visitor picks one (a single match, say "Totnes", is used at once; none is said).
 */
export const NearATypedPlace: Story = {
  render: (args) =>
    played(
      async (el: HTMLElement) => {
        await until(() => inShadow(el, '[part="place-input"]'));
        inShadow<HTMLInputElement>(el, '[part="place-input"]')!.value = 'BS';
        inShadow(el, '#near-place + button')!.click();
        await until(() => inShadow(el, '#near-choice'));
      },
      list(args, ScriptedAdapter.demo()),
    ),
};

/** Sorted by most supported, nothing filtered. */
export const MostSupported: Story = { args: { sort: 'supporters' } };

/** No form: the attributes alone decide what is listed (here: active initiatives about energy). */
export const NoFilterForm: Story = { args: { 'no-filters': true, status: 'active', tags: 'energy' } };

/** Data the page already has, passed as `.initiatives`: filtered and paged in the browser, no backend. */
export const FromAProperty: Story = {
  args: {
    initiatives: [
      { id: 'a', title: 'Tool library', status: 'active', tags: ['repair'], supporters: { count: 42, goal: 100 } },
      { id: 'b', title: 'Street tree watering rota', status: 'proposed', tags: ['nature'] },
      { id: 'c', title: 'Solar co-op share offer', status: 'completed', tags: ['energy'] },
    ],
  },
  render: (args) => list(args),
};

/**
 * `structured-data`: the list also writes the initiatives it shows into its light DOM as one
 * schema.org `ItemList` of `Event`s (with `Place` and `Organization`), JSON-LD for search engines,
 * shown below. It follows the filters and "Show more".
 */
export const StructuredData: Story = {
  args: { 'structured-data': true, 'no-filters': true, status: 'active', 'page-size': 3, label: 'Active initiatives' },
  render: (args) =>
    html`<style>
        .civic-story-data pre {
          overflow: auto;
          max-block-size: 20rem;
          font-size: 0.8rem;
        }
      </style>
      ${list(args, ScriptedAdapter.demo(), true)}
      <figure class="civic-story-data">
        <figcaption>The data block</figcaption>
        <pre tabindex="0"></pre>
      </figure>`,
};

/** Through `<civic-provider adapter="memory">`, as a site would embed it. */
export const InAProvider: Story = {
  render: (args) => html`<civic-provider adapter="memory" lang="en">${list(args)}</civic-provider>`,
};

/** Nothing matches: the empty state says so and offers to clear the filters. */
export const Empty: Story = { args: { q: 'no such words anywhere' } };

/** The first page is still on its way (the adapter never answers). */
export const Loading: Story = {
  parameters: {
    settledWhen: ((root) =>
      all(root, 'civic-initiative-list', (l) => inside(l, '[aria-busy="true"]'))) satisfies Settled,
  },
  render: (args) => {
    const adapter = ScriptedAdapter.demo();
    adapter.hold('listInitiatives');
    return list(args, adapter);
  },
};

/** The connection failed: what to do, and a retry (which then succeeds). */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => list(args, ScriptedAdapter.demo().failNext('listInitiatives', 'network')),
};

/** An adapter whose source sent two items it could not show: it left them out and counted them. */
class LeavesTwoOut extends MemoryAdapter {
  override async listInitiatives(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    const page = await super.listInitiatives(query, o);
    const message = '2 items left out (1 × expected an ISO 8601 date; 1 × an object without an id)';
    return { ...page, warnings: [{ source: 'Stroud Commons', code: 'invalid-response', skipped: 2, message }] };
  }
}

/**
 * A source sent items that could not be shown (a date that is not one, a post without an id): the
 * adapter left them out and counted them, and the list says how many, from where. The repair café has
 * an address but no coordinates (as Gancio and Mobilizon send it): the card shows the address.
 */
export const SomeLeftOut: Story = {
  render: (args) =>
    list(
      args,
      new LeavesTwoOut({
        data: {
          initiatives: [
            { id: 'fair', title: 'Seed swap', status: 'active', tags: ['food'] },
            {
              id: 'repair',
              title: 'Repair café',
              status: 'active',
              address: 'Trinity Centre, Trinity Road, Bristol',
              startsAt: '2030-06-01T10:00:00Z',
            },
          ],
          polls: [],
        },
      }),
    ),
};

/** A careless adapter sends something that is not an initiative: an error, never half-rendered data. */
export const Malformed: Story = {
  render: (args) => list(args, careless({ id: 9, title: ['not', 'a', 'string'] })),
};

/** 10,000 initiatives in one page: only the cards near the viewport are in the DOM (virtual scrolling). */
export const TenThousand: Story = {
  name: '10,000 initiatives',
  parameters: {
    settledWhen: ((root) =>
      all(root, 'civic-initiative-list', (l) => inside(l, '[part="item"][aria-setsize="10000"]'))) satisfies Settled,
  },
  args: { 'page-size': 1000 },
  render: (args) => list(args, thousands(10_000)),
};

/** Right to left, in Arabic: strings, numbers and plural forms follow the nearest `lang`. */
export const Arabic: Story = {
  render: (args) => html`<div lang="ar" dir="rtl">${list(args, ScriptedAdapter.demo())}</div>`,
};

/** The smallest width WCAG reflow asks for. */
export const Narrow320: Story = {
  args: { near: '51.454,-2.587', 'near-label': 'Bristol', 'radius-km': 10 },
  render: (args) =>
    html`<style>
        .civic-story-narrow {
          inline-size: 320px;
          outline: 1px dashed #8c959f;
        }
      </style>
      <div class="civic-story-narrow">${list(args, ScriptedAdapter.demo())}</div>`,
};
