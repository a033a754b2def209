/**
 * Every string table, per element and language: what the missing-key test and the pseudo-locale are
 * built from. Imports every language, so only tests, stories and `all.ts`-style entries use it.
 */
import { findTheOthersStrings } from '../find-the-others/find-the-others.strings.js';
import { initiativeListStrings } from '../initiative-list/initiative-list.strings.js';
import { mapStrings } from '../map/map.strings.js';
import { pollStrings } from '../poll/poll.strings.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Language } from './languages.js';
import { pseudoLocale } from './pseudo.js';

/** The shared strings (errors, card) and each element's own, in every shipped language. */
export const STRING_TABLES: Readonly<Record<string, Readonly<Record<Language, object>>>> = {
  'common and card': { en, es, de, fr, ar },
  poll: pollStrings,
  'find-the-others': findTheOthersStrings,
  'initiative-list': initiativeListStrings,
  map: mapStrings,
};

/** `en-XA`: every English string of every element, long and accented (see `pseudo.ts`). */
export const pseudoEnglish = () => pseudoLocale(Object.values(STRING_TABLES).map((t) => t.en));
