import { defineElement } from '@civic-kit/core';
import { CivicMapPin } from '../map-pin/map-pin.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

defineElement('civic-map-pin', CivicMapPin);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/map-pin`). */
export { CivicMapPin };

declare global {
  interface HTMLElementTagNameMap {
    'civic-map-pin': CivicMapPin;
  }
}
