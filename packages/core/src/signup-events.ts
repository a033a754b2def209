/**
 * Events of the "find the others" sign-up. Like every Civic Kit event they fire only on user action;
 * the one before the write is cancelable so a host can handle the sign-up itself.
 */
import { CivicWriteDoneEvent, type WriteDoneInit } from './events.js';
import type { Matches, SignupInput } from './signup-model.js';

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

/** After a sign-up was stored (`matches` set), finally failed or was queued (see `CivicWriteDoneEvent`). */
export class CivicSignupDoneEvent extends CivicWriteDoneEvent {
  static readonly eventName = 'civic-signup-done';
  constructor(
    idempotencyKey: string,
    readonly matches: Matches | undefined,
    init: WriteDoneInit = {},
  ) {
    super(CivicSignupDoneEvent.eventName, idempotencyKey, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-signup': CivicSignupEvent;
    'civic-signup-done': CivicSignupDoneEvent;
  }
}
