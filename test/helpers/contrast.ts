/**
 * Text contrast computed against what is actually behind the text: the element's own background,
 * composited with its ancestors' (through shadow roots and slots) down to the page's. axe leaves text
 * whose backdrop it cannot work out as "incomplete"; this check does not, so an element that paints no
 * background of its own is measured against the page it is on.
 */
import { flatParent } from './focus.js';

type RGBA = [number, number, number, number];

function parse(color: string): RGBA | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return color === 'transparent' ? [0, 0, 0, 0] : undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: RGBA): number {
  const c = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}

export function ratio(a: RGBA, b: RGBA): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

const styleOf = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

/** The opaque colour behind `el`'s text, or undefined where an image or gradient is part of it. */
function backdrop(el: Element, canvas: RGBA): RGBA | undefined {
  const layers: RGBA[] = [];
  for (let a: Element | null = el; a; a = flatParent(a)) {
    const s = styleOf(a);
    if (s.display === 'contents') continue;
    if (s.backgroundImage !== 'none') return undefined;
    const bg = parse(s.backgroundColor);
    if (!bg) return undefined;
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), canvas);
}

/** Every element inside the open shadow roots in `root` with text of its own (the page's own text is the page's). */
function* textElements(root: Element | ShadowRoot, inside = false): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    if (inside && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) yield el;
    if (el.shadowRoot) yield* textElements(el.shadowRoot, true);
  }
}

function hidden(el: Element): boolean {
  if (!el.getClientRects().length) return true;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) return true; // visually hidden
  if (styleOf(el).visibility !== 'visible') return true;
  for (let a: Element | null = el; a; a = flatParent(a)) {
    const s = styleOf(a);
    if (s.display !== 'contents' && Number(s.opacity) === 0) return true;
    if (a instanceof HTMLOptionElement || a instanceof HTMLSelectElement) return true; // drawn by the system
  }
  return false;
}

/** Inactive controls are exempt from 1.4.3. */
const inactive = (el: Element) => {
  for (let a: Element | null = el; a; a = flatParent(a))
    if (a.getAttribute('aria-disabled') === 'true' || (a as HTMLButtonElement).disabled === true) return true;
  return false;
};

/**
 * Every text of an element in `root` below WCAG 1.4.3's minimum (4.5:1, or 3:1 for large text) against its
 * backdrop, with `canvas` the page's own background behind everything.
 */
export function contrastFailures(root: Element, canvas: string): string[] {
  const page = parse(canvas)!;
  const failures: string[] = [];
  for (const el of textElements(root)) {
    if (hidden(el) || inactive(el)) continue;
    const s = styleOf(el);
    const fg = parse(s.color);
    const bg = backdrop(el, page);
    if (!fg || !bg) continue;
    const size = Number.parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    const got = ratio(over(fg, bg), bg);
    if (got < needed - 0.005) {
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim()
        .slice(0, 40);
      const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
      failures.push(
        `${host} <${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}> "${text}": ${got.toFixed(2)}:1 (needs ${needed}:1)`,
      );
    }
  }
  return failures;
}
