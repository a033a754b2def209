/**
 * Matching what a person typed for a place ("BS5 0HD", "bris") against the places a backend knows, the
 * same way in the memory adapter and the reference server.
 */

/** Text as it is compared: no accents, lower case, single spaces. */
export const foldText = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');

/**
 * The places `text` may mean, best first: the place of that exact name; else every name it starts
 * ("bs" → BS1, BS2…, from two letters); else the places whose name it starts with (a full postcode → its
 * district). `nameOf` gives each place's name, folded by `foldText`. At most ten.
 */
export function placesMatching<T>(text: string, places: readonly T[], nameOf: (place: T) => string): T[] {
  const q = foldText(text);
  if (!q) return [];
  const exact = places.filter((p) => nameOf(p) === q);
  const started = q.length >= 2 ? places.filter((p) => nameOf(p).startsWith(q)) : [];
  const within = places.filter((p) => q.startsWith(nameOf(p)));
  return (exact.length ? exact : started.length ? started : within).slice(0, 10);
}

/** The one place a sign-up's typed text stands for, as the server places it: the first whose name it starts with. */
export function placeOf<T>(text: string, places: readonly T[], nameOf: (place: T) => string): T | undefined {
  const q = foldText(text);
  return q ? places.find((p) => q.startsWith(nameOf(p))) : undefined;
}
