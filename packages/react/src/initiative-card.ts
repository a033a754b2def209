/**
 * `@civic-kit/react/initiative-card`: `<civic-initiative-card>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicInitiativeCard as CivicInitiativeCardElement } from '@civic-kit/elements/define/civic-initiative-card.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { events } from './events.js';

/** `<civic-initiative-card>` */
export const CivicInitiativeCard = createComponent({
  react: React,
  tagName: 'civic-initiative-card',
  elementClass: CivicInitiativeCardElement,
  displayName: 'CivicInitiativeCard',
  events: events('civic-initiative-card'),
});
