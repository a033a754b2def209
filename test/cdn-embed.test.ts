/**
 * A plain HTML page (no build step, no framework) that loads the built CDN bundle, as a site
 * maintainer would. Needs `pnpm build` first (the test command runs it).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { loadFrame } from './hardening/frame.js';
import { expectAccessible, injectAxe } from './helpers/axe.js';

async function load(src: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = 'Embedded page';
  frame.src = src;
  frame.style.width = '800px';
  frame.style.height = '800px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

const cardText = (doc: Document) => doc.querySelector('civic-initiative-card')?.shadowRoot?.textContent ?? '';

/**
 * A page whose script tag carries `integrity`, as the README tells site maintainers to write it; with
 * `chunks`, an import map pins the chunks the bundle imports later too (its `integrity` member).
 */
async function pageWithIntegrity(
  integrity: string,
  lang = 'en',
  chunks: Record<string, string> = {},
): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = 'Embedded page with SRI';
  // Byte for byte (the test runner rewrites imports in what it serves elsewhere).
  const base = new URL('/__raw/packages/elements/cdn/', location.href).href;
  const pinned = Object.fromEntries(Object.entries(chunks).map(([file, hash]) => [base + file, hash]));
  // Errors are kept from the start: a chunk refused for its hash is reported before the load event.
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><title>SRI</title>
    <script>window.__errors = []; const error = console.error.bind(console);
      console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); error(...args); };</script>
    <script type="importmap">${JSON.stringify({ imports: {}, integrity: pinned })}</script></head><body>
    <civic-provider adapter="memory"><civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card></civic-provider>
    <script type="module" src="${base}civic-kit.js" integrity="${integrity}" crossorigin="anonymous"></script></body></html>`;
  document.body.append(frame);
  // A module script runs (or is refused) before the frame's load event.
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

describe('the CDN bundle in a plain HTML page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows a card from the demo data when the tags come before the script', async () => {
    const doc = await load('/test/fixtures/cdn-embed.html');
    await waitUntil(
      () => doc.querySelector('civic-initiative-card')?.shadowRoot?.querySelector('[part="title"]'),
      'no card rendered',
      { timeout: 5000 },
    );
    expect(cardText(doc)).to.contain('Repair Café');
    expect(cardText(doc)).to.contain('supporters');
    await injectAxe(doc);
    await expectAccessible(doc.documentElement);
  });

  it('works when the card is defined before its provider', async () => {
    const doc = await load('/test/fixtures/cdn-embed-late-provider.html');
    await waitUntil(
      () => doc.querySelector('civic-initiative-card')?.shadowRoot?.querySelector('[part="title"]'),
      'the late provider never reached the card',
      {
        timeout: 5000,
      },
    );
    expect(cardText(doc)).to.contain('Repair Café');
  });

  describe('with Subresource Integrity', () => {
    it('publishes the sha384 of the bundle, and a page giving it loads the bundle', async () => {
      const hashes = (await (await fetch('/packages/elements/cdn/integrity.json')).json()) as Record<string, string>;
      const bytes = await (await fetch('/__raw/packages/elements/cdn/civic-kit.js')).arrayBuffer();
      const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))));
      expect(hashes['civic-kit.js']).to.equal(`sha384-${digest}`);
      expect(Object.keys(hashes).filter((f) => f.startsWith('chunks/'))).not.to.be.empty;
      const doc = await pageWithIntegrity(hashes['civic-kit.js']!);
      await waitUntil(() => cardText(doc).includes('Repair Café'), 'no card rendered', { timeout: 5000 });
    });

    it('refuses a bundle that does not match its hash', async () => {
      const doc = await pageWithIntegrity(`sha384-${btoa('not the hash of this file, 48 bytes long......')}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(doc.defaultView!.customElements.get('civic-initiative-card')).to.equal(undefined);
    });
  });

  describe('in a language other than English', () => {
    /** The language chunks a frame fetched (`chunks/de-….js`), by language. */
    const languageChunks = (doc: Document) =>
      doc
        .defaultView!.performance.getEntriesByType('resource')
        .map((e) => /\/chunks\/(es|de|fr|ar)-[\w-]{8}\.js$/.exec(e.name)?.[1])
        .filter(Boolean);

    it('fetches that one language under a strict CSP and renders the card in it', async () => {
      const frame = await loadFrame('/test/fixtures/csp/german.html');
      const doc = frame.contentDocument!;
      await waitUntil(() => cardText(doc).includes('Repair Café'), 'no card rendered', { timeout: 5000 });
      expect(cardText(doc)).to.contain('Organisiert von');
      expect(cardText(doc)).not.to.contain('Organised by');
      expect(languageChunks(doc)).to.deep.equal(['de']);
      const record = (frame.contentWindow as unknown as { __civicHardening: { violations: unknown[] } })
        .__civicHardening;
      expect(record.violations).to.deep.equal([]);
    });

    it('lists every language chunk in integrity.json, and a page pinning them renders in German', async () => {
      const hashes = (await (await fetch('/packages/elements/cdn/integrity.json')).json()) as Record<string, string>;
      const german = Object.keys(hashes).filter((f) => /^chunks\/de-[\w-]{8}\.js$/.test(f));
      expect(german).to.have.length(1);
      for (const lang of ['es', 'fr', 'ar'])
        expect(Object.keys(hashes).some((f) => f.startsWith(`chunks/${lang}-`))).to.equal(true);
      const doc = await pageWithIntegrity(hashes['civic-kit.js']!, 'de', hashes);
      await waitUntil(() => cardText(doc).includes('Organisiert von'), 'no German card', { timeout: 5000 });
    });

    it('keeps English, and says so, when the language chunk does not match its hash', async () => {
      const hashes = (await (await fetch('/packages/elements/cdn/integrity.json')).json()) as Record<string, string>;
      const german = Object.keys(hashes).find((f) => /^chunks\/de-/.test(f))!;
      const doc = await pageWithIntegrity(hashes['civic-kit.js']!, 'de', {
        ...hashes,
        [german]: `sha384-${btoa('not the hash of this file, 48 bytes long......')}`,
      });
      const errors = (doc.defaultView as unknown as { __errors: string[] }).__errors;
      await waitUntil(() => cardText(doc).includes('Repair Café'), 'no card rendered', { timeout: 5000 });
      expect(cardText(doc)).to.contain('Organised by');
      await waitUntil(() => errors.some((e) => e.includes('"de" strings could not be loaded')), 'no message', {
        timeout: 5000,
      });
    });
  });

  it('contains no eval or new Function', async () => {
    const code = await (await fetch('/packages/elements/cdn/civic-kit.js')).text();
    expect(code.length).to.be.above(10_000);
    expect(code).not.to.match(/\beval\(|new Function\(/);
  });
});
