import { DEMO_INITIATIVES, DEMO_INTERESTS, DEMO_PEOPLE, DEMO_POLLS, withTopicWords } from './demo-data.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemoryData } from './memory-adapter.js';

/** Towns and postcode areas of the demo data, for sign-ups that type a place instead of sharing one. */
export const DEMO_PLACES: Record<string, { lat: number; lng: number }> = {
  Bristol: { lat: 51.454, lng: -2.587 },
  BS1: { lat: 51.454, lng: -2.594 },
  BS2: { lat: 51.458, lng: -2.58 },
  BS3: { lat: 51.44, lng: -2.6 },
  BS5: { lat: 51.463, lng: -2.56 },
  BS6: { lat: 51.47, lng: -2.6 },
  Totnes: { lat: 50.431, lng: -3.686 },
  TQ9: { lat: 50.431, lng: -3.686 },
  Freiburg: { lat: 47.999, lng: 7.842 },
  Valencia: { lat: 39.47, lng: -0.376 },
  Lyon: { lat: 45.764, lng: 4.835 },
};

/** The day the demo data's dates were written for (UTC midnight); `demoData` on this day changes none. */
export const DEMO_WRITTEN = Date.UTC(2026, 10, 28);
const DAY = 86_400_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Every timestamp in `value` moved by `ms` (a copy; the shipped arrays stay as written). */
function shifted<T>(value: T, ms: number): T {
  if (typeof value === 'string' && TIMESTAMP.test(value))
    return new Date(Date.parse(value) + ms).toISOString().replace('.000Z', 'Z') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => shifted(v, ms)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, ms)])) as T;
  return value;
}

/**
 * The shipped demo data set (fictional initiatives in five towns), as a memory adapter's seed. Its
 * dates move with `now` by whole days, so the demo always has a poll closing soon, one not open yet and
 * events ahead, whatever the day it is shown.
 */
export function demoData(now: Date = new Date()): MemoryData {
  const ms = Math.floor((now.getTime() - DEMO_WRITTEN) / DAY) * DAY;
  return {
    initiatives: withTopicWords(ms ? shifted(DEMO_INITIATIVES, ms) : DEMO_INITIATIVES),
    polls: ms ? shifted(DEMO_POLLS, ms) : DEMO_POLLS,
    interests: DEMO_INTERESTS,
    people: DEMO_PEOPLE,
    places: DEMO_PLACES,
  };
}

/** A memory adapter seeded with the demo data set. */
export function createDemoAdapter(options: Omit<MemoryAdapterOptions, 'data'> = {}): MemoryAdapter {
  return new MemoryAdapter({ ...options, data: demoData(options.now?.()) });
}
