/**
 * The demo community page (examples/index.html) walked by keyboard alone, at 1280 px and at 320 px:
 * Tab from the top to the end, and at every stop the name and role the accessibility tree gives the
 * focused element, and its focus indicator in full view (inside every ancestor that clips it and inside
 * the viewport), in reading order; then a pin's card opened from the map's list view, walked the same
 * way, and closed with Escape. Built bundles: `pnpm build` first.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { focusedNode } from './hardening/commands.js';
import { deepActiveElement, flatParent, focusProblems } from './helpers/focus.js';

const PAGE = '/examples/index.html';

interface Stop {
  name: string;
  role: string;
  el: Element;
  problems: string[];
}

/** The demo in a frame of `width` × `height`, once its elements have their content. */
async function demo(width: number, height: number): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  localStorage.removeItem('civic-kit-example');
  const frame = document.createElement('iframe');
  frame.title = 'The demo community page';
  frame.src = PAGE;
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument!;
  const inShadow = (host: Element | null, selector: string) => !!host?.shadowRoot?.querySelector(selector);
  await waitUntil(
    () =>
      inShadow(doc.querySelector('civic-map'), '.leaflet-marker-icon') &&
      inShadow(doc.querySelector('civic-initiative-list'), '[part="item"]') &&
      [...doc.querySelectorAll('civic-initiative-card')].every((c) => inShadow(c, '[part="title"]')) &&
      inShadow(doc.querySelector('civic-find-the-others'), 'input[name="interests"]'),
    'the demo page did not load',
    { timeout: 20_000 },
  );
  return { frame, doc };
}

/** Press Tab (or Shift+Tab) and describe where focus lands; undefined once it has left the frame. */
async function tab(frame: HTMLIFrameElement, back = false): Promise<Stop | undefined> {
  if (back) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (back) await sendKeys({ up: 'Shift' });
  return here(frame);
}

async function here(frame: HTMLIFrameElement): Promise<Stop | undefined> {
  if (document.activeElement !== frame) return undefined;
  const el = deepActiveElement(frame.contentDocument!);
  if (!el || el === frame.contentDocument!.body) return undefined;
  const node = await focusedNode(PAGE);
  return { name: node.name ?? '', role: node.role ?? '', el, problems: focusProblems(el) };
}

/** Elements in flat-tree order (shadow roots in place of their hosts' children, slots by what they hold). */
function flatOrder(root: Node): Element[] {
  const out: Element[] = [];
  // No instanceof: the nodes belong to the frame's realm.
  const visit = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'slot') {
      const assigned = (node as HTMLSlotElement).assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...node.childNodes]).forEach(visit);
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      out.push(el);
      if (el.shadowRoot) {
        [...el.shadowRoot.childNodes].forEach(visit);
        return;
      }
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** What a name must never look like: spaces lost or added by markup, invisible marks. */
function nameFaults(name: string): string[] {
  return [
    /\s[:;,.!?)]/.test(name) ? 'a space before punctuation' : '',
    /\p{Ll}\(/u.test(name) ? 'a word run into "("' : '',
    /\p{Ll}[.!?]\p{Lu}/u.test(name) ? 'two sentences run together' : '',
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name) ? 'invisible direction marks' : '',
    /\s{2,}/.test(name) ? 'a double space' : '',
    name.trim() ? '' : 'no name',
  ].filter(Boolean);
}

const INTERACTIVE = new Set([
  'link',
  'button',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'region',
  'dialog',
]);

/** `wanted` appear among `names` in this order (each the first match after the one before). */
function inOrder(names: string[], wanted: (string | RegExp)[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const w of wanted) {
    const at = names.findIndex((n, i) => i >= from && (typeof w === 'string' ? n === w : w.test(n)));
    if (at < 0) missing.push(String(w));
    else from = at + 1;
  }
  return missing;
}

