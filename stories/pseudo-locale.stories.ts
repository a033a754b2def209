import '@civic-kit/elements/define/civic-find-the-others.js';
import '@civic-kit/elements/define/civic-initiative-card.js';
import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-map.js';
import '@civic-kit/elements/define/civic-poll.js';
import '@civic-kit/elements/define/civic-provider.js';
import { registerTranslation } from '@civic-kit/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, type TemplateResult } from 'lit';
import { pseudoEnglish } from '../packages/elements/src/translations/tables.js';
import { ScriptedAdapter } from '../test/helpers/adapters.js';

// `en-XA`: every string of every element from English, a third longer and accented, in brackets.
registerTranslation(pseudoEnglish());

/** The demo polls are open on this day, whatever day the stories are opened. */
const NOW = new Date('2026-12-01T12:00:00Z');
const demo = () => ScriptedAdapter.demo({ now: () => NOW });

type Ready = (el: HTMLElement & { shadowRoot: ShadowRoot }) => unknown;
const inside = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
// Timers, not animation frames: a background tab never paints.
async function waitFor(what: () => unknown, timeout = 8000): Promise<void> {
  const start = Date.now();
  while (!what()) {
    if (Date.now() - start > timeout) throw new Error('The story did not reach its state');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Story harness, not part of Civic Kit: waits until the element inside has reached the story's state
 * (running `act` on the way), so the canvas and the checks of every story show that state.
 */
class StoryPseudo extends LitElement {
  static override properties = { ready: { attribute: false }, act: { attribute: false } };
  declare ready: Ready | undefined;
  declare act: Ready | undefined;

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const el = this.firstElementChild as (HTMLElement & { shadowRoot: ShadowRoot; updateComplete?: unknown }) | null;
    const until = (what: Ready | undefined) => waitFor(() => !el || !what || what(el));
    await until(this.ready);
    if (el && this.act && !el.dataset['acted']) {
      el.dataset['acted'] = '';
      await this.act(el);
    }
    await until(this.ready);
    const all = [el, ...(el?.shadowRoot?.querySelectorAll('*') ?? [])].filter((e) => e?.localName.startsWith('civic-'));
    await Promise.all(all.map((e) => (e as LitElement).updateComplete));
    return result;
  }
}
if (!customElements.get('civic-story-pseudo')) customElements.define('civic-story-pseudo', StoryPseudo);

/** One element at the narrowest width WCAG reflow asks for, in the pseudo-locale. */
const narrow = (content: TemplateResult, ready: Ready, act?: Ready) =>
  html`<style>
      .civic-story-pseudo {
        inline-size: 320px;
        outline: 1px dashed #8c959f;
      }
    </style>
    <div class="civic-story-pseudo" lang="en-XA">
      <civic-story-pseudo .ready=${ready} .act=${act}>${content}</civic-story-pseudo>
    </div>`;

/**
 * Every element in `en-XA`, a pseudo-locale made from English by a function: each string a third
 * longer or more, accented, in brackets — at 320 px. Text cut off, overlapping, or left untranslated
 * (no brackets) shows at a glance; a test checks each story for all three.
 */
const meta: Meta = {
  title: 'Translations/Pseudo-locale',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

/** A card with everything: status, place, dates, organiser, topics, supporters toward a goal, support. */
export const Card: Story = {
  render: () =>
    narrow(html`<civic-initiative-card initiative-id="repair-cafe" .adapter=${demo()}></civic-initiative-card>`, (el) =>
      inside(el, '[part="support-button"]'),
    ),
};

/** The list with every filter (distance too), sort, count and "Show more". */
export const List: Story = {
  render: () =>
    narrow(
      html`<civic-initiative-list
        near="51.454,-2.587"
        near-label="Bristol"
        radius-km="25"
        page-size="2"
        .adapter=${demo()}
      ></civic-initiative-list>`,
      (el) => inside(el, '[part="more-button"]'),
    ),
};

/** A ranked poll with two options ranked: move, remove and add buttons, the rounds of the count. */
export const Poll: Story = {
  render: () =>
    narrow(
      html`<civic-poll poll-id="community-garden-site" .adapter=${demo()}></civic-poll>`,
      (el) => inside(el, '#add-0') || inside(el, '[part~="ranked-item"]'),
      (el) => {
        inside(el, '#add-1')?.click();
        inside(el, '#add-3')?.click();
      },
    ),
};

/** A multiple-choice poll sent with too many choices: the error summary and the inline error. */
export const PollErrors: Story = {
  render: () =>
    narrow(
      html`<civic-poll poll-id="budget-priorities" .adapter=${demo()}></civic-poll>`,
      (el) => inside(el, '#choice-0'),
      async (el) => {
        for (const s of ['#choice-0', '#choice-2', '#choice-3', '[part~="vote-button"]']) inside(el, s)?.click();
        await waitFor(() => inside(el, '[part="error-summary"]'));
      },
    ),
};

/** The map with its pins, zoom buttons, count, list toggle and attribution. */
export const Map: Story = {
  render: () =>
    narrow(
      html`<civic-map .adapter=${demo()}></civic-map>`,
      (el) => inside(el, '.leaflet-marker-icon') && inside(el, '[part="zoom"]'),
    ),
};

/** The map's list view. */
export const MapList: Story = {
  render: () =>
    narrow(html`<civic-map view="list" .adapter=${demo()}></civic-map>`, (el) =>
      inside(el, '[part="list"] [part="item"]'),
    ),
};

/** The sign-up form sent empty: error summary, every inline error, hints and consent. */
export const FindTheOthers: Story = {
  render: () =>
    narrow(
      html`<civic-find-the-others
        min-fill-seconds="0"
        outbox-key="civic-story-pseudo-signups"
        .adapter=${demo()}
      ></civic-find-the-others>`,
      (el) => inside(el, '#interest-0'),
      async (el) => {
        (inside(el, 'form') as HTMLFormElement | null)?.requestSubmit();
        await waitFor(() => inside(el, '[part="error-summary"]'));
      },
    ),
};

/** A provider that names an adapter it does not know: its message to the site's maintainer. */
export const Provider: Story = {
  parameters: { civic: { settled: 'misconfigured' } },
  render: () =>
    narrow(html`<civic-provider adapter="no-such-backend"></civic-provider>`, (el) => inside(el, '[role="alert"]')),
};
