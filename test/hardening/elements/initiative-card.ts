/** `<civic-initiative-card>` in every state it has (see docs/accessibility/civic-initiative-card.md). */
import { Outbox } from '@civic-kit/core';
import { careless, scripted, type Script } from '../adapters.js';
import {
  arabicInitiative,
  fullInitiative,
  goalReachedInitiative,
  harnessData,
  longInitiative,
  minimalInitiative,
  translatedInitiative,
} from '../data.js';
import type { Built, ElementHarness, ElementState, StateContext } from '../types.js';

const TAG = 'civic-initiative-card';

const q = (b: Built, selector: string) => b.el.shadowRoot?.querySelector(selector) ?? null;
const has = (selector: string) => (b: Built) => q(b, selector) !== null;
const says = (selector: string, text: RegExp) => (b: Built) => text.test(q(b, selector)?.textContent ?? '');

/** A card in a wrapper of a card's usual width (a grid column on a community page). */
let outboxes = 0;

function card(ctx: StateContext, props: Record<string, unknown>, wrapper?: HTMLElement): Built {
  const el = ctx.doc.createElement(TAG);
  el.setAttribute('heading-level', '2');
  // A queue of its own, and no deadline: a support held or queued here stays out of other states.
  const outbox = new Outbox(`civic-hardening:card-outbox:${++outboxes}:${Math.random().toString(36).slice(2)}`);
  Object.assign(el, { outbox, sendTimeout: 0, ...props });
  const root = wrapper ?? ctx.doc.createElement('div');
  root.style.setProperty('max-inline-size', '24rem');
  root.append(el);
  return { root, el };
}

/** A card loading `id` through the memory adapter (harness data) with calls held or failed on request. */
function throughAdapter(ctx: StateContext, id: string, script: Script = {}): Built {
  const s = scripted(ctx, harnessData(ctx), script);
  return { ...card(ctx, { adapter: s.adapter, initiativeId: id }), release: s.release };
}

const clickSupport = async (b: Built) => {
  await new Promise<void>((resolve, reject) => {
    const start = Date.now();
    const poll = () => {
      const button = q(b, '[part="support-button"]') as HTMLButtonElement | null;
      if (button) {
        button.click();
        resolve();
      } else if (Date.now() - start > 5000) reject(new Error('no support button'));
      else setTimeout(poll, 20);
    };
    poll();
  });
};

const titled = has('[part="title"]');
const alerting = (b: Built) => has('[role="alert"]')(b) && !titled(b);

const states: ElementState[] = [
  { name: 'full', build: (ctx) => card(ctx, { initiative: fullInitiative(ctx) }), ready: titled },
  { name: 'minimal', build: (ctx) => card(ctx, { initiative: minimalInitiative }), ready: titled },
  {
    // Backend HTML through the sanitizer (loaded for it): under the strict CSP it parses through
    // DOMPurify's Trusted Types policy.
    name: 'full-description',
    build: (ctx) =>
      card(ctx, {
        showBody: true,
        initiative: {
          ...fullInitiative(ctx),
          body: 'We meet on the first Saturday of the month.\nBring something broken.',
          bodyHtml:
            '<p>We meet on the <strong>first Saturday</strong> of the month.</p><ul><li>Bring something broken</li>' +
            '<li>Tea and cake</li></ul><p>More on <a href="https://example.org/repair">our page</a>.</p>',
        },
      }),
    ready: has('[part="description"] li'),
  },
  { name: 'long-texts', build: (ctx) => card(ctx, { initiative: longInitiative(ctx) }), ready: titled },
  {
    name: 'right-to-left-page',
    build: (ctx) => {
      const wrapper = ctx.doc.createElement('div');
      wrapper.lang = 'ar';
      wrapper.dir = 'rtl';
      return card(ctx, { initiative: arabicInitiative }, wrapper);
    },
    ready: says('[part="status"]', /[\u0600-\u06ff]/),
  },
  {
    name: 'foreign-language-text',
    build: (ctx) => card(ctx, { initiative: arabicInitiative }),
    ready: titled,
  },
  { name: 'machine-translated', build: (ctx) => card(ctx, { initiative: translatedInitiative }), ready: titled },
  { name: 'goal-reached', build: (ctx) => card(ctx, { initiative: goalReachedInitiative }), ready: titled },
  {
    name: 'dark-theme',
    build: (ctx) => {
      const provider = ctx.doc.createElement('civic-provider');
      provider.setAttribute('theme', 'dark');
      const b = card(ctx, { initiative: fullInitiative(ctx) });
      provider.append(b.root);
      return { root: provider, el: b.el };
    },
    ready: titled,
  },
  { name: 'empty', build: (ctx) => card(ctx, {}), ready: has('[part="base"]') },
  {
    name: 'loading',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe', { hold: ['getInitiative'] }),
    ready: has('[aria-busy="true"]'),
  },
  {
    name: 'waiting-for-a-data-source',
    build: (ctx) => card(ctx, { initiativeId: 'repair-cafe' }),
    // The card waits 3 s for a provider before it says there is none.
    ready: (b) => has('[aria-busy="true"]')(b) && has('.note')(b),
  },
  {
    name: 'network-error',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe', { fail: { getInitiative: 'network' } }),
    ready: (b) => alerting(b) && has('[part="retry-button"]')(b),
  },
  { name: 'not-found', build: (ctx) => throughAdapter(ctx, 'no-such-initiative'), ready: alerting },
  {
    name: 'malformed-property',
    build: (ctx) => card(ctx, { initiative: { id: 7, title: null, status: 'sort-of' } }),
    ready: alerting,
  },
  {
    name: 'malformed-from-adapter',
    build: (ctx) => card(ctx, { adapter: careless({ id: 1, title: ['not', 'a', 'string'] }), initiativeId: 'x' }),
    ready: alerting,
  },
  {
    name: 'can-support',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe'),
    ready: has('[part="support-button"]'),
  },
  {
    name: 'support-sending',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe', { hold: ['supportInitiative'] }),
    act: clickSupport,
    ready: says('[role="status"]', /\S/),
  },
  {
    name: 'support-counted',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe'),
    act: clickSupport,
    ready: has('.message--success'),
  },
  {
    name: 'support-failed',
    build: (ctx) => throughAdapter(ctx, 'repair-cafe', { fail: { supportInitiative: 'rate-limited' } }),
    act: clickSupport,
    ready: (b) => has('[part="supporters"] [role="alert"]')(b) && has('[part="support-button"]')(b),
  },
];

export const initiativeCard: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-initiative-card.md',
  states,
  hostile: {
    model: (text, url) => ({
      id: `id-${text}`.slice(0, 200),
      title: text,
      summary: text,
      body: text,
      url,
      image: { url, alt: text },
      status: 'active',
      place: { lat: 51.45, lng: -2.58, address: text, precision: 'area' },
      tags: [text, 'repair'],
      supporters: { count: 3, goal: 10 },
      organiser: { name: text, url },
      source: { name: text, url },
      language: 'ar',
      machineTranslated: true,
    }),
    viaProperty: (data, ctx) => card(ctx, { initiative: data }),
    viaAdapter: (data, ctx, adapter) => card(ctx, { adapter: adapter ?? careless(data), initiativeId: 'hostile' }),
    settled: (b) => titled(b) || alerting(b),
    shown: titled,
  },
  announcements: [
    {
      name: 'support is being sent',
      from: 'can-support',
      region: '[part="supporters"] [role="status"]',
      act: clickSupport,
      says: /Sending/,
    },
  ],
};
