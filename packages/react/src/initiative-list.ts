/**
 * `@civic-kit/react/initiative-list`: `<civic-initiative-list>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicInitiativeList as CivicInitiativeListElement } from '@civic-kit/elements/define/civic-initiative-list.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { events } from './events.js';

/** `<civic-initiative-list>`: `onChange` when the visitor changes a filter or the sort order. */
export const CivicInitiativeList = createComponent({
  react: React,
  tagName: 'civic-initiative-list',
  elementClass: CivicInitiativeListElement,
  displayName: 'CivicInitiativeList',
  events: events('civic-initiative-list'),
});
