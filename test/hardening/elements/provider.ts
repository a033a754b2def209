/** `<civic-provider>` in every state it has (see docs/accessibility/civic-provider.md). */
import { scripted } from '../adapters.js';
import { harnessData } from '../data.js';
import type { Built, ElementHarness, StateContext } from '../types.js';

const TAG = 'civic-provider';

/** A provider with attributes and a card inside (`no-support`: the state is about the provider). */
function providerWith(ctx: StateContext, attributes: Record<string, string>, cards = ['repair-cafe']): Built {
  const el = ctx.doc.createElement(TAG);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const id of cards) {
    const card = ctx.doc.createElement('civic-initiative-card');
    card.setAttribute('initiative-id', id);
    card.setAttribute('heading-level', '2');
    card.toggleAttribute('no-support', true);
    el.append(card);
  }
  return { root: el, el };
}

/** Every card inside shows its title. */
const cardsShown = (b: Built) => {
  const cards = [...b.el.querySelectorAll('civic-initiative-card')];
  return cards.length > 0 && cards.every((c) => c.shadowRoot?.querySelector('[part="title"]'));
};

export const provider: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-provider.md',
  states: [
    {
      name: 'memory-adapter',
      // The demo data set, loaded only because the page asked for `adapter="memory"`.
      build: (ctx) => providerWith(ctx, { adapter: 'memory', lang: 'en' }),
      ready: cardsShown,
    },
    {
      name: 'host-adapter',
      build: (ctx) => {
        const b = providerWith(ctx, { lang: 'en' }, ['repair-cafe', 'minimal']);
        (b.el as HTMLElement & { adapter: unknown }).adapter = scripted(ctx, harnessData(ctx)).adapter;
        return b;
      },
      ready: cardsShown,
    },
    {
      name: 'dark-theme',
      build: (ctx) => providerWith(ctx, { adapter: 'memory', lang: 'en', theme: 'dark' }),
      ready: cardsShown,
    },
    {
      name: 'auto-theme',
      build: (ctx) => providerWith(ctx, { adapter: 'memory', lang: 'en', theme: 'auto' }),
      ready: cardsShown,
    },
    {
      name: 'other-language',
      build: (ctx) => providerWith(ctx, { adapter: 'memory', lang: 'de' }),
      ready: (b) =>
        cardsShown(b) &&
        /Unterstützer|Status/.test(b.el.querySelector('civic-initiative-card')!.shadowRoot!.textContent ?? ''),
    },
    {
      name: 'right-to-left-language',
      build: (ctx) => providerWith(ctx, { adapter: 'memory', lang: 'ar', dir: 'rtl' }),
      ready: cardsShown,
    },
    {
      name: 'misconfigured',
      build: (ctx) => providerWith(ctx, { adapter: 'does-not-exist', lang: 'en' }),
      ready: (b) =>
        !!b.el.shadowRoot?.querySelector('[part="message"][role="alert"]') &&
        !!b.el.querySelector('civic-initiative-card')?.shadowRoot?.querySelector('[role="alert"]'),
    },
  ],
};
