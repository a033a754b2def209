/**
 * Field schemas the model files build with (not public): bounded text, ISO dates, counts, ids.
 */
import * as v from 'valibot';

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** ISO 8601 date-time (or date); kept as a string so the model stays JSON. */
export const isoDate = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Expected an ISO 8601 date'),
);
/** A URL as the backend gave it; elements still pass it through `safeUrl` before use. */
export const urlString = v.pipe(v.string(), v.maxLength(2048));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const id = nonEmpty(200);
