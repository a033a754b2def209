import { css } from 'lit';
import { CivicError } from './errors.js';
import { CivicErrorEvent } from './events.js';

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

const problems = new WeakMap<Element, Map<string, string>>();

/**
 * Checks an element's list attribute against the one list form. A value that does not parse, or holds
 * items `read` cannot use, is reported in the console, as a `civic-error` event (`misconfigured`) and
 * on the element itself (`data-civic-problem`, which `listProblemStyles` shows above its content) until the
 * attribute is fixed.
 */
export function checkListAttribute(el: Element, name: string, read: (item: unknown) => unknown): void {
  const problem = listAttributeProblem(el.getAttribute(name), read);
  const message = problem && `<${el.localName}> ${name}: ${problem}`;
  const mine = problems.get(el) ?? new Map<string, string>();
  problems.set(el, mine);
  if (message === mine.get(name)) return;
  if (message) {
    mine.set(name, message);
    console.warn(message);
    el.dispatchEvent(new CivicErrorEvent(new CivicError('misconfigured', message)));
  } else mine.delete(name);
  if (mine.size) el.setAttribute('data-civic-problem', [...mine.values()].join('\n'));
  else el.removeAttribute('data-civic-problem');
}

/** Shows `data-civic-problem` above the element's content: in the `styles` of an element with list attributes. */
export const listProblemStyles = css`
  :host([data-civic-problem])::before {
    content: attr(data-civic-problem);
    display: block;
    margin-block-end: 0.5em;
    padding: 0.5em;
    border: 2px solid currentColor;
    white-space: pre-line;
  }
`;
