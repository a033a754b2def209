/** The admin API of the reference server (`/admin/api`, see its openapi.json), from the browser. */

export type Role = 'organiser' | 'moderator';

/** A refused request: the server's message and, per field (JSON Pointer), what is wrong. */
export class AdminApiError extends Error {
  readonly status: number;
  readonly fields: { pointer: string; detail: string }[];
  constructor(status: number, message: string, fields: { pointer: string; detail: string }[] = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

export interface Answer<T> {
  body: T;
  etag: string | undefined;
}

export class AdminApi {
  readonly base: string;
  readonly token: string;

  /** `origin`: the server (default: this page's own). */
  constructor(origin: string, token: string) {
    this.base = `${(origin || location.origin).replace(/\/+$/, '')}/admin/api`;
    this.token = token;
  }

  async request<T>(
    method: string,
    path: string,
    options: { body?: unknown; ifMatch?: string | undefined } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
      });
    } catch {
      throw new AdminApiError(0, 'The server could not be reached. Check your connection and try again.');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const problem = (body ?? {}) as { detail?: unknown; errors?: { pointer?: string; detail?: string }[] };
      const fields = (problem.errors ?? [])
        .filter((e) => typeof e.pointer === 'string' && typeof e.detail === 'string')
        .map((e) => ({ pointer: e.pointer!, detail: e.detail! }));
      throw new AdminApiError(
        res.status,
        typeof problem.detail === 'string' ? problem.detail : `The server answered ${res.status}`,
        fields,
      );
    }
    return { body: body as T, etag: res.headers.get('etag') ?? undefined };
  }
}
