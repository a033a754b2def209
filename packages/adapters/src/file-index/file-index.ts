/**
 * What the adapters that read a whole file (`/static`, `/activitystreams`) share: validation messages
 * that name the field, coordinates checked for order, and a client-side index (the core memory
 * adapter, which filters, sorts, measures distance and pages in the browser). Fetching is in `../http/`.
 */
import {
  CivicError,
  MemoryAdapter,
  parseResponse,
  type CallOptions,
  type Initiative,
  type InitiativeQuery,
  type Page,
  type PageWarning,
  type Poll,
} from '@civic-kit/core';

/** A malformed payload, naming where: `malformed('https://…/x.json', 'features.3.geometry', 'expected …')`. */
export const malformed = (what: string, path: string, problem: string, cause?: unknown): CivicError =>
  new CivicError('invalid-response', `${what} is malformed at ${path || 'the top level'}: ${problem}`, { cause });

/** Validate `data` with `schema`; anything malformed is `invalid-response` naming `path` in `what` and the field. */
export function checked<S extends Parameters<typeof parseResponse>[0]>(
  schema: S,
  data: unknown,
  what: string,
  path: string,
  kind: string,
): ReturnType<typeof parseResponse<S>> {
  return parseResponse(schema, data, `${kind}${path ? ` at ${path}` : ''} in ${what}`);
}

const number = (x: unknown): number | undefined => {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '') return Number(x);
  return undefined;
};

/**
 * A latitude and longitude as a backend gave them (numbers or numeric strings), checked: a pair that
 * is only valid the other way round (latitude beyond ±90, longitude within it) is swapped back.
 * `undefined` when they cannot be a point.
 */
export function latLng(latIn: unknown, lngIn: unknown): { lat: number; lng: number } | undefined {
  const lat = number(latIn);
  const lng = number(lngIn);
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) return { lat, lng };
  if (Math.abs(lng) <= 90 && Math.abs(lat) <= 180) return { lat: lng, lng: lat };
  return undefined;
}

/** `"lon;lat"` (Mobilizon's `geom`) or `"lon,lat"` as a point. */
export function lonLatString(s: unknown): { lat: number; lng: number } | undefined {
  if (typeof s !== 'string') return undefined;
  const parts = s.split(/[;,]/).map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  return latLng(parts[1], parts[0]);
}

/**
 * Initiatives and polls already normalised and validated, queried in the browser through the core
 * memory adapter (text, tags, status, near + radius, bbox, sort, cursor paging): one implementation
 * of the contract's filters for every adapter that reads a whole file.
 */
export class ClientIndex {
  private readonly memory: MemoryAdapter;

  /**
   * `warnings` travel with every page listed (items of the source were left out); `left` tells
   * why an item that was left out cannot be had by its id.
   */
  constructor(
    initiatives: readonly Initiative[],
    polls: readonly Poll[],
    now?: () => Date,
    private readonly warnings: readonly PageWarning[] = [],
    private readonly left: ReadonlyMap<string, CivicError> = new Map(),
  ) {
    this.memory = new MemoryAdapter({
      data: { initiatives: [...initiatives], polls: [...polls] },
      ...(now ? { now } : {}),
    });
  }

  async list(query: InitiativeQuery, o?: CallOptions): Promise<Page<Initiative>> {
    const page = await this.memory.listInitiatives(query, { signal: o?.signal });
    return this.warnings.length ? { ...page, warnings: this.warnings.map((w) => ({ ...w })) } : page;
  }

  get(id: string, o?: CallOptions): Promise<Initiative> {
    const left = this.left.get(id);
    return left ? Promise.reject(left) : this.memory.getInitiative(id, { signal: o?.signal });
  }

  poll(id: string, o?: CallOptions): Promise<Poll> {
    const left = this.left.get(id);
    return left ? Promise.reject(left) : this.memory.getPoll(id, { signal: o?.signal });
  }
}
