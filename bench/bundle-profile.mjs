/**
 * Where the bytes of each browser entry go: every minified byte of an entry's static closure is traced
 * through the build's source maps to the source file it came from, then grouped (a package, a folder
 * of core or of the elements, one language of strings). Per group: its minified bytes, and what the
 * entry's gzip size would lose without them (the gzip of the closure less the gzip of the closure with
 * that group's bytes cut out), which is the figure a saving is measured in. Run after `rollup -c`.
 *
 *   node bench/bundle-profile.mjs [--json] [--top N]
 *
 * --json also writes bench/results/bundle-profile.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { group, LANGS } from './sources.mjs';

const root = resolve(import.meta.dirname, '..');
const cdn = join(root, 'packages/elements/cdn');
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 18;
const KB = 1024;

/** Every byte of one built file, attributed to a source file and line by the file's source map. */
function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const sources = map.sources.map((s) => resolve(dirname(file), map.sourceRoot ?? '', s));
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  const pieces = []; // [label, text]
  const label = (seg) => (seg && seg.length > 1 ? group(sources[seg[1]], seg[2]) : 'bundle glue (imports, exports)');
  lines.forEach((line, i) => {
    let col = 0;
    let seg;
    for (const next of decoded[i] ?? []) {
      if (next[0] > col) pieces.push([label(seg), line.slice(col, next[0])]);
      col = next[0];
      seg = next;
    }
    pieces.push([label(seg), `${line.slice(col)}${i < lines.length - 1 ? '\n' : ''}`]);
  });
  return pieces;
}

function profile(dir, files) {
  const tag = files.map((f) => attribute(join(dir, f)));
  const bytes = new Map();
  for (const [g, text] of tag.flat()) bytes.set(g, (bytes.get(g) ?? 0) + Buffer.byteLength(text));
  const all = tag.flatMap((p) => p.map(([, t]) => t)).join('');
  const gzip = gzipSync(all, { level: 9 }).length;
  const groups = [...bytes.entries()].sort((a, b) => b[1] - a[1]);
  const rows = groups.slice(0, top).map(([g, min]) => {
    const without = tag.flatMap((p) => p.filter(([l]) => l !== g).map(([, t]) => t)).join('');
    return { group: g, min, gzipShare: gzip - gzipSync(without, { level: 9 }).length };
  });
  const rest = groups.slice(top).reduce((n, [, b]) => n + b, 0);
  // Each language's strings together (every element's table and the common one), and every language
  // but English: what lazily loaded languages take out of a page.
  const share = (test) => {
    const kept = tag.flatMap((p) => p.filter(([l]) => !test(l)).map(([, t]) => t)).join('');
    const min = tag.flatMap((p) => p.filter(([l]) => test(l)).map(([, t]) => t)).join('');
    return { min: Buffer.byteLength(min), gzipShare: gzip - gzipSync(kept, { level: 9 }).length };
  };
  const languages = Object.fromEntries(
    [
      ...LANGS.map((l) => [l, (g) => g.startsWith('strings:') && g.endsWith(`(${l})`)]),
      ['all but en', (g) => g.startsWith('strings:') && !g.endsWith('(en)') && !g.endsWith('helpers)')],
    ]
      .map(([l, test]) => [l, share(test)])
      .filter(([, s]) => s.min > 0),
  );
  return {
    min: Buffer.byteLength(all),
    gzip,
    groups: rows,
    otherGroups: groups.length - rows.length,
    otherMin: rest,
    languages,
  };
}

const entries = [];
const cdnManifest = JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8'));
entries.push(['civic-kit.js (CDN, no map engine)', cdn, cdnManifest['civic-kit'].static]);
const manifest = JSON.parse(readFileSync(join(cdn, 'elements/manifest.json'), 'utf8'));
for (const [name, entry] of Object.entries(manifest)) {
  if (!name.endsWith('.worker')) entries.push([name, join(cdn, 'elements'), entry.static]);
}
const everything = [...new Set(Object.entries(manifest).flatMap(([n, e]) => (n.endsWith('.worker') ? [] : e.static)))];
entries.push(['every element entry, no map engine', join(cdn, 'elements'), everything]);

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const result = {};
for (const [name, dir, files] of entries) {
  const p = profile(dir, files);
  result[name] = p;
  console.log(`\n## ${name}: ${kb(p.min)} min, ${kb(p.gzip)} gzip\n`);
  console.log('| source | min | gzip it adds |\n|---|---|---|');
  for (const r of p.groups) console.log(`| ${r.group} | ${kb(r.min)} | ${kb(r.gzipShare)} |`);
  if (p.otherGroups) console.log(`| ${p.otherGroups} smaller groups | ${kb(p.otherMin)} | |`);
  for (const [l, s] of Object.entries(p.languages))
    console.log(
      `| strings, ${l === 'all but en' ? 'every language but English' : `all in ${l}`} | ${kb(s.min)} | ${kb(s.gzipShare)} |`,
    );
}
if (process.argv.includes('--json')) {
  const out = join(root, 'bench/results/bundle-profile.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), entries: result }, null, 2)}\n`);
}
