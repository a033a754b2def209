/**
 * Every pseudo-locale story (stories/pseudo-locale.stories.ts: each element in `en-XA`, long accented
 * strings, at 320 px): no part is wider than its box, nothing sticks out of the 320 px column, no two
 * sibling controls overlap, and every string on screen is a translated one (in brackets).
 */
import { expect } from '@open-wc/testing';
import { render, type LitElement, type TemplateResult } from 'lit';
import * as stories from '../../../../stories/pseudo-locale.stories.js';
import './all.js';
import { STRING_TABLES } from './tables.js';

const CONTROLS = new Set(['button', 'input', 'select', 'textarea', 'a', 'label', 'summary']);

/** Every element under `root`, through shadow roots. */
function deep(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deep(el.shadowRoot));
  }
  return out;
}

const rendered = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
};
/** Hidden from people on purpose: visually hidden text, and the spam trap (off-screen, `aria-hidden`). */
const clipped = (el: Element) => el.closest('.visually-hidden, [aria-hidden="true"]') !== null;
const overlap = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const name = (el: Element) =>
  `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;

/** English strings of every element (long enough not to be found inside other words by chance). */
const ENGLISH = Object.values(STRING_TABLES)
  .flatMap((t) => Object.entries(t.en))
  .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 4);

/** The text of a shadow root apart from backend content (marked with its own `lang` or `dir="auto"`). */
function uiText(root: ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && (node.hasAttribute('lang') || node.getAttribute('dir') === 'auto')) return;
    if (node instanceof HTMLStyleElement) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ');
}

/** A viewport onto a larger surface, with controls laid over it, by design. */
const VIEWPORTS = new Set(['map']);

/** Nothing cut off, outside the column or overlapping, in the element's language now. */
function expectLaidOut(harness: Element, column: HTMLElement, lang: string): void {
  const all = deep(harness).filter((el) => rendered(el) && !clipped(el));
  const cut: string[] = [];
  const out: string[] = [];
  const box = column.getBoundingClientRect();
  for (const el of all) {
    const part = el.getAttribute('part');
    const style = getComputedStyle(el);
    if (part && !VIEWPORTS.has(part) && !style.display.startsWith('inline') && el.scrollWidth > el.clientWidth + 1)
      cut.push(`${name(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
    const r = el.getBoundingClientRect();
    if (
      (CONTROLS.has(el.localName) || part) &&
      !el.closest('.leaflet-pane, .leaflet-control-container') &&
      (r.left < box.left - 1 || r.right > box.right + 1)
    )
      out.push(`${name(el)}: ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)}`);
  }
  expect(cut, `${lang}: parts whose content is wider than they are`).to.deep.equal([]);
  expect(out, `${lang}: controls and parts outside the 320 px column`).to.deep.equal([]);

  const overlapping: string[] = [];
  const parents = new Set(all.map((el) => el.parentNode));
  for (const parent of parents) {
    if (!parent) continue;
    const controls = [...parent.children].filter(
      (el) =>
        (CONTROLS.has(el.localName) || el.hasAttribute('part')) &&
        !VIEWPORTS.has(el.getAttribute('part') ?? '') &&
        rendered(el) &&
        !clipped(el),
    );
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!;
        const b = controls[j]!;
        if (overlap(a.getBoundingClientRect(), b.getBoundingClientRect()) > 1)
          overlapping.push(`${name(a)} and ${name(b)}`);
      }
  }
  expect(overlapping, `${lang}: sibling controls that overlap`).to.deep.equal([]);
}

describe('the pseudo-locale at 320 px', function () {
  this.timeout(30_000);
  const roots: HTMLElement[] = [];
  afterEach(() => roots.splice(0).forEach((r) => r.remove()));

  const entries = Object.entries(stories).filter(([k]) => k !== 'default') as [
    string,
    { render: () => TemplateResult },
  ][];

  it('has a story for every element', () => {
    const tags = new Set(
      entries.flatMap(([, s]) => {
        const root = document.createElement('div');
        render(s.render(), root);
        return [...root.querySelectorAll('*')].map((e) => e.localName);
      }),
    );
    for (const tag of [
      'civic-initiative-card',
      'civic-initiative-list',
      'civic-poll',
      'civic-map',
      'civic-find-the-others',
      'civic-provider',
    ])
      expect(tags, tag).to.include(tag);
  });

  for (const [key, story] of entries) {
    it(`${key}: nothing cut off, sticking out or overlapping`, async () => {
      const root = document.createElement('div');
      render(story.render(), root);
      document.body.append(root);
      roots.push(root);
      const harness = root.querySelector<LitElement>('civic-story-pseudo')!;
      await harness.updateComplete;
      const column = root.querySelector<HTMLElement>('.civic-story-pseudo')!;
      expect(column.getBoundingClientRect().width).to.equal(320);

      expectLaidOut(harness, column, 'en-XA');

      const text = deep(harness)
        .filter((el) => el.shadowRoot)
        .map((el) => uiText(el.shadowRoot!))
        .join(' ');
      const untranslated = ENGLISH.filter(([, v]) => text.includes(v)).map(([k]) => k);
      expect(untranslated, 'English strings on screen').to.deep.equal([]);
      expect(text, 'the pseudo-locale is on screen').to.contain('⟦');

      // The same at 320 px in German (long words) and in Arabic (right to left).
      for (const [lang, dir] of [
        ['de', 'ltr'],
        ['ar', 'rtl'],
      ] as const) {
        column.lang = lang;
        column.dir = dir;
        await new Promise((r) => setTimeout(r, 50));
        await harness.updateComplete;
        const now = deep(harness)
          .filter((el) => el.shadowRoot)
          .map((el) => uiText(el.shadowRoot!))
          .join(' ');
        // The provider's message is written once, when it fails (a known gap: it keeps its first language).
        if (key !== 'Provider') expect(now, `${lang} replaced the pseudo-locale`).not.to.contain('⟦');
        expectLaidOut(harness, column, lang);
      }
    });
  }
});
