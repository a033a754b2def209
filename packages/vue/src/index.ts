/**
 * Civic Kit in Vue 3. The tags are custom elements, so tell Vue's template compiler to leave them to the
 * browser, and import this module once (for its typings) so templates type-check:
 *
 * ```ts
 * import '@civic-kit/elements';
 * import { isCivicElement } from '@civic-kit/vue';
 * createApp(App, …) // with a build tool: vue({ template: { compilerOptions: { isCustomElement: isCivicElement } } })
 * app.config.compilerOptions.isCustomElement = isCivicElement; // with the in-browser compiler
 * ```
 *
 * ```vue
 * <civic-poll poll-id="first-project" @civic-vote="(e) => e.ballot.choices" />
 * ```
 *
 * Vue sets a property when the element has one of the attribute's name and an attribute otherwise: bind
 * objects, and booleans that may be `false`, by property name (`:structuredData="on"`, `:poll="data"`);
 * on `<civic-provider>` choose the data source with `adapterName="memory"`, since its `adapter`
 * property is the adapter object.
 */
import type {
  CivicErrorEvent,
  CivicFindTheOthers,
  CivicInitiativeCard,
  CivicInitiativeList,
  CivicMap,
  CivicMapPin,
  CivicPinSelectEvent,
  CivicPoll,
  CivicProvider,
  CivicSignupDoneEvent,
  CivicSignupEvent,
  CivicSupportDoneEvent,
  CivicSupportEvent,
  CivicVoteDoneEvent,
  CivicVoteEvent,
} from '@civic-kit/elements';
import type { LitElement } from 'lit';
import type { AllowedComponentProps, HTMLAttributes, VNodeProps } from 'vue';

/** For `compilerOptions.isCustomElement`: every `civic-*` tag is a custom element. */
export const isCivicElement = (tag: string): boolean => tag.startsWith('civic-');

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

/** The events each tag fires, by event name (from each class's `@fires`). */
export interface CivicElementEvents {
  'civic-provider': Record<never, never>;
  'civic-initiative-card': {
    'civic-support': CivicSupportEvent;
    'civic-support-done': CivicSupportDoneEvent;
    'civic-error': CivicErrorEvent;
  };
  'civic-initiative-list': { change: Event; 'civic-error': CivicErrorEvent };
  'civic-poll': { 'civic-vote': CivicVoteEvent; 'civic-vote-done': CivicVoteDoneEvent; 'civic-error': CivicErrorEvent };
  'civic-map': { 'civic-pin-select': CivicPinSelectEvent; 'civic-error': CivicErrorEvent };
  'civic-map-pin': Record<never, never>;
  'civic-find-the-others': {
    'civic-signup': CivicSignupEvent;
    'civic-signup-done': CivicSignupDoneEvent;
    'civic-error': CivicErrorEvent;
  };
}

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];
type DataKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/** The properties a page can set on an element (public, writable, not methods, not Lit's own), all optional. */
export type CivicProperties<E> = { [K in Exclude<WritableKeys<E> & DataKeys<E>, keyof LitElement>]?: E[K] };

/** `civic-vote-done` → `CivicVoteDone`. */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>;

/** `@civic-vote` in a template is the `onCivicVote` prop. */
export type CivicEventProps<Tag extends CivicTagName> = {
  [N in keyof CivicElementEvents[Tag] & string as `on${Pascal<N>}`]?: (event: CivicElementEvents[Tag][N]) => void;
};

/** What a tag takes in a template: HTML attributes, the element's properties, its events. */
export type CivicComponentProps<Tag extends CivicTagName> = HTMLAttributes &
  CivicProperties<CivicElementClasses[Tag]> &
  CivicEventProps<Tag> &
  AllowedComponentProps &
  VNodeProps;

/** A custom element as Vue's type-checker sees a component. */
export type CivicComponent<Tag extends CivicTagName> = new () => CivicElementClasses[Tag] & {
  $props: CivicComponentProps<Tag>;
};

type CivicComponents = { [Tag in CivicTagName]: CivicComponent<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends CivicComponents {}
}
