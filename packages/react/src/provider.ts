/**
 * `@civic-kit/react/provider`: `<civic-provider>` as a React component, registering only that element (in
 * English; add languages with `@civic-kit/elements/translations/all.js`).
 */
import { CivicProvider as CivicProviderElement } from '@civic-kit/elements/define/civic-provider.js';
import { createComponent } from '@lit/react';
import * as React from 'react';

/** `<civic-provider>`: choose the data source by name with `adapterName` (`"memory"`, `"rest"`…) or pass `adapter`. */
export const CivicProvider = createComponent({
  react: React,
  tagName: 'civic-provider',
  elementClass: CivicProviderElement,
  displayName: 'CivicProvider',
});
