import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicMap } from '../map/map.js';
import { en as mapEn } from '../map/map.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';
// The map's pins, and the card its popups and list view show.
import './civic-map-pin.js';
import './civic-initiative-card.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

registerTranslation(en);
registerStrings({ en: mapEn });
defineElement('civic-map', CivicMap);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/map`). */
export { CivicMap };

declare global {
  interface HTMLElementTagNameMap {
    'civic-map': CivicMap;
  }
}
