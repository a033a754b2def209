import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { checkSites, type ServerConfig } from './config.js';
import { openDatabase, type Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { LiveEvents } from './events.js';
import { CommunityFederation } from './federation/federation.js';
import { coarsenStoredPoints, pruneIdempotencyKeys, pruneUnconfirmedSignups } from './store.js';

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  db: Db;
  events: LiveEvents;
  /** The community on the fediverse: follow, unfollow, block. */
  federation: CommunityFederation;
  /** Stop listening, end open event streams and (unless the database was handed in) close it. */
  close(): Promise<void>;
}

/** Open (and migrate) the configured database. */
export async function openConfiguredDatabase(config: Pick<ServerConfig, 'database' | 'databaseSchema'>): Promise<Db> {
  const db = await openDatabase({ url: config.database, schema: config.databaseSchema });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/** Start the HTTP server on `config.host:config.port` (port 0: any free port). */
export async function startServer(config: ServerConfig, options: { db?: Db } = {}): Promise<RunningServer> {
  checkSites(config.sites);
  if (!config.sites.length)
    console.warn(
      [
        '',
        '*** civic-server: NO SITE SECRET IS SET (CIVIC_VOTER_SECRET or CIVIC_SITES). ***',
        '*** No voter token can be checked: only polls and initiatives seeded --anonymous take part,',
        '*** and sign-ups are taken from anyone. Set a secret of 32+ characters before going live. ***',
        '',
      ].join('\n'),
    );
  const db = options.db ?? (await openConfiguredDatabase(config));
  if (options.db) await migrate(db);
  await pruneIdempotencyKeys(db, config.idempotencyTtlHours, config.now());
  await coarsenStoredPoints(db, config);
  await pruneUnconfirmedSignups(db, config.confirmHours, config.now());
  const prune = setInterval(() => {
    void pruneIdempotencyKeys(db, config.idempotencyTtlHours, config.now()).catch(() => undefined);
    void pruneUnconfirmedSignups(db, config.confirmHours, config.now()).catch(() => undefined);
  }, 3_600_000);
  prune.unref();
  const events = new LiveEvents(db, config.now);
  await events.start();
  const federation = new CommunityFederation({ db, config, changed: (topic) => void events.changed(topic) });
  const app = createApp({ db, config, events, federation });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  federation.setBaseUrl(url);
  await federation.start();
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    db,
    events,
    federation,
    close: () =>
      (closing ??= (async () => {
        clearInterval(prune);
        await federation.stop();
        events.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (!options.db) await db.close();
      })()),
  };
}
