/**
 * Backends send rich text as HTML (Decidim's API unescaped, ActivityStreams' `content`). The adapters turn it into
 * plain text here, at the boundary: tags are dropped (the content of `<script>`, `<style>` and
 * `<template>` with them), block ends become line breaks and character references are decoded. The
 * result is only ever rendered as text, so it is never parsed as HTML again (no `DOMParser`, which is
 * a Trusted Types sink, and no `innerHTML`).
 */

/** Elements whose content is not text a reader sees. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
  'title',
]);
/** Elements that end a line or a paragraph. */
const BLOCK =
  /^(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|header|footer|aside|nav|dd|dt|dl|hr|figure|figcaption|address)$/;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  bull: '\u2022',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  deg: '\u00b0',
  times: '\u00d7',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  ordm: '\u00ba',
  ordf: '\u00aa',
  aacute: '\u00e1',
  eacute: '\u00e9',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  agrave: '\u00e0',
  egrave: '\u00e8',
  ograve: '\u00f2',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  szlig: '\u00df',
  Aacute: '\u00c1',
  Eacute: '\u00c9',
  Oacute: '\u00d3',
  Ccedil: '\u00c7',
  Ntilde: '\u00d1',
};

/** Decode HTML character references (`&amp;`, `&#233;`, `&#xE9;`); unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range values become U+FFFD, as an HTML parser does.
      if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

/** Where the tag that starts at `i` (a `<`) ends: the index after its `>`, quotes respected. */
function tagEnd(html: string, i: number): number {
  let quote = '';
  for (let j = i + 1; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // Quotes only delimit attribute values (after `=`); elsewhere they are ordinary characters.
      if (/=\s*$/.test(html.slice(Math.max(i, j - 8), j))) quote = c;
    } else if (c === '>') return j + 1;
  }
  return html.length;
}

/**
 * Plain text of an HTML fragment: paragraphs separated by a blank line, lines by a line break, runs
 * of spaces collapsed. Text without markup comes back unchanged apart from whitespace.
 */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += decodeEntities(html.slice(i));
      break;
    }
    out += decodeEntities(html.slice(i, lt));
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9);
      out += html.slice(lt + 9, close < 0 ? n : close);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (!/[a-zA-Z/!?]/.test(next)) {
      // A lone `<` (as in `a < b`) is text.
      out += '<';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    const name = (/^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(end, lt + 40)))?.[1] ?? '').toLowerCase();
    const closing = next === '/';
    i = end;
    if (!closing && DROPPED.has(name) && !html.slice(lt, end).endsWith('/>')) {
      // Skip to the matching end tag (or the end of the input).
      const close = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(end));
      i = close ? end + close.index + close[0].length : n;
      continue;
    }
    if (BLOCK.test(name)) {
      // A line break, or a blank line between paragraphs, never more than one.
      const want = name === 'p' || /^h[1-6]$/.test(name) || name === 'blockquote' ? '\n\n' : '\n';
      const have = /\n*$/.exec(out.replace(/[^\S\n]+$/, ''))![0].length;
      if (have < want.length) out += want.slice(have);
    } else if (name === 'td' || name === 'th') out += ' ';
  }
  return out
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` characters, cut at a word boundary where there is one, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

/** The first paragraph of a text, clipped to `max` characters: a card's summary. */
export function firstParagraph(text: string, max: number): string {
  const first = text.split(/\n\s*\n/, 1)[0] ?? '';
  return clip(first.replace(/\s*\n\s*/g, ' '), max);
}
