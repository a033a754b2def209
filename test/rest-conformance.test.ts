/**
 * The conformance suite, run by the REST adapter in Chromium against the real server (a fresh
 * server and SQLite database per test; PostgreSQL schema when DATABASE_URL is set).
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import { expect } from '@open-wc/testing';
import type { CivicAdapter } from '@civic-kit/core';
import { CONFORMANCE_FIXTURE, runAdapterConformance } from '@civic-kit/core/testing';
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

describe('rest adapter: a page the real server sent, with one item this version cannot read', () => {
  it('shows the others in the order the server sent them and counts the one left out', async () => {
    const server = await startServer(CONFORMANCE_FIXTURE);
    try {
      const sent = (await (await fetch(`${server.url}/initiatives?limit=3`)).json()) as {
        items: { id: string; status: string }[];
        nextCursor?: string;
      };
      expect(sent.items).to.have.length(3);
      // A newer server's status: valid there, unknown here.
      const changed = structuredClone(sent);
      changed.items[1]!.status = 'archived';
      const body = JSON.stringify(changed);
      const adapter = new RestAdapter({
        endpoint: server.url,
        retries: 0,
        fetch: async () => new Response(body, { headers: { 'Content-Type': 'application/json' } }),
      });
      const page = await adapter.listInitiatives({ limit: 3 });
      expect(page.items.map((i) => i.id)).to.deep.equal([sent.items[0]!.id, sent.items[2]!.id]);
      expect(page.nextCursor).to.equal(sent.nextCursor);
      expect(page.warnings?.map((w) => [w.code, w.skipped])).to.deep.equal([['invalid-response', 1]]);
      expect(page.warnings![0]!.message).to.contain('status');
    } finally {
      await closeServer(server.id);
    }
  });
});
