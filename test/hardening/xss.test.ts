/**
 * The XSS corpus (test/hardening/xss-corpus.ts) through every element that shows backend data, once as
 * a property (`.initiative`, `.poll`…) and once from an adapter that validates nothing. Every text
 * field gets each hostile string, every URL field each hostile URL. Then:
 * - nothing ran (`__xss`/`alert` trap), nothing navigated, nothing was added to the page's head;
 * - no element, attribute or URL that could run script or load a non-http(s) URL exists in any shadow
 *   root (`<script>`, `<iframe>`, `on*` attributes, `javascript:`/`data:`/`vbscript:` in href/src…);
 * - whatever the element shows, it shows as text: the hostile string appears verbatim.
 * A seeded generator then mixes corpus fragments, random Unicode and wrong types into 300 whole model
 * objects per element at once: each is either shown safely or rejected with a visible error. The
 * shrinking, property-based version (fast-check) is in fuzz.test.ts.
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import type { CivicAdapter } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { settle } from './mount.js';
import { deepElements, shadowText, unsafeMarkup, waitFor } from './dom.js';
import { HARNESSES } from './registry.js';
import { context, uncaughtErrors } from './suite.js';
import type { Built, ElementHarness, HostileFeed } from './types.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from './xss-corpus.js';

declare global {
  interface Window {
    __xss: (what?: unknown) => void;
  }
}

const fired: string[] = [];
window.__xss = (what) => void fired.push(String(what));
const dialogs = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Case {
  text: string;
  url: string;
  data: unknown;
}

function cases(feed: HostileFeed): Case[] {
  const out: Case[] = HOSTILE_TEXT.map((text, i) => {
    const url = HOSTILE_URLS[i % HOSTILE_URLS.length]!;
    return { text, url, data: feed.model(text, url) };
  });
  // Each URL also with harmless text, so it is not hidden behind a text the schema rejects.
  for (const url of HOSTILE_URLS) out.push({ text: 'Plain title', url, data: feed.model('Plain title', url) });
  return out;
}

/**
 * The REST adapter (`@civic-kit/adapters/rest`) over a backend that answers every read with `data`:
 * the item itself, a page of it, or a list of it, as the path asks.
 */
