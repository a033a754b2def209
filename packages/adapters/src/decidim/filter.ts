/**
 * What Decidim's API cannot filter or sort by (free text, tags, status, distance, a box, ending
 * soon) is done here, over the items already fetched.
 */
import { CivicError, distanceKm, inBBox, type Initiative, type InitiativeQuery } from '@civic-kit/core';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function checkQuery(query: InitiativeQuery): void {
  if (query.radiusKm !== undefined && !query.near) throw new CivicError('invalid-request', '`radiusKm` needs `near`');
  if (query.sort === 'distance' && !query.near)
    throw new CivicError('invalid-request', 'Sorting by distance needs `near`');
}

export function matches(query: InitiativeQuery): (i: Initiative) => boolean {
  const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  const near = query.near;
  return (i) => {
    if (query.status?.length && !query.status.includes(i.status)) return false;
    if (query.tags?.length && !query.tags.every((t) => i.tags.includes(t))) return false;
    if (query.bbox && (!i.place || !inBBox(i.place, query.bbox))) return false;
    if (near && query.radiusKm !== undefined && (!i.place || distanceKm(near, i.place) > query.radiusKm)) return false;
    if (words.length) {
      const hay = fold([i.title, i.summary, i.tags.join(' '), i.place?.address, i.organiser?.name].join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
}

/** The sort a query asks for (distance when it names a point and no sort). */
export const sortOf = (query: InitiativeQuery) => query.sort ?? (query.near ? 'distance' : 'relevance');

/** Sort in place of a copy; `relevance` keeps the backend's order. */
export function sorted(items: Initiative[], query: InitiativeQuery): Initiative[] {
  const near = query.near;
  const dist = (i: Initiative) => (near && i.place ? distanceKm(near, i.place) : Infinity);
  const time = (d: string | undefined, missing: number) => (d ? Date.parse(d) : missing);
  switch (sortOf(query)) {
    case 'distance':
      return [...items].sort((a, b) => dist(a) - dist(b));
    case 'newest':
      return [...items].sort((a, b) => time(b.startsAt, -Infinity) - time(a.startsAt, -Infinity));
    case 'ending-soon':
      return [...items].sort((a, b) => time(a.endsAt, Infinity) - time(b.endsAt, Infinity));
    case 'supporters':
      return [...items].sort((a, b) => (b.supporters?.count ?? -1) - (a.supporters?.count ?? -1));
    default:
      return items;
  }
}
