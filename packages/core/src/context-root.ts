import { ContextRoot } from '@lit/context';

const KEY = Symbol.for('civic-kit.context-root');

/**
 * In a plain HTML page, elements that upgrade before their `<civic-provider>` is defined ask for the
 * adapter and nobody answers. A ContextRoot on the document remembers those requests and replays them
 * when a provider appears, so the order of tags, scripts and definitions does not matter.
 */
export function ensureContextRoot(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  g[KEY] = root;
}
