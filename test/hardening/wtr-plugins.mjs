/**
 * Test-runner additions for the hardening checks (test/hardening):
 * - `cspMiddleware()` serves every page under /test/fixtures/csp/ with the strict policy below;
 * - `hardeningCommands()` adds browser commands the standard ones lack: emulating any media feature
 *   (`forced-colors`, `prefers-reduced-motion`, …) and recording every request a test page makes.
 */

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

export function hardeningCommands() {
  /** Requests seen per test session while recording. */
  const recordings = new Map();
  return {
    name: 'civic-hardening-commands',
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
