/**
 * Serves a consumer app's production build on 127.0.0.1 and checks it in headless Chromium, as a
 * visitor would see it: every Civic Kit tag on the page is defined and renders its content (the map
 * draws its Leaflet view), no error reaches the console or the page, and one vote on the poll is
 * counted (the count of voters goes up by exactly one, through the in-memory adapter).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** A static file server for `root`; resolves with its origin. */
export function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, server })),
  );
}

export async function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Every element that renders a shadow root, and what shows it rendered. */
const RENDERED = {
  'civic-provider': null, // no content of its own
  'civic-map-pin': null, // data for its map
  'civic-initiative-card': '[part~="title"]',
  'civic-poll': '[part~="question"]',
  'civic-initiative-list': '[part~="item"]',
  'civic-map': '.leaflet-container',
  'civic-find-the-others': '[part~="form"]',
};

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Opens `url` and returns a list of problems (empty: the page passed). `tags`: the tags the page
 * must show; `vote`: whether to cast one vote on the first `<civic-poll>`; `minTextPx`: no visible
 * text inside the elements smaller than this; `axe`: no axe violation (WCAG 2.2 tags) on the page.
 */
export async function checkPage(browser, url, { tags, vote = true, minTextPx, axe = false, timeout = 15_000 }) {
  const problems = [];
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    for (const tag of tags) {
      const selector = RENDERED[tag];
      try {
        await page.waitForFunction(
          (tag, selector) => {
            const el = document.querySelector(tag);
            if (!el || !customElements.get(tag)) return false;
            if (selector === null) return true;
            return !!el.shadowRoot?.querySelector(selector);
          },
          { timeout },
          tag,
          selector,
        );
      } catch {
        const state = await page.evaluate((tag) => {
          const el = document.querySelector(tag);
          return `${el ? 'present' : 'absent'}, ${customElements.get(tag) ? 'defined' : 'undefined'}: ${(el?.shadowRoot?.textContent ?? '').trim().slice(0, 160)}`;
        }, tag);
        problems.push(`<${tag}> did not render (${state})`);
      }
    }
    if (minTextPx) problems.push(...(await page.evaluate(smallText, minTextPx)));
    if (axe) {
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(
        async (tags) =>
          (await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(
            (v) => `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`,
          ),
        AXE_TAGS,
      );
      problems.push(...violations);
    }
    if (vote && tags.includes('civic-poll')) problems.push(...(await castVote(page, timeout)));
  } catch (e) {
    problems.push(`page: ${e.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

/** Visible text inside the Civic Kit elements' shadow roots set smaller than `min` px (runs in the page). */
function smallText(min) {
  const out = [];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.localName === 'style') continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (r.width >= 1 && r.height >= 1 && size < min) out.push(`${size}px text: "${text.slice(0, 40)}"`);
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  for (const el of document.querySelectorAll('*'))
    if (el.localName.startsWith('civic-') && el.shadowRoot) visit(el.shadowRoot);
  return [...new Set(out)];
}

/** The number in the poll's "N people have voted.", or null. */
function votersOnPage() {
  const m = /(\d[\d,]*) people have voted/.exec(document.querySelector('civic-poll')?.shadowRoot?.textContent ?? '');
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/** Reads "N people have voted.", ticks the first option, presses Vote, and waits for N + 1. */
async function castVote(page, timeout) {
  const voters = () => page.evaluate(votersOnPage);
  const before = await voters();
  if (before === null) return ['the poll shows no count of voters before the vote'];
  await page.evaluate(() => {
    const root = document.querySelector('civic-poll').shadowRoot;
    root.querySelector('input[name="choice"]').click();
    root.querySelector('[part~="vote-button"]').click();
  });
  try {
    await page.waitForFunction(`(${votersOnPage})() === ${before + 1}`, { timeout });
  } catch {
    return [`the vote was not counted: ${before} voters before, ${await voters()} after`];
  }
  // Counted once: still N + 1 a moment later.
  await new Promise((r) => setTimeout(r, 300));
  const after = await voters();
  return after === before + 1 ? [] : [`the vote was counted ${after - before} times`];
}
