/** Registers every shipped language of every element at once (the package's main entry). */
import { en as findTheOthersEn } from '../find-the-others/find-the-others.strings.js';
import { en as listEn } from '../initiative-list/initiative-list.strings.js';
import { en as mapEn } from '../map/map.strings.js';
import { en as pollEn } from '../poll/poll.strings.js';
import { en } from './en.js';
import { registerLanguage } from './languages.js';
import './lazy/es.js';
import './lazy/de.js';
import './lazy/fr.js';
import './lazy/ar.js';

registerLanguage(en, pollEn, findTheOthersEn, listEn, mapEn);
