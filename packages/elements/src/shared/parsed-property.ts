import { toCivicError, type CivicError } from '@civic-kit/core';

/**
 * A data property (`.initiative`, `.poll`) checked once per value a host sets: the same object set
 * again, or read again on every render, is not parsed again. A value that does not parse gives the
 * error that the element shows instead.
 */
export class ParsedProperty<T> {
  private last: { input: unknown; result: T | CivicError } | undefined;

  constructor(private readonly parse: (input: unknown) => T) {}

  of(input: unknown): T | CivicError {
    if (this.last && this.last.input === input) return this.last.result;
    let result: T | CivicError;
    try {
      result = this.parse(input);
    } catch (e) {
      result = toCivicError(e);
    }
    this.last = { input, result };
    return result;
  }

  /** What the last value parsed to, if any was set. */
  get result(): T | CivicError | undefined {
    return this.last?.result;
  }
}
