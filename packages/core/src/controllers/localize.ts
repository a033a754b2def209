/**
 * Strings, numbers and dates in the language of each element's nearest `lang` ancestor (across shadow
 * roots), so two embeds on one page can speak different languages.
 *
 * This replaced @shoelace-style/localize, which reads only the element's own `lang` or `<html lang>`,
 * falls back to the first table ever registered (not to English as merged since), and builds an
 * `Intl.Locale` and an `Intl` formatter on every call — on a page of cards that dominated rendering.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One language's strings: plain strings, or functions of already formatted values. */
export interface Translation {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';
}
type Term = string | ((...args: never[]) => string);
type Args<T> = T extends (...args: infer A) => string ? A : [];

/** A host may replace any single string of one element instance (`el.strings = { retry: 'Try again' }`). */
export type StringOverrides = Readonly<Record<string, string | ((...args: never[]) => string)>>;
type Host = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides | undefined };

// Kept on globalThis under a `Symbol.for` key: two copies of Civic Kit on a page share their strings.
const KEY = Symbol.for('civic-kit.translations');
const g = globalThis as Record<symbol, unknown>;
const tables = (g[KEY] ??= new Map<string, Record<string, unknown>>()) as Map<string, Record<string, unknown>>;
const connected = new Set<ReactiveControllerHost>();

/** Re-render every connected element (after a `lang`/`dir` change or new strings). */
function update(): void {
  for (const host of connected) host.requestUpdate();
}

/** Add strings for a language; tables merge, so each element can register its own. */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) {
    const code = t.$code.toLowerCase();
    tables.set(code, { ...tables.get(code), ...t });
  }
  update();
}

// Languages whose strings come in a chunk of their own, fetched the first time an element needs them.
const loaders = new Map<string, () => Promise<unknown>>();
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();

/**
 * Strings for a language that load when an element first asks for it (`() => import('./de.js')`):
 * the loader registers its tables itself. Ignored for a language already loaded.
 */
export function registerTranslationLoader(code: string, load: () => Promise<unknown>): void {
  const key = code.toLowerCase();
  if (!loaded.has(key)) loaders.set(key, load);
}

/** A language's strings are all registered (a lazily loaded module says so, also when imported eagerly). */
export function translationLoaded(code: string): void {
  const key = code.toLowerCase();
  loaded.add(key);
  loaders.delete(key);
}

/** Start loading the strings of a language (`de-AT`: its own, else `de`'s); the pending load, if any. */
function loadLanguage(lang: string): Promise<void> | undefined {
  if (!loaders.size && !loading.size) return undefined;
  for (const code of [lang.toLowerCase(), lang.split('-')[0]!.toLowerCase()]) {
    const pending = loading.get(code);
    if (pending) return pending;
    const load = loaders.get(code);
    if (!load) continue;
    loaders.delete(code);
    const done = load().then(
      () => translationLoaded(code),
      (error: unknown) =>
        console.error(`Civic Kit: the "${code}" strings could not be loaded; English is shown.`, error),
    );
    loading.set(
      code,
      done.finally(() => {
        loading.delete(code);
        update();
      }),
    );
    return loading.get(code);
  }
  return undefined;
}

/** Resolves once every language that elements asked for so far is loaded (or failed to load). */
export const translationsReady = async (): Promise<void> => {
  await Promise.all(loading.values());
};

/** Which language tables exist, for tests and diagnostics. */
export const registeredLanguages = (): string[] => [...tables.keys()];

