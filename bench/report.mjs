/**
 * Prints the README's size and performance tables (Markdown) from bench/results/latest.json, so the
 * README shows what the last full run measured:
 *
 *   node bench/report.mjs [bench/results/latest.json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const file = resolve(root, process.argv[2] ?? 'bench/results/latest.json');
const run = JSON.parse(readFileSync(file, 'utf8'));
const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

console.log('| entry | min | gzip | brotli | budget (gzip) | issue goal (gzip) |\n|---|---|---|---|---|---|');
for (const r of run.sizes) {
  const budget = r.reference
    ? 'reference'
    : r.budget === undefined
      ? '—'
      : `${r.verdict.startsWith('OVER') ? '**over** ' : ''}${r.budget} KB`;
  const goal = r.issueGoal === undefined ? '' : `${r.issueGoal} KB: ${r.issueGoalMet ? 'met' : '**not met**'}`;
  console.log(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${budget} | ${goal} |`);
}

const value = (r, v) => (v === null ? '—' : r.unit === 'frames' ? `${v}` : `${v} ms`);
console.log(
  '\n| benchmark | Civic Kit, median (95% CI) | baseline, median | ratio (95% CI) | goal |\n|---|---|---|---|---|',
);
for (const r of run.results) {
  const ratio = r.ratio === null ? '—' : `${r.ratio}× (${r.ci95[0]}–${r.ci95[1]})`;
  const goal = r.goal ? `${r.goal}: ${r.meetsGoal ? 'met' : '**not met**'}` : '—';
  console.log(
    `| ${r.name} | ${value(r, r.subjectMedian)} (${value(r, r.subjectCi95[0])}–${value(r, r.subjectCi95[1])}) | ${value(r, r.baselineMedian)} | ${ratio} | ${goal} |`,
  );
}
const m = run.machine;
console.log(
  `\n${run.date.slice(0, 16).replace('T', ' ')} UTC; ${run.browser}, headless; ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB; Node ${m.node}; load average ${m.loadAverageBefore[0]} before, ${m.loadAverageAfter[0]} after; ${m.minutes} minutes.`,
);
