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
 *   POST /__civic-test/processes            {fixture, holdWrites?} → {id, url}  a server in a child
 *                                                                                process, to be killed,
 *                                                                                reached through a proxy
 *   POST /__civic-test/processes/:id/kill-when-held   SIGKILL once a write has committed but not answered
 *   POST /__civic-test/processes/:id/kill             SIGKILL now
 *   POST /__civic-test/processes/:id/restart {holdWrites?}  same URL, same database file
 *
 * A process is reached through a proxy of the test's own (its URL stays the same across restarts).
 * With `holdWrites`, the proxy keeps back the server's answer to every POST: the server has committed
 * the write and answered, the browser has not heard; killing the process then drops the connection, as
 * a server that dies between its commit and its answer does. The server itself has no test switch.
 *   GET  /__civic-test/voters?subjects=a,b  → {tokens}  voter tokens signed with the test site's secret
 *   GET  /__civic-test/malformed/…          a backend that sends malformed data (the conformance suite's)
 *
 * Every server allows the test page's origin through CORS; all of them stop in `serverStop`.
 */
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
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

  /**
   * The proxy in front of a process: forwards everything to the process's current port; holds back
   * the answers to writes while `entry.holdWrites` is set; drops a browser's connection whenever the
   * process's goes (so a killed server looks killed).
   */
  const startProxy = (entry) =>
    new Promise((resolve) => {
      const proxy = createServer((req, res) => {
        entry.open.add(res);
        res.once('close', () => entry.open.delete(res));
        const upstream = request(
          {
            host: '127.0.0.1',
            port: entry.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
            agent: false,
          },
          (answer) => {
            if (entry.holdWrites && req.method === 'POST') {
              entry.held = true;
              answer.resume();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.once('close', () => answer.complete || res.destroy());
          },
        );
        upstream.once('error', () => res.destroy());
        req.pipe(upstream);
      });
      proxy.listen(0, '127.0.0.1', () => resolve(proxy));
    });

  const spawnServer = (entry) =>
    new Promise((resolve, reject) => {
      const { testing: t } = { testing };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
        cwd: serverDir,
        env: {
          ...process.env,
          DATABASE_URL: '',
          CIVIC_SQLITE_PATH: entry.file,
          PORT: '0',
          HOST: '127.0.0.1',
          CIVIC_SITES: JSON.stringify([{ ...t.TEST_SITE, origins: [] }]),
          CIVIC_ALLOWED_ORIGINS: origin,
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
          entry.port = Number(new URL(m[1]).port);
          resolve(`http://127.0.0.1:${entry.proxy.address().port}`);
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
      const dropped = () => {
        for (const res of entry.open) res.destroy();
        resolve();
      };
      if (!child || child.exitCode !== null) return dropped();
      child.once('exit', dropped);
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
      const entry = { child: undefined, port: 0, file, dir, output: '', holdWrites: !!body.holdWrites, held: false };
      entry.open = new Set();
      entry.proxy = await startProxy(entry);
      const url = await spawnServer(entry);
      const id = `p${++next}`;
      processes.set(id, entry);
      return { id, url };
    },
    async 'POST processes/kill-when-held'(ctx, id) {
      const entry = processes.get(id);
      const deadline = Date.now() + 15_000;
      while (entry?.child && !entry.held && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const held = !!entry?.held;
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
      entry.holdWrites = !!body.holdWrites;
      entry.held = false;
      const url = await spawnServer(entry);
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
        await new Promise((resolve) => entry.proxy.close(resolve));
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
