/** Every failure an adapter reports is a `CivicError` with one of these codes. */
export const CIVIC_ERROR_CODES = [
  'network',
  'invalid-response',
  'invalid-request',
  'not-found',
  'conflict',
  'unauthorized',
  'rate-limited',
  'unsupported',
  'closed',
  'aborted',
  /** The page set up its data source wrongly (unknown adapter name, missing endpoint). */
  'misconfigured',
] as const;
export type CivicErrorCode = (typeof CIVIC_ERROR_CODES)[number];

export interface CivicErrorOptions {
  cause?: unknown;
  /** Per-field messages a backend returned (e.g. `{ email: 'Already signed up' }`). */
  fields?: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying (`rate-limited`). */
  retryAfter?: number;
}

export class CivicError extends Error {
  override readonly name = 'CivicError';
  readonly code: CivicErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: CivicErrorCode, message: string, options: CivicErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'rate-limited';
  }
}

export const isCivicError = (e: unknown): e is CivicError =>
  e instanceof CivicError ||
  (typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'CivicError' &&
    CIVIC_ERROR_CODES.includes((e as { code?: unknown }).code as CivicErrorCode));

/** Normalise anything thrown into a `CivicError`: the only kind of failure elements handle. */
export function toCivicError(e: unknown): CivicError {
  if (isCivicError(e)) return e;
  if (e instanceof DOMException && e.name === 'AbortError')
    return new CivicError('aborted', 'The request was cancelled', { cause: e });
  if (e instanceof TypeError) return new CivicError('network', 'The network request failed', { cause: e });
  return new CivicError('invalid-response', e instanceof Error ? e.message : 'Unexpected failure', { cause: e });
}
