/**
 * A tile source's attribution, as the site owner writes it (`&copy; <a href="…">OpenStreetMap</a>
 * contributors`), turned into text and safe links — never into HTML. Only `<a href>` survives;
 * other tags keep their text; entities are decoded.
 */
import { safeUrl } from '@civic-kit/core';
import { html, type TemplateResult } from 'lit';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  middot: '·',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const stripTags = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, ''));

/** Text and links, in order. */
export function attributionParts(source: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  const link = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
  let at = 0;
  for (const m of source.matchAll(link)) {
    if (m.index > at) parts.push(stripTags(source.slice(at, m.index)));
    const href = safeUrl(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
    const text = stripTags(m[4] ?? '');
    parts.push(href ? html`<a href=${href}>${text}</a>` : text);
    at = m.index + m[0].length;
  }
  if (at < source.length) parts.push(stripTags(source.slice(at)));
  return parts.filter((p) => p !== '');
}
