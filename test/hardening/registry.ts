/**
 * Every element the hardening checks cover: one entry per element, each listing how to render it in
 * every state (and, where it applies, how to feed it hostile data). A new element joins every check —
 * strict CSP, axe, XSS corpus, accessibility criteria, privacy, other engines — by adding its entry
 * here. Entries whose tag is not defined on the page are reported as skipped, not passed.
 */
import { findTheOthers } from './elements/find-the-others.js';
import { initiativeCard } from './elements/initiative-card.js';
import { initiativeList } from './elements/initiative-list.js';
import { map_ } from './elements/map.js';
import { poll } from './elements/poll.js';
import { provider } from './elements/provider.js';
import type { ElementHarness } from './types.js';

export const HARNESSES: readonly ElementHarness[] = [
  provider,
  initiativeCard,
  initiativeList,
  poll,
  map_,
  findTheOthers,
];

export type { Built, ElementHarness, ElementState, HostileFeed, Kit, StateContext } from './types.js';
