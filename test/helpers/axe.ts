/** axe with WCAG 2.2 switched on (axe's defaults and open-wc's `accessible()` leave it off). */
import 'axe-core/axe.min.js';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: {
    id: string;
    impact: string;
    help: string;
    nodes: { target: unknown; html: string; failureSummary?: string }[];
  }[];
}
declare global {
  interface Window {
    axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
  }
}

/** Fails with a readable list when axe finds any violation in `el` (shadow roots included). */
export async function expectAccessible(el: Element, disabledRules: Record<string, string> = {}): Promise<void> {
  const rules = Object.fromEntries(Object.keys(disabledRules).map((r) => [r, { enabled: false }]));
  // An element in an iframe is checked by that frame's own copy of axe (see `injectAxe`).
  const axe = el.ownerDocument.defaultView?.axe ?? window.axe;
  const { violations } = await axe.run(el, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    rules,
    resultTypes: ['violations'],
  });
  if (violations.length) {
    const lines = violations.flatMap((v) => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.html}\n    ${n.failureSummary ?? ''}`),
    ]);
    throw new Error(`Accessibility violations:\n${lines.join('\n')}`);
  }
}

/** Load axe into a same-origin frame's document, so its content can be checked in place. */
export async function injectAxe(doc: Document): Promise<void> {
  if ((doc.defaultView as Window | null)?.axe) return;
  const script = doc.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  doc.head.append(script);
  await loaded;
}
