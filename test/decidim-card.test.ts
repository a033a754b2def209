/**
 * Decidim data in the elements: the XSS corpus in every text field (and every hostile URL in every
 * link field) of Decidim proposals, served by the GraphQL test server (test/servers/decidim-plugin.mjs)
 * and read by the Decidim adapter, stays text inside `<civic-initiative-card>`; cards and a list of
 * Decidim data pass axe.
 */
import { DecidimAdapter } from '@civic-kit/adapters/decidim';
import '@civic-kit/elements/define/civic-initiative-card.js';
import '@civic-kit/elements/define/civic-initiative-list.js';
import '@civic-kit/elements/define/civic-provider.js';
import { expect } from '@open-wc/testing';
import { deepElements, shadowText, unsafeMarkup, waitFor } from './hardening/dom.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from './hardening/xss-corpus.js';
import { expectAccessible } from './helpers/axe.js';

declare global {
  interface Window {
    __xss: (what?: unknown) => void;
  }
}
const fired: string[] = [];
window.__xss = (what) => void fired.push(String(what));

async function instance(seed: object, variant: 'current' | 'legacy' = 'current'): Promise<string> {
  const res = await fetch('/__decidim-test/instances', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ seed, variant }),
  });
  return ((await res.json()) as { url: string }).url;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A proposal with `text` in every text field and `url` in every link field the schema has. */
const hostile = (n: number, text: string, url: string) => ({
  id: `x${n}`,
  title: { en: text },
  body: { en: text, machine_translations: { fr: text } },
  state: 'accepted',
  voteCount: n,
  address: text,
  coordinates: { latitude: 41.39, longitude: 2.16 },
  taxonomies: [{ id: 't', name: { en: text } }],
  author: { name: text, nickname: 'n', profilePath: url },
  url, // sent by the older schema only
  publishedAt: '2025-01-01T00:00:00Z',
});

const seedOf = (proposals: object[]) => ({
  processes: [{ id: '1', slug: 'hostile', components: [{ id: '7', type: 'Proposals', proposals }] }],
});

type Card = HTMLElement & { adapter: unknown; initiativeId: string; updateComplete: Promise<unknown> };

function mountCard(container: HTMLElement, adapter: DecidimAdapter, id: string, showBody = false): Card {
  const el = document.createElement('civic-initiative-card') as Card;
  el.setAttribute('heading-level', '2');
  // The full description: Decidim's HTML through the elements' sanitizer.
  if (showBody) el.setAttribute('show-body', '');
  el.adapter = adapter;
  el.initiativeId = id;
  container.append(el);
  return el;
}
const titled = (el: Element) => !!el.shadowRoot?.querySelector('[part="title"]');
const alerting = (el: Element) => !!el.shadowRoot?.querySelector('[role="alert"]');

