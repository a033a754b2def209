import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicInitiativeList } from '../initiative-list/initiative-list.js';
import { en as listEn } from '../initiative-list/initiative-list.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';

registerTranslation(en);
registerStrings({ en: listEn });
defineElement('civic-initiative-list', CivicInitiativeList);

declare global {
  interface HTMLElementTagNameMap {
    'civic-initiative-list': CivicInitiativeList;
  }
}
