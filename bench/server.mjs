/**
 * The reference server under load, against a bare Hono handler in the same run: autocannon on loopback,
 * bounded request counts, each server in a process of its own (bench/server-target.mjs).
 *
 * - votes: `POST /polls/:id/votes`, every request a distinct voter (a signed voter token) with its own
 *   idempotency key, so each goes through validation, idempotency and the unique constraint; after each
 *   round the poll must count every vote answered 200 and no more than were sent (else the run fails).
 * - reads: `GET /initiatives` filtered (status), near a point within a radius, sorted by distance, a page
 *   of 20.
 *
 * - live events: 1,000 event streams open on one poll; for each of 10 votes, the time from sending it to
 *   the last stream receiving its change (every stream must receive every change).
 *
 * Per database (SQLite; PostgreSQL too when DATABASE_URL names one) and per number of initiatives,
 * `--rounds` alternating rounds of subject and baseline; the ratio of medians (requests per second) with
 * a bootstrap 95 % interval, and the median p50/p99 latency. Writes bench/results/server.json, from
 * which `node bench/report.mjs --write` makes the README's table. Run after `tsc -b packages/server`
 * (`pnpm bench:server` does both).
 *
 *   node bench/server.mjs [--rounds 3] [--requests 4000] [--connections 32] [--sizes 1000,10000,100000]
 *                         [--postgres-sizes …, default as --sizes]
 *
 * Each round sends `--requests` votes; list reads are as many with 1,000 initiatives and fewer as the
 * list grows (a tenth as many per ten times the rows, at least 200), so a round stays bounded.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { meetsServerGoal, SERVER_GOALS, serverGoalText } from './goals.mjs';
import { bootstrap, machine, median, round } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', 3));
const REQUESTS = Number(arg('requests', 4000));
const CONNECTIONS = Number(arg('connections', 32));
const SIZES = arg('sizes', '1000,10000,100000').split(',').map(Number);
const PG_SIZES = arg('postgres-sizes', SIZES.join(',')).split(',').map(Number);
const DATABASES = [
  ['SQLite', 'sqlite', SIZES],
  ...(process.env.DATABASE_URL?.startsWith('postgres') ? [['PostgreSQL', process.env.DATABASE_URL, PG_SIZES]] : []),
];
const { signVoterToken } = await import(`${root}/packages/server/dist/auth.js`);
const { TEST_SITE } = await import(`${root}/packages/server/dist/testing.js`);

/** Starts a target process; resolves once it listens, with its URL and a way to stop it. */
function start(...targetArgs) {
  const child = spawn(process.execPath, [resolve(root, 'bench/server-target.mjs'), ...targetArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server-target ${targetArgs[0]} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { url } = JSON.parse(line);
      ok({
        url,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** One autocannon run of `amount` requests; throughput in requests per second and latency in ms. */
async function load(url, request, amount = REQUESTS) {
  const result = await autocannon({ url, connections: CONNECTIONS, amount, requests: [request] });
  return {
    sent: request.sent?.() ?? amount,
    rps: result.requests.total / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** A vote request whose every send is a new voter with a new idempotency key. */
function votes(poll, round) {
  let n = 0;
  return {
    method: 'POST',
    path: `/polls/${poll}/votes`,
    sent: () => n,
    setupRequest: (req) => {
      const i = n++;
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `"r${round}-v${i}"`,
          authorization: `Bearer ${signVoterToken(TEST_SITE, `bench-${round}-${i}`)}`,
        },
        body: JSON.stringify({ choices: [i % 3 ? 'sat' : 'sun'] }),
      };
    },
  };
}
const READ = { method: 'GET', path: '/initiatives?status=active&near=51.45,-2.6&radiusKm=25&sort=distance&limit=20' };

/**
 * `streams` open event streams on one poll, then `votes` votes one after another: for each, the time
 * until the first and the last stream has its change event.
 */
async function liveEvents(url, poll, streams = 1000, votes = 10) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const counts = new Array(streams).fill(0);
  const requests = [];
  let waiting;
  const arrived = () => waiting?.check();
  await Promise.all(
    Array.from(
      { length: streams },
      (_, i) =>
        new Promise((ready, fail) => {
          const req = get(`${url}/events?topics=poll:${poll}`, { agent }, (res) => {
            if (res.statusCode !== 200) return fail(new Error(`stream ${i}: HTTP ${res.statusCode}`));
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              if (chunk.includes('event: ready')) ready();
              const changes = chunk.split('event: change').length - 1;
              if (changes) {
                counts[i] += changes;
                arrived();
              }
            });
          });
          req.on('error', fail);
          requests.push(req);
        }),
    ),
  );
  const first = [];
  const last = [];
  let complete = true;
  try {
    for (let k = 1; k <= votes; k++) {
      const start = performance.now();
      let firstAt;
      const done = new Promise((resolve) => {
        waiting = {
          check() {
            const got = counts.filter((c) => c >= k).length;
            if (got && firstAt === undefined) firstAt = performance.now();
            if (got === streams) resolve(true);
          },
        };
        setTimeout(() => resolve(false), 30_000);
      });
      const res = await fetch(`${url}/polls/${poll}/votes`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `"live-${k}"`,
          authorization: `Bearer ${signVoterToken(TEST_SITE, `live-${k}`)}`,
        },
        body: JSON.stringify({ choices: ['sat'] }),
      });
      if (res.status !== 200) throw new Error(`live-events vote ${k}: HTTP ${res.status}`);
      if (!(await done)) complete = false;
      first.push((firstAt ?? performance.now()) - start);
      last.push(performance.now() - start);
      waiting = undefined;
    }
  } finally {
    for (const req of requests) req.destroy();
    agent.destroy();
  }
  return { streams, votes, first, last, complete };
}

