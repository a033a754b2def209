/**
 * `pnpm build:examples`: bundles the React and Vue example apps (examples/react-app.tsx,
 * examples/vue-app.ts) into examples/dist/, so examples/react.html and examples/vue.html work from any
 * static server with no import map. The workspace packages come from source. Also bundles React with
 * the wrappers for @civic-kit/react's browser test (packages/react/test/runtime.ts): React ships
 * CommonJS only, which the test runner serves as is.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  conditions: ['source'],
  tsconfig: `${root}tsconfig.base.json`,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  outdir: `${root}examples/dist`,
};

await Promise.all([
  build({ ...common, entryPoints: [`${root}examples/react-app.tsx`], jsx: 'automatic' }),
  build({
    ...common,
    entryPoints: [`${root}packages/react/test/runtime.ts`],
    outdir: `${root}packages/react/test/dist`,
    // Development builds, for React's warnings in the test's console.
    define: { 'process.env.NODE_ENV': '"development"' },
    minify: false,
  }),
  build({
    ...common,
    entryPoints: [`${root}examples/vue-app.ts`],
    // The full build, with the template compiler: the example's template is compiled in the browser.
    alias: { vue: require.resolve('vue/dist/vue.esm-bundler.js') },
    define: {
      ...common.define,
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  }),
]);
