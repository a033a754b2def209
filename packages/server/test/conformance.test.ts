/** The core conformance suite, run by the REST adapter against the real server (SQLite; PostgreSQL too with DATABASE_URL). */
import { RestAdapter } from '@civic-kit/adapters/rest';
import { runAdapterConformance } from '@civic-kit/core/testing';
import { after, before, describe, it } from 'node:test';
import { clear, seed } from '../src/index.js';
import { startTestServer, testVoter, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, malformedFetch } from './helpers.js';

for (const database of DATABASES) {
  describe(`REST adapter against the server on ${database.name}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ database: databaseOption(database.url) });
    });
    after(() => server.close());

    runAdapterConformance({
      name: `rest (${database.name})`,
      // node:test's describe/it return promises; the suite only needs them to register tests.
      test: {
        describe: (name, fn) => void describe(name, fn),
        it: (name, fn) => void it(name, fn as () => Promise<void>),
      },
      voters: [testVoter('voter-a'), testVoter('voter-b')],
      create: async (fixture) => {
        // One server per file; every test starts from the fixture alone.
        await server.db.transaction(clear);
        await seed(server.db, fixture);
        return new RestAdapter({ endpoint: server.url, EventSource: undefined, retries: 0 });
      },
      createMalformed: () =>
        new RestAdapter({ endpoint: 'http://malformed.invalid', fetch: malformedFetch, EventSource: undefined }),
    });
  });
}
