/**
 * Browser-side helpers for the tests of the REST adapter against the real server (see
 * `server-plugin.mjs`, which starts and stops the servers).
 */
import type { ConformanceFixture } from '@civic-kit/core/testing';

async function control<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/__civic-test/${path}`, {
    method: body === undefined && !path.includes('/') && path !== 'servers' && path !== 'processes' ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T & { error?: string };
  if (json.error) throw new Error(json.error);
  return json;
}

export interface TestServerHandle {
  id: string;
  url: string;
}

/** A fresh in-process server seeded with `fixture`, allowing this page's origin. */
export const startServer = (fixture: Partial<ConformanceFixture> | object, options: { anonymous?: boolean } = {}) =>
  control<TestServerHandle>('servers', { fixture, ...options });
/** An admin token (`civic_admin_…`) for that server. */
export const adminToken = (id: string, role: 'organiser' | 'moderator' = 'organiser') =>
  control<{ token: string }>(`servers/${id}/admin-token`, { role });
export const closeServer = (id: string) => control<{ closed: boolean }>(`servers/${id}/close`, {});

/**
 * A server in a child process (so it can be killed), its SQLite file seeded with `fixture`, behind a
 * test proxy; `holdWrites` keeps every write's answer from the browser (see `kill-when-held`).
 */
export const startProcess = (fixture: object, options: { holdWrites?: boolean } = {}) =>
  control<TestServerHandle>('processes', { fixture, ...options });
export const killProcessWhenHeld = (id: string) =>
  control<{ killed: boolean; held: boolean }>(`processes/${id}/kill-when-held`, {});
export const killProcess = (id: string) => control<{ killed: boolean }>(`processes/${id}/kill`, {});
export const restartProcess = (id: string, options: { holdWrites?: boolean } = {}) =>
  control<TestServerHandle>(`processes/${id}/restart`, options);

/** Voter tokens signed with the test site's secret. */
export const voterTokens = async (...subjects: string[]): Promise<string[]> => {
  const res = await fetch(`/__civic-test/voters?subjects=${encodeURIComponent(subjects.join(','))}`);
  return ((await res.json()) as { tokens: string[] }).tokens;
};

/** Where the plugin serves a backend that sends malformed data. */
export const MALFORMED_ENDPOINT = '/__civic-test/malformed';
