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
