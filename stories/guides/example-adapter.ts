/**
 * A whole Civic Kit adapter: it reads one JSON file — `{ "initiatives": [...], "polls": [...] }` —
 * that a site publishes anywhere. Read-only, so it declares no writes and the elements hide the
 * Support and Vote buttons. test/guide-adapter.test.ts runs the conformance suite against it.
 */
import {
  CivicError,
  distanceKm,
  inBBox,
  parseInitiative,
  parsePoll,
  toCivicError,
  type CallOptions,
  type CivicAdapter,
  type Initiative,
  type InitiativeQuery,
} from '@civic-kit/core';

export interface FeedAdapterOptions {
  /** Where the JSON file is. */
  url: string | URL;
  /** Replaceable in tests; the browser's `fetch` by default. */
  fetch?: typeof fetch;
}

export function createFeedAdapter({ url, fetch: get = (...a) => fetch(...a) }: FeedAdapterOptions): CivicAdapter {
  /** The file, fetched on every call (HTTP caching keeps that cheap); every failure is a CivicError. */
  async function load(options?: CallOptions): Promise<{ initiatives?: unknown[]; polls?: unknown[] }> {
    try {
      options?.signal?.throwIfAborted();
      const response = await get(url, { signal: options?.signal ?? null });
      if (!response.ok) throw new CivicError('network', `${String(url)} answered ${response.status}`);
      return (await response.json()) as { initiatives?: unknown[]; polls?: unknown[] };
    } catch (e) {
      throw toCivicError(e); // an abort becomes `aborted`, a failed fetch `network`, bad JSON `invalid-response`
    }
  }

  const matches = (i: Initiative, q: InitiativeQuery): boolean =>
    (!q.q || `${i.title} ${i.summary ?? ''}`.toLowerCase().includes(q.q.toLowerCase())) &&
    (q.tags ?? []).every((t) => i.tags.includes(t)) &&
    (!q.status?.length || q.status.includes(i.status)) &&
    (!q.near || q.radiusKm === undefined || (!!i.place && distanceKm(q.near, i.place) <= q.radiusKm)) &&
    (!q.bbox || (!!i.place && inBBox(i.place, q.bbox)));

  /** The order a query asks for; "relevance" keeps the file's own. Missing dates and places go last. */
  const order = (q: InitiativeQuery): ((a: Initiative, b: Initiative) => number) | undefined => {
    const time = (s: string | undefined, missing: number) => (s ? Date.parse(s) : missing);
    const away = (i: Initiative) => (q.near && i.place ? distanceKm(q.near, i.place) : Infinity);
    switch (q.sort ?? (q.near ? 'distance' : 'relevance')) {
      case 'newest':
        return (a, b) => time(b.startsAt, -Infinity) - time(a.startsAt, -Infinity) || 0;
      case 'ending-soon':
        return (a, b) => time(a.endsAt, Infinity) - time(b.endsAt, Infinity) || 0;
      case 'supporters':
        return (a, b) => (b.supporters?.count ?? 0) - (a.supporters?.count ?? 0);
      case 'distance':
        return (a, b) => away(a) - away(b) || 0;
      default:
        return undefined;
    }
  };

  const initiatives = async (options?: CallOptions) => ((await load(options)).initiatives ?? []).map(parseInitiative);
  const notFound = (what: string, id: string) => new CivicError('not-found', `No ${what} "${id}" in ${String(url)}`);

  return {
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),

    async listInitiatives(query, options) {
      const found = (await initiatives(options)).filter((i) => matches(i, query));
      const compare = order(query);
      if (compare) found.sort(compare);
      const start = Number(query.cursor ?? 0);
      const end = start + (query.limit ?? 20);
      return {
        items: found.slice(start, end),
        total: found.length,
        nextCursor: end < found.length ? `${end}` : undefined,
      };
    },

    async getInitiative(id, options) {
      return (await initiatives(options)).find((i) => i.id === id) ?? Promise.reject(notFound('initiative', id));
    },

    async getPoll(id, options) {
      const polls = ((await load(options)).polls ?? []).map(parsePoll);
      return polls.find((p) => p.id === id) ?? Promise.reject(notFound('poll', id));
    },
  };
}
