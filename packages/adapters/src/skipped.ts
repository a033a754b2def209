/**
 * Items of one source that an adapter left out of a page because they cannot be shown, counted by
 * why: they become one `Page.warnings` entry (`skipped`: how many) and one console line for the
 * source, never one per item. See docs/adr/0005-places-without-a-pin-and-skipped-items.md. Kept with
 * the adapters rather than in core: elements never use it, so no page carries it in its main bundle.
 */
import type { CivicError, PageWarning } from '@civic-kit/core';

/** Why an item failed, without where (the part of the message after the field it names). */
export function skipReason(e: CivicError): string {
  const m = / is malformed at [^:]*: (.*)$/s.exec(e.message) ?? / in \S+ \((.*)\)$/s.exec(e.message);
  return m?.[1] ?? e.message;
}

/**
 * Items of one source left out because they cannot be shown, counted by reason: they become one
 * `Page.warnings` entry (`skipped`: how many) and one console line for the source, never one per item.
 */
export class Skipped {
  private readonly reasons = new Map<string, number>();
  count = 0;

  add(reason: string, n = 1): void {
    this.count += n;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + n);
  }

  /** Count a failed item by its error's reason. */
  addError(e: CivicError): void {
    this.add(skipReason(e));
  }

  merge(other: Skipped): void {
    for (const [reason, n] of other.entries()) this.add(reason, n);
  }

  /** `[reason, count]` pairs, e.g. to keep with a cached page. */
  entries(): [reason: string, count: number][] {
    return [...this.reasons];
  }

  /** The warning for `source`, logged once; undefined when nothing was left out. */
  warning(source: string): PageWarning | undefined {
    if (!this.count) return undefined;
    const why = [...this.reasons].map(([r, n]) => `${n} × ${r}`).join('; ');
    const message = `${this.count} item${this.count === 1 ? '' : 's'} left out (${why})`.slice(0, 1000);
    console.warn(`[civic-kit] ${source}: ${message}`);
    return { source, code: 'invalid-response', skipped: this.count, message };
  }
}
