import { DEMO_INITIATIVES, DEMO_INTERESTS, DEMO_PEOPLE, DEMO_POLLS } from './demo-data.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemoryData } from './memory-adapter.js';

/** Towns and postcode areas of the demo data, for sign-ups that type a place instead of sharing one. */
export const DEMO_PLACES: Record<string, { lat: number; lng: number }> = {
  bristol: { lat: 51.454, lng: -2.587 },
  bs1: { lat: 51.454, lng: -2.594 },
  bs2: { lat: 51.458, lng: -2.58 },
  bs3: { lat: 51.44, lng: -2.6 },
  bs5: { lat: 51.463, lng: -2.56 },
  bs6: { lat: 51.47, lng: -2.6 },
  totnes: { lat: 50.431, lng: -3.686 },
  tq9: { lat: 50.431, lng: -3.686 },
  freiburg: { lat: 47.999, lng: 7.842 },
  valencia: { lat: 39.47, lng: -0.376 },
  lyon: { lat: 45.764, lng: 4.835 },
};

/** The shipped demo data set (fictional initiatives in five towns), as a memory adapter's seed. */
export function demoData(): MemoryData {
  return {
    initiatives: DEMO_INITIATIVES,
    polls: DEMO_POLLS,
    interests: DEMO_INTERESTS,
    people: DEMO_PEOPLE,
    places: DEMO_PLACES,
  };
}

/** A memory adapter seeded with the demo data set. */
export function createDemoAdapter(options: Omit<MemoryAdapterOptions, 'data'> = {}): MemoryAdapter {
  return new MemoryAdapter({ ...options, data: demoData() });
}
