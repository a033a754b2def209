/**
 * A host page with careless global CSS — the rules a theme or a reset puts on every element — does not
 * break any element: every state of every element (test/hardening/registry.ts) still reaches its state,
 * has a size, shows every piece of text it shows on a plain page, keeps its keyboard targets, passes axe
 * with the WCAG 2.2 tags, and shows a focus outline on each target.
 *
 * What reaches inside a shadow root by design: inherited properties set on the host or above it
 * (`font-size`, `line-height`, `letter-spacing`, `text-transform`, `text-align`, `font-*`, `color`…),
 * and rules that match the host element itself (`* {…}`, `:focus {…}`). Selectors never match inside
 * (`div`, `button`, `p`, `[hidden]`…), which this test also proves.
 *
 * The page's own layout boxes (the stage the states are mounted in) keep `display: block` inline: a page
 * whose `div { display: none }` hid its own containers would hide anything inside them.
 *
 * Then the same states in a flex row (the page's own layout, a sidebar or a toolbar): each element
 * keeps a usable width rather than shrinking to its content's smallest size.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AXE_TAGS } from '../helpers/axe.js';
import { deepActiveElement, deepElements, nextTask, tabbables, waitFor } from './dom.js';
import { label, settle, type Mounted } from './mount.js';
import { HARNESSES } from './registry.js';
import { knownElementIssue } from './robustness.js';
import { allStates, context, uncaughtErrors } from './suite.js';
import type { ElementHarness } from './types.js';

export const CARELESS_CSS = `
*, *::before, *::after { box-sizing: content-box; }
* {
  line-height: 3;
  font-size: 30px !important;
  font-family: "Comic Sans MS", cursive;
  font-weight: 900;
  font-style: italic;
  letter-spacing: 0.1em;
  word-spacing: 0.3em;
  text-transform: uppercase;
  text-align: justify;
}
html { font-size: 62.5%; }
body { color: #222; background: #fff; }
div { display: none; }
span { display: block; }
p { margin: 10em; }
button { all: unset; }
a { color: white; text-decoration: none; }
[hidden] { display: block !important; }
:focus, :focus-visible { outline: none; }
svg { width: 100%; height: auto; }
img { width: 100%; height: 300px; }
input { appearance: none; border: 0; }
input, select, textarea { width: 100%; }
ul, ol { list-style: none; margin: 0; padding: 0; }
li { float: left; }
label { display: block; float: left; }
h1, h2, h3, h4 { font-size: 4em; margin: 2em 0; }
article, header, footer, nav, main { display: flex; }
table { width: 100%; border-collapse: collapse; }
`;

/** Visible text of the element's shadow roots: text nodes that take up room on screen. */
function visibleTexts(el: Element): string[] {
  const out = new Set<string>();
  for (const host of deepElements(el).filter((e) => e.shadowRoot)) {
    const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (!text || n.parentElement?.localName === 'style') continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      const style = getComputedStyle(n.parentElement!);
      if (r.width >= 2 && r.height >= 2 && style.visibility !== 'hidden' && style.opacity !== '0') out.add(text);
    }
  }
  return [...out];
}

const describe_ = (e: Element) =>
  `<${e.localName}${e.getAttribute('part') ? ` part="${e.getAttribute('part')}"` : ''}> "${(e.textContent ?? '').trim().slice(0, 40)}"`;

/** Visible focus: an outline or a ring (the same test as a11y-criteria.test.ts). */
function focusIndicator(e: Element): string | undefined {
  const s = getComputedStyle(e);
  if (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1) return undefined;
  if (s.boxShadow !== 'none') return undefined;
  return `${describe_(e)} shows no focus indicator (outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow})`;
}

/** Two frames, or a moment in a page behind another (tests run two at a time; that page gets no frames). */
const frame = () =>
  Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), nextTask(200)]);

