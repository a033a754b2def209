/** Registers every shipped language of every element (the CDN bundle and the package's main entry). */
import { registerTranslation } from '@civic-kit/core';
import { findTheOthersStrings } from '../find-the-others/find-the-others.strings.js';
import { initiativeListStrings } from '../initiative-list/initiative-list.strings.js';
import { mapStrings } from '../map/map.strings.js';
import { pollStrings } from '../poll/poll.strings.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { registerStrings } from './languages.js';

registerTranslation(en, es, de, fr, ar);
registerStrings(pollStrings);
registerStrings(findTheOthersStrings);
registerStrings(initiativeListStrings);
registerStrings(mapStrings);
