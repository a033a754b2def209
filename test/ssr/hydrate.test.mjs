/**
 * Server-rendered elements hydrate in the browser: a page rendered by @lit-labs/ssr (the card, the
 * list and the poll given their data as properties) shows its content with scripts off, then Lit takes
 * it over in Chromium with no error, reusing the server's DOM (the node of the card's title is the
 * same before and after), and the poll takes a choice.
 *
 * The browser module is bundled from the built packages by esbuild (`pnpm build` first).
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../consumers/check-page.mjs';
import { app } from './app.mjs';
import { INITIATIVE, POLL, SECOND } from './fixtures.mjs';

await import('@civic-kit/elements');

const DATA = { initiative: INITIATIVE, initiatives: [INITIATIVE, SECOND], poll: POLL };

describe('server-rendered elements hydrate in the browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-hydrate-'));
  let browser;
  let site;

  before(async () => {
    const body = await collectResult(render(app(DATA)));
    // The same template, hydrated over the server's DOM (the first import must be the hydrate support).
    const entry = join(dir, 'client.js');
    writeFileSync(
      entry,
      `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
       import { hydrate } from '@lit-labs/ssr-client';
       import '@civic-kit/elements';
       import { app } from ${JSON.stringify(fileURLToPath(new URL('./app.mjs', import.meta.url)))};
       window.titleBefore = document.querySelector('civic-initiative-card').shadowRoot.querySelector('[part~="title"]');
       hydrate(app(${JSON.stringify(DATA)}), document.body);
       window.hydrated = true;`,
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      outfile: join(dir, 'bundle.js'),
      nodePaths: [fileURLToPath(new URL('../../node_modules', import.meta.url))],
      conditions: ['browser'],
      logLevel: 'error',
    });
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Hydration</title></head><body>${body}<script type="module" src="bundle.js"></script></body></html>`,
    );
    browser = await launch();
    site = await serve(dir);
  });

  after(async () => {
    await browser?.close();
    site?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the content with scripts off (declarative shadow DOM)', async () => {
    const tab = await browser.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.goto(`${site.origin}/`);
    const texts = await tab.evaluate(() =>
      ['civic-initiative-card', 'civic-initiative-list', 'civic-poll'].map(
        (tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? '',
      ),
    );
    await tab.close();
    assert.match(texts[0], /Tool library on Mill Lane/);
    assert.match(texts[1], /Spring seed swap/);
    assert.match(texts[2], /Which colour for the new benches\?/);
  });

  it('hydrates with no error, keeping the server DOM, and the poll takes a choice', async () => {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(`${site.origin}/`);
    await tab.waitForFunction(() => window.hydrated === true, { timeout: 15_000 });
    const sameTitle = await tab.evaluate(async () => {
      const card = document.querySelector('civic-initiative-card');
      await card.updateComplete;
      return window.titleBefore === card.shadowRoot.querySelector('[part~="title"]');
    });
    assert.equal(sameTitle, true, 'the title node was replaced, not hydrated');
    const voters = () =>
      tab.evaluate(
        () => /(\d+) people have voted/.exec(document.querySelector('civic-poll').shadowRoot.textContent)?.[1],
      );
    assert.equal(await voters(), '8');
    const checked = await tab.evaluate(() => {
      const input = document.querySelector('civic-poll').shadowRoot.querySelector('input[name="choice"]');
      input.click();
      return input.checked;
    });
    assert.equal(checked, true);
    await tab.close();
    assert.deepEqual(errors, []);
  });
});
