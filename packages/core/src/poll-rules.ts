/**
 * A poll's rules, the same wherever a poll is served or shown: the memory adapter, the reference
 * server and `<civic-poll>`.
 */
import type { Poll } from './poll-model.js';

/** A poll's status at `now`, from its dates: closed once `closesAt` has passed, scheduled before `opensAt`. */
export function pollStatusAt(p: Pick<Poll, 'status' | 'opensAt' | 'closesAt'>, now: Date): Poll['status'] {
  const t = now.getTime();
  if (p.status === 'closed' || (p.closesAt && Date.parse(p.closesAt) <= t)) return 'closed';
  if (p.opensAt && Date.parse(p.opensAt) > t) return 'scheduled';
  return 'open';
}

/** Whether results may be shown, by the poll's own rule: always, once closed, or once this voter voted. */
export function resultsVisible(p: Pick<Poll, 'resultsVisibility' | 'status'>, voted: boolean): boolean {
  return p.resultsVisibility === 'always' || p.status === 'closed' || (p.resultsVisibility === 'after-vote' && voted);
}

/**
 * What is wrong with a ballot for this poll, in the words a data source answers with (`message`,
 * and `field`: the per-field message for `choices`); undefined when it may be counted. Every data
 * source that counts ballots (the memory adapter, the ActivityStreams adapter, the reference server)
 * asks this, after checking the ballot's shape.
 */
export function ballotProblem(
  poll: Pick<Poll, 'kind' | 'options' | 'maxChoices'>,
  choices: readonly string[],
): { message: string; field: string } | undefined {
  const known = new Set(poll.options.map((o) => o.id));
  const unknown = choices.find((c) => !known.has(c));
  if (unknown !== undefined)
    return { message: `"${unknown.slice(0, 100)}" is not an option of this poll`, field: 'Unknown option' };
  if (new Set(choices).size !== choices.length)
    return { message: 'An option was chosen twice', field: 'Duplicate option' };
  if (poll.kind === 'single' && choices.length !== 1)
    return { message: 'Choose exactly one option', field: 'Choose one' };
  const max = poll.maxChoices ?? poll.options.length;
  if (choices.length > max)
    return { message: `${poll.kind === 'ranked' ? 'Rank' : 'Choose'} at most ${max} options`, field: `At most ${max}` };
  return undefined;
}
