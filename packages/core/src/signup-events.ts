/**
 * Events of the "find the others" sign-up. Like every Civic Kit event they fire only on user action;
 * the one before the write is cancelable so a host can handle the sign-up itself.
 */
import type { CivicError } from './errors.js';
import type { Matches, SignupInput } from './model.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/**
 * Before a sign-up is written (sent, or queued to send when back online). `preventDefault()` stops the
 * adapter write: the host handles `signup` itself.
 */
export class CivicSignupEvent extends Event {
  static readonly eventName = 'civic-signup';
  constructor(
    /** What would be sent: the place already coarsened unless the person chose exact, with the consent receipts. */
    readonly signup: Readonly<SignupInput>,
    /** Kept across retries of this sign-up, so it is stored once. */
    readonly idempotencyKey: string,
  ) {
    super(CivicSignupEvent.eventName, init(true));
  }
}

/**
 * After a sign-up was written (`matches` set), finally failed (`error` set), or could not be sent and waits
 * in the offline queue (`queued`, with the `network` error that put it there).
 */
export class CivicSignupDoneEvent extends Event {
  static readonly eventName = 'civic-signup-done';
  constructor(
    readonly idempotencyKey: string,
    readonly matches: Matches | undefined,
    readonly error: CivicError | undefined,
    readonly queued = false,
  ) {
    super(CivicSignupDoneEvent.eventName, init());
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-signup': CivicSignupEvent;
    'civic-signup-done': CivicSignupDoneEvent;
  }
}
