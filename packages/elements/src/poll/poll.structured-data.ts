/** The poll's opt-in structured data (`structured-data`): the poll as fediverse software reads one. */
import type { Poll } from '@civic-kit/core';

/** The media type of an ActivityStreams 2.0 document. */
export const ACTIVITY_STREAMS_TYPE = 'application/activity+json';

/**
 * A poll as an ActivityStreams 2.0 `Question`: options as `oneOf` (single choice) or `anyOf`
 * (multiple choice), each with its count in `replies.totalItems`, and `votersCount` (Mastodon's
 * extension), `startTime`, `endTime` and `closed`. A ranked poll is written as `oneOf` with first
 * choices, which is all AS2 can say of it. Counts only when `withResults` (what the element shows).
 */
export function pollActivityStreams(p: Poll, withResults: boolean): object {
  const results = withResults ? p.results : undefined;
  const options = p.options.map((o) => ({
    type: 'Note',
    name: o.label,
    ...(results ? { replies: { type: 'Collection', totalItems: results.counts[o.id] ?? 0 } } : {}),
  }));
  const closedAt =
    p.status === 'closed' ? (p.closesAt && Date.parse(p.closesAt) <= Date.now() ? p.closesAt : true) : undefined;
  return {
    '@context': [
      'https://www.w3.org/ns/activitystreams',
      { toot: 'http://joinmastodon.org/ns#', votersCount: 'toot:votersCount' },
    ],
    type: 'Question',
    name: p.question,
    ...(p.language ? { nameMap: { [p.language]: p.question } } : {}),
    ...(p.description ? { content: p.description, mediaType: 'text/plain' } : {}),
    [p.kind === 'multiple' ? 'anyOf' : 'oneOf']: options,
    ...(results ? { votersCount: results.voters } : {}),
    ...(p.opensAt ? { startTime: p.opensAt } : {}),
    ...(p.closesAt ? { endTime: p.closesAt } : {}),
    ...(closedAt !== undefined ? { closed: closedAt } : {}),
  };
}
