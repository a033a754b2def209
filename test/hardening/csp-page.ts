/**
 * The script of test/fixtures/csp/strict.html (served with the strict CSP): takes the library from the
 * built CDN bundle, renders every element of the harness in every state, and writes what happened to
 * `window.__civicHardening.done` for the test (Chromium, Firefox) or the WebKit runner to read.
 *
 * Runs in the page itself, not a test framework, so that nothing but Civic Kit and this file executes
 * under the policy.
 */
import { label, mount, assetUrl, defined } from './mount.js';
import { HARNESSES } from './registry.js';
import type { Kit, StateContext } from './types.js';
import { unsafeMarkup } from './dom.js';

export interface PageReport {
  /** States that reached what they should show. */
  passed: string[];
  /** States that did not, with why. */
  failed: { state: string; error: string }[];
  /** States left out here, with why (element not in the bundle, or the state says so). */
  skipped: { state: string; reason: string }[];
  /** Markup that could run script or load something unsafe. */
  unsafe: string[];
  /** axe violations per state (WCAG 2.2 tags), where the page loaded axe (not under the strict CSP). */
  axe: string[] | undefined;
  /** States with a known axe failure (`knownIssues.axe`): what axe still finds there. */
  axeKnown: { state: string; reason: string; violations: string[] }[];
  /** Violations recorded while every element without a known CSP issue rendered: must be none. */
  violations: unknown[];
  /** Elements with a known CSP issue (`knownIssues.csp`), rendered afterwards: what they still break. */
  known: {
    tag: string;
    reason: string;
    violations: unknown[];
    passed: string[];
    failed: { state: string; error: string }[];
  }[];
  /** Proof the policy is enforced and counted: a string to innerHTML must throw (Trusted Types)… */
  trustedTypesEnforced: boolean;
  /** …and a `style` attribute set from script must be reported as a violation. */
  styleCanaryReported: boolean;
  userAgent: string;
}

interface AxeLike {
  run(context: Element, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
}
export interface Hardening {
  violations: unknown[];
  xss: string[];
  done?: PageReport;
  error?: string;
}
declare global {
  interface Window {
    __civicHardening: Hardening;
  }
}

const BUNDLE = new URLSearchParams(location.search).get('bundle') ?? '/packages/elements/cdn/civic-kit.js';

async function run(): Promise<PageReport> {
  const kit = (await import(BUNDLE)) as Kit;
  const record = window.__civicHardening;
  const ctx: StateContext = { kit, doc: document, asset: assetUrl(document) };
  const container = document.getElementById('states')!;
  const report: PageReport = {
    passed: [],
    failed: [],
    skipped: [],
    unsafe: [],
    axe: undefined,
    axeKnown: [],
    violations: [],
    known: [],
    trustedTypesEnforced: false,
    styleCanaryReported: false,
    userAgent: navigator.userAgent,
  };

  const only = new URLSearchParams(location.search).get('only');
  const sections = new Map<string, { box: HTMLElement; known: string | undefined }>();
  /** Render every state of `harnesses`; failures go to `failed`. */
  const renderAll = async (harnesses: typeof HARNESSES, passed: string[], failed: PageReport['failed']) => {
    const jobs: Promise<void>[] = [];
    for (const harness of harnesses) {
      for (const state of harness.states) {
        const name = label(harness, state);
        if (only && !name.includes(only)) continue;
        if (!defined(harness)) report.skipped.push({ state: name, reason: `${harness.tag} is not in this bundle` });
        else if (state.skipInPage) report.skipped.push({ state: name, reason: state.skipInPage });
        else {
          const box = document.createElement('section');
          box.setAttribute('aria-label', name);
          container.append(box);
          jobs.push(
            mount(harness, state, ctx, box, 8000).then(
              (m) => {
                passed.push(name);
                sections.set(name, { box, known: state.knownIssues?.axe });
                report.unsafe.push(...unsafeMarkup(m.root).map((p) => `${name}: ${p}`));
              },
              (e: unknown) => void failed.push({ state: name, error: String(e) }),
            ),
          );
        }
      }
    }
    await Promise.all(jobs);
    // Late violations (a style applied on a second render, an image failing) have a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
  };

  await renderAll(
    HARNESSES.filter((h) => !h.knownIssues?.csp),
    report.passed,
    report.failed,
  );
  report.violations = [...record.violations];
  for (const harness of HARNESSES.filter((h) => h.knownIssues?.csp && defined(h))) {
    const before = record.violations.length;
    const known: PageReport['known'][number] = {
      tag: harness.tag,
      reason: harness.knownIssues!.csp!,
      violations: [],
      passed: [],
      failed: [],
    };
    await renderAll([harness], known.passed, known.failed);
    known.violations = record.violations.slice(before);
    report.known.push(known);
  }

  // The smoke page (no CSP) loads axe: every state is also checked with the WCAG 2.2 tags there.
  const axe = (window as unknown as { axe?: AxeLike }).axe;
  if (axe) {
    report.axe = [];
    for (const [name, { box, known }] of sections) {
      const { violations } = await axe.run(box, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      const found = violations.map((v) => `${name}: ${v.id} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      if (known) report.axeKnown.push({ state: name, reason: known, violations: found });
      else report.axe.push(...found);
    }
    return report;
  }

  // Canaries, after the count: they prove the policy is on and that violations are seen here.
  try {
    document.createElement('div').innerHTML = '<b>canary</b>';
  } catch {
    report.trustedTypesEnforced = true;
  }
  const before = record.violations.length;
  document.body.setAttribute('style', 'outline: 1px solid red');
  document.body.removeAttribute('style');
  await new Promise((r) => setTimeout(r, 100));
  report.styleCanaryReported = record.violations.length > before;
  return report;
}

run().then(
  (report) => (window.__civicHardening.done = report),
  (e: unknown) => (window.__civicHardening.error = String((e as Error)?.stack ?? e)),
);
