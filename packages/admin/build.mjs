/**
 * Build the admin page into `dist/`: one ES module bundle (with the elements it previews, and
 * their lazily loaded chunks), the page and its style sheet. The server serves `dist/` at /admin/.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist/`;
for (const f of await readdir(dist).catch(() => []))
  if (f !== 'types') await rm(`${dist}${f}`, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: { admin: `${here}src/main.ts` },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['source'],
  tsconfig: `${here}../../tsconfig.base.json`,
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
for (const f of ['index.html', 'admin.css']) await copyFile(`${here}src/${f}`, `${dist}${f}`);
console.log(`Built the admin page into ${dist}`);
