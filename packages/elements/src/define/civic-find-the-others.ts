import { defineElement } from '@civic-kit/core';
import { CivicFindTheOthers } from '../find-the-others/find-the-others.js';
import { en as findTheOthersEn } from '../find-the-others/find-the-others.strings.js';
import { registerStrings } from '../translations/languages.js';
// The results panel shows nearby initiatives as cards.
import './civic-initiative-card.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

registerStrings({ en: findTheOthersEn });
defineElement('civic-find-the-others', CivicFindTheOthers);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/find-the-others`). */
export { CivicFindTheOthers };

declare global {
  interface HTMLElementTagNameMap {
    'civic-find-the-others': CivicFindTheOthers;
  }
}
