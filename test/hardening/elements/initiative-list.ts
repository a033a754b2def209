/** `<civic-initiative-list>` in every state it has (see docs/accessibility/civic-initiative-list.md). */
import { careless, scripted, type Script } from '../adapters.js';
import { fullInitiative, harnessData, longInitiative, minimalInitiative } from '../data.js';
import type { Built, ElementHarness, StateContext } from '../types.js';
import { initiativeCard } from './initiative-card.js';

const TAG = 'civic-initiative-list';

const q = (b: Built, selector: string) => b.el.shadowRoot?.querySelector(selector) ?? null;
const has = (selector: string) => (b: Built) => q(b, selector) !== null;
const notBusy = (b: Built) => !has('[aria-busy="true"]')(b);
const listed = (b: Built) => notBusy(b) && has('[part="item"] [part="title"]')(b);

function list(ctx: StateContext, props: Record<string, unknown>, attributes: Record<string, string> = {}): Built {
  const el = ctx.doc.createElement(TAG);
  el.setAttribute('heading-level', '2');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, props);
  const root = ctx.doc.createElement('div');
  root.append(el);
  return { root, el };
}

function throughAdapter(ctx: StateContext, attributes: Record<string, string> = {}, script: Script = {}): Built {
  const s = scripted(ctx, harnessData(ctx), script);
  return { ...list(ctx, { adapter: s.adapter }, attributes), release: s.release };
}

export const initiativeList: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-initiative-list.md',
  states: [
    {
      name: 'from-property',
      build: (ctx) => list(ctx, { initiatives: [fullInitiative(ctx), longInitiative(ctx), minimalInitiative] }),
      ready: listed,
    },
    { name: 'from-adapter', build: (ctx) => throughAdapter(ctx), ready: listed },
    { name: 'without-filters', build: (ctx) => throughAdapter(ctx, { 'no-filters': '' }), ready: listed },
    {
      name: 'filtered-near-a-place',
      build: (ctx) => throughAdapter(ctx, { near: '51.454,-2.587', 'radius-km': '25', status: 'active' }),
      ready: listed,
    },
    {
      name: 'more-to-show',
      build: (ctx) => throughAdapter(ctx, { 'page-size': '2' }),
      ready: (b) => listed(b) && has('[part="more-button"]')(b),
    },
    {
      name: 'loading',
      build: (ctx) => throughAdapter(ctx, {}, { hold: ['listInitiatives'] }),
      ready: has('[aria-busy="true"]'),
    },
    {
      name: 'nothing-found',
      build: (ctx) => throughAdapter(ctx, { q: 'no-such-words-anywhere' }),
      ready: (b) => notBusy(b) && has('[part="clear-button"]')(b),
    },
    {
      name: 'network-error',
      build: (ctx) => throughAdapter(ctx, {}, { fail: { listInitiatives: 'network' } }),
      ready: has('[part="retry-button"]'),
    },
    {
      name: 'malformed-from-adapter',
      build: (ctx) => list(ctx, { adapter: careless({ id: 3, title: ['x'], status: 'sort-of' }) }),
      ready: (b) => notBusy(b) && has('[role="alert"]')(b),
    },
    {
      name: 'right-to-left-page',
      build: (ctx) => {
        const b = throughAdapter(ctx);
        b.root.lang = 'ar';
        b.root.dir = 'rtl';
        return b;
      },
      ready: listed,
    },
  ],
  announcements: [
    {
      name: 'the result count after a search',
      from: 'from-adapter',
      region: '[part="count"]',
      act: (b) => {
        const input = q(b, '#q') as HTMLInputElement;
        input.value = 'repair';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        (q(b, '[part="filters"]') as HTMLFormElement).requestSubmit();
      },
      says: /\d+ initiative/,
    },
  ],
  hostile: {
    model: initiativeCard.hostile!.model,
    viaProperty: (data, ctx) => list(ctx, { initiatives: [data] }, { 'no-filters': '' }),
    viaAdapter: (data, ctx, adapter) => list(ctx, { adapter: adapter ?? careless(data) }, { 'no-filters': '' }),
    // Shown, refused, or left out and counted (a source's page keeps its other items: here, none).
    settled: (b) =>
      notBusy(b) && (has('[part="item"] [part="title"]')(b) || has('[role="alert"]')(b) || has('[part="notice"]')(b)),
    shown: listed,
  },
};
