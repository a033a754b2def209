/**
 * Small structural checks for Decidim's raw payloads, reporting the first bad field by its dot path
 * (`space.components.0.list.edges.3.node.voteCount`) in the words core's `parseResponse` uses. The
 * mapped result is then checked against the core model itself (`parseInitiative`).
 */
import { CivicError } from '@civic-kit/core';

export type Check<T> = (value: unknown, path: string) => T;
export type Infer<C> = C extends Check<infer T> ? T : never;

class Malformed extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const fail = (path: string, message: string): never => {
  throw new Malformed(path, message);
};
const kind = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);

export const str: Check<string> = (x, p) =>
  typeof x === 'string' ? x : fail(p, `Expected a string but received ${kind(x)}`);
export const bool: Check<boolean> = (x, p) =>
  typeof x === 'boolean' ? x : fail(p, `Expected a boolean but received ${kind(x)}`);
export const num: Check<number> = (x, p) =>
  typeof x === 'number' && Number.isFinite(x) ? x : fail(p, `Expected a number but received ${kind(x)}`);
export const count: Check<number> = (x, p) => {
  const n = num(x, p);
  return Number.isInteger(n) && n >= 0 ? n : fail(p, `Expected a count (a whole number, 0 or more) but received ${n}`);
};
/** A GraphQL `ID`: a string (a number is accepted and made one). */
export const id: Check<string> = (x, p) => {
  if (typeof x === 'number' && Number.isInteger(x)) return String(x);
  const s = str(x, p);
  return s.length >= 1 && s.length <= 200 ? s : fail(p, `Expected an id of 1 to 200 characters`);
};
export const date: Check<string> = (x, p) => {
  const s = str(x, p);
  return Number.isNaN(Date.parse(s)) ? fail(p, `Expected an ISO 8601 date but received "${s.slice(0, 40)}"`) : s;
};

/** `null` or absent is allowed (and kept). */
export const maybe =
  <T>(c: Check<T>): Check<T | null | undefined> =>
  (x, p) =>
    x === null || x === undefined ? x : c(x, p);

export const array =
  <T>(c: Check<T>): Check<T[]> =>
  (x, p) =>
    Array.isArray(x) ? x.map((e, i) => c(e, at(p, i))) : fail(p, `Expected an array but received ${kind(x)}`);

export const object =
  <S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: Infer<S[K]> }> =>
  (x, p) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(p, `Expected an object but received ${kind(x)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const value = shape[key]!((x as Record<string, unknown>)[key], at(p, key));
      if (value !== undefined) out[key] = value;
    }
    return out as { [K in keyof S]: Infer<S[K]> };
  };

/**
 * An element of a list that failed its check, kept in its place so the list goes on without it and
 * the caller can count it (and name the field when the element is asked for by its id).
 */
export class Rejected {
  constructor(
    readonly error: CivicError,
    /** The field and the problem, without the item (`node.voteCount: Expected a count…`), to count by. */
    readonly reason: string,
  ) {}
}

/** `c`, except that a malformed element becomes a `Rejected` instead of failing the whole payload. */
export const orRejected =
  <T>(c: Check<T>, what: string): Check<T | Rejected> =>
  (x, p) => {
    try {
      return c(x, p);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      const raw = (x as { id?: unknown } | null)?.id;
      const itemId = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
      const where = e.path.startsWith(p) ? `node${e.path.slice(p.length)}` : e.path;
      const error = new CivicError(
        'invalid-response',
        `The Decidim ${what}${itemId ? ` ${itemId}` : ''} is malformed at ${where}: ${e.message}`,
      );
      return new Rejected(error, `${where}: ${e.message}`);
    }
  };

/** Check `data`; a malformed payload is `invalid-response` naming the field. */
export function parseDecidim<T>(check: Check<T>, data: unknown, what: string): T {
  try {
    return check(data, '');
  } catch (e) {
    if (e instanceof Malformed)
      throw new CivicError(
        'invalid-response',
        `The backend sent a malformed Decidim ${what} (${e.path || '(root)'}: ${e.message})`,
      );
    throw e;
  }
}