describe('Decidim data in <civic-initiative-card>', function () {
  this.timeout(60_000);
  let container: HTMLElement;
  beforeEach(() => {
    fired.length = 0;
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    container.remove();
    expect(fired, 'script from hostile data ran').to.deep.equal([]);
  });

  for (const variant of ['current', 'legacy'] as const) {
    it(`keeps the XSS corpus as text in every field (${variant} schema)`, async () => {
      const cases = HOSTILE_TEXT.map((text, n) => ({ text, url: HOSTILE_URLS[n % HOSTILE_URLS.length]! }));
      const url = await instance(seedOf(cases.map((c, n) => hostile(n, c.text, c.url))), variant);
      const adapter = new DecidimAdapter({
        endpoint: url,
        space: 'hostile',
        locale: 'en',
        shared: false,
        maxRequestsPerMinute: 1000,
      });
      const cards = cases.map((_, n) => mountCard(container, adapter, `x${n}`, true));
      await waitFor(() => cards.every((c) => titled(c) || alerting(c)), 'every card settled', 30_000);
      await Promise.all(cards.map((c) => c.updateComplete));
      await new Promise((r) => setTimeout(r, 300));

      const problems: string[] = [];
      let shown = 0;
      let htmlBodies = 0;
      for (const [n, card] of cards.entries()) {
        const label = JSON.stringify(cases[n]!.text.slice(0, 60));
        problems.push(...unsafeMarkup(card).map((p) => `${label}: ${p}`));
        if (!titled(card)) continue;
        shown++;
        const item = await adapter.getInitiative(`x${n}`, { locale: 'en' });
        const text = norm(shadowText(card));
        // The title is plain text in Decidim: shown exactly as sent.
        if (!text.includes(norm(cases[n]!.text))) problems.push(`${label}: the title is not shown verbatim`);
        // The body is HTML in Decidim: its text (never its markup) is shown.
        if (item.summary && !text.includes(norm(item.summary))) problems.push(`${label}: the summary is not shown`);
        if (item.bodyHtml) htmlBodies++;
        for (const img of deepElements(card).filter((e) => e.localName === 'img'))
          problems.push(`${label}: an image ${(img as HTMLImageElement).src}`);
      }
      expect(problems).to.deep.equal([]);
      expect(shown, 'most hostile proposals are valid data and shown').to.be.at.least(Math.floor(cases.length * 0.8));
      expect(htmlBodies, 'markup in the corpus reached the sanitizer as bodyHtml').to.be.at.least(10);
      expect(document.querySelector('script[src*="attacker"]'), 'nothing loaded from the corpus').to.equal(null);
    });
  }

  it('is accessible for a Decidim proposal, a machine translation and a hidden count', async () => {
    const url = await instance(
      seedOf([
        {
          id: '1',
          title: { en: 'Trees on Elm Street', machine_translations: { fr: 'Des arbres rue Elm' } },
          body: {
            en: '<p>Plant <b>twelve</b> trees.</p>',
            machine_translations: { fr: '<p>Planter douze arbres.</p>' },
          },
          state: 'accepted',
          voteCount: 12,
          address: 'Elm Street 1',
          coordinates: { latitude: 41.39, longitude: 2.16 },
          taxonomies: [{ id: 't', name: { en: 'Environment' } }],
          author: { name: 'Ana', nickname: 'ana' },
        },
        { id: '2', title: { en: 'Hidden votes' }, body: null, state: null, voteCount: null },
      ]),
    );
    const adapter = new DecidimAdapter({ endpoint: url, space: 'hostile', goal: 50, shared: false });
    const en = mountCard(container, adapter, '1', true);
    const fr = document.createElement('div');
    fr.lang = 'fr';
    container.append(fr);
    const translated = mountCard(fr, adapter, '1');
    const hidden = mountCard(container, adapter, '2');
    await waitFor(() => [en, translated, hidden].every(titled), 'cards shown', 10_000);
    await Promise.all([en, translated, hidden].map((c) => c.updateComplete));
    expect(norm(shadowText(en)))
      .to.contain('Trees on Elm Street')
      .and.contain('Plant twelve trees.');
    // The description keeps Decidim's formatting (sanitized, loaded lazily).
    await waitFor(() => !!en.shadowRoot!.querySelector('[part="description"] b'), 'formatted description', 10_000);
    expect(en.shadowRoot!.querySelector('[part="description"] b')!.textContent).to.equal('twelve');
    expect(norm(shadowText(translated))).to.contain('Des arbres rue Elm');
    expect(translated.shadowRoot!.querySelector('.machine-translated'), 'marked as machine-translated').to.not.equal(
      null,
    );
    for (const card of [en, translated, hidden]) await expectAccessible(card);
  });

  it('is built by <civic-provider adapter="decidim"> from its attributes', async () => {
    const url = await instance(
      seedOf([
        {
          id: '5',
          title: { en: 'Benches in the square' },
          body: { en: '<p>Somewhere to sit.</p>' },
          state: 'accepted',
          voteCount: 30,
        },
      ]),
    );
    const provider = document.createElement('civic-provider');
    provider.setAttribute('adapter', 'decidim');
    provider.setAttribute('endpoint', url);
    provider.setAttribute('participatory-space', 'processes/hostile');
    provider.setAttribute('goal', '120');
    provider.setAttribute('source-name', 'Decidim of our town');
    const card = document.createElement('civic-initiative-card') as Card;
    card.setAttribute('initiative-id', '5');
    card.setAttribute('heading-level', '2');
    provider.append(card);
    container.append(provider);
    await waitFor(() => titled(card), 'card shown through the provider', 10_000);
    await card.updateComplete;
    const text = norm(shadowText(card));
    expect(text)
      .to.contain('Benches in the square')
      .and.contain('Somewhere to sit.')
      .and.contain('Decidim of our town');
    expect(card.shadowRoot!.querySelector('[part~="progress"]'), 'progress to the goal').to.not.equal(null);
    await expectAccessible(card);
  });

  it('is accessible as a list of Decidim meetings', async () => {
    const url = await instance({
      processes: [
        {
          id: '1',
          slug: 'meet',
          components: [
            {
              id: '8',
              type: 'Meetings',
              meetings: Array.from({ length: 6 }, (_, n) => ({
                id: `m${n}`,
                title: { en: `Meeting ${n}` },
                description: { en: `<p>About meeting ${n}</p>` },
                startTime: '2030-03-01T10:00:00Z',
                endTime: '2030-03-01T12:00:00Z',
                address: 'Elm Street',
                coordinates: { latitude: 41.39 + n / 100, longitude: 2.16 },
              })),
            },
          ],
        },
      ],
    });
    const list = document.createElement('civic-initiative-list');
    list.adapter = new DecidimAdapter({ endpoint: url, space: 'meet', resource: 'meetings', shared: false });
    container.append(list);
    await waitFor(() => norm(shadowText(list)).includes('Meeting 5'), 'list shown', 10_000);
    await list.updateComplete;
    await expectAccessible(list);
  });
});
