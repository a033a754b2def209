import { MALFORMED_FIXTURE } from '@civic-kit/core/testing';

/** The databases these tests run on: SQLite always, PostgreSQL when `DATABASE_URL` names one. */
export const DATABASES: { name: string; url: string | undefined }[] = [
  { name: 'SQLite', url: 'sqlite' },
  ...(process.env.DATABASE_URL?.startsWith('postgres') ? [{ name: 'PostgreSQL', url: process.env.DATABASE_URL }] : []),
];

/** `startTestServer`'s `database` for an entry of DATABASES (undefined → a temp SQLite file). */
export const databaseOption = (url: string | undefined): string | undefined => (url === 'sqlite' ? '' : url);

/** A backend that sends the conformance suite's malformed data (as a careless server would). */
export const malformedFetch: typeof fetch = (input) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const body = url.pathname.startsWith('/initiatives')
    ? { items: MALFORMED_FIXTURE.initiatives }
    : url.pathname.startsWith('/polls/')
      ? MALFORMED_FIXTURE.polls[0]
      : MALFORMED_FIXTURE.interests;
  return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
};

/** The headers of a write: its idempotency key (quoted, as the header takes it) and the voter's token. */
export const write = (key: string, voter?: string, extra: Record<string, string> = {}) => ({
  'Idempotency-Key': `"${key}"`,
  ...(voter ? { Authorization: `Bearer ${voter}` } : {}),
  ...extra,
});

export interface Sent {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A JSON request; resolves to status, headers and the parsed body (problem or not). */
export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Sent> {
  const res = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(init.body !== undefined || init.raw !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, headers: res.headers, body };
}
