/** Version of this copy of Civic Kit; a guarded define compares it to the one already on the page. */
export const VERSION = '0.1.0';

const versions = new Map<string, string>();

/**
 * Register a tag once. Two embeds of Civic Kit can share a page: the same version is skipped quietly,
 * a different one is skipped with a warning (the first definition wins, as custom elements require).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version = VERSION): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    const had = (existing as { civicVersion?: string }).civicVersion ?? versions.get(tag);
    if (existing !== ctor && had !== version) {
      console.warn(
        `<${tag}> is already defined by Civic Kit ${had ?? '(unknown version)'}; version ${version} was not registered.`,
      );
    }
    return;
  }
  versions.set(tag, version);
  Object.defineProperty(ctor, 'civicVersion', { value: version });
  registry.define(tag, ctor);
}
