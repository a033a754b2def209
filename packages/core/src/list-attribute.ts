/**
 * The one form of every list attribute (`interests`, `organisations`, `consents`, `tags`, `status`):
 * a JSON array (`interests='[{"id": "food", "label": "Food, farming"}]'`), or the plain form, items
 * separated by commas (`interests="food, energy, repair"`). A value that does not parse is never turned
 * into something else: its items are left out, and `listAttributeProblem` says what is wrong.
 */

export interface ListAttribute {
  /** The items: strings from the plain form, anything from JSON. */
  items: unknown[];
  /** What is wrong with the value, for the console and the element; undefined when it parsed. */
  problem: string | undefined;
}

/** Parse a list attribute's value; `null` (no attribute) is undefined. */
export function parseListAttribute(value: string | null): ListAttribute | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return { items: parsed, problem: undefined };
    } catch {
      // reported below
    }
    return { items: [], problem: 'starts with "[" but is not a JSON array' };
  }
  return {
    items: text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    problem: undefined,
  };
}

/**
 * A Lit converter for a list attribute whose items `read` accepts (returning undefined for an item
 * it cannot use, which is left out); `toAttribute` writes the plain form.
 */
export function listConverter<T>(read: (item: unknown) => T | undefined) {
  return {
    fromAttribute: (value: string | null): T[] | undefined =>
      parseListAttribute(value)?.items.flatMap((item) => {
        const v = read(item);
        return v === undefined ? [] : [v];
      }),
    toAttribute: (value: readonly T[] | undefined): string | null =>
      value?.length ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',') : null,
  };
}

/**
 * What is wrong with a list attribute's value (undefined: nothing): JSON that does not parse, or items
 * `read` cannot use, named one by one.
 */
export function listAttributeProblem(value: string | null, read: (item: unknown) => unknown): string | undefined {
  const parsed = parseListAttribute(value);
  if (!parsed) return undefined;
  if (parsed.problem) return parsed.problem;
  const bad = parsed.items.filter((item) => read(item) === undefined);
  if (!bad.length) return undefined;
  return `cannot use ${bad.map((b) => JSON.stringify(b)).join(', ')} (a JSON array, or items separated by commas)`;
}

/** Items that are non-empty strings (names, ids). */
export const readString = (item: unknown): string | undefined =>
  typeof item === 'string' && item.trim() ? item.trim() : undefined;

/** Items that are ids: strings with no spaces (`"energy food"` is two ids written the old way, not one). */
export const readId = (item: unknown): string | undefined =>
  typeof item === 'string' && /^\S+$/.test(item.trim()) ? item.trim() : undefined;
