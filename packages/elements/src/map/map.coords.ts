/**
 * Which pins to leave off the map, and why. A bad coordinate never stops the map: the pin is skipped
 * and reported once in the console with its id.
 */
import { distanceKm } from '@civic-kit/core';

export const COORDINATE_PROBLEMS = ['not-a-number', 'out-of-range', 'swapped', 'null-island'] as const;
export type CoordinateProblem = (typeof COORDINATE_PROBLEMS)[number];

export const PROBLEM_TEXT: Record<CoordinateProblem, string> = {
  'not-a-number': 'latitude or longitude is not a number',
  'out-of-range': 'latitude must be within ±90 and longitude within ±180',
  swapped: 'latitude and longitude look swapped (GeoJSON and some APIs write [lng, lat])',
  'null-island': '0, 0 is almost always a missing location',
};

/** What is wrong with one point on its own, if anything. */
export function coordinateProblem(lat: unknown, lng: unknown): CoordinateProblem | undefined {
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng))
    return 'not-a-number';
  if (Math.abs(lat) > 90) return Math.abs(lng) <= 90 && Math.abs(lat) <= 180 ? 'swapped' : 'out-of-range';
  if (Math.abs(lng) > 180) return 'out-of-range';
  if (lat === 0 && lng === 0) return 'null-island';
  return undefined;
}

/** At most this many points are sorted to estimate the centre and spread (sorting 100,000 took ~300 ms). */
const SAMPLE = 4096;

/** The median of `value` over an evenly spaced sample of the points (all of them when few). */
function sampledMedian<T>(points: readonly T[], value: (p: T) => number): number {
  const step = Math.max(1, points.length / SAMPLE);
  const sample = new Float64Array(Math.min(points.length, SAMPLE));
  for (let i = 0; i < sample.length; i++) sample[i] = value(points[Math.floor(i * step)] as T);
  // A typed array sorts numerically, natively: no comparator called per pair.
  return sample.sort()[sample.length >> 1] ?? 0;
}

/**
 * Points whose latitude and longitude were most likely written the wrong way round: far from every
 * other pin, while the swapped point lands right among them (Bristol written as `-2.59, 51.45` sits
 * in the Indian Ocean; swapped back it is in the middle of the other Bristol pins). Needs a few
 * other pins to judge by. The centre and spread come from a sample, so 100,000 pins take one pass.
 */
export function swappedAmong<T extends { lat: number; lng: number }>(points: readonly T[]): Set<T> {
  const found = new Set<T>();
  if (points.length < 4) return found;
  const centre = { lat: sampledMedian(points, (p) => p.lat), lng: sampledMedian(points, (p) => p.lng) };
  const spread = sampledMedian(points, (p) => distanceKm(p, centre));
  for (const p of points) {
    if (Math.abs(p.lng) > 90) continue;
    const d = distanceKm(p, centre);
    if (d < 1500) continue;
    const swapped = distanceKm({ lat: p.lng, lng: p.lat }, centre);
    if (swapped <= Math.max(100, 3 * spread) && swapped < d / 10) found.add(p);
  }
  return found;
}

/** Reports each skipped pin once per reporter (one per map). */
export function problemReporter(
  tag: string,
): (id: string, problem: CoordinateProblem, lat: unknown, lng: unknown) => void {
  const seen = new Set<string>();
  return (id, problem, lat, lng) => {
    const key = `${problem}\u0000${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    console.warn(
      `<${tag}>: left pin "${id}" off the map: ${PROBLEM_TEXT[problem]} (lat ${String(lat)}, lng ${String(lng)}).`,
    );
  };
}
