/**
 * Where the time goes: a Chromium CPU profile (the DevTools protocol's sampling profiler, 100 µs) of one
 * run of a benchmark page, the Civic Kit side, with every sample's function traced through the bundle's
 * source maps to its package, core module or element folder. Prints the self time per group and the
 * heaviest functions; writes the profile (`bench/results/<id>.cpuprofile`, which DevTools opens) and the
 * summary (`bench/results/profile.json`). Run after `pnpm build:cdn`.
 *
 *   node bench/profile.mjs [--only cards,polls,map] [--top 15]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { BENCHMARKS, launch, serve, snapshotBuild } from './run.mjs';
import { group } from './sources.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ONLY = arg('only', 'cards,polls,map').split(',');
const TOP = Number(arg('top', 15));
const CDN = '/packages/elements/cdn/';

/** Source-map lookups for the built files, by URL path: (line, column) → source file. */
function sourceMaps(build) {
  const maps = new Map();
  return (path, line, column) => {
    if (!path.startsWith(CDN)) return undefined;
    if (!maps.has(path)) {
      const file = join(build, `${path.slice(CDN.length)}.map`);
      if (!existsSync(file)) return void maps.set(path, null);
      const map = JSON.parse(readFileSync(file, 'utf8'));
      const dir = resolve(join(root, path), '..');
      maps.set(path, { sources: map.sources.map((s) => resolve(dir, s)), lines: decode(map.mappings) });
    }
    const map = maps.get(path);
    const segs = map?.lines[line];
    if (!segs) return undefined;
    let found;
    for (const seg of segs) {
      if (seg[0] > column) break;
      found = seg;
    }
    return found && found.length > 1 ? { source: map.sources[found[1]], line: found[2] } : undefined;
  };
}

/** Self time per node of a CPU profile, in ms. */
function selfTimes(profile) {
  const times = new Map();
  profile.samples.forEach((id, i) => times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return times;
}

async function profileOne(browser, origin, bench, lookup) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}${bench.page}${bench.subject}`);
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await page.evaluate('window.runBenchmark()');
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  writeFileSync(join(root, `bench/results/${bench.id}.cpuprofile`), JSON.stringify(profile));

  const times = selfTimes(profile);
  const groups = new Map();
  const functions = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = times.get(node.id) ?? 0;
    if (!ms) continue;
    total += ms;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const path = url ? new URL(url).pathname : '';
    const at = lookup(path, lineNumber, columnNumber);
    const name = at
      ? group(at.source, at.line)
      : functionName.startsWith('(')
        ? functionName
        : path
          ? `page: ${path.replace(/^.*\//, '')}`
          : 'browser (native)';
    groups.set(name, (groups.get(name) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} — ${at ? `${at.source.replace(`${root}/`, '').replace(/^.*node_modules\//, '')}:${at.line + 1}` : name}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const top = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, ms]) => ({ name, ms: +ms.toFixed(1), share: +(ms / total).toFixed(3) }));
  return { id: bench.id, result, sampledMs: +total.toFixed(1), groups: top(groups), functions: top(functions) };
}

const build = await snapshotBuild();
const server = await serve(build);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const lookup = sourceMaps(build);
const out = { date: new Date().toISOString(), browser: await browser.version(), profiles: [] };
try {
  for (const bench of BENCHMARKS.filter((b) => ONLY.includes(b.id))) {
    // One warm-up run, as the benchmark does, then the profiled one.
    await profileOne(browser, origin, bench, lookup);
    const p = await profileOne(browser, origin, bench, lookup);
    out.profiles.push(p);
    console.log(`\n## ${bench.id}: ${JSON.stringify(p.result)}; ${p.sampledMs} ms of samples\n`);
    console.log('| self time by source | ms | share |\n|---|---|---|');
    for (const g of p.groups) console.log(`| ${g.name} | ${g.ms} | ${(g.share * 100).toFixed(1)} % |`);
    console.log('\n| heaviest functions (self time) | ms | share |\n|---|---|---|');
    for (const f of p.functions) console.log(`| ${f.name} | ${f.ms} | ${(f.share * 100).toFixed(1)} % |`);
  }
} finally {
  await browser.close();
  server.close();
}
writeFileSync(join(root, 'bench/results/profile.json'), `${JSON.stringify(out, null, 2)}\n`);