/** The nearest `lang`/`dir`, walking up through parents and out of shadow roots. */
function nearest(el: Element, attr: 'lang' | 'dir'): string | undefined {
  let node: Element | null = el;
  while (node) {
    // Server rendering (@lit-labs/ssr) gives an element its own attributes but no tree around it.
    if (typeof node.closest !== 'function') return node.getAttribute?.(attr)?.trim() || undefined;
    const found: Element | null = node.closest(`[${attr}]`);
    const value = found?.getAttribute(attr)?.trim();
    if (value && !(attr === 'dir' && value === 'auto')) return value;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

// One observer for the whole document: any `lang`/`dir` change re-renders connected elements.
let observing = false;
function observeDocument(): void {
  if (observing || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observing = true;
  new MutationObserver(update).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang', 'dir'],
    subtree: true,
  });
}

// `lang` values as written, each with its canonical BCP 47 tag (asked of Intl once per page).
const canonical = new Map<string, string>();

// Building an Intl formatter costs far more than using one: share them per language and options.
const formatters = new Map<string, unknown>();
function formatter<T, O>(Ctor: new (lang: string, options?: O) => T, lang: string, options?: O): T {
  const key = `${Ctor.name}|${lang}|${options ? JSON.stringify(options) : ''}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = new Ctor(lang, options)));
  return f;
}

export class LocalizeController<
  T extends Translation = Translation & Record<string, Term>,
> implements ReactiveController {
  private readonly host: Host;
  private cachedLang: string | undefined;
  private cachedDir: string | undefined;
  private fresh = false;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
    observeDocument();
  }

  hostConnected(): void {
    connected.add(this.host);
  }

  hostDisconnected(): void {
    connected.delete(this.host);
  }

  hostUpdate(): void {
    // Worked out afresh for each update, once: by `languageLoading()` when it ran just before.
    if (!this.fresh) {
      this.cachedLang = undefined;
      this.cachedDir = undefined;
    }
    this.fresh = false;
  }

  /** The element's language: its nearest `lang`, else the browser's, as a canonical BCP 47 tag. */
  lang(): string {
    if (this.cachedLang) return this.cachedLang;
    const raw = (nearest(this.host, 'lang') ?? globalThis.navigator?.language ?? 'en').replace(/_/g, '-');
    let lang = canonical.get(raw);
    if (!lang) {
      try {
        lang = Intl.getCanonicalLocales(raw)[0] ?? 'en';
      } catch {
        lang = 'en'; // an invalid tag falls back to English
      }
      canonical.set(raw, lang);
    }
    void loadLanguage(lang);
    return (this.cachedLang = lang);
  }

  /** While the element's language is still loading, the load; an element waits for it to render. */
  languageLoading(): Promise<void> | undefined {
    if (!loaders.size && !loading.size) return undefined;
    this.cachedLang = undefined;
    this.cachedDir = undefined;
    this.fresh = true;
    return loadLanguage(this.lang());
  }

  /** `ltr` or `rtl`: the nearest `dir`, else the direction of the element's language. */
  dir(): 'ltr' | 'rtl' {
    if (this.cachedDir) return this.cachedDir as 'ltr' | 'rtl';
    const explicit = nearest(this.host, 'dir')?.toLowerCase();
    const lang = this.lang();
    // `ar-EG` is right to left like `ar`: the regional table, else the language's.
    const fromLanguage = (this.table(lang) ?? this.table(lang.split('-')[0]!))?.['$dir'];
    const dir = explicit === 'rtl' || explicit === 'ltr' ? explicit : fromLanguage === 'rtl' ? 'rtl' : 'ltr';
    return (this.cachedDir = dir);
  }

  /** A string: the instance's override, else the element's language (`de-AT`, then `de`), else English. */
  term<K extends keyof T & string>(key: K, ...args: Args<T[K]>): string {
    const lang = this.lang();
    const found =
      this.host.strings?.[key] ??
      this.table(lang)?.[key] ??
      this.table(lang.split('-')[0]!)?.[key] ??
      tables.get('en')?.[key];
    if (typeof found === 'function') return (found as (...a: unknown[]) => string)(...args);
    if (typeof found === 'string') return found;
    console.error(`Civic Kit: no string for "${key}"`);
    return key;
  }

  /** Whether a string exists in the element's language (not counting the English fallback). */
  exists(key: string): boolean {
    const lang = this.lang();
    return this.table(lang)?.[key] !== undefined || this.table(lang.split('-')[0]!)?.[key] !== undefined;
  }

  number(value: number | string, options?: Intl.NumberFormatOptions): string {
    const n = Number(value);
    return Number.isNaN(n) ? '' : formatter(Intl.NumberFormat, this.lang(), options).format(n);
  }

  date(value: Date | string, options?: Intl.DateTimeFormatOptions): string {
    return formatter(Intl.DateTimeFormat, this.lang(), options).format(new Date(value));
  }

  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit, options?: Intl.RelativeTimeFormatOptions): string {
    return formatter(Intl.RelativeTimeFormat, this.lang(), options).format(value, unit);
  }

  /** A list in words: "a, b and c". */
  list(items: readonly string[], type: Intl.ListFormatOptions['type'] = 'conjunction'): string {
    return formatter(Intl.ListFormat, this.lang(), { style: 'long', type }).format(items);
  }

  private table(lang: string): Record<string, unknown> | undefined {
    return tables.get(lang.toLowerCase());
  }
}
