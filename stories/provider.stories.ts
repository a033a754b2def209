import { PROVIDER_THEMES, type ProviderTheme } from '@civic-kit/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { SettledState } from './initiative-card.stories.js';

/** Args of `<civic-provider>`: attribute names as in custom-elements.json, plus `lang`. */
interface ProviderArgs {
  adapter: string;
  lang: string;
  theme?: ProviderTheme | undefined;
  'initiative-id': string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/Provider',
  component: 'civic-provider',
  args: { adapter: 'memory', lang: 'en', 'initiative-id': 'repair-cafe' },
  argTypes: {
    adapter: { control: 'text' },
    lang: { control: 'select', options: ['en', 'es', 'de', 'fr', 'ar'] },
    theme: { control: 'select', options: [undefined, ...PROVIDER_THEMES] },
    'initiative-id': {
      control: 'text',
      description: 'Of the card inside (a demo data id).',
      table: { category: 'story' },
    },
  },
  render: (args) =>
    html`<style>
        .civic-story-card {
          max-inline-size: 24rem;
        }
      </style>
      <civic-provider adapter=${args.adapter} lang=${args.lang} theme=${args.theme ?? nothing}>
        <div class="civic-story-card">
          <civic-initiative-card initiative-id=${args['initiative-id']} no-support></civic-initiative-card>
        </div>
      </civic-provider>`,
  parameters: { civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** `adapter="memory"` loads the demo data set (only when a page asks for it) and serves every card inside. */
export const MemoryAdapter: Story = {};

/** A misconfigured provider says what is wrong, and which data sources it knows. */
export const UnknownAdapter: Story = {
  args: { adapter: 'does-not-exist' },
  parameters: { civic: { settled: 'misconfigured' satisfies SettledState } },
};

/** Two embeds on one page, each in its own language: the strings follow each provider's `lang`. */
export const TwoLanguages: Story = {
  parameters: { layout: 'fullscreen' },
  render: () =>
    html`<style>
        .civic-story-pair {
          display: grid;
          grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
          gap: 1rem;
          padding: 1rem;
        }
      </style>
      <div class="civic-story-pair">
        <civic-provider adapter="memory" lang="en">
          <civic-initiative-card initiative-id="wiehre-reparatur-treff" no-support></civic-initiative-card>
        </civic-provider>
        <civic-provider adapter="memory" lang="de">
          <civic-initiative-card initiative-id="wiehre-reparatur-treff" no-support></civic-initiative-card>
        </civic-provider>
      </div>`,
};
