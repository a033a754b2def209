import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicInitiativeList } from '../initiative-list/initiative-list.js';
import { initiativeListStrings } from '../initiative-list/initiative-list.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';

registerTranslation(en);
registerStrings(initiativeListStrings, ['en']);
defineElement('civic-initiative-list', CivicInitiativeList);

declare global {
  interface HTMLElementTagNameMap {
    'civic-initiative-list': CivicInitiativeList;
  }
}
