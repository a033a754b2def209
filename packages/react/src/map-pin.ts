/**
 * `@civic-kit/react/map-pin`: `<civic-map-pin>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicMapPin as CivicMapPinElement } from '@civic-kit/elements/define/civic-map-pin.js';
import { createComponent } from '@lit/react';
import * as React from 'react';

/** `<civic-map-pin>` */
export const CivicMapPin = createComponent({
  react: React,
  tagName: 'civic-map-pin',
  elementClass: CivicMapPinElement,
  displayName: 'CivicMapPin',
});
