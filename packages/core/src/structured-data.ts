/**
 * Opt-in machine-readable copies of what an element shows (schema.org JSON-LD, ActivityStreams), written
 * into the element's light DOM as a data block so search engines and fediverse tools can read the page.
 * Data blocks are never executed, and no string ever reaches an HTML parser. Under Trusted Types
 * (`require-trusted-types-for 'script'`) even a data block's text must be a `TrustedScript` (Chromium
 * reports a violation for text appended as a node), so it goes through a policy named
 * `civic-kit-data` that accepts only JSON; a page that restricts policy names with a `trusted-types`
 * directive lists that name. Without Trusted Types the text goes in as a Text node.
 */
import type { Initiative } from './model.js';
import { safeUrl } from './safe-url.js';
import { tagLabel } from './tags.js';

const ATTR = 'data-civic-structured-data';

interface ScriptPolicy {
  createScript(input: string): unknown;
}
// One policy per page, shared by every copy of Civic Kit on it (a second `createPolicy` of the same
// name fails where a `trusted-types` directive is set).
const POLICY = Symbol.for('civic-kit.data-block-policy');
function dataBlockPolicy(): ScriptPolicy | null {
  const g = globalThis as Record<symbol, ScriptPolicy | null | undefined> & {
    trustedTypes?: { createPolicy(name: string, rules: { createScript(s: string): string }): ScriptPolicy };
  };
  if (g[POLICY] !== undefined) return g[POLICY];
  let policy: ScriptPolicy | null = null;
  try {
    policy =
      g.trustedTypes?.createPolicy('civic-kit-data', {
        // Only ever data: anything that is not JSON is refused.
        createScript: (s) => (JSON.parse(s), s),
      }) ?? null;
  } catch {
    /* the page does not allow the policy name: fall back to a Text node */
  }
  return (g[POLICY] = policy);
}

/** Replace (or, with `undefined`, remove) the element's data block. */
export function writeDataBlock(host: Element, data: object | undefined, type = 'application/ld+json'): void {
  const existing = host.querySelector(`:scope > script[${ATTR}]`);
  if (!data) {
    existing?.remove();
    return;
  }
  // `<` escaped so no string in the data can close the script element or open a comment.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  if (existing?.getAttribute('type') === type && existing.textContent === json) return;
  const script = host.ownerDocument.createElement('script');
  script.setAttribute('type', type);
  script.setAttribute(ATTR, '');
  const policy = dataBlockPolicy();
  if (policy) script.text = policy.createScript(json) as string;
  else script.append(host.ownerDocument.createTextNode(json));
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
  return { '@context': 'https://schema.org', ...initiativeEvent(i) };
}

/** An initiative as a schema.org `Event` without `@context`, to nest in another JSON-LD object. */
export function initiativeEvent(i: Initiative): object {
  const url = safeUrl(i.url);
  const image = safeUrl(i.image?.url);
  const organiserUrl = safeUrl(i.organiser?.url);
  return {
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
    ...(i.tags.length ? { keywords: i.tags.map((t) => tagLabel(i, t)).join(', ') } : {}),
    ...(i.place
      ? {
          location: {
            '@type': 'Place',
            ...(i.place.address ? { address: i.place.address } : {}),
            geo: { '@type': 'GeoCoordinates', latitude: i.place.lat, longitude: i.place.lng },
          },
        }
      : i.address
        ? { location: { '@type': 'Place', address: i.address } }
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
