/** Shared by the robustness checks (test/hardening/robustness-*.test.ts). */
import type { ElementHarness } from './types.js';

/**
 * Run an element-level check. A known issue on the harness entry (with its cause) marks the test
 * pending while the check still fails, and fails it once it passes, so the entry is removed with the fix.
 */
export async function knownElementIssue(
  ctx: Mocha.Context,
  harness: ElementHarness,
  which: 'flexRow' | 'leaks',
  check: () => unknown,
): Promise<void> {
  const known = harness.knownIssues?.[which];
  if (!known) return void (await check());
  try {
    await check();
  } catch (e) {
    console.warn(
      `Known issue, <${harness.tag}> (${which}): ${known}\n  ${String(e).split('\n').slice(0, 6).join('\n  ')}`,
    );
    ctx.skip();
  }
  throw new Error(`<${harness.tag}> now passes "${which}": remove its knownIssues.${which} entry (${known})`);
}

/**
 * Why an element collapses in a flex row: inline-size containment (`container-type: inline-size`, for
 * its container queries) gives a box no width from its content, so wherever the page sizes it by its
 * content — a flex item without a basis, a float, an inline-block, an `auto` grid column — it is 0 px
 * wide. Fix in the element — `:host { min-inline-size: min(100%, 20rem) }` gives a poll in an 800 px
 * flex row 320 px (tried once in Chromium) — or say in the docs that such a box needs a width
 * (`flex: 1`, a column size).
 */
export const collapsesInFlexRow = (where: string) =>
  `container-type: inline-size on ${where} gives it no width from its content, so as a flex item (or a float, an inline-block, an auto grid column) it is 0 px wide`;
