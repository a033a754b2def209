import {
  LocalizeController as BaseLocalizeController,
  registerTranslation as baseRegisterTranslation,
  update,
  type FunctionParams,
  type Translation,
} from '@shoelace-style/localize';
import type { ReactiveControllerHost } from 'lit';

export type { Translation } from '@shoelace-style/localize';

/**
 * The base controller builds an `Intl.Locale` on every `term()`; with thousands of strings on a page
 * that dominated rendering. Look-ups are cached per language, and the cache is emptied whenever a
 * translation is registered (always through this function).
 */
const lookups = new Map<string, unknown>();
const proto = BaseLocalizeController.prototype as unknown as {
  getTranslationData: (this: unknown, lang: string) => unknown;
};
const uncached = proto.getTranslationData;
proto.getTranslationData = function (this: unknown, lang: string) {
  let found = lookups.get(lang);
  if (!found) lookups.set(lang, (found = uncached.call(this, lang)));
  return found;
};

export function registerTranslation(...translations: Translation[]): void {
  lookups.clear();
  baseRegisterTranslation(...translations);
}

/** A host may replace any single string of one element instance (`el.strings = { retry: 'Try again' }`). */
export type StringOverrides = Readonly<Record<string, string | ((...args: never[]) => string)>>;
type Host = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides | undefined };

/** The nearest `lang`/`dir`, walking up through parents and out of shadow roots. */
function nearest(el: Element, attr: 'lang' | 'dir'): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest(`[${attr}]`);
    const value = found?.getAttribute(attr)?.trim();
    if (value && !(attr === 'dir' && value === 'auto')) return value;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

const formatters = new Map<string, unknown>();
function formatter<T, O>(Ctor: new (lang: string, options?: O) => T, lang: string, options?: O): T {
  const key = `${Ctor.name}|${lang}|${options ? JSON.stringify(options) : ''}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = new Ctor(lang, options)));
  return f;
}

// One observer for the whole document: any `lang`/`dir` change re-renders connected elements, so two
// embeds on one page can each follow their own container's language.
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

/**
 * Strings, numbers and dates in the language of the element's nearest `lang` ancestor (across shadow
 * roots), rather than only its own `lang` or `<html lang>` as the base controller reads.
 */
export class LocalizeController<
  T extends Translation = Translation & Record<string, unknown>,
> extends BaseLocalizeController<T> {
  declare host: Host;
  private cachedLang: string | undefined;
  private cachedDir: string | undefined;

  constructor(host: Host) {
    super(host);
    observeDocument();
  }

  hostUpdate(): void {
    this.cachedLang = undefined;
    this.cachedDir = undefined;
  }

  override lang(): string {
    if (this.cachedLang) return this.cachedLang;
    const raw = (nearest(this.host, 'lang') ?? globalThis.navigator?.language ?? 'en').replace(/_/g, '-');
    let lang = 'en';
    try {
      lang = Intl.getCanonicalLocales(raw)[0] ?? 'en';
    } catch {
      /* an invalid tag falls back to English */
    }
    return (this.cachedLang = lang);
  }

  override dir(): string {
    if (this.cachedDir) return this.cachedDir;
    const explicit = nearest(this.host, 'dir')?.toLowerCase();
    return (this.cachedDir =
      explicit === 'rtl' || explicit === 'ltr'
        ? explicit
        : super.exists('$dir', {})
          ? String((super.term as unknown as (k: string) => unknown)('$dir'))
          : 'ltr');
  }

  override term<K extends keyof T>(key: K, ...args: FunctionParams<T[K]>): string {
    const override = this.host.strings?.[key as string];
    if (typeof override === 'string') return override;
    if (typeof override === 'function') return (override as (...a: unknown[]) => string)(...args);
    return super.term(key, ...args);
  }

  // Building an Intl formatter costs far more than using one: a page of cards formats thousands of
  // numbers and dates, so formatters are shared per language and options.
  override number(value: number | string, options?: Intl.NumberFormatOptions): string {
    const n = Number(value);
    return Number.isNaN(n) ? '' : formatter(Intl.NumberFormat, this.lang(), options).format(n);
  }

  override date(value: Date | string, options?: Intl.DateTimeFormatOptions): string {
    return formatter(Intl.DateTimeFormat, this.lang(), options).format(new Date(value));
  }

  /** A list in words: "a, b and c". */
  list(items: readonly string[], type: Intl.ListFormatOptions['type'] = 'conjunction'): string {
    return formatter(Intl.ListFormat, this.lang(), { style: 'long', type }).format(items);
  }
}
