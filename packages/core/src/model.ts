/**
 * The normalised model. Every value an adapter returns is checked against these schemas, and the
 * TypeScript types are inferred from them: one source of truth. Initiatives, places and pages here;
 * polls in `poll-model.ts`, sign-ups and their matches in `signup-model.ts` (apart, so an element
 * that only shows initiatives, as the card and the map do, carries no other schema).
 */
import * as v from 'valibot';
import { CIVIC_ERROR_CODES, type CivicErrorCode } from './errors.js';
import { count, id, isoDate, nonEmpty, text, urlString } from './schema-parts.js';

// Allowed values are `as const` arrays: types, story controls and tests derive from them.
export const INITIATIVE_STATUSES = ['proposed', 'active', 'completed', 'closed'] as const;
export const POLL_KINDS = ['single', 'multiple', 'ranked'] as const;
export const POLL_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const RESULTS_VISIBILITY = ['always', 'after-vote', 'after-close'] as const;
export const PLACE_PRECISIONS = ['exact', 'area'] as const;
export const INITIATIVE_SORTS = ['relevance', 'newest', 'ending-soon', 'supporters', 'distance'] as const;

export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export type PollKind = (typeof POLL_KINDS)[number];
export type PollStatus = (typeof POLL_STATUSES)[number];
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];
export type InitiativeSort = (typeof INITIATIVE_SORTS)[number];

export const LatitudeSchema = v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90));
export const LongitudeSchema = v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180));

export const PlaceSchema = v.object({
  lat: LatitudeSchema,
  lng: LongitudeSchema,
  address: v.optional(text(500)),
  /** `area` when the point stands for a neighbourhood or town rather than a door. */
  precision: v.optional(v.picklist(PLACE_PRECISIONS), 'exact'),
});
export type Place = v.InferOutput<typeof PlaceSchema>;

export const LinkSchema = v.object({ name: nonEmpty(300), url: v.optional(urlString) });
export type Link = v.InferOutput<typeof LinkSchema>;

export const InitiativeSchema = v.object({
  id,
  title: nonEmpty(500),
  summary: v.optional(text(5000)),
  /** The full description, as plain text. */
  body: v.optional(text(100_000)),
  /**
   * The full description as the backend sent it, in HTML (formatting, links): shown only through the
   * elements' sanitizer, and only where a page asks for the description. `body` holds its text.
   */
  bodyHtml: v.optional(text(200_000)),
  url: v.optional(urlString),
  image: v.optional(v.object({ url: urlString, alt: text(1000) })),
  status: v.picklist(INITIATIVE_STATUSES),
  place: v.optional(PlaceSchema),
  /**
   * Where it happens, in words, when there is no point to pin (an address the backend never
   * geocoded). Lists and cards show it; a map leaves the initiative off and counts it. With `place`,
   * `place.address` says where and this is not used.
   */
  address: v.optional(nonEmpty(500)),
  tags: v.optional(v.array(nonEmpty(100)), []),
  /** Words for `tags` (which may be keys such as "local-economy"), in the content's language: tag → label. */
  tagLabels: v.optional(v.record(nonEmpty(100), nonEmpty(200))),
  supporters: v.optional(
    v.object({
      count,
      goal: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      supportedByMe: v.optional(v.boolean()),
    }),
  ),
  startsAt: v.optional(isoDate),
  endsAt: v.optional(isoDate),
  organiser: v.optional(LinkSchema),
  source: v.optional(LinkSchema),
  /** BCP 47 tag of the content's own language. */
  language: v.optional(text(35)),
  machineTranslated: v.optional(v.boolean(), false),
});
export type Initiative = v.InferOutput<typeof InitiativeSchema>;
/** What an adapter or host may hand in: defaults not yet applied. */
export type InitiativeInput = v.InferInput<typeof InitiativeSchema>;

/**
 * A page that is incomplete: a source could not be read (a federated view over several sites, a
 * `next` page that failed), or some of its items could not be shown and were left out. Which source,
 * why, and how many items were left out when that is known. Everything else is still in the page.
 */
export const PageWarningSchema = v.object({
  /** The source's name, as shown to visitors ("Neighbours' map"). */
  source: nonEmpty(300),
  code: v.picklist(CIVIC_ERROR_CODES),
  /** For the console and the site maintainer; elements show their own words. */
  message: v.optional(text(1000)),
  /** How many items of this source were left out (each could not be shown), when that is the problem. */
  skipped: v.optional(count),
});
export interface PageWarning {
  source: string;
  code: CivicErrorCode;
  message?: string | undefined;
  skipped?: number | undefined;
}

export const pageSchema = <T extends v.GenericSchema>(item: T) =>
  v.object({
    items: v.array(item),
    /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
    nextCursor: v.optional(v.string()),
    total: v.optional(count),
    warnings: v.optional(v.array(PageWarningSchema)),
  });
export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
  total?: number | undefined;
  /** Present when some sources could not be read: the page holds what the others returned. */
  warnings?: PageWarning[] | undefined;
}
export const InitiativePageSchema = pageSchema(InitiativeSchema);
