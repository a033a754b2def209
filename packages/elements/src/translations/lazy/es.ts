/** Spanish for every element, in a chunk of its own (see `../lazy.ts`); `../all.ts` imports it at once. */
import { es as findTheOthers } from '../../find-the-others/find-the-others.strings.js';
import { es as list } from '../../initiative-list/initiative-list.strings.js';
import { es as map } from '../../map/map.strings.js';
import { es as poll } from '../../poll/poll.strings.js';
import { es } from '../es.js';
import { registerLanguage } from '../languages.js';

registerLanguage(es, poll, findTheOthers, list, map);
