/**
 * `@civic-kit/adapters/activitystreams/publish` (a subpath of its own, so that pages loading the
 * adapter do not carry it). The other direction of the ActivityStreams adapter's rules: Civic Kit's initiatives and polls as
 * AS2 objects, as the reference server publishes them to the fediverse. Reading what this writes with
 * the adapter gives the same initiative or poll back (the tests hold both directions to that), so the
 * REST contract and the AS2 output describe the same object.
 *
 * - An initiative with a start time and a place (a point or an address) is an `Event`; any other is a
 *   `Page` (an article-like object with a title, which Mastodon shows as a link card with its name
 *   and Mobilizon and Lemmy as a post; a `Note` would lose the title).
 * - Supporters, the goal and the exact status travel in Civic Kit's extension context
 *   (`CIVIC_CONTEXT`, served at `CIVIC_CONTEXT_PATH` by the reference server).
 * - A single or multiple choice poll is a `Question` (`oneOf`/`anyOf`); a ranked poll has no AS2
 *   form and is not published.
 */
import type { Initiative, Poll } from '@civic-kit/core';

export const AS2_CONTEXT = 'https://www.w3.org/ns/activitystreams';
export const AS2_PUBLIC = `${AS2_CONTEXT}#Public`;
/** The IRI namespace of Civic Kit's terms. */
export const CIVIC_NAMESPACE = 'https://github.com/civic-kit/civic-kit/blob/main/docs/federation.md#';
/** Where a server serves `CIVIC_CONTEXT` (on its own origin). */
export const CIVIC_CONTEXT_PATH = '/ns/civic-kit.jsonld';

/** Civic Kit's JSON-LD extension context (documented in docs/federation.md). */
export const CIVIC_CONTEXT = {
  '@context': {
    civic: CIVIC_NAMESPACE,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    supporters: { '@id': 'civic:supporters', '@type': 'xsd:nonNegativeInteger' },
    supportersGoal: { '@id': 'civic:supportersGoal', '@type': 'xsd:positiveInteger' },
    initiativeStatus: 'civic:initiativeStatus',
  },
} as const;

export interface PublishOptions {
  /** The object's IRI. */
  id: string;
  /** The publishing actor's IRI (`attributedTo`). */
  actor: string;
  /** The actor's followers collection (`cc`). */
  followers?: string | undefined;
  /** The URL of `CIVIC_CONTEXT` on the publishing server. */
  contextUrl: string;
}

type Json = Record<string, unknown>;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML paragraphs (blank lines part paragraphs, single new lines become `<br>`). */
export const textToHtml = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

const addressing = (o: PublishOptions): Json => ({
  attributedTo: o.actor,
  to: [AS2_PUBLIC],
  ...(o.followers ? { cc: [o.followers] } : {}),
});

const context = (o: PublishOptions, language: string | undefined): unknown[] => [
  AS2_CONTEXT,
  o.contextUrl,
  ...(language ? [{ '@language': language }] : []),
];

/** Whether an initiative is published as an `Event` (else a `Page`). */
export const isEvent = (i: Initiative): boolean => !!i.startsAt && !!(i.place || i.address);

export function initiativeToAs2(i: Initiative, o: PublishOptions): Json {
  const out: Json = {
    '@context': context(o, i.language),
    id: o.id,
    type: isEvent(i) ? 'Event' : 'Page',
    name: i.title,
    ...addressing(o),
    url: i.url ?? o.id,
    initiativeStatus: i.status,
  };
  if (i.summary) out['summary'] = i.summary;
  const content = i.bodyHtml ?? (i.body ? textToHtml(i.body) : undefined);
  if (content) {
    out['content'] = content;
    out['mediaType'] = 'text/html';
  }
  if (i.startsAt) out['startTime'] = i.startsAt;
  if (i.endsAt) out['endTime'] = i.endsAt;
  if (i.place)
    out['location'] = {
      type: 'Place',
      ...(i.place.address ? { name: i.place.address, address: i.place.address } : {}),
      latitude: i.place.lat,
      longitude: i.place.lng,
      // An area (a neighbourhood, a town) is a circle of a kilometre, as AS2 `radius` says it.
      ...(i.place.precision === 'area' ? { radius: 1, units: 'km' } : {}),
    };
  else if (i.address) out['location'] = { type: 'Place', name: i.address, address: i.address };
  if (i.image) out['image'] = { type: 'Image', url: i.image.url, ...(i.image.alt ? { name: i.image.alt } : {}) };
  if (i.tags.length) out['tag'] = i.tags.map((t) => ({ type: 'Hashtag', name: `#${t}` }));
  if (i.supporters) {
    out['supporters'] = i.supporters.count;
    if (i.supporters.goal) out['supportersGoal'] = i.supporters.goal;
  }
  return out;
}

/** A single or multiple choice poll as a `Question`; `undefined` for a ranked poll (not offered to the fediverse). */
export function pollToQuestion(p: Poll, o: PublishOptions): Json | undefined {
  if (p.kind === 'ranked') return undefined;
  const field = p.kind === 'single' ? 'oneOf' : 'anyOf';
  const out: Json = {
    '@context': context(o, p.language),
    id: o.id,
    type: 'Question',
    name: p.question,
    // Mastodon shows a poll's `content`: the question, then its description.
    content: textToHtml([p.question, p.description].filter(Boolean).join('\n\n')),
    mediaType: 'text/html',
    ...addressing(o),
    [field]: p.options.map((opt) => ({
      type: 'Note',
      name: opt.label,
      // Counts only where the poll shows its results now.
      ...(p.results ? { replies: { type: 'Collection', totalItems: p.results.counts[opt.id] ?? 0 } } : {}),
    })),
  };
  if (p.results) out['votersCount'] = p.results.voters;
  if (p.kind === 'multiple' && p.maxChoices) out['maxChoices'] = p.maxChoices;
  if (p.opensAt) out['published'] = p.opensAt;
  if (p.closesAt) out['endTime'] = p.closesAt;
  if (p.status === 'closed') out['closed'] = p.closesAt ?? true;
  return out;
}
