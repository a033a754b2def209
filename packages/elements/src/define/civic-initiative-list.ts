import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicInitiativeList } from '../initiative-list/initiative-list.js';
import { en as listEn } from '../initiative-list/initiative-list.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

registerTranslation(en);
registerStrings({ en: listEn });
defineElement('civic-initiative-list', CivicInitiativeList);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/initiative-list`). */
export { CivicInitiativeList };

declare global {
  interface HTMLElementTagNameMap {
    'civic-initiative-list': CivicInitiativeList;
  }
}
