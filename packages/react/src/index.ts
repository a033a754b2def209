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
import type {} from './jsx.js';

export type * from './element-types.js';
export type { CivicEventProps, CivicIntrinsicElement } from './jsx.js';
export { CIVIC_EVENTS, RENAMED_ATTRIBUTES } from './element-types.js';
export type { CivicReactEvents } from './events.js';
export { CivicProvider } from './provider.js';
export { CivicInitiativeCard } from './initiative-card.js';
export { CivicInitiativeList } from './initiative-list.js';
export { CivicPoll } from './poll.js';
export { CivicMap } from './map.js';
export { CivicMapPin } from './map-pin.js';
export { CivicFindTheOthers } from './find-the-others.js';
