/**
 * Typed events. Fired only on user action, never on a programmatic property change; those fired
 * before a write are cancelable so a host can handle the action itself.
 */
import type { CivicError } from './errors.js';
import type { Initiative } from './model.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** Before an initiative is supported. `preventDefault()` stops the adapter write. */
export class CivicSupportEvent extends Event {
  static readonly eventName = 'civic-support';
  constructor(
    readonly initiativeId: string,
    readonly idempotencyKey: string,
  ) {
    super(CivicSupportEvent.eventName, init(true));
  }
}

/** What every "done" event of a write says, with the same meaning for a vote, a sign-up and a support. */
export interface WriteDoneInit {
  /** The write waits in this browser's queue now (with the `error` that put it there). */
  queued?: boolean;
  /** The write had waited in the queue and has now been sent from it. */
  delivered?: boolean;
  /** Why it waits (`queued`), or why it finally failed (not `queued`). */
  error?: CivicError | undefined;
}

/**
 * The base of `civic-vote-done`, `civic-signup-done` and `civic-support-done`: after a write was
 * counted, finally failed (`error` set, `queued` false), or could not be sent and waits in the queue
 * (`queued`). A write sent later from the queue fires the event again with `delivered`.
 */
export class CivicWriteDoneEvent extends Event {
  readonly queued: boolean;
  readonly delivered: boolean;
  readonly error: CivicError | undefined;
  constructor(
    type: string,
    /** The write's idempotency key, the same on every retry of it. */
    readonly idempotencyKey: string,
    init: WriteDoneInit = {},
  ) {
    super(type, { bubbles: true, composed: true });
    this.queued = init.queued === true;
    this.delivered = init.delivered === true;
    this.error = init.error;
  }
}

/** After a support was counted (`initiative` set), finally failed, or was queued (see `CivicWriteDoneEvent`). */
export class CivicSupportDoneEvent extends CivicWriteDoneEvent {
  static readonly eventName = 'civic-support-done';
  constructor(
    readonly initiativeId: string,
    idempotencyKey: string,
    readonly initiative: Initiative | undefined,
    init: WriteDoneInit = {},
  ) {
    super(CivicSupportDoneEvent.eventName, idempotencyKey, init);
  }
}

/** An element could not load or show its data (adapter failure or malformed data). */
export class CivicErrorEvent extends Event {
  static readonly eventName = 'civic-error';
  constructor(readonly error: CivicError) {
    super(CivicErrorEvent.eventName, init());
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-support': CivicSupportEvent;
    'civic-support-done': CivicSupportDoneEvent;
    'civic-error': CivicErrorEvent;
  }
}
