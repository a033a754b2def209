import type { CivicAdapter } from './adapter.js';

/** What `<civic-provider>` hands a registered adapter factory: its attributes. */
export interface AdapterConfig {
  endpoint?: string | undefined;
  /** Keep state (votes, supports) in localStorage under this key (memory adapter). */
  persist?: string | undefined;
  /** Every other attribute of the provider, by name. */
  attributes: Readonly<Record<string, string>>;
}
export type AdapterFactory = (config: AdapterConfig) => CivicAdapter | Promise<CivicAdapter>;

// Kept on globalThis under a `Symbol.for` key so two copies of Civic Kit on one page share it.
const KEY = Symbol.for('civic-kit.adapter-registry');
const registry: Map<string, AdapterFactory> =
  ((globalThis as Record<symbol, unknown>)[KEY] as Map<string, AdapterFactory> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[KEY] = new Map<string, AdapterFactory>());

/** Make `<civic-provider adapter="name">` build an adapter with `factory`. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  registry.set(name, factory);
}

export function getAdapterFactory(name: string): AdapterFactory | undefined {
  return registry.get(name);
}

export function registeredAdapters(): string[] {
  return [...registry.keys()];
}