describe('a host page with careless global CSS', function () {
  this.timeout(60_000);
  const errors = uncaughtErrors();
  const style = document.createElement('style');
  style.textContent = CARELESS_CSS;
  const container = document.createElement('div');
  const mounted = new Map<string, Mounted>();
  const sections = new Map<string, HTMLElement>();
  const failures = new Map<string, string>();
  /** Per state, on the plain page: the text it shows and how many keyboard targets it has. */
  const plain = new Map<string, { texts: string[]; targets: number; sized: boolean }>();
  const states = allStates();

  before(async () => {
    document.head.append(style);
    container.style.setProperty('display', 'block');
    document.body.append(container);
    const ctx = context();
    await Promise.all(
      states.map(async ({ harness, state }) => {
        const name = label(harness, state);
        const section = document.createElement('section');
        section.setAttribute('aria-label', name);
        container.append(section);
        sections.set(name, section);
        try {
          const built = state.build(ctx);
          // The page's own containers between the section and the element stay displayed.
          for (let e: Element | null = built.el.parentElement; e && e !== section; e = e.parentElement)
            if (e instanceof HTMLDivElement) e.style.setProperty('display', 'block');
          section.append(built.root);
          await state.act?.(built);
          await waitFor(() => state.ready(built), `${name} did not reach its state under the host CSS`, 8000);
          await settle(built.root);
          mounted.set(name, { ...built, harness, state });
        } catch (e) {
          failures.set(name, String(e));
        }
      }),
    );
    await frame();
    // The same states without the host CSS, for comparison.
    style.disabled = true;
    await frame();
    for (const [name, m] of mounted) {
      const r = m.el.getBoundingClientRect();
      plain.set(name, {
        texts: visibleTexts(m.el),
        targets: tabbables(m.el).length,
        sized: r.width >= 1 && r.height >= 1,
      });
    }
    style.disabled = false;
    await frame();
  });
  /** axe once over the whole stage (one run is much faster than one per state); violations by state. */
  let axeResults: Promise<Map<string, { id: string; impact: string; help: string; nodes: string[] }[]>>;
  before(() => {
    axeResults = (async () => {
      const out = new Map<string, { id: string; impact: string; help: string; nodes: string[] }[]>();
      const { violations } = (await window.axe.run(container, {
        runOnly: { type: 'tag', values: AXE_TAGS },
        resultTypes: ['violations'],
        // Many instances of one element on one page repeat its landmarks' names; each state alone has
        // unique landmarks (states.test.ts checks that, one state at a time).
        rules: { 'landmark-unique': { enabled: false } },
        elementRef: true,
      })) as unknown as {
        violations: { id: string; impact: string; help: string; nodes: { element?: Element; html: string }[] }[];
      };
      for (const v of violations)
        for (const n of v.nodes) {
          let e: Element | null = n.element ?? null;
          while (e && !(e.localName === 'section' && e.parentElement === container))
            e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null;
          const name = e?.getAttribute('aria-label') ?? '(outside any state)';
          const list = out.get(name) ?? [];
          let entry = list.find((x) => x.id === v.id);
          if (!entry) list.push((entry = { id: v.id, impact: v.impact, help: v.help, nodes: [] }));
          entry.nodes.push(n.html.slice(0, 200));
          out.set(name, list);
        }
      return out;
    })();
  });
  after(() => {
    container.remove();
    style.remove();
  });

  const byElement = (h: ElementHarness) => states.filter((s) => s.harness === h);

  for (const harness of HARNESSES) {
    describe(`<${harness.tag}>`, () => {
      before(function () {
        if (!byElement(harness).length) this.skip();
      });

      it('every state renders: reaches its state, has a size, shows all its text and keeps its targets', () => {
        const problems: string[] = [];
        for (const { state } of byElement(harness)) {
          const name = label(harness, state);
          const m = mounted.get(name);
          if (!m) {
            problems.push(`${name}: ${failures.get(name)}`);
            continue;
          }
          // What shows nothing on a plain page (an empty card) may show nothing here either.
          const before_ = plain.get(name)!;
          const r = m.el.getBoundingClientRect();
          if (before_.sized && (r.width < 1 || r.height < 1)) problems.push(`${name}: ${r.width} × ${r.height} px`);
          const texts = visibleTexts(m.el);
          if (before_.texts.length && !texts.length) problems.push(`${name}: no visible text`);
          const lost = before_.texts.filter((t) => !texts.includes(t));
          if (lost.length)
            problems.push(`${name}: text no longer visible: ${lost.map((t) => `"${t.slice(0, 40)}"`).join(', ')}`);
          const targets = tabbables(m.el).length;
          if (targets !== before_.targets)
            problems.push(`${name}: ${targets} keyboard targets instead of ${before_.targets}`);
        }
        expect(problems).to.deep.equal([]);
      });

      it('every state passes axe (WCAG 2.2 tags)', async () => {
        const problems: string[] = [];
        for (const { state } of byElement(harness)) {
          const name = label(harness, state);
          for (const v of (await axeResults).get(name) ?? [])
            if (!state.axeExceptions?.[v.id])
              problems.push(`${name}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`);
        }
        expect(problems).to.deep.equal([]);
      });

      it('every keyboard target shows a focus indicator', async function () {
        // Firefox matches :focus only in a window that has the system's focus; late in a long run its
        // window is behind and nothing can bring it forward. Checked there when it is in front.
        if (!document.hasFocus() && /Firefox\//.test(navigator.userAgent)) {
          console.warn('Focus indicators not checked: the Firefox window is not focused');
          this.skip();
        }
        // Keyboard focus first (Tab from a button before the stage): focus that script then moves on
        // from keyboard focus is keyboard focus too (`:focus-visible`), in Chromium and in Firefox.
        const start = document.createElement('button');
        start.textContent = 'Start';
        container.before(start);
        start.focus();
        await sendKeys({ press: 'Tab' });
        start.remove();
        const problems: string[] = [];
        let checked = 0;
        for (const { state } of byElement(harness)) {
          const m = mounted.get(label(harness, state));
          if (!m) continue;
          for (const target of tabbables(m.el)) {
            target.focus();
            if (deepActiveElement() !== target) {
              problems.push(`${label(harness, state)}: ${describe_(target)} cannot take focus`);
              continue;
            }
            checked++;
            const missing = focusIndicator(target);
            if (missing) problems.push(`${label(harness, state)}: ${missing}`);
          }
        }
        (document.activeElement as HTMLElement | null)?.blur();
        expect(problems).to.deep.equal([]);
        if (
          byElement(harness).some(({ state }) => !/loading|waiting|sending/.test(state.name)) &&
          harness.tag !== 'civic-provider'
        )
          expect(checked, 'targets checked').to.be.greaterThan(0);
      });

      it('every state keeps a usable width in a flex row', async function () {
        const names = byElement(harness)
          .map(({ state }) => label(harness, state))
          .filter((n) => mounted.has(n));
        for (const n of names) sections.get(n)!.style.setProperty('display', 'flex');
        await frame();
        const problems: string[] = [];
        for (const n of names) {
          const width = mounted.get(n)!.el.getBoundingClientRect().width;
          // 20 of the page's 30 px characters: enough for a word per line.
          if (width < 200) problems.push(`${n}: ${width.toFixed(0)} px wide`);
        }
        for (const n of names) sections.get(n)!.style.removeProperty('display');
        await frame();
        await knownElementIssue(this, harness, 'flexRow', () => expect(problems).to.deep.equal([]));
      });
    });
  }

  it('throws nothing into the page', () => {
    expect(errors).to.deep.equal([]);
  });
});
