/**
 * `pnpm start`: the whole system on one machine.
 *
 * 1. The reference server (built: `packages/server/dist`) on http://127.0.0.1:8787 with SQLite in
 *    `.data/demo.sqlite`, seeded with the demo data the first time only — so votes and supports
 *    survive a restart; on later starts only the demo's dates move to today (the demo data's dates
 *    follow the day, so its open polls stay open). Demo polls and initiatives accept anonymous
 *    per-browser participation, as the demo page has no host login to sign voter tokens.
 * 2. The example community page (examples/index.html) on http://127.0.0.1:8000/examples/, served
 *    with its data source switched to this server: `adapter="rest" endpoint="http://127.0.0.1:8787"`,
 *    and a small bundle that registers the REST adapter loaded before the CDN bundle.
 *
 * 3. A second community, "Easton neighbourhood parliament", on http://127.0.0.1:8788 (its own SQLite
 *    file, or its own schema on PostgreSQL). The two follow each other over ActivityPub, so the page's
 *    list and map show both communities' initiatives, each card saying where it comes from.
 *
 * PORT / API_PORT / NEIGHBOURS_API_PORT / HOST and DATABASE_URL (PostgreSQL instead of SQLite) are honoured.
 */
import { startDevServer } from '@web/dev-server';
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  configFromEnv,
  DEFAULT_SETTINGS,
  isEmpty,
  putSettings,
  refreshSeeded,
  seed,
  startServer,
} from '../dist/index.js';
import { demoData } from '@civic-kit/core/demo';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const pagePort = Number(process.env.PORT ?? 8000);
const apiPort = Number(process.env.API_PORT ?? 8787);
const pageOrigins = [`http://${host}:${pagePort}`, `http://localhost:${pagePort}`, `http://127.0.0.1:${pagePort}`];

const neighboursPort = Number(process.env.NEIGHBOURS_API_PORT ?? apiPort + 1);
const sqlite = process.env.CIVIC_SQLITE_PATH ?? `${root}.data/demo.sqlite`;

const env = {
  ...process.env,
  CIVIC_SQLITE_PATH: sqlite,
  CIVIC_COMMUNITY: 'demo',
  CIVIC_COMMUNITY_NAME: 'Demo community',
  // Both communities are on this machine: federation may reach loopback here (never in production).
  CIVIC_FEDERATION_ALLOW_PRIVATE_ADDRESSES: '1',
};
delete env.PORT;
const config = configFromEnv(env, { host, port: apiPort });
config.allowedOrigins.push(...pageOrigins);
const server = await startServer(config);
if (await isEmpty(server.db)) {
  const counts = await seed(server.db, demoData(), { anonymous: true });
  console.log(`Seeded the demo data: ${counts.initiatives} initiatives, ${counts.polls} polls.`);
  // The demo page has no login to sign voter tokens: what organisers add on /admin/ is open to every browser too.
  const setup = { id: 'cli:pnpm-start', name: 'pnpm start', role: 'organiser' };
  const settings = { ...DEFAULT_SETTINGS, name: 'Demo community', anonymousParticipation: true };
  await putSettings(server.db, setup, settings, ['*'], new Date());
} else {
  // Votes and supports are kept; the demo's dates move to today.
  await refreshSeeded(server.db, demoData());
}

