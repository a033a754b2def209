/**
 * Where the person is, and which places a typed text names: the two ways an element learns a place,
 * the same in every element (one timeout, one deadline).
 */
import type { CallOptions, CivicAdapter } from './adapter.js';
import { CivicError } from './errors.js';
import { type PlaceMatch, parsePlaceMatches } from './signup-model.js';
import { withDeadline } from './deadline.js';

/** How long the browser may take to find the person's position, and how old a known one may be. */
export const LOCATE_TIMEOUT_MS = 20_000;
const LOCATE_MAX_AGE_MS = 300_000;
/** How long a place lookup may take before the element carries on without it. */
export const PLACE_LOOKUP_SECONDS = 10;

/**
 * The person's position, asked of the browser (which asks them): the point, or why there is none —
 * `denied` (they said no) or `unavailable` (no geolocation here, no fix, or too slow).
 */
export function locate(): Promise<{ lat: number; lng: number } | 'denied' | 'unavailable'> {
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return Promise.resolve('unavailable');
  return new Promise((resolve) =>
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: LOCATE_MAX_AGE_MS },
    ),
  );
}

/**
 * The places a typed text may mean, through the adapter (`find-places`), validated, with a deadline:
 * with no answer within `seconds` (or when `leave` aborts) it fails as `network`.
 */
export async function lookUpPlaces(
  adapter: CivicAdapter,
  text: string,
  o: { locale?: string; seconds?: number; leave?: AbortSignal } = {},
): Promise<PlaceMatch[]> {
  if (!adapter.findPlaces) throw new CivicError('unsupported', 'This data source cannot look places up');
  const call: CallOptions = {};
  if (o.locale) call.locale = o.locale;
  return parsePlaceMatches(
    await withDeadline(
      (signal) => adapter.findPlaces!(text, { ...call, signal }),
      o.seconds ?? PLACE_LOOKUP_SECONDS,
      o.leave,
    ),
  );
}
