/**
 * `@civic-kit/react/poll`: `<civic-poll>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicPoll as CivicPollElement } from '@civic-kit/elements/define/civic-poll.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { events } from './events.js';

/** `<civic-poll>` */
export const CivicPoll = createComponent({
  react: React,
  tagName: 'civic-poll',
  elementClass: CivicPollElement,
  displayName: 'CivicPoll',
  events: events('civic-poll'),
});