for (const [width, height] of [
  [1280, 800],
  [320, 640],
] as const) {
  describe(`the demo page by keyboard alone, at ${width} px`, function () {
    this.timeout(180_000);
    let frame: HTMLIFrameElement | undefined;
    before(() => setViewport({ width: Math.max(width, 800) + 40, height: height + 40 }));
    afterEach(() => frame?.remove());

    it('reaches every stop in reading order, each named, with a role, and its focus in full view', async () => {
      const page = await demo(width, height);
      frame = page.frame;
      frame.focus();
      const stops: Stop[] = [];
      for (let n = 0; n < 250; n++) {
        const stop = await tab(frame);
        if (!stop || stops.some((s) => s.el === stop.el)) break;
        stops.push(stop);
      }
      const names = stops.map((s) => s.name);
      expect(stops.length, 'Tab stops on the page').to.be.above(80);
      const faults = stops.flatMap((s, i) => [
        ...nameFaults(s.name).map((f) => `${i} "${s.name}": ${f}`),
        ...(INTERACTIVE.has(s.role) ? [] : [`${i} "${s.name}": role ${s.role}`]),
        ...s.problems.map((p) => `${i} ${s.role} "${s.name}": ${p}`),
      ]);
      expect(faults).to.deep.equal([]);
      // Reading order: each stop comes after the one before in the page (flat tree, shadow roots included).
      const order = flatOrder(page.doc.documentElement);
      const positions = stops.map((s) => order.indexOf(s.el));
      expect(
        positions.filter((p) => p < 0),
        'stops found in the page',
      ).to.deep.equal([]);
      const backwards = positions
        .map((p, i) => (i && p < positions[i - 1]! ? `${i - 1} "${names[i - 1]}" → ${i} "${names[i]}"` : ''))
        .filter(Boolean);
      expect(backwards, 'stops out of reading order').to.deep.equal([]);
      // Landmarks of the walk, in the order a visitor meets them (written from the page, by hand).
      expect(
        inOrder(names, [
          'Initiatives',
          'Bristol Repair Café',
          'Support: Bristol Repair Café',
          'Show as list',
          'Map of initiatives',
          /^\d+ initiatives$/,
          'Zoom in',
          'Zoom out',
          'Search',
          'Status',
          'Topic',
          'Sort by',
          'Show more initiatives',
          'Vote',
          'Full name',
          'Anything you would like local groups to know (optional)',
          'Sign up',
          'Unterstützen: Lastenräder zum Ausleihen im Vauban',
          'Apoyar: Huerto urbano de Benimaclet',
          'Soutenir: Ressourcerie de quartier à la Croix-Rousse',
        ]),
        'stops missing, or out of order',
      ).to.deep.equal([]);
    });

    it('opens a pin’s card from the map’s list view, every stop in it in view, and Escape returns to the pin', async () => {
      const page = await demo(width, height);
      frame = page.frame;
      frame.focus();
      const until = async (what: (s: Stop) => boolean, message: string) => {
        for (let n = 0; n < 60; n++) {
          const stop = await tab(frame!);
          if (stop && what(stop)) return stop;
        }
        throw new Error(message);
      };
      await until((s) => s.name === 'Show as list', 'no "Show as list"');
      await sendKeys({ press: 'Enter' });
      const show = await until((s) => /^Show .+ on the map$/.test(s.name), 'no "Show … on the map"');
      const title = /^Show (.+) on the map$/.exec(show.name)![1]!;
      await sendKeys({ press: 'Enter' });
      const map = page.doc.querySelector('civic-map')!;
      await waitUntil(() => map.shadowRoot!.querySelector('.popup civic-initiative-card'), 'no card opened');
      const card = map.shadowRoot!.querySelector('.popup civic-initiative-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('[part="support-button"]'), 'the card did not load');
      await new Promise((r) => setTimeout(r, 200)); // fitted again once the card has its full size
      const close = (await here(frame))!;
      expect([close.role, close.name]).to.deep.equal(['button', 'Close']);
      expect(close.problems, 'Close in view').to.deep.equal([]);
      const dialog = close.el.closest('.popup')!;
      expect(dialog.getAttribute('aria-label')).to.equal(title);
      const problems: string[] = [];
      for (let n = 0; n < 20; n++) {
        const stop = await tab(frame);
        let host: Element | null = stop?.el ?? null;
        while (host && !dialog.contains(host)) host = flatParent(host);
        const inside = !!host;
        if (!stop || !inside) break;
        problems.push(...stop.problems.map((p) => `${stop.role} "${stop.name}": ${p}`), ...nameFaults(stop.name));
      }
      expect(problems, 'every stop in the card in view').to.deep.equal([]);
      // Back to Close, then Escape.
      const back = (await here(frame))!;
      if (!dialog.contains(back.el)) await tab(frame, true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !map.shadowRoot!.querySelector('.popup'), 'Escape did not close the card');
      const pin = (await here(frame))!;
      expect(pin.name).to.equal(title);
      expect(pin.problems, 'the pin in view').to.deep.equal([]);
    });
  });
}
