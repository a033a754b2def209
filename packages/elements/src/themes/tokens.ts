/**
 * The public theme tokens: the one place their defaults live. Components read them through private
 * `--_…` locals, so a site that sets `--civic-color-action` on its `:root` reaches every element, and
 * the defaults follow the page's `color-scheme` (`light-dark()`): a page, provider or container with
 * `color-scheme: dark` gets the dark values; `color-scheme: light dark` follows the visitor's
 * `prefers-color-scheme`. Descriptions live in `token-docs.ts` (not shipped to visitors);
 * docs/theming.md is generated from both.
 */
import { unsafeCSS } from 'lit';

/** `--civic-<name>`: [light, dark?] (no dark value: the same in the dark). */
export const TOKEN_DEFAULTS = {
  'color-action': ['#1d4ed8', '#8ab4ff'],
  'color-action-text': ['#ffffff', '#0b1020'],
  'color-surface': ['#ffffff', '#1b1d21'],
  'color-surface-alt': ['#f3f4f6', '#26292f'],
  'color-text': ['#1f2328', '#e8eaed'],
  'color-text-muted': ['#57606a', '#a8b0ba'],
  'color-border': ['#8c959f', '#6e7681'],
  'color-focus': ['#b45309', '#ffbf47'],
  'color-success': ['#116329', '#56d364'],
  'color-danger': ['#b42318', '#ff8a80'],
  'font-body': ['system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'],
  'font-heading': ['inherit'],
  'font-size': ['1em'],
  'font-size-s': ['0.875em'],
  'font-size-m': ['1em'],
  'font-size-l': ['1.25em'],
  'space-xs': ['0.25em'],
  'space-s': ['0.5em'],
  'space-m': ['1em'],
  'space-l': ['1.5em'],
  'radius-m': ['0.5em'],
  'focus-width': ['3px'],
} as const satisfies Record<string, readonly [string] | readonly [string, string]>;

export type ThemeTokenName = `--civic-${keyof typeof TOKEN_DEFAULTS}`;

/** `:host { --_color-action: var(--civic-color-action, light-dark(…)); … }` for every token. */
export const tokenStyles = unsafeCSS(
  `:host{${Object.entries(TOKEN_DEFAULTS as Record<string, readonly string[]>)
    .map(([n, [light, dark]]) => `--_${n}:var(--civic-${n},${dark ? `light-dark(${light},${dark})` : light});`)
    .join('')}}`,
);
