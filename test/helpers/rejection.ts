import type { CivicError } from '@civic-kit/core';

/** What `p` rejects with (a test fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<CivicError> {
  try {
    await p;
  } catch (e) {
    return e as CivicError;
  }
  throw new Error('expected a rejection');
}
