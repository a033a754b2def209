/**
 * Every string table against English, at run time: a key missing in any language (or a string where
 * English has a function) fails here, whatever the types let through. Plus plural forms (Arabic has
 * six), and the pseudo-locale.
 */
import { registerTranslation, LocalizeController } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import './all.js';
import { LANGUAGES, type Language } from './languages.js';
import { pseudoLocale, pseudoText } from './pseudo.js';
import { pseudoEnglish, STRING_TABLES } from './tables.js';

const CODES = Object.keys(LANGUAGES) as Language[];
/** Counts that reach every plural form of the shipped languages (Arabic: zero, one, two, few, many, other). */
const COUNTS = [0, 1, 2, 3, 11, 100, 1001];
class Probe extends LitElement {
  readonly l = new LocalizeController(this);
}
customElements.define('civic-translations-probe', Probe);
/** A probe element under `lang`, to read what the localize controller finds there. */
function probe(lang: string): { l: LocalizeController; remove: () => void } {
  const wrap = document.createElement('div');
  wrap.lang = lang;
  const el = document.createElement('civic-translations-probe') as Probe;
  wrap.append(el);
  document.body.append(wrap);
  return { l: el.l, remove: () => wrap.remove() };
}
const keys = (t: object) => Object.keys(t).filter((k) => !k.startsWith('$'));
const call = (fn: unknown, n: number) =>
  (fn as (...a: unknown[]) => unknown)(n, String(n), String(n), String(n), String(n));

/**
 * Strings the same as English on purpose (the word is the same in that language). Anything else the
 * same as English is an untranslated string.
 */
const SAME_AS_ENGLISH: Partial<Record<Language, readonly string[]>> = {
  es: ['pollErrorPrefix', 'signupErrorPrefix'],
  de: ['mapBasemapAttribution', 'status', 'signupOptional', 'listStatusFilter'],
  fr: ['pollOptions', 'topics', 'statusActive', 'listLabel', 'listDistanceFilter'],
};

