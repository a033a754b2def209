/** German for every element, in a chunk of its own (see `../lazy.ts`); `../all.ts` imports it at once. */
import { de as findTheOthers } from '../../find-the-others/find-the-others.strings.js';
import { de as list } from '../../initiative-list/initiative-list.strings.js';
import { de as map } from '../../map/map.strings.js';
import { de as poll } from '../../poll/poll.strings.js';
import { de } from '../de.js';
import { registerLanguage } from '../languages.js';

registerLanguage(de, poll, findTheOthers, list, map);
