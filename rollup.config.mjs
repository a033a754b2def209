/**
 * Browser bundles of @civic-kit/elements (the npm packages themselves are built by `tsc -b`):
 * - `cdn/civic-kit.js`: every element (English inside) in one ESM file, self-contained (no other host, no
 *   bare imports); what only some pages need — the map engine, the demo data — stays in lazily
 *   loaded chunks beside it (`cdn/chunks/`), fetched only when a map or `adapter="memory"` appears;
 * - `cdn/elements/*.js`: one entry per element sharing chunks, for pages that want only some;
 *   lazily loaded data (the demo data set) stays in chunks of its own.
 * `cdn/manifest.json` lists each entry's static closure, which the size check measures.
 */
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import minifyLiterals from 'rollup-plugin-html-literals';

const out = 'packages/elements/cdn';
const defines = Object.fromEntries(
  readdirSync('packages/elements/src/define')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), `packages/elements/src/define/${f}`]),
);

/**
 * Web Workers written the way browsers and bundlers both understand,
 * `new Worker(new URL('./x.worker.js', import.meta.url), { type: 'module' })`, built from the
 * `./x.worker.ts` beside it: each becomes a chunk of its own, and the URL points at that chunk.
 */
const workers = () => ({
  name: 'civic-workers',
  async transform(code, id) {
    const pattern = /new URL\((['"])(\.\/[\w.-]+\.worker)\.(?:ts|js)\1, import\.meta\.url\)/g;
    if (!pattern.test(code)) return null;
    const refs = new Map();
    for (const [, , base] of code.matchAll(pattern)) {
      if (refs.has(base)) continue;
      const resolved = await this.resolve(`${base}.ts`, id);
      if (!resolved) this.error(`worker ${base}.ts not found from ${id}`);
      refs.set(base, this.emitFile({ type: 'chunk', id: resolved.id, name: base.slice(2), preserveSignature: false }));
    }
    return {
      code: code.replace(pattern, (_, _q, base) => `new URL(import.meta.ROLLUP_FILE_URL_${refs.get(base)})`),
      map: null,
    };
  },
});

/**
 * One language per chunk. `translations/lazy/<lang>.ts` imports one language's table from each
 * element's `<element>.strings.ts`, a module the entries also import (for English): bundled as is,
 * every language would stay in the entry's chunk with it. Imported from a lazy language module, a
 * strings module is instead a copy of its own (`poll.strings.lang-de.ts`), from which tree-shaking
 * keeps that one language, in that language's chunk.
 */
const oneLanguagePerChunk = () => ({
  name: 'civic-one-language-per-chunk',
  async resolveId(source, importer) {
    const lang = importer?.match(/\/translations\/lazy\/(\w+)\.ts$/)?.[1];
    if (!lang || !source.endsWith('.strings.js')) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved && resolved.id.replace(/\.ts$/, `.lang-${lang}.ts`);
  },
  load(id) {
    const original = id.match(/^(.*\.strings)\.lang-\w+\.ts$/)?.[1];
    return original ? readFileSync(`${original}.ts`, 'utf8') : null;
  },
});

const plugins = () => [
  oneLanguagePerChunk(),
  // Workspace packages from source; Lit's production build (no `development` condition).
  nodeResolve({ exportConditions: ['source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.js'] }),
  workers(),
  // Whitespace inside html`` and css`` templates, which a JS minifier must keep. It collapses spaces
  // at the edges of template text: keep a significant space inside a binding (`${' '}`).
  minifyLiterals({ include: ['packages/**/*.ts'], failOnError: true }),
  esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.base.json', legalComments: 'none' }),
];

/** Writes which chunks each entry loads eagerly (static imports) and lazily (dynamic imports). */
const manifest = () => ({
  name: 'civic-manifest',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const closure = (name, seen = new Set()) => {
      if (seen.has(name)) return seen;
      seen.add(name);
      for (const dep of bundle[name]?.imports ?? []) closure(dep, seen);
      return seen;
    };
    const entries = Object.fromEntries(
      chunks
        .filter((c) => c.isEntry)
        .map((c) => [c.name, { file: c.fileName, static: [...closure(c.fileName)], lazy: c.dynamicImports }]),
    );
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify(entries, null, 2) });
    // Every chunk's static imports, so a lazy chunk can be measured with what it pulls in.
    const graph = Object.fromEntries(chunks.map((c) => [c.fileName, c.imports]));
    this.emitFile({ type: 'asset', fileName: 'chunks.json', source: JSON.stringify(graph, null, 2) });
  },
});

/**
 * Subresource Integrity: `integrity.json` beside the files holds the sha384 of every file written
 * (lazy chunks included, for an import map's `integrity` field); the entries' hashes are printed.
 */
const sri = ({ print }) => ({
  name: 'civic-sri',
  writeBundle(options, bundle) {
    const hashes = {};
    for (const file of Object.keys(bundle)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      const code = readFileSync(join(options.dir, file));
      hashes[file] = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    }
    writeFileSync(join(options.dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
    for (const file of print) console.log(`integrity ${join(options.dir, file)} ${hashes[file]}`);
  },
});

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
};

export default [
  {
    input: { 'civic-kit': 'packages/elements/src/cdn.ts' },
    output: { dir: out, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [...plugins(), manifest(), sri({ print: ['civic-kit.js'] })],
    // Lazy chunks import shared code from civic-kit.js itself (extra exports) rather than through
    // a facade, which would cost every page one more request.
    preserveEntrySignatures: 'allow-extension',
    onwarn,
  },
  {
    input: defines,
    output: {
      dir: `${out}/elements`,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [...plugins(), manifest(), sri({ print: [] })],
    onwarn,
  },
];
