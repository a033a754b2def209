/**
 * Test servers: a real server on a free loopback port with a database of its own (a temporary
 * SQLite file, or a fresh schema in the PostgreSQL of `DATABASE_URL`), seeded with a fixture.
 * Used by the server's Node tests and by the browser tests' web-test-runner plugin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { signVoterToken, type SiteConfig } from './auth.js';
import { defaultConfig, type ServerConfig } from './config.js';
import { isPostgresUrl } from './db/db.js';
import { startServer, type RunningServer } from './server.js';
import { seed, type SeedData, type SeedOptions } from './store.js';

export const TEST_SITE: SiteConfig = { id: 'test-site', secret: 'a-test-secret-that-is-long-enough-0123456789' };

/** Voter tokens for the test site. */
export const testVoter = (subject: string): string => signVoterToken(TEST_SITE, subject);

export interface TestServerOptions extends SeedOptions {
  fixture?: SeedData;
  /** Default: `DATABASE_URL` when it is a PostgreSQL URL, else a temporary SQLite file. */
  database?: string | undefined;
  config?: Partial<ServerConfig>;
}

export interface TestServer extends RunningServer {
  /** Where the data lives: the SQLite file, or `postgres:<schema>`. */
  location: string;
}

/** Generous limits, so that tests of everything else never meet them. */
const TEST_LIMITS: Partial<ServerConfig> = {
  voterWrites: { limit: 10_000, windowSeconds: 60 },
  addressWrites: { limit: 100_000, windowSeconds: 60 },
  addressReads: { limit: 100_000, windowSeconds: 60 },
  streamsPerAddress: 1000,
  eventsPerAddress: { limit: 100_000, windowSeconds: 60 },
  adminRequests: { limit: 100_000, windowSeconds: 60 },
  matchesPerAddress: { limit: 100_000, windowSeconds: 3600 },
  anonymousVotesPerPoll: { limit: 100_000, windowSeconds: 86_400 },
  matchesPerVoter: { limit: 100_000, windowSeconds: 3600 },
  // Sign-ups from tests of everything else carry no form stamp, or are sent at once.
  signupStampRequired: false,
  signupMinFillSeconds: 0,
};

/** A throw-away database location: a SQLite file in a temp folder, or a new schema. */
export function testDatabase(database = process.env.DATABASE_URL): {
  url: string;
  schema?: string;
  dispose(): Promise<void>;
} {
  if (database && isPostgresUrl(database)) {
    const schema = `civic_test_${randomBytes(6).toString('hex')}`;
    return {
      url: database,
      schema,
      async dispose() {
        const client = new pg.Client({ connectionString: database });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'civic-test-'));
  return {
    url: join(dir, 'civic.sqlite'),
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const place = testDatabase(options.database);
  const config = defaultConfig({
    database: place.url,
    databaseSchema: place.schema,
    port: 0,
    sites: [TEST_SITE],
    ...TEST_LIMITS,
    ...options.config,
  });
  let server: RunningServer;
  try {
    server = await startServer(config);
    if (options.fixture) await seed(server.db, options.fixture, { anonymous: options.anonymous });
  } catch (e) {
    await place.dispose().catch(() => undefined);
    throw e;
  }
  return {
    ...server,
    location: place.schema ? `postgres:${place.schema}` : place.url,
    close: async () => {
      await server.close();
      await place.dispose();
    },
  };
}
