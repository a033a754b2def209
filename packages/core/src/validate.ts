import * as v from 'valibot';
import { CivicError } from './errors.js';
import { InitiativePageSchema, InitiativeSchema, type Initiative, type Page } from './model.js';

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = v.getDotPath(i);
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** Parse what a backend returned; anything malformed becomes `invalid-response`, never half-used. */
export function parseResponse<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  const r = v.safeParse(schema, data);
  if (r.success) return r.output;
  throw new CivicError('invalid-response', `The backend sent a malformed ${what} (${describeIssues(r.issues)})`, {
    cause: r.issues,
  });
}

/** Check what a caller passed in; bad input becomes `invalid-request` with per-field messages. */
export function parseRequest<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  const r = v.safeParse(schema, data);
  if (r.success) return r.output;
  const fields: Record<string, string> = {};
  for (const i of r.issues) {
    const path = v.getDotPath(i);
    if (path && !(path in fields)) fields[path] = i.message;
  }
  throw new CivicError('invalid-request', `Invalid ${what} (${describeIssues(r.issues)})`, { fields, cause: r.issues });
}

export const parseInitiative = (d: unknown): Initiative => parseResponse(InitiativeSchema, d, 'initiative');
export const parseInitiativePage = (d: unknown): Page<Initiative> =>
  parseResponse(InitiativePageSchema, d, 'page of initiatives');
