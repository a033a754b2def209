import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CivicAdmin } from '../packages/admin/src/admin-app.js';
import type { SettledState } from './initiative-card.stories.js';

if (!customElements.get('civic-admin')) customElements.define('civic-admin', CivicAdmin);

/**
 * The organisers' page the reference server serves at `/admin/` (`@civic-kit/admin`). Past signing in it
 * needs a running server: `pnpm start`, then http://127.0.0.1:8787/admin/ (see the README's "Run your
 * community's own server").
 */
const meta: Meta<{ api: string }> = {
  title: 'Organisers/Admin page',
  component: 'civic-admin',
  args: { api: '' },
  argTypes: { api: { control: 'text', description: "The server's origin (default: the page's own)." } },
  render: (args) => html`<civic-admin api=${args.api}></civic-admin>`,
  parameters: { civic: { settled: 'card' satisfies SettledState } },
};
export default meta;

type Story = StoryObj<{ api: string }>;

/** Signing in with an admin token made by `civic-server admin-token create`. */
export const SignIn: Story = { name: 'Sign in' };
