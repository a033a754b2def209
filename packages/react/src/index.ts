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
  CivicErrorEvent,
  CivicFindTheOthers as CivicFindTheOthersElement,
  CivicInitiativeCard as CivicInitiativeCardElement,
  CivicInitiativeList as CivicInitiativeListElement,
  CivicMap as CivicMapElement,
  CivicMapPin as CivicMapPinElement,
  CivicPinSelectEvent,
  CivicPoll as CivicPollElement,
  CivicProvider as CivicProviderElement,
  CivicSignupDoneEvent,
  CivicSignupEvent,
  CivicSupportDoneEvent,
  CivicSupportEvent,
  CivicVoteDoneEvent,
  CivicVoteEvent,
} from '@civic-kit/elements';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {} from './jsx.js';

export type * from './element-types.js';
export type { CivicEventProps, CivicIntrinsicElement } from './jsx.js';
export { RENAMED_ATTRIBUTES } from './element-types.js';

const name = <E extends Event>(event: { eventName: string }) => event.eventName as EventName<E>;
const onError = { onCivicError: name<CivicErrorEvent>(CivicErrorEvent) };

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
  events: {
    onCivicSupport: name<CivicSupportEvent>(CivicSupportEvent),
    onCivicSupportDone: name<CivicSupportDoneEvent>(CivicSupportDoneEvent),
    ...onError,
  },
});

/** `<civic-initiative-list>`: `onChange` when the visitor changes a filter or the sort order. */
export const CivicInitiativeList = createComponent({
  react: React,
  tagName: 'civic-initiative-list',
  elementClass: CivicInitiativeListElement,
  displayName: 'CivicInitiativeList',
  events: { onChange: 'change' as EventName<Event>, ...onError },
});

/** `<civic-poll>` */
export const CivicPoll = createComponent({
  react: React,
  tagName: 'civic-poll',
  elementClass: CivicPollElement,
  displayName: 'CivicPoll',
  events: {
    onCivicVote: name<CivicVoteEvent>(CivicVoteEvent),
    onCivicVoteDone: name<CivicVoteDoneEvent>(CivicVoteDoneEvent),
    ...onError,
  },
});

/** `<civic-map>`; declared pins are `<CivicMapPin>` children. */
export const CivicMap = createComponent({
  react: React,
  tagName: 'civic-map',
  elementClass: CivicMapElement,
  displayName: 'CivicMap',
  events: { onCivicPinSelect: name<CivicPinSelectEvent>(CivicPinSelectEvent), ...onError },
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
  events: {
    onCivicSignup: name<CivicSignupEvent>(CivicSignupEvent),
    onCivicSignupDone: name<CivicSignupDoneEvent>(CivicSignupDoneEvent),
    ...onError,
  },
});
