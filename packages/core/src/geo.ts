import type { BBox } from './adapter.js';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point lies in a box; boxes that cross the antimeridian (west > east) are handled. */
export function inBBox(p: { lat: number; lng: number }, [west, south, east, north]: BBox): boolean {
  if (p.lat < south || p.lat > north) return false;
  return west <= east ? p.lng >= west && p.lng <= east : p.lng >= west || p.lng <= east;
}

/**
 * The centre of the grid cell a point lies in, cells about `km` kilometres square: rows `km / 111.32`
 * degrees of latitude high, each row cut into steps of longitude `km` wide at the row's centre. Every
 * point of a cell gives the same answer (coarsening twice changes nothing), so a home address never
 * leaves the browser, and the server keeps nothing finer.
 */
export function coarsen(p: { lat: number; lng: number }, km = 1): { lat: number; lng: number } {
  const latStep = km / 111.32;
  const lat = Math.max(-90, Math.min(90, Math.round(p.lat / latStep) * latStep));
  const lngStep = km / (111.32 * Math.max(0.01, Math.cos(rad(lat))));
  const lng = Math.round(p.lng / lngStep) * lngStep;
  return { lat: +lat.toFixed(5), lng: +Math.max(-180, Math.min(180, lng)).toFixed(5) };
}

/** Parse `"lat,lng"` as written in an attribute; undefined when not two finite in-range numbers. */
export function parseLatLng(value: string | null | undefined): { lat: number; lng: number } | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2) return undefined;
  const [lat, lng] = parts as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}
