/** Events of the map. Fired only on user action. */
import type { Initiative } from './model.js';

/** A visitor activated a pin (click, Enter or Space). Cancelable: `preventDefault()` keeps the popup shut. */
export class CivicPinSelectEvent extends Event {
  static readonly eventName = 'civic-pin-select';
  constructor(
    /** The initiative's id, when the pin has one. */
    readonly initiativeId: string | undefined,
    readonly label: string,
    readonly lat: number,
    readonly lng: number,
    /** The initiative itself, when the map has it (pins from the adapter). */
    readonly initiative: Initiative | undefined,
  ) {
    super(CivicPinSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-pin-select': CivicPinSelectEvent;
  }
}
