/**
 * English is built in; every other shipped language is a chunk of its own, fetched once per page when
 * an element's `lang` first asks for it (the element renders once it is here). The CDN bundle and every
 * per-element entry register these loaders; `all.ts` loads every language at once instead.
 */
import { registerTranslationLoader } from '@civic-kit/core';

registerTranslationLoader('es', () => import('./lazy/es.js'));
registerTranslationLoader('de', () => import('./lazy/de.js'));
registerTranslationLoader('fr', () => import('./lazy/fr.js'));
registerTranslationLoader('ar', () => import('./lazy/ar.js'));
