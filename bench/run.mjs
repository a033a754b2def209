/**
 * Render benchmarks in headless Chromium. Each prints the ratio of Civic Kit's time to a plain-DOM
 * baseline measured in the same run (alternating samples, fresh page each), with a bootstrap 95 %
 * confidence interval, because on a shared 2-core machine milliseconds mean little and ratios a lot.
 * Prints the size check's table first (a budget exceeded fails the run, at its end). Writes
 * bench/results/latest.json. Run after `pnpm build:cdn` (`pnpm bench` does both).
 *
 *   node bench/run.mjs [--samples 15] [--only cards,list] [--out file.json]
 *
 * A full run writes bench/results/latest.json; a run of some benchmarks (--only) writes only with --out.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BENCH_GOALS, benchGoalText, meetsBenchGoal } from './goals.mjs';
import { renderReadme } from './report.mjs';
import { bootstrap, machine, median, round } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SAMPLES = arg('samples') === undefined ? undefined : Number(arg('samples'));
const ONLY = (arg('only', '') ?? '').split(',').filter(Boolean);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Each benchmark: a page that defines `runBenchmark()`, returning milliseconds or an object of named
 * measurements, run as subject (Civic Kit) and baseline (the same thing without it) in alternation.
 * Each metric's goal, if it has one, is in `bench/goals.mjs` under `<id>.<key>`.
 */
export const BENCHMARKS = [
  {
    id: 'cards',
    page: '/bench/pages/cards.html',
    subject: '?impl=lit&n=1000',
    baseline: '?impl=plain&n=1000',
    samples: 25,
    metrics: [{ key: 'time', name: '1,000 initiative cards vs 1,000 plain-DOM cards' }],
  },
  {
    id: 'list',
    page: '/bench/pages/list.html',
    subject: '?impl=civic&n=10000',
    baseline: '?impl=plain&n=10000',
    samples: 11,
    metrics: [{ key: 'time', name: '10,000-item list, first paint, vs 10,000 plain-DOM items' }],
  },
  {
    id: 'map',
    page: '/bench/pages/map.html',
    subject: '?impl=civic&n=10000',
    baseline: '?impl=leaflet&n=10000',
    metrics: [
      { key: 'render', name: 'map, 10,000 pins, render → paint, vs Leaflet canvas' },
      { key: 'pan', name: 'map, 10,000 pins, a pan → paint, vs Leaflet canvas' },
      { key: 'longestTask', name: 'map, 10,000 pins, longest main-thread task (≥ 50 ms reported)' },
      { key: 'pinsReady', name: 'map, 10,000 pins: initiatives loaded and checked (part of render)' },
      { key: 'clustered', name: 'map, 10,000 pins: clustered (part of render)' },
    ],
  },
  {
    id: 'map-100k',
    page: '/bench/pages/map.html',
    subject: '?impl=civic&n=100000',
    baseline: '?impl=leaflet&n=100000',
    samples: 7,
    metrics: [
      { key: 'longestTask', name: 'map, 100,000 pins, longest main-thread task' },
      { key: 'render', name: 'map, 100,000 pins, render → paint, vs Leaflet canvas' },
      { key: 'pinsReady', name: 'map, 100,000 pins: initiatives loaded and checked (part of render)' },
      { key: 'clustered', name: 'map, 100,000 pins: clustered (part of render)' },
    ],
  },
  {
    id: 'vote',
    page: '/bench/pages/poll.html',
    subject: '?impl=civic&test=vote',
    baseline: '?impl=plain&test=vote',
    metrics: [
      {
        key: 'frames',
        name: 'poll, click → optimistic result: frames in between',
        unit: 'frames',
      },
      { key: 'time', name: 'poll, click → optimistic result painted, vs a plain form' },
    ],
  },
  {
    id: 'polls',
    page: '/bench/pages/poll.html',
    subject: '?impl=civic&test=many&n=100',
    baseline: '?impl=plain&test=many&n=100',
    metrics: [{ key: 'time', name: '100 polls on one page vs 100 plain-DOM poll forms' }],
  },
];

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};
const CDN = '/packages/elements/cdn/';

/**
 * A copy of the built bundles, taken once, so a build started meanwhile in the same checkout (which
 * empties packages/elements/cdn first) cannot change or break a run halfway.
 */
export async function snapshotBuild() {
  const from = join(root, CDN);
  for (let attempt = 0; ; attempt++) {
    const to = mkdtempSync(join(tmpdir(), 'civic-bench-'));
    try {
      cpSync(from, to, { recursive: true });
      for (const m of ['manifest.json', 'elements/manifest.json']) {
        for (const entry of Object.values(JSON.parse(readFileSync(join(to, m), 'utf8')))) {
          for (const f of [...entry.static, ...entry.lazy]) statSync(join(to, dirname(m), f));
        }
      }
      return to;
    } catch (e) {
      rmSync(to, { recursive: true, force: true });
      if (attempt >= 5) throw new Error(`No complete build in ${from}: run \`pnpm build:cdn\` first.`, { cause: e });
      await new Promise((r) => setTimeout(r, 5000)); // a build is being written
    }
  }
}

export function serve(build) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const [base, file] = path.startsWith(CDN) ? [build, join(build, path.slice(CDN.length))] : [root, join(root, path)];
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** Headless Chromium as every benchmark runs it. */
export const launch = () =>
  puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

