/**
 * Events of a vote in a poll. Fired only on user action (or on delivery of a vote the person cast
 * earlier), never on a programmatic property change.
 */
import { CivicWriteDoneEvent, type WriteDoneInit } from './events.js';
import type { Ballot, Poll } from './poll-model.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });
/** A ballot as events carry it: a frozen copy, so a listener cannot change what is sent. */
export interface ReadonlyBallot {
  readonly choices: readonly string[];
}
const frozen = (ballot: Ballot): ReadonlyBallot => Object.freeze({ choices: Object.freeze([...ballot.choices]) });

/**
 * Before a ballot is written. `preventDefault()` stops the adapter write: the host then sends the
 * ballot itself (with `idempotencyKey`, reused on a retry) and sets the poll's new state.
 */
export class CivicVoteEvent extends Event {
  static readonly eventName = 'civic-vote';
  readonly ballot: ReadonlyBallot;
  constructor(
    readonly pollId: string,
    ballot: Ballot,
    /** One key per ballot, the same on every retry of it: a backend counts it once. */
    readonly idempotencyKey: string,
    /** Whether this ballot replaces one the voter cast before. */
    readonly change: boolean,
  ) {
    super(CivicVoteEvent.eventName, init(true));
    this.ballot = frozen(ballot);
  }
}

/** After a ballot was counted (`poll`: the poll as the backend now reports it), finally failed or was queued (see `CivicWriteDoneEvent`). */
export class CivicVoteDoneEvent extends CivicWriteDoneEvent {
  static readonly eventName = 'civic-vote-done';
  readonly ballot: ReadonlyBallot;
  constructor(
    readonly pollId: string,
    ballot: Ballot,
    idempotencyKey: string,
    readonly poll: Poll | undefined,
    init: WriteDoneInit = {},
  ) {
    super(CivicVoteDoneEvent.eventName, idempotencyKey, init);
    this.ballot = frozen(ballot);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-vote': CivicVoteEvent;
    'civic-vote-done': CivicVoteDoneEvent;
  }
}
