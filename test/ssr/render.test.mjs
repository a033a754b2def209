/**
 * Server rendering with @lit-labs/ssr, from the built package (`pnpm build` first), as a Node site
 * generator would do it: importing and rendering every element never throws, and the card, the list
 * and the poll, given their data as properties, render their content into declarative shadow DOM (what
 * search engines and slow phones see before any script runs). Hydration in the browser:
 * test/ssr/hydrate.test.ts.
 *
 * `node --test test/ssr/` (part of `pnpm test:ssr`).
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INITIATIVE, POLL, SECOND } from './fixtures.mjs';

// Registers every element on the server (@lit-labs/ssr's DOM shim comes with lit's Node build).
await import('@civic-kit/elements');

const ssr = async (template) => collectResult(render(template));
/** The text of the rendered HTML, tags and comments left out. */
const text = (out) =>
  out
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('server rendering with @lit-labs/ssr', () => {
  const everyElement = {
    'civic-provider': html`<civic-provider adapter="memory" lang="en"></civic-provider>`,
    'civic-initiative-card': html`<civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card>`,
    'civic-poll': html`<civic-poll poll-id="first-project"></civic-poll>`,
    'civic-initiative-list': html`<civic-initiative-list label="Initiatives"></civic-initiative-list>`,
    'civic-map': html`<civic-map><civic-map-pin lat="51.45" lng="-2.58" label="Bristol"></civic-map-pin></civic-map>`,
    'civic-map-pin': html`<civic-map-pin lat="51.45" lng="-2.58" label="Bristol"></civic-map-pin>`,
    'civic-find-the-others': html`<civic-find-the-others organisations="Our town"></civic-find-the-others>`,
  };
  for (const [tag, template] of Object.entries(everyElement)) {
    it(`renders <${tag}> without throwing, into a declarative shadow root`, async () => {
      const out = await ssr(template);
      assert.match(out, new RegExp(`<${tag}[^>]*>`));
      if (tag !== 'civic-map-pin') assert.match(out, /<template shadowroot(mode)?="open"/);
    });
  }

  it('renders a card given as a property: its title, summary, status and supporters', async () => {
    const out = text(await ssr(html`<civic-initiative-card .initiative=${INITIATIVE}></civic-initiative-card>`));
    assert.match(out, /Tool library on Mill Lane/);
    assert.match(out, /Borrow a drill instead of buying one\./);
    assert.match(out, /Active/);
    assert.match(out, /42/);
  });

  it('renders a list given as a property: every valid initiative in it, an invalid one left out', async () => {
    const broken = { id: 'broken', title: 'No status at all' };
    const out = text(
      await ssr(
        html`<civic-initiative-list
          label="Initiatives"
          .initiatives=${[INITIATIVE, broken, SECOND]}
        ></civic-initiative-list>`,
      ),
    );
    assert.match(out, /Tool library on Mill Lane/);
    assert.match(out, /Spring seed swap/);
    assert.doesNotMatch(out, /No status at all/);
  });

  it('renders a poll given as a property: its question and options', async () => {
    const out = text(await ssr(html`<civic-poll .poll=${POLL}></civic-poll>`));
    assert.match(out, /Which colour for the new benches\?/);
    assert.match(out, /Forest green/);
    assert.match(out, /Harbour blue/);
  });

  it('follows lang on the element itself (no tree on the server)', async () => {
    const out = text(await ssr(html`<civic-poll lang="de" .poll=${POLL}></civic-poll>`));
    assert.match(out, /Abstimmen/);
  });
});
