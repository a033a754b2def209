/** The `on…` props of a wrapper, from the events its element fires. */
import type { EventName } from '@lit/react';
import { CIVIC_EVENTS, type CivicElementEvents, type CivicTagName } from './element-types.js';

/** `civic-vote-done` → `CivicVoteDone`. */
type Pascal<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Pascal<T>}` : Capitalize<S>;
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());

/** A wrapper's event props: `onCivicVote` for `civic-vote`, `onChange` for `change`. */
export type CivicReactEvents<Tag extends CivicTagName> = {
  [N in keyof CivicElementEvents[Tag] & string as `on${Pascal<N>}`]: EventName<CivicElementEvents[Tag][N]>;
};
export const events = <Tag extends CivicTagName>(tag: Tag) =>
  Object.fromEntries(Object.keys(CIVIC_EVENTS[tag]).map((n) => [`on${pascal(n)}`, n])) as CivicReactEvents<Tag>;
