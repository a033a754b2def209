/**
 * One server for `bench/server.mjs`, in a process of its own, on a loopback port:
 *
 *   node bench/server-target.mjs civic <database> <initiatives> <polls>   the reference server, seeded
 *   node bench/server-target.mjs bare                                     the baseline: bare Hono handlers
 *
 * `<database>` is `sqlite` (a temporary file) or a PostgreSQL URL (a fresh schema). Prints one line of
 * JSON (`{ "url": … }`) once it listens; stops on SIGTERM, removing its data.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [kind, database, initiatives = '1000', polls = '1'] = process.argv.slice(2);

/** `n` initiatives spread over 100 km around Bristol, a quarter of each status, seeded (same every run). */
function initiativesFor(n) {
  let seed = 11;
  const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  const statuses = ['proposed', 'active', 'completed', 'closed'];
  return Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    title: `Initiative ${i}`,
    summary: 'Neighbours meet every week to share tools, food and skills.',
    status: statuses[i % 4],
    place: { lat: 51.454 + (random() - 0.5) * 0.9, lng: -2.587 + (random() - 0.5) * 1.4 },
    tags: [['repair', 'food', 'energy'][i % 3]],
    supporters: { count: Math.floor(random() * 500) },
    startsAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
}

if (kind === 'civic') {
  const { startTestServer } = await import(`${root}/packages/server/dist/testing.js`);
  const server = await startTestServer({
    database: database === 'sqlite' ? '' : database,
    fixture: {
      initiatives: initiativesFor(Number(initiatives)),
      polls: Array.from({ length: Number(polls) }, (_, i) => ({
        id: `bench-${i}`,
        question: 'Which day?',
        kind: 'single',
        status: 'open',
        options: [
          { id: 'sat', label: 'Saturday' },
          { id: 'sun', label: 'Sunday' },
        ],
      })),
    },
    // Every count shown, however small.
    config: { smallestCount: 1 },
  });
  console.log(JSON.stringify({ url: server.url }));
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else if (kind === 'bare') {
  // Hono and its Node adapter as the server package resolves them: the same versions it runs on.
  const require = createRequire(`${root}/packages/server/package.json`);
  const { Hono } = await import(require.resolve('hono'));
  const { serve } = await import(require.resolve('@hono/node-server'));
  const app = new Hono();
  const page = { items: initiativesFor(20), next: 'c2' };
  app.post('/polls/:id/votes', async (c) => c.json({ ok: true, poll: c.req.param('id'), ...(await c.req.json()) }));
  app.get('/initiatives', (c) => c.json(page));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.once('listening', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  console.error('usage: node bench/server-target.mjs civic <database> <initiatives> <polls> | bare');
  process.exit(2);
}
