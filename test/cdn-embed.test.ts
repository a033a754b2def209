/**
 * A plain HTML page (no build step, no framework) that loads the built CDN bundle, as a site
 * maintainer would. Needs `pnpm build` first (the test command runs it).
 */
import { expect, waitUntil } from '@open-wc/testing';
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

  it('contains no eval or new Function', async () => {
    const code = await (await fetch('/packages/elements/cdn/civic-kit.js')).text();
    expect(code.length).to.be.above(10_000);
    expect(code).not.to.match(/\beval\(|new Function\(/);
  });
});
