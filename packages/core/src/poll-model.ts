/** Polls and ballots, and their parsers (apart from `model.ts`: see there). */
import * as v from 'valibot';
import { POLL_KINDS, POLL_STATUSES, RESULTS_VISIBILITY } from './model.js';
import { count, id, isoDate, nonEmpty, text } from './schema-parts.js';
import { parseRequest, parseResponse } from './validate.js';

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

export const parsePoll = (d: unknown): Poll => parseResponse(PollSchema, d, 'poll');
export const parseBallot = (d: unknown): Ballot => parseRequest(BallotSchema, d, 'ballot');
