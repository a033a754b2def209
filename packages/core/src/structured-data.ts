/**
 * Opt-in machine-readable copies of what an element shows (schema.org JSON-LD, ActivityStreams), written
 * into the element's light DOM as a data block so search engines and fediverse tools can read the page.
 * Data blocks are never executed; the text goes in as a Text node (not through `textContent`, a
 * Trusted Types sink), so a strict CSP with `require-trusted-types-for 'script'` is satisfied.
 */
import type { Initiative } from './model.js';
import { safeUrl } from './safe-url.js';

const ATTR = 'data-civic-structured-data';

/** Replace (or, with `undefined`, remove) the element's data block. */
export function writeDataBlock(host: Element, data: object | undefined, type = 'application/ld+json'): void {
  const existing = host.querySelector(`:scope > script[${ATTR}]`);
  if (!data) {
    existing?.remove();
    return;
  }
  // `<` escaped so no string in the data can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  if (existing?.getAttribute('type') === type && existing.firstChild?.nodeValue === json) return;
  const script = host.ownerDocument.createElement('script');
  script.setAttribute('type', type);
  script.setAttribute(ATTR, '');
  script.append(host.ownerDocument.createTextNode(json));
  if (existing) existing.replaceWith(script);
  else host.append(script);
}

const EVENT_STATUS: Record<Initiative['status'], string> = {
  proposed: 'https://schema.org/EventScheduled',
  active: 'https://schema.org/EventScheduled',
  completed: 'https://schema.org/EventScheduled',
  closed: 'https://schema.org/EventCancelled',
};

/** An initiative as a schema.org `Event` with its `Place` and organising `Organization`. */
export function initiativeJsonLd(i: Initiative): object {
  const url = safeUrl(i.url);
  const image = safeUrl(i.image?.url);
  const organiserUrl = safeUrl(i.organiser?.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    identifier: i.id,
    name: i.title,
    ...(i.summary ? { description: i.summary } : {}),
    ...(url ? { url } : {}),
    ...(image ? { image } : {}),
    ...(i.language ? { inLanguage: i.language } : {}),
    ...(i.startsAt ? { startDate: i.startsAt } : {}),
    ...(i.endsAt ? { endDate: i.endsAt } : {}),
    eventStatus: EVENT_STATUS[i.status],
    ...(i.tags.length ? { keywords: i.tags.join(', ') } : {}),
    ...(i.place
      ? {
          location: {
            '@type': 'Place',
            ...(i.place.address ? { address: i.place.address } : {}),
            geo: { '@type': 'GeoCoordinates', latitude: i.place.lat, longitude: i.place.lng },
          },
        }
      : { eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode' }),
    ...(i.organiser
      ? {
          organizer: {
            '@type': 'Organization',
            name: i.organiser.name,
            ...(organiserUrl ? { url: organiserUrl } : {}),
          },
        }
      : {}),
  };
}
