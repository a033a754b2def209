/**
 * The conformance suite, run by the REST adapter in Chromium against the real server (a fresh
 * server and SQLite database per test; PostgreSQL schema when DATABASE_URL is set).
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import type { CivicAdapter } from '@civic-kit/core';
import { runAdapterConformance } from '@civic-kit/core/testing';
import { closeServer, MALFORMED_ENDPOINT, startServer, voterTokens } from './rest-server.js';

const [voterA, voterB] = await voterTokens('conformance-a', 'conformance-b');
const servers = new WeakMap<CivicAdapter, string>();

runAdapterConformance({
  name: 'rest adapter against @civic-kit/server',
  voters: [voterA!, voterB!],
  create: async (fixture) => {
    const server = await startServer(fixture);
    const adapter = new RestAdapter({ endpoint: server.url, retries: 0 });
    servers.set(adapter, server.id);
    return adapter;
  },
  createMalformed: () => new RestAdapter({ endpoint: `${location.origin}${MALFORMED_ENDPOINT}`, retries: 0 }),
  dispose: async (adapter) => {
    (adapter as RestAdapter).dispose();
    const id = servers.get(adapter);
    if (id) await closeServer(id);
  },
});
