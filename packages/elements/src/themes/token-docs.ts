import { TOKEN_DEFAULTS, type ThemeTokenName } from './tokens.js';

/** What each token colours or sizes; kept out of the element bundles (visitors never read it). */
const DESCRIPTIONS: Record<keyof typeof TOKEN_DEFAULTS, string> = {
  'color-action': 'Buttons, links, progress and result bars.',
  'color-action-text': 'Text on an action-coloured background.',
  'color-surface': 'Background of cards and panels.',
  'color-surface-alt': 'Tracks of bars, tags, skeletons.',
  'color-text': 'Body text.',
  'color-text-muted': 'Secondary text: places, dates, sources.',
  'color-border': 'Borders of cards and form controls (3:1 against the surface).',
  'color-focus': 'Focus outline.',
  'color-success': 'Confirmations ("your vote was counted").',
  'color-danger': 'Errors.',
  'font-body': 'Body font.',
  'font-heading': 'Headings font (defaults to the body font).',
  'font-size':
    'Text size of every element, which every other size follows (`em`). Defaults to the text around the element; set it in `px` or `rem` (an `em` or `%` value multiplies in nested elements, such as a card in a list).',
  'font-size-s': 'Small text.',
  'font-size-m': 'Body text.',
  'font-size-l': 'Titles.',
  'space-xs': 'Smallest gap.',
  'space-s': 'Small gap.',
  'space-m': 'Padding of cards and panels.',
  'space-l': 'Large gap.',
  'radius-m': 'Corner radius of cards and buttons.',
  'focus-width': 'Width of the focus outline.',
};

export interface ThemeToken {
  name: ThemeTokenName;
  light: string;
  /** Omitted when the value does not change in the dark. */
  dark?: string | undefined;
  description: string;
}

/** Every public token with its defaults and description (docs, story controls, tests). */
export const THEME_TOKENS: readonly ThemeToken[] = Object.entries(
  TOKEN_DEFAULTS as Record<string, readonly string[]>,
).map(([n, [light, dark]]) => ({
  name: `--civic-${n}` as ThemeTokenName,
  light: light!,
  dark,
  description: DESCRIPTIONS[n as keyof typeof TOKEN_DEFAULTS],
}));
