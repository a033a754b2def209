/**
 * The public theme tokens: the one place their defaults live. Components read them through the
 * private `--_…` locals below, so a site that sets `--civic-color-action` on its `:root` reaches every
 * element, and the defaults follow the page's `color-scheme` (`light-dark()`): a page, provider or
 * container with `color-scheme: dark` gets the dark values; `color-scheme: light dark` follows the
 * visitor's `prefers-color-scheme`. docs/theming.md is generated from this table.
 */
import { unsafeCSS } from 'lit';

export interface ThemeToken {
  name: `--civic-${string}`;
  light: string;
  /** Omitted when the value does not change in the dark. */
  dark?: string;
  description: string;
}

export const THEME_TOKENS = [
  {
    name: '--civic-color-action',
    light: '#1d4ed8',
    dark: '#8ab4ff',
    description: 'Buttons, links, progress and result bars.',
  },
  {
    name: '--civic-color-action-text',
    light: '#ffffff',
    dark: '#0b1020',
    description: 'Text on an action-coloured background.',
  },
  { name: '--civic-color-surface', light: '#ffffff', dark: '#1b1d21', description: 'Background of cards and panels.' },
  {
    name: '--civic-color-surface-alt',
    light: '#f3f4f6',
    dark: '#26292f',
    description: 'Tracks of bars, tags, skeletons.',
  },
  { name: '--civic-color-text', light: '#1f2328', dark: '#e8eaed', description: 'Body text.' },
  {
    name: '--civic-color-text-muted',
    light: '#57606a',
    dark: '#a8b0ba',
    description: 'Secondary text: places, dates, sources.',
  },
  {
    name: '--civic-color-border',
    light: '#8c959f',
    dark: '#6e7681',
    description: 'Borders of cards and form controls (3:1 against the surface).',
  },
  { name: '--civic-color-focus', light: '#b45309', dark: '#ffbf47', description: 'Focus outline.' },
  {
    name: '--civic-color-success',
    light: '#116329',
    dark: '#56d364',
    description: 'Confirmations ("your vote was counted").',
  },
  { name: '--civic-color-danger', light: '#b42318', dark: '#ff8a80', description: 'Errors.' },
  {
    name: '--civic-font-body',
    light: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    description: 'Body font.',
  },
  { name: '--civic-font-heading', light: 'inherit', description: 'Headings font (defaults to the body font).' },
  { name: '--civic-font-size-s', light: '0.875rem', description: 'Small text.' },
  { name: '--civic-font-size-m', light: '1rem', description: 'Body text.' },
  { name: '--civic-font-size-l', light: '1.25rem', description: 'Titles.' },
  { name: '--civic-space-xs', light: '0.25rem', description: 'Smallest gap.' },
  { name: '--civic-space-s', light: '0.5rem', description: 'Small gap.' },
  { name: '--civic-space-m', light: '1rem', description: 'Padding of cards and panels.' },
  { name: '--civic-space-l', light: '1.5rem', description: 'Large gap.' },
  { name: '--civic-radius-m', light: '0.5rem', description: 'Corner radius of cards and buttons.' },
  { name: '--civic-focus-width', light: '3px', description: 'Width of the focus outline.' },
] as const satisfies readonly ThemeToken[];

export type ThemeTokenName = (typeof THEME_TOKENS)[number]['name'];

const local = (name: string) => `--_${name.slice('--civic-'.length)}`;
const fallback = (t: ThemeToken) => ('dark' in t && t.dark ? `light-dark(${t.light}, ${t.dark})` : t.light);

/** `:host { --_color-action: var(--civic-color-action, light-dark(…)); … }` for every token. */
export const tokenStyles = unsafeCSS(
  `:host{${(THEME_TOKENS as readonly ThemeToken[]).map((t) => `${local(t.name)}:var(${t.name},${fallback(t)});`).join('')}}`,
);
