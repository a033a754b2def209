import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicInitiativeCard } from '../initiative-card/initiative-card.js';
import { en } from '../translations/en.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

registerTranslation(en);
defineElement('civic-initiative-card', CivicInitiativeCard);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/initiative-card`). */
export { CivicInitiativeCard };

declare global {
  interface HTMLElementTagNameMap {
    'civic-initiative-card': CivicInitiativeCard;
  }
}
