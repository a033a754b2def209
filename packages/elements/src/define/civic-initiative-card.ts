import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicInitiativeCard } from '../initiative-card/initiative-card.js';
import { en } from '../translations/en.js';

registerTranslation(en);
defineElement('civic-initiative-card', CivicInitiativeCard);

declare global {
  interface HTMLElementTagNameMap {
    'civic-initiative-card': CivicInitiativeCard;
  }
}
