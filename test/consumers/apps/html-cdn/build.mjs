// What a site maintainer does with the npm package and no build tool: upload its cdn/ folder beside the
// page, and copy the bundle's hash from cdn/integrity.json into the script tag. host-62.html also
// takes the stylesheets of a typical theme (Bootstrap 5, Tailwind's preflight) from npm.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
// Through the package's exports, as a CDN that mirrors npm would serve it.
const bundle = require.resolve('@civic-kit/elements/cdn/civic-kit.js');
const integrity = JSON.parse(readFileSync(require.resolve('@civic-kit/elements/cdn/integrity.json'), 'utf8'));
mkdirSync('dist', { recursive: true });
cpSync(dirname(bundle), 'dist/civic-kit', { recursive: true });
copyFileSync(require.resolve('bootstrap/dist/css/bootstrap.min.css'), 'dist/bootstrap.min.css');
copyFileSync(require.resolve('tailwindcss/preflight.css'), 'dist/preflight.css');
for (const page of ['index.html', 'host-62.html'])
  writeFileSync(
    `dist/${page}`,
    readFileSync(page, 'utf8').replace('sha384-FROM-INTEGRITY-JSON', integrity['civic-kit.js']),
  );
console.log(`dist/civic-kit/civic-kit.js ${integrity['civic-kit.js']}`);
