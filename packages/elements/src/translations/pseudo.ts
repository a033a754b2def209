/**
 * A pseudo-locale made from English: every letter accented, vowels doubled (a third longer or more,
 * like German or French) and each string in brackets, so text cut off, overlapping or never translated
 * (no brackets) shows at a glance. Used by stories and tests; no element bundle imports it.
 */
import type { Translation } from '@civic-kit/core';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçðéƒĝĥíĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);
const VOWEL = /[aeiouAEIOU]/;

/** One run of English as pseudo-locale text. */
function accent(text: string): string {
  let out = '';
  for (const c of text) out += VOWEL.test(c) ? ACCENTED[c]!.repeat(2) : (ACCENTED[c] ?? c);
  return out;
}

/** `text` in brackets and accented, leaving `keep` (the values put into a string) as they are. */
export function pseudoText(text: string, keep: readonly string[] = []): string {
  const kept = keep.filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  let out = '';
  let rest = text;
  while (rest) {
    let at = -1;
    let found = '';
    for (const k of kept) {
      const i = rest.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, k];
    }
    if (at < 0) {
      out += accent(rest);
      break;
    }
    out += accent(rest.slice(0, at)) + found;
    rest = rest.slice(at + found.length);
  }
  return `⟦${out}⟧`;
}

/** A whole pseudo-locale (`en-XA` by default) from English tables: strings, and functions of values. */
export function pseudoLocale(tables: readonly object[], code = 'en-XA'): Translation {
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [key, value] of Object.entries(table)) {
      if (key.startsWith('$')) continue;
      if (typeof value === 'string') out[key] = pseudoText(value);
      else if (typeof value === 'function') {
        const fn = value as (...args: unknown[]) => string;
        out[key] = (...args: unknown[]) =>
          pseudoText(
            fn(...args),
            args.filter((a): a is string => typeof a === 'string'),
          );
      }
    }
  }
  return { ...out, $code: code, $name: 'Pseudo-English', $dir: 'ltr' };
}
