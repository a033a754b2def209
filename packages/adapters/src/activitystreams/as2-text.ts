/**
 * AS2 text: `content` is HTML, `name` plain text, and either may come as a language map
 * (`contentMap`, `nameMap`). Civic Kit shows backend text as text, so HTML is turned into plain text
 * here (tags dropped, paragraphs and line breaks kept as new lines, character references decoded)
 * without ever parsing it into a document.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  ntilde: 'ñ',
  euro: '€',
  pound: '£',
  copy: '©',
};

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });

/** HTML as plain text: what a reader would see, never markup. */
export function htmlToText(html: string): string {
  return decode(
    html
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

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
