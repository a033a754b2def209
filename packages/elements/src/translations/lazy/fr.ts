/** French for every element, in a chunk of its own (see `../lazy.ts`); `../all.ts` imports it at once. */
import { fr as findTheOthers } from '../../find-the-others/find-the-others.strings.js';
import { fr as list } from '../../initiative-list/initiative-list.strings.js';
import { fr as map } from '../../map/map.strings.js';
import { fr as poll } from '../../poll/poll.strings.js';
import { fr } from '../fr.js';
import { registerLanguage } from '../languages.js';

registerLanguage(fr, poll, findTheOthers, list, map);
