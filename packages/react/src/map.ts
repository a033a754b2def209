/**
 * `@civic-kit/react/map`: `<civic-map>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicMap as CivicMapElement } from '@civic-kit/elements/define/civic-map.js';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { events } from './events.js';

/** `<civic-map>`; declared pins are `<CivicMapPin>` children. */
export const CivicMap = createComponent({
  react: React,
  tagName: 'civic-map',
  elementClass: CivicMapElement,
  displayName: 'CivicMap',
  events: events('civic-map'),
});
export { CivicMapPin } from './map-pin.js';
