/**
 * AS2 text: `content` is HTML, `name` plain text, and either may come as a language map
 * (`contentMap`, `nameMap`). Civic Kit shows backend text as text, so HTML is turned into plain text
 * by the one converter the adapters share (`../html-text.ts`: tags dropped, paragraphs and line breaks
 * kept, character references decoded), without ever parsing it into a document.
 */

export { htmlToText } from '../html-text.js';

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max
    ? s
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Which key of a language map suits `locale`: exact, then same language, then `fallback`, then the first. */
export function pickLanguage(
  keys: readonly string[],
  locale: string | undefined,
  fallback: string | undefined,
): string | undefined {
  const lower = (s: string) => s.toLowerCase();
  const primary = (s: string) => lower(s).split('-')[0];
  if (locale) {
    const exact = keys.find((k) => lower(k) === lower(locale));
    if (exact) return exact;
    const same = keys.find((k) => primary(k) === primary(locale));
    if (same) return same;
  }
  if (fallback && keys.includes(fallback)) return fallback;
  return keys[0];
}
