import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicPoll } from '../poll/poll.js';
import { en as pollEn } from '../poll/poll.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';

// English only here, so a one-element embed stays small; `translations/all.ts` registers the rest.
registerTranslation(en);
registerStrings({ en: pollEn });
defineElement('civic-poll', CivicPoll);

/** The class, for wrappers that register this one element (such as `@civic-kit/react/poll`). */
export { CivicPoll };

declare global {
  interface HTMLElementTagNameMap {
    'civic-poll': CivicPoll;
  }
}
