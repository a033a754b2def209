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

/** After a support write succeeded (`initiative` set) or finally failed (`error` set). */
export class CivicSupportDoneEvent extends Event {
  static readonly eventName = 'civic-support-done';
  constructor(
    readonly initiativeId: string,
    readonly initiative: Initiative | undefined,
    readonly error: CivicError | undefined,
  ) {
    super(CivicSupportDoneEvent.eventName, init());
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
