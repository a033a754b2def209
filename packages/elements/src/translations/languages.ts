import { registerTranslation } from '@civic-kit/core';

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
 * Register one element's strings. Define files register English only (so a one-element embed stays
 * small); `translations/all.ts` registers every language. Strings merge into one table per language.
 */
export function registerStrings(strings: Readonly<Record<Language, object>>, only?: readonly Language[]): void {
  for (const code of only ?? (Object.keys(LANGUAGES) as Language[])) {
    registerTranslation({ $code: code, ...LANGUAGES[code], ...strings[code] });
  }
}
