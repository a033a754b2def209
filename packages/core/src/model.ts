/**
 * The normalised model. Every value an adapter returns is checked against these schemas, and the
 * TypeScript types are inferred from them: one source of truth.
 */
import * as v from 'valibot';
import { CIVIC_ERROR_CODES, type CivicErrorCode } from './errors.js';

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

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** ISO 8601 date-time (or date); kept as a string so the model stays JSON. */
const isoDate = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Expected an ISO 8601 date'),
);
/** A URL as the backend gave it; elements still pass it through `safeUrl` before use. */
const urlString = v.pipe(v.string(), v.maxLength(2048));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = nonEmpty(200);

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

export const PollOptionSchema = v.object({ id, label: nonEmpty(500) });
export type PollOption = v.InferOutput<typeof PollOptionSchema>;

export const BallotSchema = v.object({
  /** Chosen option ids; for ranked polls in order of preference. */
  choices: v.pipe(v.array(id), v.minLength(1), v.maxLength(100)),
});
export type Ballot = v.InferOutput<typeof BallotSchema>;

export const PollResultsSchema = v.object({
  /** First-preference count per option id. */
  counts: v.record(v.string(), count),
  voters: count,
  /** Ranked polls: every ballot, so instant-runoff can be computed and shown. */
  ballots: v.optional(v.array(v.array(v.string()))),
});
export type PollResults = v.InferOutput<typeof PollResultsSchema>;

export const PollSchema = v.pipe(
  v.object({
    id,
    question: nonEmpty(1000),
    description: v.optional(text(10_000)),
    kind: v.picklist(POLL_KINDS),
    maxChoices: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    options: v.pipe(v.array(PollOptionSchema), v.minLength(2), v.maxLength(100)),
    /** Absent when the backend hides results at this moment. */
    results: v.optional(PollResultsSchema),
    opensAt: v.optional(isoDate),
    closesAt: v.optional(isoDate),
    status: v.picklist(POLL_STATUSES),
    resultsVisibility: v.optional(v.picklist(RESULTS_VISIBILITY), 'always'),
    allowChange: v.optional(v.boolean(), false),
    myBallot: v.optional(BallotSchema),
    /** BCP 47 tag of the question's and options' own language. */
    language: v.optional(text(35)),
    /** The question and options were machine-translated (shown with a visible mark). */
    machineTranslated: v.optional(v.boolean(), false),
  }),
  v.check((p) => new Set(p.options.map((o) => o.id)).size === p.options.length, 'Poll option ids must be unique'),
  v.check((p) => {
    const ids = new Set(p.options.map((o) => o.id));
    const known = (choices: readonly string[]) => choices.every((c) => ids.has(c));
    return (
      Object.keys(p.results?.counts ?? {}).every((c) => ids.has(c)) &&
      (p.results?.ballots ?? []).every(known) &&
      known(p.myBallot?.choices ?? [])
    );
  }, 'Results and ballots may only name options of the poll'),
);
export type Poll = v.InferOutput<typeof PollSchema>;
export type PollInput = v.InferInput<typeof PollSchema>;

export const InterestSchema = v.object({ id, label: nonEmpty(200) });
export type Interest = v.InferOutput<typeof InterestSchema>;

export const ConsentSchema = v.object({
  /** Purpose id, e.g. `contact`, `share-with-organisers`. */
  purpose: nonEmpty(100),
  /** The exact words the person agreed to. */
  text: nonEmpty(5000),
  version: nonEmpty(100),
  timestamp: isoDate,
  locale: text(35),
  organisations: v.optional(v.array(nonEmpty(300)), []),
});
export type Consent = v.InferOutput<typeof ConsentSchema>;

/** The most interests one sign-up may name. */
export const MAX_SIGNUP_INTERESTS = 50;

export const SignupSchema = v.object({
  name: nonEmpty(200),
  email: v.pipe(v.string(), v.trim(), v.email(), v.maxLength(320)),
  /** Free-text postcode or town, or a point (coarsened before it leaves the browser unless exact). */
  place: v.object({
    text: v.optional(text(200)),
    lat: v.optional(LatitudeSchema),
    lng: v.optional(LongitudeSchema),
    precision: v.optional(v.picklist(PLACE_PRECISIONS), 'area'),
  }),
  radiusKm: v.pipe(v.number(), v.minValue(0.1), v.maxValue(500)),
  interests: v.pipe(v.array(id), v.maxLength(MAX_SIGNUP_INTERESTS)),
  message: v.optional(text(2000)),
  consent: v.array(ConsentSchema),
  /** What the form adds against scripts: the data source's stamp (see `SignupForm`) and the honeypot's value. */
  form: v.optional(v.object({ stamp: v.optional(text(500)), trap: v.optional(text(500)) })),
});
export type Signup = v.InferOutput<typeof SignupSchema>;
export type SignupInput = v.InferInput<typeof SignupSchema>;

/** A consent's words as the data source keeps them: the words a person agrees to. */
export const ConsentTextSchema = v.pick(ConsentSchema, ['purpose', 'text', 'version']);
export type ConsentText = v.InferOutput<typeof ConsentTextSchema>;

/**
 * What a data source gives a sign-up form when it is shown: a stamp it signed with the time it issued
 * it (sent back with the sign-up, so it can tell a form filled faster than a person fills one), the
 * shortest fill time, and the consent words it records in every receipt (none: the form's own).
 */
export const SignupFormSchema = v.object({
  stamp: nonEmpty(500),
  minFillSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(3600)),
  consents: v.optional(v.pipe(v.array(ConsentTextSchema), v.maxLength(20)), []),
});
export type SignupForm = v.InferOutput<typeof SignupFormSchema>;

/** One answer to a typed place name: what to call it and where it is (a town's or postcode's centre). */
export const PlaceMatchSchema = v.object({
  label: nonEmpty(200),
  lat: LatitudeSchema,
  lng: LongitudeSchema,
});
export type PlaceMatch = v.InferOutput<typeof PlaceMatchSchema>;

export const MatchesSchema = v.object({
  /** People within the radius (excluding the person who signed up). Never who they are. */
  nearbyCount: count,
  sharedInterests: v.array(v.object({ interest: id, label: v.optional(text(200)), count })),
  initiatives: v.array(InitiativeSchema),
  /**
   * Small counts are withheld: every count below this number is sent as 0 and means "fewer than
   * this many" (none included), so one person can never be singled out. Absent: counts are exact.
   */
  fewerThan: v.optional(count),
  /** The radius the backend matched within, when it differs from the one asked for (it keeps a minimum). */
  radiusKm: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** The consent receipt as the backend recorded it: its words, its version and its own time. */
  receipt: v.optional(v.pipe(v.array(ConsentSchema), v.maxLength(20))),
});
export type Matches = v.InferOutput<typeof MatchesSchema>;

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
