/**
 * RFC 9457 problem details. Every error the server answers with is one of these types, and each
 * type is exactly one `CivicError` code, so the REST adapter maps them one-to-one.
 */
import type { CivicErrorCode } from '@civic-kit/core';

/** The problem `type` URI of each `CivicError` code. */
export const problemType = (code: CivicErrorCode): string => `urn:civic-kit:problem:${code}`;

/** The titles (the same for every occurrence of a type, as RFC 9457 asks). */
export const PROBLEM_TITLES: Record<CivicErrorCode, string> = {
  network: 'The service is unavailable',
  'invalid-response': 'The server failed',
  'invalid-request': 'The request is not valid',
  'not-found': 'Not found',
  conflict: 'Conflict',
  unauthorized: 'Not allowed',
  'rate-limited': 'Too many requests',
  unsupported: 'Not supported',
  closed: 'Closed',
  aborted: 'The request was cancelled',
  misconfigured: 'The server is not set up for this',
};

export interface FieldError {
  /** What is wrong, for a person. */
  detail: string;
  /** JSON Pointer into the request body, e.g. `/choices` or `/place/lat`. */
  pointer?: string;
  /** The query parameter or header at fault, e.g. `near`. */
  parameter?: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The `CivicError` code (also the last segment of `type`). */
  code: CivicErrorCode;
  errors?: FieldError[];
  /** Seconds to wait (also in the `Retry-After` header). */
  retryAfter?: number;
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly code: CivicErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: CivicErrorCode,
    detail: string,
    extra: { errors?: FieldError[] | undefined; retryAfter?: number | undefined } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = extra.errors;
    this.retryAfter = extra.retryAfter;
  }

  toJSON(): ProblemBody {
    return {
      type: problemType(this.code),
      title: PROBLEM_TITLES[this.code],
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, 'invalid-request', detail, { errors });
export const notFound = (detail: string) => new HttpProblem(404, 'not-found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', detail);
export const closed = (detail: string) => new HttpProblem(409, 'closed', detail);
export const unauthorized = (detail: string, status = 401) => new HttpProblem(status, 'unauthorized', detail);

/** `place.lat` (a valibot dot path) to `/place/lat` (a JSON Pointer). */
export const pointer = (dotPath: string): string =>
  `/${dotPath
    .split('.')
    .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;
