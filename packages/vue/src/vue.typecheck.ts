/**
 * Type-level tests, compiled by `pnpm typecheck` (never run): in Vue templates each tag takes its
 * element's props and events (`@civic-vote` is the `onCivicVote` prop) and rejects wrong ones.
 */
import type { CivicAdapter, CivicSupportEvent, CivicVoteEvent } from '@civic-kit/elements';
import type { CivicElementEvents as ReactEvents } from '@civic-kit/react';
import type { GlobalComponents } from 'vue';
import type { CivicElementEvents } from './index.js';
import './index.js';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
declare const adapter: CivicAdapter;
const choices = (e: CivicVoteEvent): readonly string[] => e.ballot.choices;
const supported = (e: CivicSupportEvent): string => e.initiativeId;

export const poll: Props<'civic-poll'> = {
  pollId: 'first-project',
  headingLevel: 2,
  structuredData: true,
  lang: 'es',
  class: 'poll',
  onCivicVote: choices,
  onCivicVoteDone: (e) => e.poll?.question,
  onCivicError: (e) => e.error.code,
};
export const provider: Props<'civic-provider'> = { adapterName: 'memory', adapter, theme: 'dark', voterToken: 't' };
export const list: Props<'civic-initiative-list'> = { near: '51.45,-2.58', tags: ['food'], onChange: (e) => e.type };
export const map: Props<'civic-map'> = { zoom: 12, onCivicPinSelect: (e) => e.lat };
export const pin: Props<'civic-map-pin'> = { lat: 51.45, lng: -2.58, label: 'Repair café' };
export const card: Props<'civic-initiative-card'> = {
  initiativeId: 'repair-cafe',
  onCivicSupport: (e) => e.initiativeId,
};
export const form: Props<'civic-find-the-others'> = { radiusKm: 5, onCivicSignup: (e) => e.signup.radiusKm };

export const wrong: Props<'civic-poll'>[] = [
  // @ts-expect-error: pollId is a string
  { pollId: 42 },
  // @ts-expect-error: no such property
  { pollIdd: 'first-project' },
  // @ts-expect-error: heading levels are 2 to 6
  { headingLevel: 7 },
  // @ts-expect-error: civic-vote carries a CivicVoteEvent, not a CivicSupportEvent
  { onCivicVote: supported },
  // @ts-expect-error: the poll fires no support event
  { onCivicSupport: () => undefined },
];
// @ts-expect-error: theme is light, dark or auto
export const wrongTheme: Props<'civic-provider'> = { theme: 'blue' };

// The events listed here are the ones @civic-kit/react lists (which a test holds to custom-elements.json).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameEvents: Same<CivicElementEvents, ReactEvents> = true;
