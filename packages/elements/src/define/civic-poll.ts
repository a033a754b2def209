import { defineElement, registerTranslation } from '@civic-kit/core';
import { CivicPoll } from '../poll/poll.js';
import { pollStrings } from '../poll/poll.strings.js';
import { en } from '../translations/en.js';
import { registerStrings } from '../translations/languages.js';

// English only here, so a one-element embed stays small; `translations/all.ts` registers the rest.
registerTranslation(en);
registerStrings(pollStrings, ['en']);
defineElement('civic-poll', CivicPoll);

declare global {
  interface HTMLElementTagNameMap {
    'civic-poll': CivicPoll;
  }
}
