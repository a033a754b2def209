/**
 * Test-side helpers: the library from the workspace sources as the harness's kit, and mounting every
 * state of every element at once (one page, so a state that waits seconds is waited for once).
 */
import * as elements from '@civic-kit/elements';
import { assetUrl, defined, label, mount, type Mounted } from './mount.js';
import { HARNESSES } from './registry.js';
import type { Criterion, ElementHarness, ElementState, Kit, StateContext } from './types.js';

export const kit: Kit = elements;

export const context = (doc: Document = document): StateContext => ({ kit, doc, asset: assetUrl(doc) });

/** Every (element, state) pair of the harness whose element this page defines. */
export function allStates(filter: (h: ElementHarness, s: ElementState) => boolean = () => true) {
  return HARNESSES.flatMap((harness) => harness.states.map((state) => ({ harness, state }))).filter(
    ({ harness, state }) => defined(harness) && filter(harness, state),
  );
}

/** Harness entries ahead of what this page defines (reported as pending by the tests). */
export const pendingElements = () => HARNESSES.filter((h) => !defined(h)).map((h) => h.tag);

export interface Stage {
  container: HTMLElement;
  mounted: Map<string, Mounted>;
  failures: Map<string, string>;
  remove(): void;
}

/**
 * Mount the states (each in its own labelled section, after a focusable marker so keyboard tests can
 * start just before it) and wait for all of them.
 */
export async function stage(states = allStates(), options: { width?: string; marker?: boolean } = {}): Promise<Stage> {
  const container = document.createElement('div');
  container.className = 'hardening-stage';
  if (options.width) container.style.setProperty('inline-size', options.width);
  document.body.append(container);
  const mounted = new Map<string, Mounted>();
  const failures = new Map<string, string>();
  const ctx = context();
  await Promise.all(
    states.map(async ({ harness, state }) => {
      const name = label(harness, state);
      const section = document.createElement('section');
      section.setAttribute('aria-label', name);
      if (options.marker) {
        const marker = document.createElement('button');
        marker.type = 'button';
        marker.className = 'hardening-marker';
        marker.textContent = `Before ${name}`;
        section.append(marker);
      }
      container.append(section);
      try {
        mounted.set(name, await mount(harness, state, ctx, section));
      } catch (e) {
        failures.set(name, String(e));
      }
    }),
  );
  return { container, mounted, failures, remove: () => container.remove() };
}

/** The mounted state, or a failure naming why it never rendered. */
export function get(stage: Stage, name: string): Mounted {
  const m = stage.mounted.get(name);
  if (!m) throw new Error(`${name} did not render: ${stage.failures.get(name) ?? 'not mounted'}`);
  return m;
}

const uncaught: unknown[] = [];
let listening = false;
/** Errors thrown into the page (none is allowed: elements show errors, they never throw them). */
export function uncaughtErrors(): unknown[] {
  if (!listening) {
    listening = true;
    window.addEventListener('error', (e) => uncaught.push(e.error ?? e.message));
    window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));
  }
  return uncaught;
}

/**
 * Run one criterion for one state. A known issue (written on the state in the harness, with its cause)
 * marks the test pending while it still fails, and fails it once it passes, so the entry is removed.
 */
export async function criterion(ctx: Mocha.Context, state: ElementState, which: Criterion, check: () => unknown) {
  const known = state.knownIssues?.[which];
  if (!known) return void (await check());
  try {
    await check();
  } catch (e) {
    console.warn(`Known issue, ${state.name} (${which}): ${known}\n  ${String(e).split('\n')[0]}`);
    ctx.skip();
  }
  throw new Error(`${state.name} now passes "${which}": remove its knownIssues entry (${known})`);
}