/** One sample; a sample that fails (a page error, a timeout) is tried again, twice at most. */
async function sample(browser, url, tries = 3) {
  try {
    return await sampleOnce(browser, url);
  } catch (e) {
    if (tries <= 1) throw e;
    process.stderr.write(`\n${url}: ${e.message}; trying again\n`);
    return sample(browser, url, tries - 1);
  }
}

async function sampleOnce(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(url);
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  const result = await page.evaluate('window.runBenchmark()');
  await page.close();
  if (errors.length) throw errors[0];
  return typeof result === 'number' ? { time: result } : result;
}

/** One metric's figures and verdict from the subject's and the baseline's samples. */
function summarise(metric, subject, baselineSamples) {
  const s = median(subject);
  // Some measurements exist only for the subject (how its time splits up): no ratio then.
  const baseline = baselineSamples.filter((x) => typeof x === 'number');
  const b = baseline.length ? median(baseline) : NaN;
  const ratio = b > 0 ? s / b : undefined;
  const ci = b > 0 ? bootstrap([subject, baseline], (x, y) => median(x) / median(y)) : undefined;
  const subjectCi = bootstrap([subject], median);
  const goal = BENCH_GOALS[metric.id];
  const unit = metric.unit ?? 'ms';
  return {
    id: metric.id,
    name: metric.name,
    unit,
    samples: subject.length,
    subjectMedian: round(s),
    subjectCi95: subjectCi.map((x) => round(x)),
    baselineMedian: round(b),
    ratio: round(ratio, 3),
    ci95: ci?.map((x) => round(x, 3)) ?? null,
    goal: benchGoalText(goal, unit),
    meetsGoal: meetsBenchGoal(goal, s, ratio),
  };
}

const fmt = (r, value) => (value === null ? '—' : r.unit === 'frames' ? `${value}` : `${value} ms`);
const ratioText = (r) => (r.ratio === null ? '—' : `${r.ratio}× (${r.ci95[0]}–${r.ci95[1]})`);
const verdict = (r) => (r.meetsGoal === null ? '' : r.meetsGoal ? 'met' : 'NOT met');

async function main() {
  const build = await snapshotBuild();
  // The size table first (printed, and kept in the results); a budget exceeded fails the run at the
  // end, after every benchmark has run.
  const sizeCheck = ['scripts/size-check.mjs', '--dir', build];
  const sizesOk = spawnSync('node', sizeCheck, { cwd: root, stdio: 'inherit' }).status === 0;
  const sizes = JSON.parse(spawnSync('node', [...sizeCheck, '--json'], { cwd: root, encoding: 'utf8' }).stdout || '[]');
  console.log('');
  const server = await serve(build);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const version = await browser.version();
  const loadBefore = loadavg();
  const started = Date.now();
  const results = [];
  try {
    for (const b of BENCHMARKS.filter((x) => !ONLY.length || ONLY.includes(x.id))) {
      const samples = SAMPLES ?? b.samples ?? 15;
      const subject = [];
      const baseline = [];
      for (let i = -2; i < samples; i++) {
        // Alternate, so drift in machine load falls on both sides; the first two rounds warm up.
        const s = await sample(browser, `${origin}${b.page}${b.subject}`);
        const p = await sample(browser, `${origin}${b.page}${b.baseline}`);
        if (i < 0) continue;
        subject.push(s);
        baseline.push(p);
        process.stderr.write('.');
      }
      process.stderr.write('\n');
      for (const m of b.metrics) {
        const r = summarise(
          { ...m, id: `${b.id}.${m.key}` },
          subject.map((x) => x[m.key]),
          baseline.map((x) => x[m.key]),
        );
        results.push(r);
        console.log(
          `${r.name}: ${fmt(r, r.subjectMedian)} (95% CI ${fmt(r, r.subjectCi95[0])}–${fmt(r, r.subjectCi95[1])}) vs ${fmt(r, r.baselineMedian)}, ratio ${ratioText(r)}${r.goal ? `; goal ${r.goal} ${verdict(r)}` : ''}`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(build, { recursive: true, force: true });
  }
  const out = {
    date: new Date().toISOString(),
    machine: machine(loadBefore, started),
    browser: version,
    results,
    sizes,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = arg('out', ONLY.length ? undefined : 'bench/results/latest.json');
  if (file) writeFileSync(resolve(root, file), `${JSON.stringify(out, null, 2)}\n`);
  // A full run is what the README shows: its tables are made from the file just written.
  if (file === 'bench/results/latest.json') {
    const readme = resolve(root, 'README.md');
    writeFileSync(readme, renderReadme(readFileSync(readme, 'utf8'), out));
  }
  console.log(`\n| benchmark | Civic Kit (95% CI) | baseline | ratio (95% CI) | goal |\n|---|---|---|---|---|`);
  for (const r of results) {
    console.log(
      `| ${r.name} | ${fmt(r, r.subjectMedian)} (${r.subjectCi95[0]}–${r.subjectCi95[1]}) | ${fmt(r, r.baselineMedian)} | ${ratioText(r)} | ${r.goal ? `${r.goal}: ${verdict(r)}` : '—'} |`,
    );
  }
  console.log(
    `\n${out.browser}, ${out.machine.cpu} × ${out.machine.cores}, load average ${out.machine.loadAverageBefore[0]} → ${out.machine.loadAverageAfter[0]}, ${out.date.slice(0, 10)}${file ? `; written to ${file}` : ''}`,
  );
  if (!sizesOk) console.error('\nThe size check failed (see the table above).');
  return sizesOk;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await main()) ? 0 : 1;
