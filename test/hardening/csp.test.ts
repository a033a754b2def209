/**
 * Strict CSP + Trusted Types: the built CDN bundle renders every element of the harness in every state
 * in a page served with
 *   default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'
 * and not one `securitypolicyviolation` is raised. Needs `pnpm build` first (the test command runs it).
 * The same page runs in WebKit through test/hardening/webkit.mjs.
 */
import { expect } from '@open-wc/testing';
import type { Hardening, PageReport } from './csp-page.js';
import { loadFrame } from './frame.js';
import { HARNESSES } from './registry.js';

const POLICY = "default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'";

/** What the page's recorder (test/fixtures/csp/record.js) leaves on its window, once it has run. */
const hardening = (frame: HTMLIFrameElement) =>
  (frame.contentWindow as unknown as { __civicHardening?: Hardening }).__civicHardening;

async function report(frame: HTMLIFrameElement): Promise<PageReport> {
  const start = Date.now();
  while (!hardening(frame)?.done && !hardening(frame)?.error) {
    if (Date.now() - start > 20_000) throw new Error('the strict-CSP page never finished');
    await new Promise((r) => setTimeout(r, 50));
  }
  const h = hardening(frame)!;
  if (h.error) throw new Error(`the strict-CSP page failed: ${h.error}`);
  return h.done!;
}

describe('strict CSP and Trusted Types', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('serves the fixture page with the strict policy', async () => {
    const response = await fetch('/test/fixtures/csp/strict.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('no CDN file uses eval, new Function or string timers (script-src without unsafe-eval)', async () => {
    const base = '/packages/elements/cdn/elements/';
    // Every chunk of both builds (chunks.json lists each with its static imports).
    const files = new Set<string>();
    for (const dir of ['/packages/elements/cdn/', base]) {
      const graph = (await (await fetch(`${dir}chunks.json`)).json()) as Record<string, string[]>;
      for (const f of Object.keys(graph)) files.add(dir + f);
    }
    const found: string[] = [];
    for (const file of files) {
      const code = await (await fetch(file)).text();
      expect(code.length, file).to.be.above(100);
      for (const pattern of [/\beval\(/, /new Function\(/, /\bsetTimeout\(\s*["'`]/, /\bsetInterval\(\s*["'`]/])
        if (pattern.test(code)) found.push(`${file}: ${pattern}`);
    }
    expect(files.size).to.be.at.least(3);
    expect(found).to.deep.equal([]);
  });

  for (const [name, bundle] of [
    ['the CDN bundle (civic-kit.js)', '/packages/elements/cdn/civic-kit.js'],
    // Per-element entries share chunks; the provider's and the card's together load every chunk.
    ['the per-element entries', '/test/fixtures/csp/per-element.js'],
  ] as const) {
    it(`renders every element in every state from ${name} with 0 violations`, async () => {
      const frame = await loadFrame(`/test/fixtures/csp/strict.html?bundle=${encodeURIComponent(bundle)}`, 1280, 900);
      const r = await report(frame);
      expect(r.trustedTypesEnforced, 'Trusted Types are enforced on the page (a string to innerHTML throws)').to.equal(
        true,
      );
      expect(r.styleCanaryReported, 'a violation raised on purpose is counted').to.equal(true);
      expect(r.failed, 'states that did not render').to.deep.equal([]);
      expect(r.violations, 'CSP violations').to.deep.equal([]);
      expect(r.unsafe, 'unsafe markup').to.deep.equal([]);
      for (const k of r.known) {
        const still = [...k.violations.map((v) => JSON.stringify(v)), ...k.failed.map((f) => `${f.state}: ${f.error}`)];
        if (!still.length) throw new Error(`<${k.tag}> now renders cleanly: remove its knownIssues.csp (${k.reason})`);
        console.warn(`Known CSP issue, <${k.tag}>: ${k.reason}\n  ${still.slice(0, 5).join('\n  ')}`);
      }
      const defined = HARNESSES.filter((h) => !h.knownIssues?.csp && frame.contentWindow!.customElements.get(h.tag));
      const expected = defined.flatMap((h) => h.states.filter((s) => !s.skipInPage)).length;
      expect(r.passed.length, 'every state of every element in the bundle').to.equal(expected);
      expect(expected).to.be.greaterThan(20);
      expect(hardening(frame)!.xss, 'script from data ran').to.deep.equal([]);
    });
  }
});
