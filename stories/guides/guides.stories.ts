/**
 * The live examples of the guides (stories/guides/*.mdx): a site's own colours and fonts, the dark and
 * a high-contrast theme, and the guide's own adapter. Checked with axe like every story.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SettledState } from '../initiative-card.stories.js';
import { createFeedAdapter } from './example-adapter.js';

const meta: Meta = {
  title: 'Guides/Examples',
  tags: ['!autodocs'],
  parameters: { civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj;

const pair = html`<div class="guide-pair">
  <civic-initiative-card initiative-id="repair-cafe" heading-level="3" no-support></civic-initiative-card>
  <civic-poll poll-id="first-project" heading-level="3"></civic-poll>
</div>`;

const layout = html`<style>
  .guide-pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: 1rem;
    align-items: start;
  }
</style>`;

/**
 * A site's look, set once on the container (or on `:root`): its brand colour, its fonts, square
 * corners and tighter spacing. Every element inside takes it on. A palette for light pages only says
 * so with `theme="light"`: in a dark scheme the colours it leaves out (success, danger) would be the
 * dark ones, on its light surfaces.
 */
export const SiteColoursAndFonts: Story = {
  render: () =>
    html`${layout}
      <style>
        .millbrook-news {
          --civic-color-action: #9c2b23;
          --civic-color-action-text: #ffffff;
          --civic-color-surface: #fdf8ef;
          --civic-color-surface-alt: #f1e6d2;
          --civic-color-text: #2a211b;
          --civic-color-text-muted: #5c4d42;
          --civic-color-border: #9a8573;
          --civic-color-focus: #1f5f99;
          --civic-font-body: Georgia, 'DejaVu Serif', serif;
          --civic-font-heading: 'Trebuchet MS', 'DejaVu Sans', sans-serif;
          --civic-radius-m: 0;
          --civic-space-m: 0.875rem;
          --civic-poll-bar-color: #9c2b23;
        }
      </style>
      <civic-provider adapter="memory" theme="light" class="millbrook-news">${pair}</civic-provider>`,
};

/** `theme="dark"` on the provider; `theme="auto"` follows the visitor's setting. */
export const DarkTheme: Story = {
  render: () =>
    html`${layout}
      <style>
        .guide-dark {
          background: #111317;
          padding: 1rem;
        }
      </style>
      <div class="guide-dark">
        <civic-provider adapter="memory" theme="dark">${pair}</civic-provider>
      </div>`,
};

/**
 * A high-contrast theme in tokens: black on white, thick borders and focus ring. (In Windows' forced
 * colours the elements use the system colours by themselves.)
 */
export const HighContrast: Story = {
  render: () =>
    html`${layout}
      <style>
        .guide-high-contrast {
          --civic-color-action: #000000;
          --civic-color-action-text: #ffffff;
          --civic-color-surface: #ffffff;
          --civic-color-surface-alt: #e0e0e0;
          --civic-color-text: #000000;
          --civic-color-text-muted: #000000;
          --civic-color-border: #000000;
          --civic-color-focus: #0000ee;
          --civic-color-success: #005a00;
          --civic-color-danger: #a00000;
          --civic-focus-width: 4px;
          --civic-font-size-m: 1.125rem;
        }
      </style>
      <civic-provider adapter="memory" theme="light" class="guide-high-contrast">${pair}</civic-provider>`,
};

/** The guide's own adapter (example-adapter.ts) reading one JSON file (feed.json). */
export const OwnAdapter: Story = {
  render: () =>
    html`${layout}
      <civic-provider .adapter=${createFeedAdapter({ url: new URL('./feed.json', import.meta.url) })}>
        <div class="guide-pair">
          <civic-initiative-card initiative-id="tool-shed" heading-level="3"></civic-initiative-card>
          <civic-poll poll-id="park-name" heading-level="3"></civic-poll>
        </div>
      </civic-provider>`,
};
