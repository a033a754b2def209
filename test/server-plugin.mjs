/**
 * web-test-runner plugin: real Civic Kit servers for the browser tests (the REST adapter against the
 * real server). Tests drive it through a small control API on the test page's own origin:
 *
 *   POST /__civic-test/servers              {fixture, anonymous?}  → {id, url}   an in-process server with
 *                                                                                its own SQLite file (or a
 *                                                                                PostgreSQL schema when
 *                                                                                DATABASE_URL is set)
 *   POST /__civic-test/servers/:id/close
 *   POST /__civic-test/servers/:id/admin-token {role?}              → {token}   an admin token for that server
 *   POST /__civic-test/processes            {fixture, delayWritesMs?} → {id, url} a server in a child
 *                                                                                process, to be killed
 *   POST /__civic-test/processes/:id/kill-when-held   SIGKILL once a write has committed but not answered
 *   POST /__civic-test/processes/:id/kill             SIGKILL now
 *   POST /__civic-test/processes/:id/restart {delayWritesMs?}  same port, same database file
 *   GET  /__civic-test/voters?subjects=a,b  → {tokens}  voter tokens signed with the test site's secret
 *   GET  /__civic-test/malformed/…          a backend that sends malformed data (the conformance suite's)
 *
 * Every server allows the test page's origin through CORS; all of them stop in `serverStop`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/__civic-test/';
const serverDir = fileURLToPath(new URL('../packages/server/', import.meta.url));

async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function civicServerPlugin() {
  /** @type {Map<string, {close: () => Promise<void>}>} */
  const servers = new Map();
  /** @type {Map<string, {child: import('node:child_process').ChildProcess | undefined, port: number, file: string, dir: string, output: string}>} */
  const processes = new Map();
  let testing;
  let core;
  let next = 0;
  let origin = '';

  const load = async () => {
    testing ??= await tsImport('../packages/server/src/testing.ts', import.meta.url);
    core ??= await tsImport('../packages/server/src/index.ts', import.meta.url);
    return { testing, core };
  };

  const spawnServer = (entry, delayWritesMs) =>
    new Promise((resolve, reject) => {
      const { testing: t } = { testing };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
        cwd: serverDir,
        env: {
          ...process.env,
          DATABASE_URL: '',
          CIVIC_SQLITE_PATH: entry.file,
          PORT: String(entry.port),
          HOST: '127.0.0.1',
          CIVIC_SITES: JSON.stringify([{ ...t.TEST_SITE, origins: [] }]),
          CIVIC_ALLOWED_ORIGINS: origin,
          CIVIC_TEST_DELAY_WRITE_RESPONSES_MS: String(delayWritesMs ?? 0),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      entry.child = child;
      entry.output = '';
      const timer = setTimeout(() => reject(new Error(`The server did not start:\n${entry.output}`)), 20_000);
      const onData = (d) => {
        entry.output += d.toString();
        const m = /Civic Kit server on (http:\/\/\S+)/.exec(entry.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!/Civic Kit server on/.test(entry.output))
          reject(new Error(`The server exited (${code}):\n${entry.output}`));
      });
    });

  const kill = (entry) =>
    new Promise((resolve) => {
      const child = entry.child;
      entry.child = undefined;
      if (!child || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  const routes = {
    async 'POST servers'(ctx) {
      const { testing: t } = await load();
      const body = await readJson(ctx);
      const server = await t.startTestServer({
        fixture: body.fixture,
        anonymous: !!body.anonymous,
        config: { allowedOrigins: [ctx.get('Origin') || origin] },
      });
      const id = `s${++next}`;
      servers.set(id, server);
      return { id, url: server.url };
    },
    async 'POST servers/admin-token'(ctx, id) {
      const { core: c } = await load();
      const body = await readJson(ctx);
      const server = servers.get(id);
      if (!server) throw new Error(`No server ${id}`);
      const made = await c.createAdminToken(
        server.db,
        { name: 'Browser test', role: body.role ?? 'organiser' },
        new Date(),
      );
      return { token: made.token };
    },
    async 'POST servers/close'(ctx, id) {
      await servers.get(id)?.close();
      servers.delete(id);
      return { closed: true };
    },
    async 'POST processes'(ctx) {
      const { core: c } = await load();
      const body = await readJson(ctx);
      const dir = mkdtempSync(join(tmpdir(), 'civic-proc-'));
      const file = join(dir, 'civic.sqlite');
      const db = await c.openConfiguredDatabase({ database: file });
      await c.seed(db, body.fixture ?? {});
      await db.close();
      const entry = { child: undefined, port: 0, file, dir, output: '' };
      const url = await spawnServer(entry, body.delayWritesMs);
      entry.port = Number(new URL(url).port);
      const id = `p${++next}`;
      processes.set(id, entry);
      return { id, url };
    },
    async 'POST processes/kill-when-held'(ctx, id) {
      const entry = processes.get(id);
      const deadline = Date.now() + 15_000;
      while (entry?.child && !/test-hook: committed/.test(entry.output) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const held = /test-hook: committed/.test(entry?.output ?? '');
      if (entry) await kill(entry);
      return { killed: true, held };
    },
    async 'POST processes/kill'(ctx, id) {
      const entry = processes.get(id);
      if (entry) await kill(entry);
      return { killed: true };
    },
    async 'POST processes/restart'(ctx, id) {
      const body = await readJson(ctx);
      const entry = processes.get(id);
      if (!entry) throw new Error(`No process ${id}`);
      await kill(entry);
      const url = await spawnServer(entry, body.delayWritesMs);
      return { id, url };
    },
    async 'GET voters'(ctx) {
      const { testing: t } = await load();
      const subjects = String(ctx.query.subjects ?? 'a,b').split(',');
      return { tokens: subjects.map((s) => t.testVoter(s)) };
    },
  };

  return {
    name: 'civic-server',
    async serverStart({ config }) {
      origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      await load();
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((s) => s.close().catch(() => undefined)));
      servers.clear();
      for (const entry of processes.values()) {
        await kill(entry);
        rmSync(entry.dir, { recursive: true, force: true });
      }
      processes.clear();
    },
    async serve(ctx) {
      if (!ctx.path.startsWith(PREFIX)) return undefined;
      const rest = ctx.path.slice(PREFIX.length);
      if (rest.startsWith('malformed/')) {
        const { MALFORMED_FIXTURE } = await tsImport('../packages/core/src/testing/fixture.ts', import.meta.url);
        const what = rest.slice('malformed/'.length);
        const body = what.startsWith('initiatives')
          ? { items: MALFORMED_FIXTURE.initiatives }
          : what.startsWith('polls/')
            ? MALFORMED_FIXTURE.polls[0]
            : MALFORMED_FIXTURE.interests;
        return { body: JSON.stringify(body), type: 'application/json' };
      }
      const [kind, id, action] = rest.split('/');
      const route = routes[`${ctx.method} ${kind}${action ? `/${action}` : ''}`];
      if (!route) return undefined;
      try {
        return { body: JSON.stringify(await route(ctx, id)), type: 'application/json' };
      } catch (e) {
        return { body: JSON.stringify({ error: String(e?.stack ?? e) }), type: 'application/json' };
      }
    },
  };
}