function summarise(id, name, subject, baseline, extra) {
  const rps = subject.map((s) => s.rps);
  const base = baseline.map((s) => s.rps);
  const ratio = median(rps) / median(base);
  const p99 = median(subject.map((s) => s.p99));
  const result = {
    id,
    name,
    rounds: subject.length,
    connections: CONNECTIONS,
    rps: round(median(rps), 0),
    rpsCi95: bootstrap([rps], median).map((x) => round(x, 0)),
    baselineRps: round(median(base), 0),
    ratio: round(ratio, 3),
    ci95: bootstrap([rps, base], (x, y) => median(x) / median(y)).map((x) => round(x, 3)),
    p50: round(median(subject.map((s) => s.p50))),
    p99: round(p99),
    p99Ci95: bootstrap([subject.map((s) => s.p99)], median).map((x) => round(x)),
    ...extra,
  };
  const kind = id.split('.')[0];
  result.goal = serverGoalText(SERVER_GOALS[kind]);
  result.meetsGoal = meetsServerGoal(SERVER_GOALS[kind], ratio, p99);
  return result;
}

const results = [];
const before = loadavg();
const started = Date.now();
for (const [dbName, database, sizes] of DATABASES) {
  for (const size of sizes) {
    const seeding = Date.now();
    // One more poll than rounds: the last one is for live events.
    const civic = await start('civic', database, String(size), String(ROUNDS + 1));
    process.stderr.write(`${dbName}, ${size} initiatives: seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`);
    const bare = await start('bare');
    const reads = Math.max(200, Math.round((REQUESTS * 1000) / size));
    const v = { subject: [], baseline: [] };
    const r = { subject: [], baseline: [] };
    let exact = true;
    let live;
    try {
      // Once per database, on a quiet server: live events do not depend on the number of rows.
      if (size === sizes[0]) live = await liveEvents(civic.url, `bench-${ROUNDS}`);
      for (let i = 0; i < ROUNDS; i++) {
        // Alternating subject and baseline, so a change of load on the machine hits both.
        const vote = await load(civic.url, votes(`bench-${i}`, i));
        v.subject.push(vote);
        v.baseline.push(await load(bare.url, votes('bare', i)));
        const poll = await (await fetch(`${civic.url}/polls/bench-${i}`)).json();
        // Every vote answered 200 is counted, once; one the client gave up on (a timeout) may be counted
        // or not, but never a vote more than were sent.
        const counted = poll.results?.voters;
        if (!(counted >= vote.ok && counted <= vote.sent)) exact = false;
        if (vote.failed || !exact)
          process.stderr.write(
            `round ${i}: ${vote.sent} votes sent, ${vote.ok} answered 200, ${vote.failed} not (errors or timeouts), the poll counts ${counted}\n`,
          );
        r.subject.push(await load(civic.url, READ, reads));
        r.baseline.push(await load(bare.url, READ, reads));
        process.stderr.write(
          `  round ${i + 1}/${ROUNDS}: votes ${round(vote.rps, 0)}/s (bare ${round(v.baseline[i].rps, 0)}/s), reads ${round(r.subject[i].rps, 0)}/s (bare ${round(r.baseline[i].rps, 0)}/s)\n`,
        );
      }
    } finally {
      await civic.stop();
      await bare.stop();
    }
    const rows = [
      summarise(
        `votes.${dbName.toLowerCase()}.${size}`,
        `votes, distinct voters, ${dbName}, ${size.toLocaleString('en')} initiatives`,
        v.subject,
        v.baseline,
        { requests: REQUESTS, countedExactly: exact },
      ),
      summarise(
        `reads.${dbName.toLowerCase()}.${size}`,
        `list page (active, within 25 km, by distance), ${dbName}, ${size.toLocaleString('en')} initiatives`,
        r.subject,
        r.baseline,
        { requests: reads },
      ),
    ];
    if (live) {
      const lastMs = median(live.last);
      rows.push({
        id: `events.${dbName.toLowerCase()}`,
        name: `live events, ${live.streams.toLocaleString('en')} streams on one poll, ${dbName}: a vote → the last stream's event`,
        rounds: live.votes,
        streams: live.streams,
        firstMs: round(median(live.first)),
        lastMs: round(lastMs),
        lastMsCi95: bootstrap([live.last], median).map((x) => round(x)),
        everyStreamEveryEvent: live.complete,
        goal: serverGoalText(SERVER_GOALS.events),
        meetsGoal: meetsServerGoal(SERVER_GOALS.events, undefined, undefined, lastMs) && live.complete,
      });
    }
    results.push(...rows);
    for (const x of rows.filter((row) => row.lastMs === undefined))
      console.log(
        `${x.name}: ${x.rps}/s (${x.rpsCi95[0]}–${x.rpsCi95[1]}), bare Hono ${x.baselineRps}/s, ${x.ratio}× (${x.ci95[0]}–${x.ci95[1]}), p50 ${x.p50} ms, p99 ${x.p99} ms${x.countedExactly === undefined ? '' : `, counted exactly: ${x.countedExactly}`}; goal ${x.goal}: ${x.meetsGoal ? 'met' : 'NOT met'}`,
      );
  }
}

for (const x of results.filter((row) => row.lastMs !== undefined))
  console.log(
    `${x.name}: first stream ${x.firstMs} ms, last ${x.lastMs} ms (${x.lastMsCi95[0]}–${x.lastMsCi95[1]}), every stream every event: ${x.everyStreamEveryEvent}`,
  );

const run = {
  date: new Date().toISOString(),
  machine: machine(before, started),
  results,
};
writeFileSync(resolve(root, 'bench/results/server.json'), `${JSON.stringify(run, null, 2)}\n`);
const counted = results.every((x) => x.countedExactly !== false && x.everyStreamEveryEvent !== false);
if (!counted) console.error('A vote was lost or counted twice, or a stream missed an event (see above).');
process.exitCode = counted ? 0 : 1;
