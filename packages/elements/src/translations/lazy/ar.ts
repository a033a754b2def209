/** Arabic for every element, in a chunk of its own (see `../lazy.ts`); `../all.ts` imports it at once. */
import { ar as findTheOthers } from '../../find-the-others/find-the-others.strings.js';
import { ar as list } from '../../initiative-list/initiative-list.strings.js';
import { ar as map } from '../../map/map.strings.js';
import { ar as poll } from '../../poll/poll.strings.js';
import { ar } from '../ar.js';
import { registerLanguage } from '../languages.js';

registerLanguage(ar, poll, findTheOthers, list, map);
