/**
 * custom-elements.json for @civic-kit/elements, from the classes' JSDoc (the one description of the API),
 * and the editor data generated from it: VS Code's HTML custom data and JetBrains' web-types.
 */
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const PACKAGE = 'packages/elements/';
const CORE = 'packages/core/src/';

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

/** `packages/elements/src/poll/poll.ts` → `dist/poll/poll.js`: what the package ships and users import. */
const shipped = (path) =>
  path
    .replace(PACKAGE, '')
    .replace(/^src\//, 'dist/')
    .replace(/\.ts$/, '.js');

/**
 * Paths inside the package: the analyzer runs from the repository root, so its paths
 * (`packages/elements/src/…`) do not exist inside the package. Each module becomes the `dist/…js` file
 * it is built to; the base class from @civic-kit/core (analysed for the members every element
 * inherits) becomes a reference to that package. The modules only the elements' code reads (strings,
 * styles, the basemap data) are left out: they hold no public API.
 */
const packagePaths = () => ({
  name: 'civic-package-paths',
  packageLinkPhase({ customElementsManifest }) {
    const internal = /\.(strings|styles|generate)\.ts$|map\.basemap-data\.ts$|\/translations\/(?!translation)/;
    customElementsManifest.modules = customElementsManifest.modules.filter(
      (m) => m.path.startsWith(PACKAGE) && !internal.test(m.path),
    );
    const fix = (ref) => {
      if (!ref?.module) return;
      if (ref.module.startsWith(CORE)) {
        ref.package = '@civic-kit/core';
        ref.module = ref.module.replace(CORE, 'dist/').replace(/\.ts$/, '.js');
      } else if (ref.module.startsWith(PACKAGE)) ref.module = shipped(ref.module);
    };
    const walk = (node) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const key of ['inheritedFrom', 'superclass', 'declaration']) fix(node[key]);
        Object.values(node).forEach(walk);
      }
    };
    for (const mod of customElementsManifest.modules) mod.path = shipped(mod.path);
    walk(customElementsManifest.modules);
  },
});

/**
 * `define/civic-poll.js` registers its tag through `defineElement` (which the analyzer does not know):
 * give each such module its `custom-element-definition` export, as `customElements.define` would.
 */
const definitionExports = () => ({
  name: 'civic-definition-exports',
  packageLinkPhase({ customElementsManifest }) {
    const classes = customElementsManifest.modules.flatMap((m) =>
      (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName, name: d.name, module: m.path })),
    );
    for (const { tag, name, module } of classes) {
      const path = `dist/define/${tag}.js`;
      let mod = customElementsManifest.modules.find((m) => m.path === path);
      if (!mod) {
        mod = { kind: 'javascript-module', path, declarations: [], exports: [] };
        customElementsManifest.modules.push(mod);
      }
      mod.exports = (mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition');
      mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name, module } });
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
  plugins: [
    documentedEventsOnly(),
    packagePaths(),
    definitionExports(),
    customElementVsCodePlugin({
      outdir: 'packages/elements',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: null,
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir: 'packages/elements',
      webTypesFileName: 'web-types.json',
      packageJson: false,
      hideLogs: true,
      modulePathTemplate: (_name, modulePath) => modulePath,
    }),
  ],
};
