/**
 * Render benchmarks in headless Chromium. Each prints the ratio of Civic Kit's time to a plain-DOM
 * baseline measured in the same run (alternating samples, fresh page each), with a bootstrap 95 %
 * confidence interval, because on a shared 2-core machine milliseconds mean little and ratios a lot.
 * Writes bench/results/latest.json. Run after `pnpm build:cdn` (`pnpm bench` does both).
 *
 *   node bench/run.mjs [--samples 15] [--only cards]
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SAMPLES = Number(arg('samples', 15));
const ONLY = arg('only', '');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Each benchmark: a page that defines `runBenchmark()` returning milliseconds, run as subject and baseline. */
export const BENCHMARKS = [
  {
    id: 'cards',
    name: '1,000 initiative cards vs 1,000 plain-DOM cards',
    page: '/bench/pages/cards.html',
    subject: '?impl=lit&n=1000',
    baseline: '?impl=plain&n=1000',
    goal: 1.2,
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
function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** 95 % bootstrap interval of median(subject) / median(baseline). */
function ratioInterval(subject, baseline, rounds = 2000) {
  let seed = 7;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  const pick = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const ratios = Array.from({ length: rounds }, () => median(pick(subject)) / median(pick(baseline))).sort(
    (a, b) => a - b,
  );
  return [ratios[Math.floor(rounds * 0.025)], ratios[Math.floor(rounds * 0.975)]];
}

async function sample(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(url);
  await page.waitForFunction('window.benchReady === true', { timeout: 30_000 });
  const ms = await page.evaluate('window.runBenchmark()');
  await page.close();
  if (errors.length) throw errors[0];
  return ms;
}

async function main() {
  if (!existsSync(join(root, 'packages/elements/cdn/civic-kit.js'))) throw new Error('Run `pnpm build:cdn` first.');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
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
  const version = await browser.version();
  const results = [];
  try {
    for (const b of BENCHMARKS.filter((x) => !ONLY || x.id === ONLY)) {
      const subject = [];
      const baseline = [];
      for (let i = -2; i < SAMPLES; i++) {
        // Alternate, so drift in machine load falls on both sides; the first two rounds warm up.
        const s = await sample(browser, `${origin}${b.page}${b.subject}`);
        const p = await sample(browser, `${origin}${b.page}${b.baseline}`);
        if (i < 0) continue;
        subject.push(s);
        baseline.push(p);
      }
      const ratio = median(subject) / median(baseline);
      const [lo, hi] = ratioInterval(subject, baseline);
      const r = {
        id: b.id,
        name: b.name,
        samples: SAMPLES,
        subjectMedianMs: +median(subject).toFixed(1),
        baselineMedianMs: +median(baseline).toFixed(1),
        ratio: +ratio.toFixed(3),
        ci95: [+lo.toFixed(3), +hi.toFixed(3)],
        goal: b.goal,
        meetsGoal: ratio <= b.goal,
      };
      results.push(r);
      console.log(
        `${b.name}: ${r.ratio}× (95% CI ${r.ci95[0]}–${r.ci95[1]}), ${r.subjectMedianMs} ms vs ${r.baselineMedianMs} ms; goal ≤ ${b.goal}× ${r.meetsGoal ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  let sizes;
  try {
    sizes = execFileSync('node', ['scripts/size-check.mjs'], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    sizes = e.stdout ?? '';
  }
  const out = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    browser: version,
    results,
    sizes: sizes.trim().split('\n'),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\n| benchmark | Civic Kit | baseline | ratio (95% CI) | goal |\n|---|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.subjectMedianMs} ms | ${r.baselineMedianMs} ms | ${r.ratio}× (${r.ci95[0]}–${r.ci95[1]}) | ≤ ${r.goal}× ${r.meetsGoal ? '✓' : '✗'} |`,
    );
  console.log(
    `\n${out.browser}, ${out.machine.cpu} × ${out.machine.cores}, ${out.date.slice(0, 10)}; written to bench/results/latest.json`,
  );
}

await main();
