/**
 * The Civic Kit elements as React components, made by `@lit/react`: props are set as properties,
 * events arrive through typed `on…` props.
 *
 * ```tsx
 * import { CivicProvider, CivicPoll } from '@civic-kit/react';
 * <CivicProvider adapterName="memory">
 *   <CivicPoll pollId="first-project" onCivicVote={(e) => console.log(e.ballot.choices)} />
 * </CivicProvider>
 * ```
 *
 * Importing this module registers every tag (in every shipped language) and brings the JSX typings of
 * the plain tags (`<civic-poll poll-id="…">`).
 */
import '@civic-kit/elements';
import {
  CivicFindTheOthers as CivicFindTheOthersElement,
  CivicInitiativeCard as CivicInitiativeCardElement,
  CivicInitiativeList as CivicInitiativeListElement,
  CivicMap as CivicMapElement,
  CivicMapPin as CivicMapPinElement,
  CivicPoll as CivicPollElement,
  CivicProvider as CivicProviderElement,
} from '@civic-kit/elements';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CIVIC_EVENTS, type CivicElementEvents, type CivicTagName } from './element-types.js';
import type {} from './jsx.js';

export type * from './element-types.js';
export type { CivicEventProps, CivicIntrinsicElement } from './jsx.js';
export { CIVIC_EVENTS, RENAMED_ATTRIBUTES } from './element-types.js';

/** `civic-vote-done` → `CivicVoteDone`. */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>;
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());

/** A wrapper's event props: `onCivicVote` for `civic-vote`, `onChange` for `change`. */
export type CivicReactEvents<Tag extends CivicTagName> = {
  [N in keyof CivicElementEvents[Tag] & string as `on${Pascal<N>}`]: EventName<CivicElementEvents[Tag][N]>;
};
const events = <Tag extends CivicTagName>(tag: Tag) =>
  Object.fromEntries(Object.keys(CIVIC_EVENTS[tag]).map((n) => [`on${pascal(n)}`, n])) as CivicReactEvents<Tag>;

/** `<civic-provider>`: choose the data source by name with `adapterName` (`"memory"`, `"rest"`…) or pass `adapter`. */
export const CivicProvider = createComponent({
  react: React,
  tagName: 'civic-provider',
  elementClass: CivicProviderElement,
  displayName: 'CivicProvider',
});

/** `<civic-initiative-card>` */
export const CivicInitiativeCard = createComponent({
  react: React,
  tagName: 'civic-initiative-card',
  elementClass: CivicInitiativeCardElement,
  displayName: 'CivicInitiativeCard',
  events: events('civic-initiative-card'),
});

/** `<civic-initiative-list>`: `onChange` when the visitor changes a filter or the sort order. */
export const CivicInitiativeList = createComponent({
  react: React,
  tagName: 'civic-initiative-list',
  elementClass: CivicInitiativeListElement,
  displayName: 'CivicInitiativeList',
  events: events('civic-initiative-list'),
});

/** `<civic-poll>` */
export const CivicPoll = createComponent({
  react: React,
  tagName: 'civic-poll',
  elementClass: CivicPollElement,
  displayName: 'CivicPoll',
  events: events('civic-poll'),
});

/** `<civic-map>`; declared pins are `<CivicMapPin>` children. */
export const CivicMap = createComponent({
  react: React,
  tagName: 'civic-map',
  elementClass: CivicMapElement,
  displayName: 'CivicMap',
  events: events('civic-map'),
});

/** `<civic-map-pin>` */
export const CivicMapPin = createComponent({
  react: React,
  tagName: 'civic-map-pin',
  elementClass: CivicMapPinElement,
  displayName: 'CivicMapPin',
});

/** `<civic-find-the-others>` */
export const CivicFindTheOthers = createComponent({
  react: React,
  tagName: 'civic-find-the-others',
  elementClass: CivicFindTheOthersElement,
  displayName: 'CivicFindTheOthers',
  events: events('civic-find-the-others'),
});
