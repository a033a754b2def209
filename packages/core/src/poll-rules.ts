/**
 * A poll's rules, the same wherever a poll is served or shown: the memory adapter, the reference
 * server and `<civic-poll>`.
 */
import type { Poll } from './model.js';

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
