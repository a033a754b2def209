import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicPoll } from '../poll/poll.js';
import { en as pollEn } from '../poll/poll.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';
// Other languages than English load when a `lang` asks for them.
import '../translations/lazy.js';

// English built in, so a one-element embed stays small; other languages are chunks of their own.
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
