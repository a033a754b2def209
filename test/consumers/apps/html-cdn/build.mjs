// What a site maintainer does with the npm package and no build tool: upload its cdn/ folder beside the
// page, and copy the bundle's hash from cdn/integrity.json into the script tag.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
// Through the package's exports, as a CDN that mirrors npm would serve it.
const bundle = require.resolve('@civic-kit/elements/cdn/civic-kit.js');
const integrity = JSON.parse(readFileSync(require.resolve('@civic-kit/elements/cdn/integrity.json'), 'utf8'));
mkdirSync('dist', { recursive: true });
cpSync(dirname(bundle), 'dist/civic-kit', { recursive: true });
writeFileSync(
  'dist/index.html',
  readFileSync('index.html', 'utf8').replace('sha384-FROM-INTEGRITY-JSON', integrity['civic-kit.js']),
);
console.log(`dist/civic-kit/civic-kit.js ${integrity['civic-kit.js']}`);
