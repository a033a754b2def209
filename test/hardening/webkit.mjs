#!/usr/bin/env node
/**
 * The hardening pages in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb), where
 * no test-runner launcher exists: `xvfb-run -a node test/hardening/webkit.mjs` (`pnpm test:webkit`).
 *
 * - test/fixtures/csp/strict.html: the CDN bundle renders every element of the harness in every state
 *   under `default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'`
 *   with 0 `securitypolicyviolation` events and no unsafe markup;
 * - test/fixtures/engines/smoke.html: the same states with no policy, each checked with axe (WCAG 2.2).
 *
 * Speaks W3C WebDriver over HTTP with Node's fetch (no client library). Needs `pnpm build` first, and
 * Debian's `webkit2gtk-driver` and `xvfb`. Prints one `ok`/`not ok` line per check and a closing
 * `N passed, N failed` line; exits 1 on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startDevServer } from '@web/dev-server';
import { cspMiddleware, hardeningCommands, STRICT_CSP } from './wtr-plugins.mjs';

const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const BROWSER = process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const PAGE_TIMEOUT = 60_000;

let passed = 0;
let failed = 0;
const ok = (name) => (passed++, console.log(`ok - ${name}`));
const notOk = (name, why) => (failed++, console.log(`not ok - ${name}\n    ${String(why).replace(/\n/g, '\n    ')}`));
const finish = (code) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed ? 1 : 0));
};

if (!existsSync(DRIVER) || !existsSync(BROWSER) || !process.env.DISPLAY) {
  notOk(
    'WebKit is available',
    `needs ${DRIVER}, ${BROWSER} (apt-get install webkit2gtk-driver) and an X display (run under xvfb-run -a)`,
  );
  finish(1);
}
if (!existsSync('packages/elements/cdn/civic-kit.js')) {
  notOk('the CDN bundle is built', 'run `pnpm build` first');
  finish(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const server = await startDevServer({
  config: {
    rootDir: '.',
    hostname: '127.0.0.1',
    port: await freePort(),
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }), hardeningCommands()],
    middleware: [cspMiddleware()],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  autoExitProcess: false,
});
const origin = `http://127.0.0.1:${server.config.port}`;

const driverPort = await freePort();
const driver = spawn(DRIVER, [`--port=${driverPort}`], { stdio: ['ignore', 'ignore', 'pipe'] });
let driverLog = '';
driver.stderr.on('data', (d) => (driverLog += d));
const wd = `http://127.0.0.1:${driverPort}`;

async function call(method, path, body) {
  const res = await fetch(`${wd}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

let session;
const cleanup = async () => {
  if (session) await call('DELETE', `/session/${session}`).catch(() => undefined);
  driver.kill();
  await server.stop();
};

try {
  for (let i = 0; ; i++) {
    try {
      await fetch(`${wd}/status`);
      break;
    } catch {
      if (i > 100) throw new Error(`WebKitWebDriver did not start: ${driverLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const created = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
      },
    },
  });
  session = created.sessionId;
  const version = created.capabilities?.browserVersion ?? 'unknown';
  console.log(`# WebKitGTK ${version} (MiniBrowser) via WebKitWebDriver`);
  await call('POST', `/session/${session}/window/rect`, { width: 1280, height: 900 }).catch(() => undefined);

  /** Open a page and wait for the report the harness page leaves on `window.__civicHardening`. */
  async function report(path) {
    await call('POST', `/session/${session}/url`, { url: `${origin}${path}` });
    const start = Date.now();
    for (;;) {
      const state = await call('POST', `/session/${session}/execute/sync`, {
        script:
          'const h = window.__civicHardening; return h ? JSON.stringify({ done: h.done, error: h.error, xss: h.xss, violations: h.violations }) : null;',
        args: [],
      });
      const parsed = state && JSON.parse(state);
      if (parsed?.error) throw new Error(parsed.error);
      if (parsed?.done) return parsed;
      if (Date.now() - start > PAGE_TIMEOUT) throw new Error(`${path} never finished`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // The policy must really be sent, or 0 violations would prove nothing.
  const head = await fetch(`${origin}/test/fixtures/csp/strict.html`);
  if (head.headers.get('content-security-policy') === STRICT_CSP) ok('the strict-CSP page is served with the policy');
  else notOk('the strict-CSP page is served with the policy', head.headers.get('content-security-policy'));

  // The whole bundle, then the per-element entries (which hold elements the bundle does not have yet).
  for (const [which, bundle] of [
    ['civic-kit.js', '/packages/elements/cdn/civic-kit.js'],
    ['per-element entries', '/test/fixtures/csp/per-element.js'],
  ]) {
    const strict = await report(`/test/fixtures/csp/strict.html?bundle=${encodeURIComponent(bundle)}`);
    const r = strict.done;
    console.log(`# ${r.userAgent}`);
    for (const name of r.passed) ok(`strict CSP (${which}): ${name} renders`);
    for (const f of r.failed) notOk(`strict CSP (${which}): ${f.state} renders`, f.error);
    for (const s of r.skipped) console.log(`ok - strict CSP (${which}): ${s.state} # SKIP ${s.reason}`);
    if (r.violations.length === 0) ok(`strict CSP (${which}): 0 violations across ${r.passed.length} states`);
    else notOk(`strict CSP (${which}): 0 violations`, JSON.stringify(r.violations, null, 2));
    if (r.styleCanaryReported)
      ok(`strict CSP (${which}): a violation raised on purpose is counted (the count is real)`);
    else
      notOk(
        `strict CSP (${which}): a violation raised on purpose is counted`,
        'the canary style attribute was not reported',
      );
    // Trusted Types: enforced where the engine has them; WebKitGTK builds without them say so here.
    const hasTrustedTypes = await call('POST', `/session/${session}/execute/sync`, {
      script: "return typeof window.trustedTypes !== 'undefined';",
      args: [],
    });
    if (!hasTrustedTypes)
      console.log(`ok - strict CSP (${which}): Trusted Types enforced # SKIP this WebKit has no Trusted Types`);
    else if (r.trustedTypesEnforced) ok(`strict CSP (${which}): Trusted Types enforced (a string to innerHTML throws)`);
    else notOk(`strict CSP (${which}): Trusted Types enforced`, 'innerHTML accepted a string');
    // Known element bugs (written on the harness entry with their cause): reported, and failed once fixed.
    for (const k of r.known) {
      const still = [...k.violations.map((v) => JSON.stringify(v)), ...k.failed.map((f) => `${f.state}: ${f.error}`)];
      if (still.length) console.log(`ok - strict CSP (${which}): <${k.tag}> # TODO known issue: ${k.reason}`);
      else
        notOk(
          `strict CSP (${which}): <${k.tag}> known issue`,
          `now renders cleanly: remove its knownIssues.csp (${k.reason})`,
        );
    }
    if (r.unsafe.length === 0) ok(`strict CSP (${which}): no unsafe markup`);
    else notOk(`strict CSP (${which}): no unsafe markup`, r.unsafe.join('\n'));
    if (strict.xss.length === 0) ok(`strict CSP (${which}): no script ran from data`);
    else notOk(`strict CSP (${which}): no script ran from data`, strict.xss.join('\n'));
  }

  const smoke = (await report('/test/fixtures/engines/smoke.html')).done;
  for (const f of smoke.failed) notOk(`smoke: ${f.state} renders`, f.error);
  if (smoke.failed.length === 0) ok(`smoke: all ${smoke.passed.length} states render without a policy`);
  for (const k of smoke.axeKnown) {
    if (k.violations.length) console.log(`ok - axe: ${k.state} # TODO known issue: ${k.reason}`);
    else notOk(`axe: ${k.state} known issue`, `now passes: remove its knownIssues.axe (${k.reason})`);
  }
  if (smoke.axe && smoke.axe.length === 0) ok(`axe (WCAG 2.2): 0 violations in ${smoke.passed.length} states`);
  else notOk('axe (WCAG 2.2): 0 violations', smoke.axe ? smoke.axe.join('\n') : 'axe did not run');
} catch (e) {
  notOk('WebKit run', e?.stack ?? e);
}
await cleanup();
finish();
