/** custom-elements.json for @civic-kit/elements, from the classes' JSDoc (the one description of the API). */

/**
 * Events are documented with `@fires`. The analyzer also guesses events from `dispatchEvent(new X())`
 * calls, without names (our event classes carry their names): keep only the documented ones.
 */
const documentedEventsOnly = () => ({
  name: 'civic-documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (d.events) d.events = d.events.filter((e) => e.name && e.description);
      }
    }
  },
});

export default {
  globs: ['packages/elements/src/**/*.ts', 'packages/core/src/civic-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'packages/elements/src/cdn.ts'],
  outdir: 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [documentedEventsOnly()],
};
