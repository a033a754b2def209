/** The statistics every benchmark reports: medians, and a bootstrap 95 % interval around them. */
import { cpus, loadavg, totalmem } from 'node:os';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A seeded bootstrap: 95 % interval of `stat` over resamples of `samples` (each an array). */
export function bootstrap(samples, stat, rounds = 2000) {
  let seed = 7;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  const pick = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const values = Array.from({ length: rounds }, () => stat(...samples.map(pick))).sort((a, b) => a - b);
  return [values[Math.floor(rounds * 0.025)], values[Math.floor(rounds * 0.975)]];
}

export const round = (n, digits = 1) => (Number.isFinite(n) ? +n.toFixed(digits) : null);

/** The machine a run was measured on, with its load before and after: read ratios, not times, when it was busy. */
export function machine(loadBefore, started) {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageBefore: loadBefore.map((x) => round(x, 2)),
    loadAverageAfter: loadavg().map((x) => round(x, 2)),
    minutes: round((Date.now() - started) / 60_000),
  };
}
