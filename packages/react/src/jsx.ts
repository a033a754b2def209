/**
 * JSX typings for the plain tags in React 19, which sets a property when the element has one of the
 * prop's name, an attribute otherwise, and listens for `on<event-name>` props:
 *
 * ```tsx
 * import type {} from '@civic-kit/react/jsx';
 * <civic-poll poll-id="first-project" heading-level={2} oncivic-vote={(e) => e.ballot.choices} />
 * ```
 *
 * Importing `@civic-kit/react` (the wrapper components) brings these typings too.
 */
import type { HTMLAttributes, DetailedHTMLProps } from 'react';
import type {
  CivicAttributes,
  CivicElementClasses,
  CivicElementEvents,
  CivicProperties,
  CivicTagName,
} from './element-types.js';

/** `oncivic-vote`, `onchange`…: React 19 adds these as event listeners on a custom element. */
export type CivicEventProps<Tag extends CivicTagName> = {
  [N in keyof CivicElementEvents[Tag] & string as `on${N}`]?: (event: CivicElementEvents[Tag][N]) => void;
};

/** Everything a tag takes in JSX: React's HTML attributes, the element's properties and attributes, its events. */
export type CivicIntrinsicElement<Tag extends CivicTagName> = DetailedHTMLProps<
  HTMLAttributes<CivicElementClasses[Tag]>,
  CivicElementClasses[Tag]
> &
  CivicProperties<CivicElementClasses[Tag]> &
  CivicAttributes<Tag> &
  CivicEventProps<Tag>;

type CivicIntrinsicElements = { [Tag in CivicTagName]: CivicIntrinsicElement<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CivicIntrinsicElements {}
  }
}
