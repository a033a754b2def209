import { nothing, type TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';

/** The heading levels an element's `heading-level` may take. */
export const HEADING_LEVELS = [2, 3, 4, 5, 6] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

const TAGS: Record<HeadingLevel, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/** An element's `heading-level` as used: one of 2–6, else the element's default. */
export const headingLevel = (level: unknown, fallback: HeadingLevel): HeadingLevel =>
  HEADING_LEVELS.includes(level as HeadingLevel) ? (level as HeadingLevel) : fallback;

/**
 * A heading at `level`, for sub-headings `level + 1`…: below 2 it is 2, beyond 6 it stays 6 (HTML has
 * no h7), and a level that is not a number gives 3.
 */
export function heading(
  level: number,
  content: unknown,
  o: { id?: string | undefined; part?: string | undefined; className?: string | undefined } = {},
): TemplateResult {
  const tag = TAGS[Math.min(6, Math.max(2, Math.round(level))) as HeadingLevel] ?? TAGS[3];
  // A static html template: the tag is a `literal`, not a binding (the lint rules cannot tell).
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  return html`<${tag} id=${o.id ?? nothing} part=${o.part ?? nothing} class=${o.className ?? nothing}>${content}</${tag}>`;
}
