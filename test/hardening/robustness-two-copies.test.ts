/**
 * Two copies of Civic Kit on one page, of different versions (two embeds by two teams): the built CDN
 * files, and a second copy of them served under /test/fixtures/second-copy/ with another version string
 * (test/hardening/wtr-plugins.mjs). Whichever copy defines a tag first keeps it; the other one warns
 * and does not throw. The adapter registry and the context keys live on `Symbol.for` keys, so a
 * provider of one copy feeds the elements of the other, and an adapter (and its errors) built by one
 * copy works in the elements of the other. The page is test/fixtures/two-copies/page.html.
 */
import { expect } from '@open-wc/testing';
import { deepQuery, shadowText, waitFor } from './dom.js';
import { loadFrame } from './frame.js';

const FIRST = {
  version: '0.1.0',
  full: '/packages/elements/cdn/civic-kit.js',
  perElement: '/packages/elements/cdn/elements/',
};
const SECOND = { version: '0.0.0-second-copy', full: '/test/fixtures/second-copy/civic-kit.js' };

const TAGS = [
  'civic-provider',
  'civic-initiative-card',
  'civic-initiative-list',
  'civic-poll',
  'civic-map',
  'civic-map-pin',
  'civic-find-the-others',
];

interface Record_ {
  warnings: string[];
  errors: string[];
  loaded?: { copies: number; exporting: number };
  modules?: { registeredAdapters?: () => string[]; VERSION?: string }[];
}

const recordOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { __twoCopies: Record_ }).__twoCopies;
const versionOf = (frame: HTMLIFrameElement, tag: string) =>
  (frame.contentWindow!.customElements.get(tag) as { civicVersion?: string } | undefined)?.civicVersion;
const warning = (tag: string, had: string, version: string) =>
  `<${tag}> is already defined by Civic Kit ${had}; version ${version} was not registered.`;

interface Scenario {
  name: string;
  copies: string[];
  /** Which version each tag must end up defined by. */
  owners: Record<string, string>;
  /** The exact warnings expected, in any order. */
  warnings: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'the CDN bundle, then a second copy of another version',
    copies: [FIRST.full, SECOND.full],
    owners: Object.fromEntries(TAGS.map((t) => [t, FIRST.version])),
    warnings: TAGS.map((t) => warning(t, FIRST.version, SECOND.version)),
  },
  {
    name: 'a second copy first, then the CDN bundle',
    copies: [SECOND.full, FIRST.full],
    owners: Object.fromEntries(TAGS.map((t) => [t, SECOND.version])),
    warnings: TAGS.map((t) => warning(t, SECOND.version, FIRST.version)),
  },
  {
    // The card and the poll from one embed's per-element files; the provider, list, map and sign-up
    // from the other copy's bundle: that copy's provider feeds this copy's card and poll.
    name: 'per-element card and poll, then a second copy of the whole bundle',
    copies: [`${FIRST.perElement}civic-initiative-card.js`, `${FIRST.perElement}civic-poll.js`, SECOND.full],
    owners: Object.fromEntries(
      TAGS.map((t) => [t, ['civic-initiative-card', 'civic-poll'].includes(t) ? FIRST.version : SECOND.version]),
    ),
    warnings: ['civic-initiative-card', 'civic-poll'].map((t) => warning(t, FIRST.version, SECOND.version)),
  },
];

describe('two copies of Civic Kit on one page', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('serves the second copy with its own version string', async () => {
    const response = await fetch(SECOND.full);
    expect(response.ok).to.equal(true);
    expect(Number(response.headers.get('x-civic-version-patches')), 'version strings replaced').to.equal(1);
    const code = await response.text();
    expect(code).to.contain(`"${SECOND.version}"`);
    expect(code).not.to.contain(`"${FIRST.version}"`);
  });

  for (const scenario of scenarios) {
    it(`${scenario.name}: nothing throws, each copy warns once per tag it could not define, all render`, async () => {
      const frame = await loadFrame(
        `/test/fixtures/two-copies/page.html?copies=${scenario.copies.map(encodeURIComponent).join(',')}`,
        1024,
        1400,
      );
      const doc = frame.contentDocument!;
      const record = recordOf(frame);
      await waitFor(() => !!record.loaded, 'the copies never loaded', 10_000);
      expect(record.loaded?.copies).to.equal(scenario.copies.length);

      const card = doc.querySelector('civic-provider > civic-initiative-card')!;
      const pollEl = doc.querySelector('civic-poll')!;
      const list = doc.querySelector('civic-initiative-list')!;
      const signUp = doc.querySelector('civic-find-the-others')!;
      const map = doc.querySelector('civic-map')!;
      const cross = doc.getElementById('cross-copy')!;
      const crossMissing = doc.getElementById('cross-copy-missing')!;
      const shown = () =>
        !!card.shadowRoot?.querySelector('[part="title"]') &&
        !!pollEl.shadowRoot?.querySelector('[part~="question"]') &&
        !!list.shadowRoot?.querySelector('[part="item"] [part="title"]') &&
        !!signUp.shadowRoot?.querySelector('#interest-0') &&
        // The map engine is a lazily loaded chunk of whichever copy defined <civic-map>.
        !!map.shadowRoot?.querySelector('.leaflet-marker-icon') &&
        !!cross.shadowRoot?.querySelector('[part="title"]') &&
        !!crossMissing.shadowRoot?.querySelector('[role="alert"]');
      await waitFor(shown, `not every element rendered its data (${scenario.name})`, 10_000).catch((e: Error) => {
        throw new Error(`${e.message}; page errors: ${JSON.stringify(record.errors)}`);
      });

      expect(record.errors, 'errors in the page').to.deep.equal([]);
      for (const tag of TAGS)
        expect(versionOf(frame, tag), `version that defined <${tag}>`).to.equal(scenario.owners[tag]);
      const civicWarnings = record.warnings.filter((w) => w.includes('Civic Kit'));
      expect([...civicWarnings].sort()).to.deep.equal([...scenario.warnings].sort());

      // The provider (whichever copy defined it) fed every element through the context protocol.
      expect(shadowText(card)).to.contain('Repair Café');
      expect(shadowText(pollEl)).to.contain('Which project should our new neighbourhood group take on first?');
      // An adapter built by one copy, its data and its errors, in an element of the other.
      expect(shadowText(cross)).to.contain('Data from the other copy');
      expect(deepQuery(crossMissing, '[part="retry-button"]'), 'a not-found error is not offered a retry').to.equal(
        null,
      );

      // The second copy's lazy chunks come from its own files (they import its own entry).
      if (scenario.owners['civic-map'] === SECOND.version) {
        const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
        expect(loaded.some((url) => url.includes('/test/fixtures/second-copy/chunks/'))).to.equal(true);
      }

      // One adapter registry for the page, whichever copy asks.
      const registries = (record.modules ?? [])
        .filter((m) => typeof m.registeredAdapters === 'function')
        .map((m) => m.registeredAdapters!().sort());
      for (const r of registries) {
        expect(r).to.deep.equal(registries[0]);
        expect(r).to.include('memory');
      }
    });
  }
});
