/** What `<civic-poll>` does with poll data, apart from rendering it: checks, optimistic tallies, shares. */
import { CivicError, parsePoll, type Ballot, type Poll } from '@civic-kit/core';

/**
 * `parsePoll`, plus what the schema alone cannot see: results, ballots or the voter's own ballot
 * naming an option the poll does not have. Anything wrong is `invalid-response`, never half-shown.
 */
export function checkPoll(data: unknown): Poll {
  const poll = parsePoll(data);
  const known = new Set(poll.options.map((o) => o.id));
  const bad = (why: string): never => {
    throw new CivicError('invalid-response', `The backend sent a malformed poll (${why})`);
  };
  for (const id of Object.keys(poll.results?.counts ?? {}))
    if (!known.has(id)) bad(`results for an unknown option "${id}"`);
  for (const ballot of poll.results?.ballots ?? [])
    for (const id of ballot) if (!known.has(id)) bad(`a ballot ranks an unknown option "${id}"`);
  for (const id of poll.myBallot?.choices ?? []) if (!known.has(id)) bad(`your ballot has an unknown option "${id}"`);
  return poll;
}

export const sameBallot = (a: Ballot | undefined, b: Ballot | undefined): boolean =>
  !!a && !!b && a.choices.length === b.choices.length && a.choices.every((c, i) => b.choices[i] === c);

/** How many choices a ballot of this poll may hold. */
export const maxChoices = (poll: Poll): number =>
  poll.kind === 'single' ? 1 : Math.min(poll.maxChoices ?? poll.options.length, poll.options.length);

/**
 * The poll as it will be once `ballot` is counted (replacing `previous`, when the voter changes their
 * vote): shown at once, before the backend answers, and while a ballot waits in the offline queue.
 */
export function withBallot(poll: Poll, ballot: Ballot, previous: Ballot | undefined): Poll {
  if (sameBallot(poll.myBallot, ballot)) return poll;
  const out: Poll = { ...poll, myBallot: { choices: [...ballot.choices] } };
  if (!poll.results) return out;
  const counted = (b: Ballot) => (poll.kind === 'ranked' ? b.choices.slice(0, 1) : b.choices);
  const counts = { ...poll.results.counts };
  if (previous) for (const c of counted(previous)) counts[c] = Math.max(0, (counts[c] ?? 0) - 1);
  for (const c of counted(ballot)) counts[c] = (counts[c] ?? 0) + 1;
  let ballots = poll.results.ballots;
  if (ballots) {
    ballots = [...ballots];
    const i = previous ? ballots.findIndex((b) => sameBallot({ choices: b }, previous)) : -1;
    if (i >= 0) ballots.splice(i, 1);
    ballots.push([...ballot.choices]);
  }
  out.results = {
    counts,
    voters: poll.results.voters + (previous ? 0 : 1),
    ...(ballots ? { ballots } : {}),
  };
  return out;
}

/**
 * What each option's percentage is of: every voter. Backends disagree on `voters` (AS2 `anyOf` polls
 * count people, sums of `oneOf` count ballots), so never divide by less than the counts imply.
 */
export function shareBase(poll: Poll): number {
  const results = poll.results;
  if (!results) return 0;
  const counts = poll.options.map((o) => results.counts[o.id] ?? 0);
  const implied = poll.kind === 'multiple' ? Math.max(0, ...counts) : counts.reduce((a, b) => a + b, 0);
  return Math.max(results.voters, implied);
}
