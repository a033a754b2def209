/**
 * `@civic-kit/react/find-the-others`: `<civic-find-the-others>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicFindTheOthers as CivicFindTheOthersElement } from '@civic-kit/elements/define/civic-find-the-others.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { events } from './events.js';

/** `<civic-find-the-others>` */
export const CivicFindTheOthers = createComponent({
  react: React,
  tagName: 'civic-find-the-others',
  elementClass: CivicFindTheOthersElement,
  displayName: 'CivicFindTheOthers',
  events: events('civic-find-the-others'),
});
