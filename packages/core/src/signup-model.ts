/** Sign-ups, their matches, interests and typed places, and their parsers (apart from `model.ts`: see there). */
import * as v from 'valibot';
import { InitiativeSchema, LatitudeSchema, LongitudeSchema, PLACE_PRECISIONS } from './model.js';
import { count, id, isoDate, nonEmpty, text } from './schema-parts.js';
import { parseRequest, parseResponse } from './validate.js';

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

export const parseMatches = (d: unknown): Matches => parseResponse(MatchesSchema, d, 'matches');
export const parsePlaceMatches = (d: unknown): PlaceMatch[] =>
  parseResponse(v.pipe(v.array(PlaceMatchSchema), v.maxLength(50)), d, 'list of places');
export const parseInterests = (d: unknown): Interest[] => parseResponse(v.array(InterestSchema), d, 'interest list');
export const parseSignup = (d: unknown): Signup => parseRequest(SignupSchema, d, 'sign-up');
export const parseSignupForm = (d: unknown): SignupForm => parseResponse(SignupFormSchema, d, 'sign-up form');
