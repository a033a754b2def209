/**
 * What can be set on each Civic Kit tag, derived from the element classes so it cannot drift from
 * them: every public, writable, non-method property that the element adds to `HTMLElement` (its own
 * and `strings`/`adapter` from the base classes), and the events it fires (each class's `@fires`;
 * a test holds the two lists to custom-elements.json).
 */
// Event classes from core (no side effects), element classes as types only: a per-element entry
// (`@civic-kit/react/poll`) must not pull in `@civic-kit/elements`' main entry, which registers every tag.
import {
  CivicErrorEvent,
  CivicPinSelectEvent,
  CivicSignupDoneEvent,
  CivicSignupEvent,
  CivicSupportDoneEvent,
  CivicSupportEvent,
  CivicVoteDoneEvent,
  CivicVoteEvent,
} from '@civic-kit/core';
import type {
  CivicFindTheOthers,
  CivicInitiativeCard,
  CivicInitiativeList,
  CivicMap,
  CivicMapPin,
  CivicPoll,
  CivicProvider,
} from '@civic-kit/elements';
import type { LitElement } from 'lit';

/** Each tag's element class. */
export interface CivicElementClasses {
  'civic-provider': CivicProvider;
  'civic-initiative-card': CivicInitiativeCard;
  'civic-initiative-list': CivicInitiativeList;
  'civic-poll': CivicPoll;
  'civic-map': CivicMap;
  'civic-map-pin': CivicMapPin;
  'civic-find-the-others': CivicFindTheOthers;
}
export type CivicTagName = keyof CivicElementClasses;

/** The events each tag fires (its class's `@fires`), by event name, with the class of each. */
export const CIVIC_EVENTS = {
  'civic-provider': {},
  'civic-initiative-card': {
    'civic-support': CivicSupportEvent,
    'civic-support-done': CivicSupportDoneEvent,
    'civic-error': CivicErrorEvent,
  },
  'civic-initiative-list': { change: Event, 'civic-error': CivicErrorEvent },
  'civic-poll': { 'civic-vote': CivicVoteEvent, 'civic-vote-done': CivicVoteDoneEvent, 'civic-error': CivicErrorEvent },
  'civic-map': { 'civic-pin-select': CivicPinSelectEvent, 'civic-error': CivicErrorEvent },
  'civic-map-pin': {},
  'civic-find-the-others': {
    'civic-signup': CivicSignupEvent,
    'civic-signup-done': CivicSignupDoneEvent,
    'civic-error': CivicErrorEvent,
  },
} as const satisfies { [Tag in CivicTagName]: Record<string, abstract new (...args: never[]) => Event> };

type Instance<C> = C extends abstract new (...args: never[]) => infer E ? (E extends Event ? E : never) : never;
/** The events each tag fires, by event name. */
export type CivicElementEvents = {
  [Tag in CivicTagName]: { -readonly [N in keyof (typeof CIVIC_EVENTS)[Tag]]: Instance<(typeof CIVIC_EVENTS)[Tag][N]> };
};

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];
type DataKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/** Names of the properties a page can set on an element. */
export type PropertyName<E> = Exclude<WritableKeys<E> & DataKeys<E>, keyof LitElement>;
/** The properties a page can set on an element, all optional. */
export type CivicProperties<E> = { [K in PropertyName<E>]?: E[K] };

/** `headingLevel` → `heading-level`. */
export type KebabCase<S extends string> = S extends `${infer H}${infer T}`
  ? T extends Uncapitalize<T>
    ? `${Lowercase<H>}${KebabCase<T>}`
    : `${Lowercase<H>}-${KebabCase<T>}`
  : S;

/**
 * Properties whose attribute is not their name in kebab case. Those are set through the property in
 * frameworks: React and Vue set a property whenever the element has one of the attribute's name, and
 * `<civic-provider>`'s `adapter` property is the adapter object.
 */
export const RENAMED_ATTRIBUTES = { 'civic-provider': { adapterName: 'adapter' } } as const;
type Renamed<Tag> = Tag extends keyof typeof RENAMED_ATTRIBUTES ? keyof (typeof RENAMED_ATTRIBUTES)[Tag] : never;

/** What an attribute's string can say for a property of type `T`. */
export type AttributeValue<T> = [NonNullable<T>] extends [boolean]
  ? boolean
  : NonNullable<T> extends number
    ? NonNullable<T> | `${NonNullable<T>}`
    : NonNullable<T> extends string
      ? NonNullable<T>
      : string;

/**
 * The attributes of an element whose names differ from their properties (`poll-id`,
 * `heading-level`…). One-word names are both, and are typed as the property.
 */
export type CivicAttributes<Tag extends CivicTagName, E = CivicElementClasses[Tag]> = {
  [
    K in Exclude<PropertyName<E>, Renamed<Tag>> as K extends string
      ? KebabCase<K> extends K
        ? never
        : KebabCase<K>
      : never
  ]?: K extends keyof E ? AttributeValue<E[K]> : never;
};