describe('translations', () => {
  it('ships every language for every element', () => {
    for (const [element, tables] of Object.entries(STRING_TABLES))
      expect(Object.keys(tables).sort(), element).to.deep.equal([...CODES].sort());
  });

  it('all.ts registers every key of every table in every language', () => {
    for (const code of CODES) {
      const p = probe(code);
      const missing = Object.values(STRING_TABLES)
        .flatMap((t) => keys(t.en))
        .filter((k) => !p.l.exists(k));
      p.remove();
      expect(missing, code).to.deep.equal([]);
    }
  });

  for (const [element, tables] of Object.entries(STRING_TABLES)) {
    describe(element, () => {
      const english = tables.en as Record<string, unknown>;
      for (const code of CODES.filter((c) => c !== 'en')) {
        const table = tables[code] as Record<string, unknown>;

        it(`${code} has every key English has, and no other`, () => {
          const missing = keys(english).filter((k) => table[k] === undefined);
          const extra = keys(table).filter((k) => english[k] === undefined);
          expect(missing, `missing in ${code}`).to.deep.equal([]);
          expect(extra, `only in ${code}`).to.deep.equal([]);
        });

        it(`${code} has a string where English has a string, a function where English has one`, () => {
          const wrong = keys(english).filter((k) => typeof table[k] !== typeof english[k]);
          expect(wrong).to.deep.equal([]);
        });

        it(`${code} is translated (nothing left in English)`, () => {
          const same = keys(english).filter(
            (k) => typeof english[k] === 'string' && table[k] === english[k] && !SAME_AS_ENGLISH[code]?.includes(k),
          );
          expect(same).to.deep.equal([]);
        });
      }

      it('every string of every language is non-empty text for every count', () => {
        const bad: string[] = [];
        for (const code of CODES) {
          const table = tables[code] as Record<string, unknown>;
          for (const k of keys(table)) {
            for (const n of typeof table[k] === 'function' ? COUNTS : [0]) {
              const out = typeof table[k] === 'function' ? call(table[k], n) : table[k];
              if (typeof out !== 'string' || !out.trim() || /undefined|NaN|\[object /.test(out))
                bad.push(`${code}.${k}(${n}) = ${String(out)}`);
            }
          }
        }
        expect(bad).to.deep.equal([]);
      });
    });
  }

  describe('plurals', () => {
    const ar = (element: string) => STRING_TABLES[element]!.ar as Record<string, unknown>;
    const forms = (fn: unknown) =>
      new Set([0, 1, 2, 3, 11, 100].map((n) => call(fn, n) as string).map((s) => s.replace(/\d+/g, '#')));

    it('Arabic counts use all six forms (zero, one, two, few, many, other)', () => {
      expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).to.have.length(6);
      // Written without vowel marks, "many" (11–99) and "other" (100…) can look the same.
      for (const [element, key, count] of [
        ['poll', 'pollVoters', 6],
        ['poll', 'pollVotes', 6],
        ['poll', 'pollExhausted', 5],
        ['common and card', 'supporters', 5],
      ] as const)
        expect(forms(ar(element)[key]).size, `${element}.${key}`).to.equal(count);
    });

    it('Arabic counts say one and two in words, and write the number for the rest', () => {
      const supporters = ar('common and card')['supporters'] as (n: number, f: string) => string;
      expect(supporters(1, '١')).not.to.match(/[0-9١]/);
      expect(supporters(2, '٢')).not.to.match(/[0-9٢]/);
      expect(supporters(3, '٣')).to.contain('٣');
      expect(supporters(11, '١١')).to.contain('١١');
      expect(supporters(100, '١٠٠')).to.contain('١٠٠');
      expect(supporters(3, '٣')).not.to.equal(supporters(11, '١١').replace('١١', '٣'));
    });

    it('every counted string follows the language’s plural rules (same category, same words)', () => {
      // Zero may have words of its own ("Nobody has voted yet"), whatever its category.
      const counts = [1, 2, 3, 5, 10, 11, 21, 99, 100, 101, 102, 103, 111, 1000, 1_000_000];
      const bad: string[] = [];
      for (const [element, tables] of Object.entries(STRING_TABLES))
        for (const code of CODES) {
          const rules = new Intl.PluralRules(code);
          const table = tables[code] as Record<string, unknown>;
          for (const [k, fn] of Object.entries(table)) {
            if (typeof fn !== 'function') continue;
            const seen = new Map<string, [number, string]>();
            for (const n of counts) {
              const words = (call(fn, n) as string).replaceAll(String(n), '#');
              const category = rules.select(n);
              const before = seen.get(category);
              if (!before) seen.set(category, [n, words]);
              else if (before[1] !== words)
                bad.push(`${element} ${code}.${k}: ${before[0]} and ${n} are both "${category}" but read differently`);
            }
          }
        }
      expect(bad).to.deep.equal([]);
    });

    it('English, Spanish, German and French tell one from many', () => {
      for (const code of ['en', 'es', 'de', 'fr'] as const) {
        const poll = STRING_TABLES['poll']![code] as Record<string, unknown>;
        const one = call(poll['pollVoters'], 1) as string;
        const many = (call(poll['pollVoters'], 5) as string).replace('5', '1');
        expect(one, code).not.to.equal(many);
      }
    });
  });

  describe('the pseudo-locale', () => {
    it('lengthens and accents every string, keeping the values put into it', () => {
      expect(pseudoText('Vote')).to.equal('⟦Ṽööţéé⟧');
      expect(pseudoText('Move Benches up', ['Benches'])).to.equal('⟦Ṁööṽéé Benches ûûþ⟧');
      const table = pseudoEnglish() as unknown as Record<string, unknown>;
      const english = Object.assign({}, ...Object.values(STRING_TABLES).map((t) => t.en)) as Record<string, unknown>;
      expect(keys(table).sort()).to.deep.equal(keys(english).sort());
      for (const k of keys(english)) {
        const out = typeof table[k] === 'function' ? (call(table[k], 7) as string) : (table[k] as string);
        const plain = typeof english[k] === 'function' ? (call(english[k], 7) as string) : (english[k] as string);
        expect(out, k).to.match(/^⟦.*⟧$/s);
        expect(out.length, k).to.be.greaterThan(plain.length);
      }
    });

    it('is picked by an element under lang="en-XA"', async () => {
      registerTranslation(pseudoLocale([{ retry: 'Try again' }], 'en-XA'));
      const p = probe('en-XA');
      expect(p.l.term('retry')).to.equal('⟦Ţŕý ááĝááííñ⟧');
      p.remove();
    });
  });
});
