import { registerTranslation, translationLoaded, type Translation } from '@civic-kit/core';

/** The languages every element ships in; a string table per element must cover each of them. */
export const LANGUAGES = {
  en: { $name: 'English', $dir: 'ltr' },
  es: { $name: 'Español', $dir: 'ltr' },
  de: { $name: 'Deutsch', $dir: 'ltr' },
  fr: { $name: 'Français', $dir: 'ltr' },
  ar: { $name: 'العربية', $dir: 'rtl' },
} as const;
export type Language = keyof typeof LANGUAGES;

/**
 * Register one element's strings for the languages given. Define files register English only —
 * importing just the English table, so a one-element embed does not carry every language —
 * and `translations/all.ts` registers them all. Strings merge into one table per language.
 */
export function registerStrings(
  strings: Readonly<Partial<Record<Language, object>>>,
  only?: readonly Language[],
): void {
  for (const [code, table] of Object.entries(strings) as [Language, object][]) {
    if (!only || only.includes(code)) registerTranslation({ $code: code, ...LANGUAGES[code], ...table });
  }
}

/**
 * Register every string of one language at once: the shared table (with its `$code`) and each
 * element's table for that language, then mark the language loaded (no lazy chunk fetches it again).
 */
export function registerLanguage(common: Translation, ...elements: object[]): void {
  registerTranslation(Object.assign({}, common, ...elements) as Translation);
  translationLoaded(common.$code);
}
