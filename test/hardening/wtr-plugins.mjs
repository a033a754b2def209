/**
 * Test-runner additions for the hardening checks (test/hardening):
 * - `cspMiddleware()` serves every page under /test/fixtures/csp/ with the strict policy below;
 * - `hardeningCommands()` adds browser commands the standard ones lack: emulating any media feature
 *   (`forced-colors`, `prefers-reduced-motion`, …), recording every request a test page makes, and
 *   forcing a garbage collection to read the heap and DOM counters (leak checks), and reading the
 *   accessibility tree's role and name of the focused element (keyboard walks); it also serves a
 *   second copy of the built CDN files under /test/fixtures/second-copy/ with another version
 *   string, so two copies of the library can share a page (test/hardening/robustness-two-copies).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The policy a site with no `unsafe-inline`, no `unsafe-eval` and Trusted Types enforced sends. */
export const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'";

export function cspMiddleware() {
  return async function strictCsp(ctx, next) {
    await next();
    if (ctx.path.startsWith('/test/fixtures/csp/') && ctx.path.endsWith('.html')) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    }
  };
}

/** Where the second copy is served, and the version it claims. */
export const SECOND_COPY = { path: '/test/fixtures/second-copy/', version: '0.0.0-second-copy' };
const cdnDir = fileURLToPath(new URL('../../packages/elements/cdn/', import.meta.url));
const defineSource = fileURLToPath(new URL('../../packages/core/src/define.ts', import.meta.url));

/** A built CDN file with the library's version string replaced (`null` when there is no such file). */
async function secondCopyFile(path) {
  const rel = decodeURIComponent(path.slice(SECOND_COPY.path.length));
  if (!/^[\w./-]+\.js$/.test(rel) || rel.split('/').includes('..')) return null;
  const [source, code] = await Promise.all([readFile(defineSource, 'utf8'), readFile(cdnDir + rel, 'utf8')]).catch(
    () => [null, null],
  );
  if (code === null) return null;
  const version = /export const VERSION = '([^']+)'/.exec(source)?.[1];
  if (!version) throw new Error('VERSION not found in packages/core/src/define.ts');
  let patches = 0;
  const body = code.replaceAll(`"${version}"`, () => (patches++, JSON.stringify(SECOND_COPY.version)));
  return { body, patches };
}

export function hardeningCommands() {
  /** Requests seen per test session while recording. */
  const recordings = new Map();
  return {
    name: 'civic-hardening-commands',
    async serve(context) {
      if (!context.path.startsWith(SECOND_COPY.path)) return undefined;
      const file = await secondCopyFile(context.path);
      if (!file) return undefined;
      return { body: file.body, type: 'js', headers: { 'x-civic-version-patches': String(file.patches) } };
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('civic-')) return undefined;
      if (session.browser.type !== 'puppeteer') return { supported: false, reason: `${session.browser.type} browser` };
      const page = session.browser.getPage(session.id);
      if (command === 'civic-emulate-media') {
        try {
          await page.emulateMediaFeatures(payload.features);
          return { supported: true };
        } catch (e) {
          return { supported: false, reason: String(e?.message ?? e) };
        }
      }
      if (command === 'civic-requests-start') {
        const urls = [];
        const listener = (request) => urls.push(request.url());
        recordings.set(session.id, { urls, listener });
        page.on('request', listener);
        return { supported: true };
      }
      if (command === 'civic-bring-to-front') {
        // Tests run two pages at a time and the one behind gets no frames; a check that needs them
        // (what waits for a frame to let go of an element) brings its page to the front first.
        try {
          await page.bringToFront();
          return { supported: true };
        } catch (e) {
          return { supported: false, reason: String(e?.message ?? e) };
        }
      }
      if (command === 'civic-heap') {
        // A full collection first (no `--expose-gc` needed), then what is left. Chromium only (CDP).
        let cdp;
        try {
          cdp = await page.createCDPSession();
        } catch (e) {
          return { supported: false, reason: String(e?.message ?? e) };
        }
        try {
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          const counters = await cdp.send('Memory.getDOMCounters');
          return { supported: true, heap: usedSize, ...counters };
        } finally {
          await cdp.detach();
        }
      }
      if (command === 'civic-focused-ax') {
        // What the browser's accessibility tree says about the focused element (through shadow roots),
        // in the frame whose URL contains `payload.frame`, or in the page itself.
        const frame = payload?.frame ? page.frames().find((f) => f.url().includes(payload.frame)) : page.mainFrame();
        if (!frame) return { supported: false, reason: `no frame at ${payload.frame}` };
        const handle = await frame.evaluateHandle(() => {
          let a = document.activeElement;
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          return a;
        });
        // Through CDP rather than page.accessibility (which looks only in the top frame's tree), on the
        // frame's own session, where the handle's object lives.
        const cdp = frame.client;
        try {
          const objectId = handle.remoteObject().objectId;
          if (!objectId) return { supported: true, role: '', name: '', description: '' };
          const { node } = await cdp.send('DOM.describeNode', { objectId });
          const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
            backendNodeId: node.backendNodeId,
            fetchRelatives: false,
          });
          const ax = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId) ?? nodes[0];
          return {
            supported: true,
            role: ax?.role?.value ?? '',
            name: ax?.name?.value ?? '',
            description: ax?.description?.value ?? '',
          };
        } finally {
          await handle.dispose();
        }
      }
      if (command === 'civic-requests-stop') {
        const recording = recordings.get(session.id);
        if (!recording) return { supported: false, reason: 'not recording' };
        page.off('request', recording.listener);
        recordings.delete(session.id);
        return { supported: true, urls: recording.urls };
      }
      return undefined;
    },
  };
}
