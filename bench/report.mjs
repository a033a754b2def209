/**
 * The README's size, performance and server tables, made from bench/results/latest.json and
 * bench/results/server.json and judged by the goals in bench/goals.mjs, so the README shows what the last
 * recorded run measured and never a hand-copied figure:
 *
 *   node bench/report.mjs            print the tables (Markdown)
 *   node bench/report.mjs --write    write them into README.md between their markers
 *   node bench/report.mjs --check    fail when README.md differs from what --write would write
 *
 * `pnpm bench` records the benchmarks (and the sizes); `pnpm size --record` records the sizes alone;
 * `pnpm bench:server` records the reference server's table in bench/results/server.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_GOALS, SIZE_GOALS, benchGoalText, meetsBenchGoal, meetsServerGoal, SERVER_GOALS } from './goals.mjs';

const root = resolve(import.meta.dirname, '..');
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const verdict = (met) => (met ? 'met' : '**not met**');

/** The size table, with the goals of bench/goals.mjs judged against the recorded gzip sizes. */
export function sizeTable(run) {
  const rows = ['| entry | min | gzip | brotli | budget (gzip) | goal (gzip) |', '|---|---|---|---|---|---|'];
  for (const r of run.sizes) {
    const budget = r.reference
      ? 'reference'
      : r.budget === undefined
        ? '—'
        : `${r.verdict.startsWith('OVER') ? '**over** ' : ''}${r.budget} KB`;
    const goal = SIZE_GOALS[r.name];
    const goalText = goal === undefined ? '' : `${goal} KB: ${verdict(r.gzip <= goal * KB)}`;
    rows.push(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${budget} | ${goalText} |`);
  }
  const when = (run.sizesDate ?? run.date).slice(0, 16).replace('T', ' ');
  return `${rows.join('\n')}\n\nRecorded ${when} UTC.`;
}

/** The benchmark table, each goal of bench/goals.mjs judged against the recorded medians and ratios. */
export function benchTable(run) {
  const value = (r, v) => (v === null ? '—' : r.unit === 'frames' ? `${v}` : `${v} ms`);
  const rows = [
    '| benchmark | Civic Kit, median (95% CI) | baseline, median | ratio (95% CI) | goal |',
    '|---|---|---|---|---|',
  ];
  for (const r of run.results) {
    const goal = BENCH_GOALS[r.id];
    const met = meetsBenchGoal(goal, r.subjectMedian, r.ratio);
    const ratio = r.ratio === null ? '—' : `${r.ratio}× (${r.ci95[0]}–${r.ci95[1]})`;
    const goalText = goal ? `${benchGoalText(goal, r.unit)}: ${verdict(met)}` : '—';
    rows.push(
      `| ${r.name} | ${value(r, r.subjectMedian)} (${value(r, r.subjectCi95[0])}–${value(r, r.subjectCi95[1])}) | ${value(r, r.baselineMedian)} | ${ratio} | ${goalText} |`,
    );
  }
  const m = run.machine;
  const machine = `Recorded ${run.date.slice(0, 16).replace('T', ' ')} UTC; ${run.browser}, headless; ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB; Node ${m.node}; ${m.minutes} minutes; load average ${m.loadAverageBefore[0]} before, ${m.loadAverageAfter[0]} after.`;
  return `${machine}\n\n${rows.join('\n')}`;
}

/** The reference server's table (bench/server.mjs), each goal judged against the recorded figures. */
export function serverTable(server) {
  if (!server) return 'Not measured yet: run `pnpm bench:server`.';
  const rows = [
    '| load | requests a round | requests/s, median (95% CI) | bare Hono, median | ratio (95% CI) | p50 | p99 (95% CI) | counted exactly | goal |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of server.results.filter((x) => x.lastMs === undefined)) {
    const goal = SERVER_GOALS[r.id.split('.')[0]];
    const goalText = goal ? `${r.goal}: ${verdict(meetsServerGoal(goal, r.ratio, r.p99))}` : '—';
    const exact = r.countedExactly === undefined ? '—' : r.countedExactly ? 'yes' : '**no**';
    rows.push(
      `| ${r.name} | ${r.requests} | ${r.rps} (${r.rpsCi95[0]}–${r.rpsCi95[1]}) | ${r.baselineRps} | ${r.ratio}× (${r.ci95[0]}–${r.ci95[1]}) | ${r.p50} ms | ${r.p99} ms (${r.p99Ci95[0]}–${r.p99Ci95[1]}) | ${exact} | ${goalText} |`,
    );
  }
  const live = server.results.filter((x) => x.lastMs !== undefined);
  if (live.length) {
    rows.push(
      '',
      '| live events | votes | vote → first stream, median | vote → last stream, median (95% CI) | every stream every event |',
      '|---|---|---|---|---|',
    );
    for (const r of live)
      rows.push(
        `| ${r.name} | ${r.rounds} | ${r.firstMs} ms | ${r.lastMs} ms (${r.lastMsCi95[0]}–${r.lastMsCi95[1]}) | ${r.everyStreamEveryEvent ? 'yes' : '**no**'} |`,
      );
  }
  const m = server.machine;
  const first = server.results[0];
  const machine = `Recorded ${server.date.slice(0, 16).replace('T', ' ')} UTC; ${first ? `${first.rounds} rounds per row, each of the row's requests from ${first.connections} connections; ` : ''}${m.cores} cores (${m.cpu}), Node ${m.node}; ${m.minutes} minutes; load average ${m.loadAverageBefore[0]} before, ${m.loadAverageAfter[0]} after.`;
  return `${machine}\n\n${rows.join('\n')}`;
}

/** The last recorded run of `pnpm bench:server`, if any. */
export function readServerResults() {
  const file = resolve(root, 'bench/results/server.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** README.md with each generated block replaced by what the results say. */
export function renderReadme(readme, run, server = readServerResults()) {
  const blocks = { sizes: sizeTable(run), bench: benchTable(run), server: serverTable(server) };
  for (const [name, body] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start (generated by bench/report.mjs from bench/results/${name === 'server' ? 'server' : 'latest'}.json) -->`;
    const end = `<!-- ${name}:end -->`;
    const i = readme.indexOf(start);
    const j = readme.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
    readme = `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`;
  }
  return readme;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'bench/results/latest.json');
  const run = JSON.parse(readFileSync(file, 'utf8'));
  const server = readServerResults();
  const readmeFile = resolve(root, 'README.md');
  if (args.includes('--write') || args.includes('--check')) {
    const readme = readFileSync(readmeFile, 'utf8');
    const next = renderReadme(readme, run, server);
    if (args.includes('--check')) {
      if (next !== readme) {
        console.error(
          'README.md: the size, benchmark or server table differs from bench/results/: run `node bench/report.mjs --write`.',
        );
        process.exit(1);
      }
      console.log('README.md: the size, benchmark and server tables match bench/results/.');
    } else {
      writeFileSync(readmeFile, next);
      console.log('README.md: wrote the size, benchmark and server tables from bench/results/.');
    }
  } else {
    console.log(`${sizeTable(run)}\n\n${benchTable(run)}\n\n${serverTable(server)}`);
  }
}