// The second community, with a few initiatives of its own, and the two following each other.
const neighboursConfig = configFromEnv(
  {
    ...env,
    CIVIC_SQLITE_PATH: sqlite.replace(/(\.sqlite)?$/, '-neighbours.sqlite'),
    CIVIC_DATABASE_SCHEMA: process.env.DATABASE_URL ? 'neighbours' : '',
    CIVIC_COMMUNITY: 'easton',
    CIVIC_COMMUNITY_NAME: 'Easton neighbourhood parliament',
  },
  { host, port: neighboursPort },
);
const neighbours = await startServer(neighboursConfig);
if (await isEmpty(neighbours.db)) {
  const soon = (days) => new Date(Date.now() + days * 86_400_000).toISOString();
  await seed(
    neighbours.db,
    {
      initiatives: [
        {
          id: 'easton-street-party',
          title: 'Easton street party',
          summary: 'Close the street for a day: food, music and a repair table.',
          status: 'active',
          place: { lat: 51.462, lng: -2.565, address: 'Belle Vue Road, Easton' },
          tags: ['community', 'repair'],
          startsAt: soon(10),
          endsAt: soon(10.3),
        },
        {
          id: 'easton-tree-planting',
          title: 'Plant thirty street trees',
          summary: 'Neighbours choose where; the council plants in November.',
          status: 'proposed',
          place: { lat: 51.459, lng: -2.57, address: 'Easton Road', precision: 'area' },
          tags: ['greening'],
          supporters: { count: 14, goal: 30 },
        },
      ],
    },
    { anonymous: true },
  );
}
async function follows(from, to) {
  const actor = `${to.url}/ap/communities/${to === server ? 'demo' : 'easton'}`;
  if ((await from.federation.listFollows()).some((f) => f.actor === actor)) return;
  await from.federation
    .follow(actor)
    .catch((e) => console.warn(`The two demo communities could not follow each other: ${e.message}`));
}
await follows(server, neighbours);
await follows(neighbours, server);

const restBundle = (
  await build({
    entryPoints: [`${root}packages/adapters/src/rest/register.ts`],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    conditions: ['source'],
    target: 'es2022',
    tsconfig: `${root}tsconfig.base.json`,
    legalComments: 'none',
  })
).outputFiles[0].text;

const examples = (await import(`${root}examples/dev-server.config.mjs`)).default;
/** `?poll=<id>` shows that poll instead of the page's own (one added on /admin/, say). */
const pollParam = (query) =>
  typeof query?.poll === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(query.poll) ? query.poll : '';
const page = async (poll = '') =>
  (await readFile(`${root}examples/index.html`, 'utf8'))
    .replace(/<civic-poll poll-id="[^"]*"/, (tag) => (poll ? `<civic-poll poll-id="${poll}"` : tag))
    .replace(
      /<civic-provider adapter="memory"( persist="[^"]*")?/,
      `<civic-provider adapter="rest" endpoint="${server.url}"`,
    )
    .replace(
      /(<script type="module" src="[^"]*civic-kit\.js"><\/script>)/,
      '<script type="module" src="/__civic/rest.js"></script>\n    $1',
    );

// The example page, wired to this server. If the page changed so that this no longer applies, say so
// and stop, rather than quietly serving the page on its embedded demo data.
const wired = await page();
if (!wired.includes(`adapter="rest" endpoint="${server.url}"`) || !wired.includes('/__civic/rest.js')) {
  console.error('examples/index.html no longer has the <civic-provider adapter="memory"> and script tags');
  console.error('this script rewrites to use the server: update packages/server/scripts/start-demo.mjs.');
  await server.close();
  process.exit(1);
}

await startDevServer({
  config: {
    ...examples,
    hostname: host,
    port: pagePort,
    middleware: [
      async function restWiredExample(ctx, next) {
        if (ctx.path === '/__civic/rest.js') {
          ctx.type = 'text/javascript';
          ctx.body = restBundle;
          return undefined;
        }
        if (ctx.path === '/examples/' || ctx.path === '/examples/index.html') {
          ctx.type = 'text/html';
          ctx.body = await page(pollParam(ctx.query));
          return undefined;
        }
        return next();
      },
      ...(examples.middleware ?? []),
    ],
    plugins: [],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`
The demo community page: http://${host}:${pagePort}/examples/
  the organisers' page: ${server.url}/admin/ (make a token: CIVIC_SQLITE_PATH=${config.database} node packages/server/dist/cli.js admin-token create --name "Your name")
  its data from the Civic Kit server at ${server.url} (${server.db.kind === 'sqlite' ? `SQLite ${config.database}` : 'PostgreSQL'}; OpenAPI at ${server.url}/openapi.json)
  votes and supports are kept across restarts. Stop with Ctrl-C.
  a second community, Easton neighbourhood parliament, at ${neighbours.url}: the two follow each other
  over ActivityPub, so the page shows both (GET ${server.url}/initiatives?source=followed for its part).
`);
const stop = () => void Promise.all([server.close(), neighbours.close()]).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