function restServing(data: unknown): CivicAdapter {
  return new RestAdapter({
    endpoint: 'https://api.example/civic/',
    EventSource: undefined,
    browserId: false,
    retries: 0,
    fetch: async (input) => {
      const path = new URL(input instanceof Request ? input.url : input.toString()).pathname;
      const body = path.endsWith('/initiatives') ? { items: [data] } : path.endsWith('/interests') ? [data] : data;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}

/** Mount every case at once, wait until each settled and for any late handler (image errors) to fire. */
async function render(harness: ElementHarness, build: (c: Case) => Built, list: Case[]) {
  const container = document.createElement('div');
  document.body.append(container);
  const built = list.map((c) => {
    const b = build(c);
    container.append(b.root);
    return { c, b };
  });
  const feed = harness.hostile!;
  await waitFor(() => built.every(({ b }) => feed.settled(b)), `${harness.tag}: some elements never settled`, 10_000);
  await settle(container);
  await new Promise((r) => setTimeout(r, 300));
  return { container, built };
}

/** A seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const unicode = () =>
    Array.from({ length: int(40) }, () => {
      const ranges = [
        [0x20, 0x7e],
        [0x00, 0x1f],
        [0x80, 0x2ff],
        [0x590, 0x6ff],
        [0x200b, 0x206f],
        [0xd800, 0xdfff],
        [0x1f300, 0x1f6ff],
      ] as const;
      const [lo, hi] = pick(ranges);
      return String.fromCodePoint(lo + int(hi - lo + 1));
    }).join('');
  const text = (): string => {
    const parts = Array.from({ length: 1 + int(3) }, () =>
      pick([() => pick(HOSTILE_TEXT), unicode, () => pick(HOSTILE_URLS), () => 'Repair café'])(),
    );
    return parts.join(pick(['', ' ', '\n']));
  };
  /** Any JSON-ish value: what a broken backend might send instead of the right type. */
  const junk = (): unknown =>
    pick([
      () => null,
      () => undefined,
      () => int(1e9) - 5e8,
      () => next() * 1e308,
      () => Number.NaN,
      () => true,
      text,
      () => [text(), int(5)],
      () => ({ toString: text() }),
      () => ({ __proto__: { polluted: true } }),
    ])();
  return { next, int, pick, text, junk };
}

/** Replace some values of `model` (deeply) with random hostile text or values of the wrong type. */
function mutate(model: unknown, r: ReturnType<typeof random>): unknown {
  if (Array.isArray(model)) return model.map((x) => mutate(x, r));
  if (model && typeof model === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(model)) {
      const roll = r.next();
      out[k] = roll < 0.08 ? r.junk() : roll < 0.5 && typeof v === 'string' ? r.text() : mutate(v, r);
    }
    if (r.next() < 0.1) out[r.text().slice(0, 20)] = r.junk();
    return out;
  }
  return model;
}

describe('XSS corpus through every element', function () {
  this.timeout(60_000);
  const errors = uncaughtErrors();
  const headBefore = document.head.innerHTML;
  const locationBefore = location.href;
  let container: HTMLElement | undefined;

  before(() => {
    window.alert =
      window.confirm =
      window.prompt =
        ((what: unknown) => {
          fired.push(`dialog: ${String(what)}`);
          return null;
        }) as never;
  });
  after(() => Object.assign(window, dialogs));
  beforeEach(() => {
    fired.length = 0;
    errors.length = 0;
  });
  afterEach(() => {
    container?.remove();
    expect(fired, 'script from hostile data ran').to.deep.equal([]);
    expect(errors, 'uncaught errors in the page').to.deep.equal([]);
    expect(document.head.innerHTML, 'nothing added to the head').to.equal(headBefore);
    expect(location.href, 'no navigation').to.equal(locationBefore);
  });

  it('has a corpus of every kind', () => {
    expect(HOSTILE_TEXT.length).to.be.at.least(50);
    expect(HOSTILE_URLS.filter((u) => /^\W*j\W*a/i.test(u)).length, 'javascript: variants').to.be.at.least(8);
    expect(HOSTILE_URLS.some((u) => u.startsWith('data:')) && HOSTILE_URLS.some((u) => /^vbscript:/i.test(u))).to.be
      .true;
    expect(HARNESSES.filter((h) => h.hostile).length, 'elements fed hostile data').to.be.at.least(1);
  });

  for (const harness of HARNESSES.filter((h) => h.hostile)) {
    const feed = harness.hostile!;
    for (const [mode, build] of [
      ['as a property', (c: Case) => feed.viaProperty(c.data, context())],
      ['from a careless adapter', (c: Case) => feed.viaAdapter(c.data, context())],
      ['from the REST adapter', (c: Case) => feed.viaAdapter(c.data, context(), restServing(c.data))],
    ] as const) {
      it(`<${harness.tag}> ${mode}: nothing runs, no unsafe URL, text stays text`, async function () {
        if (!customElements.get(harness.tag)) this.skip();
        const list = cases(feed);
        const r = await render(harness, build, list);
        container = r.container;
        const problems: string[] = [];
        let shown = 0;
        for (const { c, b } of r.built) {
          problems.push(...unsafeMarkup(b.root).map((p) => `${JSON.stringify(c.text.slice(0, 60))}: ${p}`));
          if (!feed.shown(b)) continue;
          shown++;
          if (!norm(shadowText(b.el)).includes(norm(c.text)))
            problems.push(`${JSON.stringify(c.text.slice(0, 60))} is not shown verbatim as text`);
          // The only images are the ones the data named with an http(s) URL.
          for (const img of deepElements(b.el).filter((e) => e.localName === 'img'))
            if (!/^https?:/.test((img as HTMLImageElement).src))
              problems.push(`image ${(img as HTMLImageElement).src}`);
        }
        expect(problems).to.deep.equal([]);
        // Not vacuous: most hostile models are valid data, so the element really shows them.
        expect(shown, 'cases shown rather than rejected').to.be.at.least(Math.floor(list.length * 0.7));
      });
    }

    it(`<${harness.tag}>: 300 generated hostile models are shown safely or rejected visibly`, async function () {
      if (!customElements.get(harness.tag)) this.skip();
      const seed = 20261128;
      const r = random(seed);
      const list: Case[] = [];
      for (let i = 0; i < 300; i++) {
        const text = r.text();
        const url = r.pick(HOSTILE_URLS);
        const base = feed.model(text, url);
        list.push({ text, url, data: i % 3 === 0 ? base : mutate(base, r) });
      }
      const rendered = await render(
        harness,
        (c) => (list.indexOf(c) % 2 ? feed.viaAdapter(c.data, context()) : feed.viaProperty(c.data, context())),
        list,
      );
      container = rendered.container;
      const problems = rendered.built.flatMap(({ b }, i) =>
        unsafeMarkup(b.root).map((p) => `seed ${seed}, case ${i}: ${p}`),
      );
      expect(problems).to.deep.equal([]);
      const shown = rendered.built.filter(({ b }) => feed.shown(b)).length;
      expect(shown, 'some generated models are valid and shown').to.be.greaterThan(30);
      expect(shown, 'some are rejected').to.be.lessThan(300);
    });
  }
});

describe('backend HTML goes through the sanitizer only', function () {
  this.timeout(60_000);

  it('every hostile string and URL in a card description: nothing runs, no unsafe markup, formatting kept', async () => {
    fired.length = 0;
    const host = document.createElement('div');
    document.body.append(host);
    const bodies = [
      ...HOSTILE_TEXT,
      ...HOSTILE_URLS.map((url) => `<a href="${url.replace(/"/g, '&quot;')}">a link</a>`),
    ];
    const cards = bodies.map((hostile, n) => {
      const card = document.createElement('civic-initiative-card') as HTMLElement & { initiative: unknown };
      card.setAttribute('show-body', '');
      card.initiative = {
        id: `html-${n}`,
        title: `Description ${n}`,
        status: 'active',
        body: 'Its text, shown until the sanitizer is ready',
        bodyHtml: `<p><strong>Kept</strong> and <a href="https://example.org/ok" onclick="__xss('a')">a link</a></p>${hostile}`,
      };
      host.append(card);
      return card;
    });
    const description = (c: HTMLElement) => c.shadowRoot?.querySelector('[part="description"]');
    try {
      await waitFor(
        () => cards.every((c) => description(c)?.querySelector('strong')),
        'every description sanitized and shown',
        20_000,
      );
      await new Promise((r) => setTimeout(r, 300)); // an image's onerror, a refresh, a timer would have fired
      const problems = cards.flatMap((c, n) =>
        unsafeMarkup(c).map((p) => `${JSON.stringify(bodies[n]!.slice(0, 60))}: ${p}`),
      );
      for (const [n, c] of cards.entries()) {
        for (const a of description(c)!.querySelectorAll('a')) {
          const href = a.getAttribute('href');
          if (href !== null && !/^https?:\/\//.test(a.href)) problems.push(`${n}: link to ${href}`);
          if (!/noopener/.test(a.rel)) problems.push(`${n}: link without rel=noopener`);
        }
        for (const el of description(c)!.querySelectorAll('*'))
          if (
            !/^(p|br|strong|b|em|i|u|s|sub|sup|small|mark|code|pre|blockquote|ul|ol|li|dl|dt|dd|a|span|abbr|q|cite)$/.test(
              el.localName,
            )
          )
            problems.push(`${n}: <${el.localName}> kept`);
      }
      expect(problems).to.deep.equal([]);
      expect(fired, 'script from hostile HTML ran').to.deep.equal([]);
      expect(description(cards[0]!)!.querySelector('a[href="https://example.org/ok"]'), 'a safe link is kept').to.exist;
    } finally {
      host.remove();
    }
  });
});
