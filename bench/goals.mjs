/**
 * The performance and size goals, in one place: `bench/run.mjs` judges its results by them, the size
 * check prints them beside the budgets, and `bench/report.mjs` judges the recorded results by them when
 * it writes the README's tables. Goals are aims, printed as met or not met; only the size budgets in
 * `scripts/size-check.mjs` fail a build.
 */

/**
 * Benchmark goals by metric id (`<benchmark>.<metric>` in bench/run.mjs): a ratio to the baseline of
 * the same run (`ratio`), or the subject's median in milliseconds (`ms`: at most, `below`: under) or
 * frames (`frames`: at most).
 */
export const BENCH_GOALS = {
  'cards.time': { ratio: 1.3 },
  'list.time': { ratio: 0.05 },
  'map.render': { ratio: 1.0 },
  'map.pan': { ms: 50 },
  'map.longestTask': { below: 50 },
  'map-100k.longestTask': { below: 50 },
  'map-100k.render': { ratio: 1.0 },
  'vote.frames': { frames: 0 },
  'polls.time': { ratio: 1.5 },
};

/** Size goals in KB gzip, by the size check's row name. */
export const SIZE_GOALS = {
  'civic-initiative-card': 14,
  'every element entry, no map engine': 45,
  'civic-kit.js (CDN: everything, no map engine)': 55,
  'lazy: map engine + clustering worker': 55,
  'civic-kit.js lazy: map engine + clustering worker': 55,
};

/** A benchmark goal in words: "≤ 1.3×", "< 50 ms", "same frame". */
export function benchGoalText(goal, unit = 'ms') {
  if (!goal) return null;
  return (
    [
      goal.ratio !== undefined && `≤ ${goal.ratio}×`,
      goal.ms !== undefined && `≤ ${goal.ms} ${unit}`,
      goal.below !== undefined && `< ${goal.below} ${unit}`,
      goal.frames !== undefined && (goal.frames === 0 ? 'same frame' : `≤ ${goal.frames} frames`),
    ]
      .filter(Boolean)
      .join(', ') || null
  );
}

/**
 * Whether a result meets its goal: null when it has none. `median` is the subject's median, `ratio` its
 * ratio to the baseline (undefined or null when there is no baseline).
 */
export function meetsBenchGoal(goal, median, ratio) {
  if (!goal) return null;
  const checks = [];
  if (goal.ratio !== undefined) checks.push(ratio !== undefined && ratio !== null && ratio <= goal.ratio);
  if (goal.ms !== undefined) checks.push(median <= goal.ms);
  if (goal.below !== undefined) checks.push(median < goal.below);
  if (goal.frames !== undefined) checks.push(median <= goal.frames);
  return checks.length ? checks.every(Boolean) : null;
}

/**
 * Reference-server goals (`bench/server.mjs`), by kind of row: throughput at least a ratio of a bare Hono
 * handler's in the same run (`atLeast`), the p99 latency at most (`p99`, ms), and for live events the
 * time from a vote to the last stream's event at most (`last`, ms; none set yet: measured, not judged).
 */
export const SERVER_GOALS = {
  votes: { atLeast: 0.35, p99: 60 },
  reads: { atLeast: 0.6 },
  events: {},
};

/** A server goal in words: "≥ 0.35×, p99 ≤ 60 ms". */
export function serverGoalText(goal) {
  if (!goal) return null;
  return (
    [
      goal.atLeast !== undefined && `≥ ${goal.atLeast}×`,
      goal.p99 !== undefined && `p99 ≤ ${goal.p99} ms`,
      goal.last !== undefined && `last event ≤ ${goal.last} ms`,
    ]
      .filter(Boolean)
      .join(', ') || null
  );
}

/** Whether a server row meets its goal: null when it has none. */
export function meetsServerGoal(goal, ratio, p99, last) {
  if (!goal || !Object.keys(goal).length) return null;
  return (
    (goal.atLeast === undefined || ratio >= goal.atLeast) &&
    (goal.p99 === undefined || p99 <= goal.p99) &&
    (goal.last === undefined || last <= goal.last)
  );
}
