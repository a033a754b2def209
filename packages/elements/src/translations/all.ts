/** Registers every shipped language (the CDN bundle and the package's main entry import this). */
import { registerTranslation } from '@civic-kit/core';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

registerTranslation(en, es, de, fr, ar);
