/**
 * The server attacked as an outsider would: real HTTP against a real server on SQLite (and
 * PostgreSQL with DATABASE_URL). Each test reproduces one attack; the expectations are what the
 * attacker must NOT get.
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import { FederatedAdapter } from '@civic-kit/adapters/federated';
import { coarsen, distanceKm } from '@civic-kit/core';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAdminToken } from '../src/admin/tokens.js';
import { configFromEnv, defaultConfig } from '../src/config.js';
import { deletePerson, exportSignups, pruneUnconfirmedSignups, startServer, type SeedData } from '../src/index.js';
import { startTestServer, TEST_SITE, testVoter, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, send, write } from './helpers.js';

const INTERESTS = [
  { id: 'housing', label: 'Housing' },
  { id: 'mutual-aid', label: 'Mutual aid' },
  { id: 'repair', label: 'Repair' },
];
const POLL = {
  id: 'budget',
  question: 'Which project first?',
  kind: 'single',
  status: 'open',
  options: [
    { id: 'park', label: 'The park' },
    { id: 'bikes', label: 'Bike racks' },
  ],
};
const RANKED = {
  id: 'ranked',
  question: 'Order these',
  kind: 'ranked',
  status: 'open',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
};
const SEALED = {
  id: 'sealed',
  question: 'Results once you have voted',
  kind: 'single',
  status: 'open',
  resultsVisibility: 'after-vote',
  options: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
};
const FIXTURE: SeedData = { interests: INTERESTS, polls: [POLL, RANKED, SEALED] };

/** Everything `/events` sends for `topics` within `ms`, as a client that reconnects (Last-Event-ID) reads it. */
async function listen(url: string, topics: string, ms: number, during?: () => Promise<unknown>): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(`${url}/events?topics=${topics}`, {
    signal: controller.signal,
    headers: { 'Last-Event-ID': '1' },
  });
  assert.equal(res.status, 200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
      }
    } catch {
      /* aborted */
    }
  })();
  await during?.();
  await new Promise((r) => setTimeout(r, ms));
  controller.abort();
  await reading;
  return text;
}

/** The `change` events in what a stream sent. */
const changes = (text: string) =>
  [...text.matchAll(/event: change\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

/** What `fn` wrote to console.error and console.warn while it ran. */
async function logged(fn: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const { error, warn } = console;
  console.error = (...a: unknown[]) =>
    void lines.push(a.map((x) => (x instanceof Error ? x.stack : String(x))).join(' '));
  console.warn = console.error;
  try {
    await fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return lines.join('\n');
}

/** An HS256 JWT with exactly this header and payload, signed with `secret` (as a careless host might). */
const jwt = (header: object, payload: object, secret = TEST_SITE.secret) => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signed = `${part(header)}.${part(payload)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
};
const nowSeconds = () => Math.floor(Date.now() / 1000);

let keys = 0;
const key = (what: string) => `${what}-${++keys}-${Math.random().toString(36).slice(2)}`;

/** A sign-up as a person (or an attacker's script) would send it. */
const signupBody = (
  place: { lat?: number; lng?: number; text?: string; precision?: 'exact' | 'area' },
  radiusKm: number,
  interests: string[] = [],
  extra: Record<string, unknown> = {},
) => ({
  name: 'Someone',
  email: `someone-${keys}@example.org`,
  place,
  radiusKm,
  interests,
  consent: [
    {
      purpose: 'connect',
      text: 'Put me in touch with people nearby who care about the same causes.',
      version: '1',
      timestamp: new Date().toISOString(),
      locale: 'en',
    },
  ],
  ...extra,
});

interface MatchesBody {
  nearbyCount: number;
  sharedInterests: { interest: string; count: number }[];
  fewerThan?: number;
  radiusKm?: number;
}

/** Local flat coordinates (km) around `o`, enough for tens of kilometres. */
const toXY = (o: { lat: number; lng: number }, p: { lat: number; lng: number }) => ({
  x: (p.lng - o.lng) * 111.32 * Math.cos((o.lat * Math.PI) / 180),
  y: (p.lat - o.lat) * 111.32,
});
const fromXY = (o: { lat: number; lng: number }, q: { x: number; y: number }) => ({
  lat: o.lat + q.y / 111.32,
  lng: o.lng + q.x / (111.32 * Math.cos((o.lat * Math.PI) / 180)),
});

for (const database of DATABASES) {
  describe(`attacks on the server on ${database.name}`, () => {
    describe('locating a person who signed up', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          // The strongest attacker: no rate limit at all, so only the grid and the small-count rule stand.
          config: {
            matchesPerAddress: { limit: 0, windowSeconds: 3600 },
            matchesPerVoter: { limit: 0, windowSeconds: 3600 },
          },
        });
      });
      after(() => server.close());

      it('trilateration with probe sign-ups gets no closer than the 1 km grid', async () => {
        // The victim: an exact point about 400 m from the centre of its grid cell.
        const cell = coarsen({ lat: 51.4545, lng: -2.5879 }, 1);
        const victim = { lat: cell.lat + 0.0028, lng: cell.lng + 0.0035 };
        assert.ok(distanceKm(victim, cell) > 0.35, 'the victim is well away from the cell centre');
        const signed = await send(`${server.url}/signups`, {
          headers: write(key('victim')),
          body: signupBody({ ...victim, precision: 'exact' }, 5, ['housing', 'mutual-aid']),
        });
        assert.equal(signed.status, 200, JSON.stringify(signed.body));

        // Three probe centres 15 km from the area, 120° apart (26 km from each other), each on the
        // documented grid, so the attacker knows exactly where the server puts them.
        const centres = [0, 120, 240].map((deg) =>
          coarsen(
            fromXY(cell, { x: 15 * Math.sin((deg * Math.PI) / 180), y: 15 * Math.cos((deg * Math.PI) / 180) }),
            1,
          ),
        );
        const distances: number[] = [];
        for (const centre of centres) {
          let own = 0;
          const probe = async (radiusKm: number): Promise<boolean> => {
            const res = await send(`${server.url}/signups`, {
              headers: write(key('probe')),
              body: signupBody({ ...centre, precision: 'exact' }, radiusKm),
            });
            assert.equal(res.status, 200, JSON.stringify(res.body));
            const seen = (res.body as unknown as MatchesBody).nearbyCount;
            // The attacker's own earlier probes here are counted too: more than those means the victim.
            const inRange = seen > own;
            own++;
            return inRange;
          };
          // Two probes far out of reach first, so that later counts clear any small-count threshold.
          await probe(0.1);
          await probe(0.1);
          let lo = 0.1;
          let hi = 25;
          for (let i = 0; i < 22; i++) {
            const mid = (lo + hi) / 2;
            if (await probe(mid)) hi = mid;
            else lo = mid;
          }
          distances.push(hi);
        }
        // Trilaterate (circle equations less the first: two linear equations).
        const [p1, p2, p3] = centres.map((c) => toXY(cell, c)) as [
          { x: number; y: number },
          { x: number; y: number },
          { x: number; y: number },
        ];
        const [d1, d2, d3] = distances as [number, number, number];
        const a = 2 * (p2.x - p1.x);
        const b = 2 * (p2.y - p1.y);
        const c = d1 ** 2 - d2 ** 2 - p1.x ** 2 + p2.x ** 2 - p1.y ** 2 + p2.y ** 2;
        const d = 2 * (p3.x - p1.x);
        const e = 2 * (p3.y - p1.y);
        const f = d1 ** 2 - d3 ** 2 - p1.x ** 2 + p3.x ** 2 - p1.y ** 2 + p3.y ** 2;
        const det = a * e - b * d;
        const estimate = fromXY(cell, { x: (c * e - b * f) / det, y: (a * f - c * d) / det });

        const error = distanceKm(estimate, victim);
        assert.ok(
          error > 0.3,
          `the attacker placed the victim ${Math.round(error * 1000)} m from where they are (the grid allows no closer than its cell)`,
        );
        assert.ok(
          distanceKm(estimate, cell) < 0.1,
          `what the attacker can find is the cell's centre (${Math.round(distanceKm(estimate, cell) * 1000)} m off it)`,
        );
      });

      it('limits matching per address and per voter, in the database', async () => {
        const limited = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          config: {
            trustProxy: 1,
            matchesPerAddress: { limit: 3, windowSeconds: 3600 },
            matchesPerVoter: { limit: 2, windowSeconds: 3600 },
          },
        });
        try {
          const probe = (from: string, voter?: string) =>
            send(`${limited.url}/signups`, {
              headers: write(key('limited'), voter, { 'X-Forwarded-For': from }),
              body: signupBody({ lat: 51.45, lng: -2.58 }, 5),
            });
          const fromOne = [];
          for (let i = 0; i < 5; i++) fromOne.push((await probe('198.51.100.1')).status);
          assert.deepEqual(fromOne, [200, 200, 200, 429, 429], 'per address');
          const oneVoter = [];
          for (let i = 0; i < 4; i++) oneVoter.push((await probe(`198.51.100.${10 + i}`, testVoter('prober'))).status);
          assert.deepEqual(oneVoter, [200, 200, 429, 429], 'per voter, from ever new addresses');
          const wait = await probe('198.51.100.1');
          assert.ok(Number(wait.headers.get('retry-after')) > 0, 'with Retry-After');
          // A sign-up retried with its key (the element's outbox after a lost answer) is not a new question.
          const once = key('retried');
          const body = signupBody({ lat: 51.45, lng: -2.58 }, 5);
          const retried = [];
          for (let i = 0; i < 4; i++)
            retried.push(
              (
                await send(`${limited.url}/signups`, {
                  headers: write(once, testVoter('retrier'), { 'X-Forwarded-For': '198.51.100.99' }),
                  body,
                })
              ).status,
            );
          assert.deepEqual(retried, [200, 200, 200, 200], 'retries of one sign-up');
        } finally {
          await limited.close();
        }
      });

      it('a small radius right on top of someone tells neither that they are there nor their causes', async () => {
        const lone = { lat: 50.7184, lng: -3.5339 };
        const signed = await send(`${server.url}/signups`, {
          headers: write(key('lone')),
          body: signupBody({ ...lone, precision: 'exact' }, 5, ['housing', 'mutual-aid']),
        });
        assert.equal(signed.status, 200);
        const probe = await send(`${server.url}/signups`, {
          headers: write(key('on-top')),
          body: signupBody({ ...lone, precision: 'exact' }, 0.1, ['housing', 'mutual-aid']),
        });
        assert.equal(probe.status, 200, JSON.stringify(probe.body));
        const m = probe.body as unknown as MatchesBody;
        assert.ok((m.fewerThan ?? 0) >= 3, `counts below a threshold are withheld (fewerThan: ${m.fewerThan})`);
        assert.equal(m.nearbyCount, 0, 'one person nearby reads as "fewer than k", the same as nobody');
        for (const s of m.sharedInterests) assert.equal(s.count, 0, `${s.interest}: one person's cause is withheld`);
        assert.ok((m.radiusKm ?? 0) >= 3, `the smallest radius is a few kilometres (got ${m.radiusKm})`);
      });
    });

    describe('voter tokens', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer({ database: databaseOption(database.url), fixture: FIXTURE });
      });
      after(() => server.close());

      const voteWith = (token: string) =>
        send(`${server.url}/polls/budget/votes`, { headers: write(key('vote'), token), body: { choices: ['park'] } });
      const good = { typ: 'civic-voter+jwt', alg: 'HS256' };
      const claims = (sub: string) => ({ iss: TEST_SITE.id, sub, aud: 'civic-server', iat: nowSeconds() });

      it('takes a token for this server, of the voter type, that expires within the maximum', async () => {
        const r = await voteWith(jwt(good, { ...claims('alice'), exp: nowSeconds() + 3600 }));
        assert.equal(r.status, 200, JSON.stringify(r.body));
      });

      it('refuses a token issued in 2001 with no expiry', async () => {
        const r = await voteWith(jwt(good, { ...claims('bob'), iat: 978_307_200 }));
        assert.equal(r.status, 401, JSON.stringify(r.body));
      });

      it('refuses a token that would last longer than the maximum lifetime', async () => {
        const r = await voteWith(jwt(good, { ...claims('carol'), exp: nowSeconds() + 10 * 365 * 86_400 }));
        assert.equal(r.status, 401, JSON.stringify(r.body));
      });

      it('refuses a token issued for another server (aud), or for none', async () => {
        const exp = nowSeconds() + 600;
        const other = await voteWith(jwt(good, { ...claims('dan'), aud: 'https://neighbours.example', exp }));
        assert.equal(other.status, 401, JSON.stringify(other.body));
        const noAudience: Record<string, unknown> = claims('dan');
        delete noAudience.aud;
        const none = await voteWith(jwt(good, { ...noAudience, exp }));
        assert.equal(none.status, 401, JSON.stringify(none.body));
      });

      it('refuses another kind of token signed with the same secret (typ)', async () => {
        const exp = nowSeconds() + 600;
        for (const typ of ['JWT', 'at+jwt', undefined]) {
          const r = await voteWith(jwt({ alg: 'HS256', ...(typ ? { typ } : {}) }, { ...claims('erin'), exp }));
          assert.equal(r.status, 401, `typ ${typ}: ${JSON.stringify(r.body)}`);
        }
      });

      it('keeps site and subject apart: no site may be called "browser" or contain ":"', async () => {
        const secret = 'another-secret-that-is-long-enough-0123456789';
        for (const id of ['browser', 'a:b'])
          assert.throws(
            () => configFromEnv({ CIVIC_SITES: JSON.stringify([{ id, secret }]) }),
            new RegExp(`site "${id}"`),
          );
        for (const id of ['browser', 'a:b'])
          await assert.rejects(
            startServer(defaultConfig({ database: ':memory:', port: 0, sites: [{ id, secret }] })),
            /site/,
          );
      });
    });

    describe('a federated page', () => {
      let ours: TestServer;
      let neighbour: ReturnType<typeof createServer>;
      let neighbourUrl = '';
      const seen: IncomingHttpHeaders[] = [];
      before(async () => {
        ours = await startTestServer({ database: databaseOption(database.url), fixture: FIXTURE });
        // The neighbour records every request it gets and knows no poll.
        neighbour = createServer((req, res) => {
          if (req.url?.startsWith('/moved/')) {
            // A server that sends its callers on to another origin (localhost is not 127.0.0.1).
            const port = (neighbour.address() as AddressInfo).port;
            res.writeHead(307, { location: `http://localhost:${port}${req.url.slice('/moved'.length)}` });
            return res.end();
          }
          seen.push(req.headers);
          res.writeHead(404, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: 'urn:civic-kit:problem:not-found', title: 'Not here', status: 404 }));
        });
        await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
        neighbourUrl = `http://127.0.0.1:${(neighbour.address() as AddressInfo).port}`;
      });
      after(async () => {
        await ours.close();
        await new Promise((resolve) => neighbour.close(resolve));
      });

      it("sends the visitor's voter token to no host but its owner, so nothing can be replayed", async () => {
        const voter = testVoter('visitor');
        const federated = new FederatedAdapter({
          sources: [
            { name: 'Our town', adapter: new RestAdapter({ endpoint: ours.url, EventSource: undefined, retries: 0 }) },
            {
              name: 'Neighbours',
              adapter: new RestAdapter({ endpoint: neighbourUrl, EventSource: undefined, retries: 0 }),
            },
          ],
        });
        // What <civic-poll> does: read the poll as the visitor, for an id asked of the sources…
        await federated.getPoll('budget', { voter });
        // …and for one no source has.
        await federated.getPoll('nowhere', { voter }).catch(() => undefined);
        const leaked = seen.map((h) => h.authorization).filter(Boolean);
        assert.deepEqual(leaked, [], 'the neighbour got the visitor token');
        // Had it leaked, this is what the neighbour could do with it: vote as the visitor on our server.
        for (const token of leaked) {
          const replay = await send(`${ours.url}/polls/budget/votes`, {
            headers: write(key('replay'), String(token).replace(/^Bearer /, '')),
            body: { choices: ['bikes'] },
          });
          assert.notEqual(replay.status, 200, 'a replayed token cast a ballot');
        }
      });

      it('a REST endpoint that redirects to another origin does not pass the token on', async () => {
        const before = seen.length;
        const rest = new RestAdapter({ endpoint: `${neighbourUrl}/moved`, EventSource: undefined, retries: 0 });
        await rest.getPoll('budget', { voter: testVoter('visitor') }).catch(() => undefined);
        const arrived = seen.slice(before);
        assert.deepEqual(arrived.map((h) => h.authorization).filter(Boolean), [], 'the other origin got the token');
      });

      it('asks the neighbour for an id only after its owner said it has none', async () => {
        const before = seen.length;
        const federated = new FederatedAdapter({
          sources: [
            { name: 'Our town', adapter: new RestAdapter({ endpoint: ours.url, EventSource: undefined, retries: 0 }) },
            {
              name: 'Neighbours',
              adapter: new RestAdapter({ endpoint: neighbourUrl, EventSource: undefined, retries: 0 }),
            },
          ],
        });
        const poll = await federated.getPoll('budget', { voter: testVoter('visitor') });
        assert.equal(poll.id, 'budget');
        assert.equal(seen.length, before, 'the neighbour was asked for a poll that is ours');
      });
    });

    describe('sign-ups', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer({ database: databaseOption(database.url), fixture: FIXTURE });
      });
      after(() => server.close());

      it('refuses 1,400 copies of an interest at once, and counts a repeated interest once', async () => {
        const started = Date.now();
        const flood = await send(`${server.url}/signups`, {
          headers: write(key('flood')),
          body: signupBody(
            { text: 'x', lat: 51.45, lng: -2.58 },
            5,
            Array.from({ length: 1400 }, () => 'housing'),
          ),
        });
        assert.equal(flood.status, 400, JSON.stringify(flood.body).slice(0, 300));
        assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
        const twice = await send(`${server.url}/signups`, {
          headers: write(key('twice')),
          body: signupBody({ lat: 51.45, lng: -2.58 }, 5, ['housing', 'housing', 'repair', 'housing']),
        });
        assert.equal(twice.status, 200, JSON.stringify(twice.body));
        const listed = (twice.body as unknown as MatchesBody).sharedInterests.map((x) => x.interest);
        assert.deepEqual(listed, ['housing', 'repair']);
        const stored = await server.db.get<{ interests: string }>(
          'SELECT interests FROM people WHERE signup_id IS NOT NULL ORDER BY id LIMIT 1',
        );
        assert.ok(stored, 'stored');
        const kept = JSON.parse(stored.interests) as string[];
        assert.equal(kept.length, new Set(kept).size, 'no interest kept twice');
      });

      it('refuses a sign-up without the consent matching rests on', async () => {
        const none = await send(`${server.url}/signups`, {
          headers: write(key('no-consent')),
          body: signupBody({ lat: 51.45, lng: -2.58 }, 5, [], { consent: [] }),
        });
        assert.equal(none.status, 400, JSON.stringify(none.body));
        assert.ok(
          (none.body.errors as { pointer?: string }[]).some((e) => e.pointer === '/consent'),
          JSON.stringify(none.body),
        );
      });

      it("keeps the server's own time in the consent receipt, not one the client made up", async () => {
        const email = `receipt-${key('r')}@example.org`;
        const body = signupBody({ lat: 51.45, lng: -2.58 }, 5, [], { email });
        (body.consent[0] as { timestamp: string }).timestamp = '2001-01-01T00:00:00Z';
        const r = await send(`${server.url}/signups`, { headers: write(key('receipt')), body });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const osdi = (await exportSignups(server.db)) as {
          _embedded: {
            'osdi:people': { email_addresses: { address: string }[]; 'civic_kit:consents': { timestamp: string }[] }[];
          };
        };
        const person = osdi._embedded['osdi:people'].find((p) => p.email_addresses[0]!.address === email)!;
        const given = Date.parse(person['civic_kit:consents'][0]!.timestamp);
        assert.ok(Math.abs(given - Date.now()) < 60_000, `receipt time ${person['civic_kit:consents'][0]!.timestamp}`);
        assert.equal(
          (person.email_addresses[0] as { status?: string }).status,
          undefined,
          'an address nobody confirmed is not exported as "subscribed"',
        );
      });
    });

    describe('the live stream', () => {
      let server: TestServer;
      let organiser = '';
      before(async () => {
        server = await startTestServer({ database: databaseOption(database.url), fixture: FIXTURE });
        organiser = (await createAdminToken(server.db, { name: 'Olu', role: 'organiser' }, new Date())).token;
      });
      after(() => server.close());

      it('tells a reconnecting stream nothing of a poll a moderator hid', async () => {
        const hide = await send(`${server.url}/admin/api/polls/budget/hide`, {
          headers: { Authorization: `Bearer ${organiser}` },
          body: {},
        });
        assert.equal(hide.status, 200, JSON.stringify(hide.body));
        assert.equal((await send(`${server.url}/polls/budget`)).status, 404, 'hidden from the REST API');
        const text = await listen(server.url, 'poll:budget', 400);
        assert.match(text, /event: ready/);
        assert.deepEqual(changes(text), [], 'the stream sent the hidden poll');
        assert.doesNotMatch(text, /Which project first|The park/);
      });

      it('never sends the results of a poll that shows them only to those who voted', async () => {
        const text = await listen(server.url, 'poll:sealed', 400, async () => {
          for (const who of ['sealer-1', 'sealer-2', 'sealer-3']) {
            const r = await send(`${server.url}/polls/sealed/votes`, {
              headers: write(key('sealed'), testVoter(who)),
              body: { choices: ['yes'] },
            });
            assert.equal(r.status, 200, JSON.stringify(r.body));
            assert.ok(r.body.results, 'the voter sees the results');
          }
        });
        const sent = changes(text);
        assert.ok(sent.length >= 1, `the stream said the poll changed (${text.slice(0, 300)})`);
        for (const event of sent) {
          const poll = event.poll as Record<string, unknown>;
          assert.equal(poll.id, 'sealed');
          assert.equal(poll.results, undefined, `results went out in the stream: ${JSON.stringify(poll.results)}`);
        }
        assert.doesNotMatch(text, /"counts"|"voters"/);
      });
    });

    describe('the admin API', () => {
      it('limits how often one address may try admin tokens, whatever X-Forwarded-For it writes', async () => {
        const server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          config: { trustProxy: 1, adminRequests: { limit: 5, windowSeconds: 60 } },
        });
        try {
          const statuses: number[] = [];
          for (let i = 0; i < 20; i++) {
            const guess = `civic_admin_${String(i).padStart(43, '0')}`;
            const r = await send(`${server.url}/admin/api/me`, {
              headers: { Authorization: `Bearer ${guess}`, 'X-Forwarded-For': `10.0.0.${i}, 203.0.113.9` },
            });
            statuses.push(r.status);
            if (r.status === 429) assert.ok(Number(r.headers.get('retry-after')) >= 1, 'says when to come back');
          }
          assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
          // The bucket refills one request every 12 s: none of the other 15 gets through.
          assert.deepEqual(statuses.slice(5), Array<number>(15).fill(429), statuses.join(','));
          // Another address is not held back by this one.
          const other = await send(`${server.url}/admin/api/me`, {
            headers: { Authorization: 'Bearer civic_admin_nope', 'X-Forwarded-For': '198.51.100.4' },
          });
          assert.equal(other.status, 401);
        } finally {
          await server.close();
        }
      });
    });

    describe('the sign-up form', () => {
      let server: TestServer;
      let clock = Date.now();
      before(async () => {
        server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          // As in production: a stamp required, 3 s at least.
          config: { signupStampRequired: true, signupMinFillSeconds: 3, now: () => new Date(clock) },
        });
      });
      after(() => server.close());

      const form = async () => {
        const r = await send(`${server.url}/signups/form`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body as { stamp: string; minFillSeconds: number; consents: { purpose: string; text: string }[] };
      };
      const signUp = (formPart: Record<string, unknown> | undefined) =>
        send(`${server.url}/signups`, {
          headers: write(key('form')),
          body: signupBody({ lat: 53.4808, lng: -2.2426 }, 5, [], formPart ? { form: formPart } : {}),
        });
      const refusedAt = (r: Awaited<ReturnType<typeof send>>, pointer: string, pattern: RegExp) => {
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.ok(
          (r.body.errors as { pointer?: string }[]).some((e) => e.pointer === pointer),
          JSON.stringify(r.body),
        );
        assert.match(String(r.body.detail ?? r.body.title), pattern);
      };

      it('refuses a script: no stamp, a filled honeypot, a form sent at once; takes what a person sends', async () => {
        refusedAt(await signUp(undefined), '/form/stamp', /GET \/signups\/form/);
        const { stamp, minFillSeconds } = await form();
        assert.equal(minFillSeconds, 3);
        refusedAt(await signUp({ stamp }), '/form/stamp', /faster than a person/);
        clock += 2_000;
        refusedAt(await signUp({ stamp }), '/form/stamp', /faster than a person/);
        clock += 2_000;
        refusedAt(await signUp({ stamp, trap: 'https://cheap-pills.example' }), '/form/trap', /never see/);
        // What was refused used nothing up: the person's own sign-up goes through.
        const idem = key('person');
        const body = signupBody({ lat: 53.4808, lng: -2.2426 }, 5, [], { form: { stamp, trap: '' } });
        const person = await send(`${server.url}/signups`, { headers: write(idem), body });
        assert.equal(person.status, 200, JSON.stringify(person.body));
        // Sent again (a retry with the same key): the stored answer, not "already used".
        const retried = await send(`${server.url}/signups`, { headers: write(idem), body });
        assert.equal(retried.status, 200, JSON.stringify(retried.body));
        assert.equal(retried.headers.get('idempotent-replayed'), 'true');
        // One stamp, one sign-up.
        refusedAt(await signUp({ stamp }), '/form/stamp', /already used/);
      });

      it('refuses a stamp it did not issue, one moved back in time, and one more than a week old', async () => {
        const { stamp } = await form();
        const [issued, nonce, signature] = stamp.split('.') as [string, string, string];
        const earlier = (parseInt(issued, 36) - 60_000).toString(36);
        clock += 500;
        refusedAt(await signUp({ stamp: `${earlier}.${nonce}.${signature}` }), '/form/stamp', /not one this server/);
        refusedAt(
          await signUp({ stamp: `${issued}.${nonce}.${'A'.repeat(43)}` }),
          '/form/stamp',
          /not one this server/,
        );
        clock += 8 * 86_400_000;
        refusedAt(await signUp({ stamp }), '/form/stamp', /too old/);
      });

      it('takes a stamp issued by another server process on the same database', async () => {
        const other = await startServer(
          defaultConfig({
            database: server.location.startsWith('postgres:') ? database.url! : server.location,
            databaseSchema: server.location.startsWith('postgres:')
              ? server.location.slice('postgres:'.length)
              : undefined,
            port: 0,
            sites: [TEST_SITE],
            now: () => new Date(clock),
          }),
        );
        try {
          const issued = await send(`${other.url}/signups/form`);
          clock += 4_000;
          const r = await signUp({ stamp: (issued.body as { stamp: string }).stamp });
          assert.equal(r.status, 200, JSON.stringify(r.body));
        } finally {
          await other.close();
        }
      });

      it("records the consent words the server serves in the receipt, not the client's, and says so", async () => {
        const organiser = (await createAdminToken(server.db, { name: 'Olu', role: 'organiser' }, new Date())).token;
        const admin = { Authorization: `Bearer ${organiser}` };
        const current = await send(`${server.url}/admin/api/settings`, { headers: admin });
        const words = 'Put me in touch with people near me who care about the same causes (Riverside Trust).';
        const saved = await send(`${server.url}/admin/api/settings`, {
          method: 'PUT',
          headers: { ...admin, 'If-Match': current.headers.get('etag')! },
          body: {
            ...(current.body.settings as object),
            consents: [{ purpose: 'connect', text: words, version: '2026-12' }],
          },
        });
        assert.equal(saved.status, 200, JSON.stringify(saved.body));

        const served = await form();
        assert.deepEqual(served.consents, [{ purpose: 'connect', text: words, version: '2026-12' }]);
        clock += 4_000;
        // The client ticks "connect" and sends words of its own, with a time from 2001.
        const email = `words-${key('w')}@example.org`;
        const body = signupBody({ lat: 53.4808, lng: -2.2426 }, 5, [], { email, form: { stamp: served.stamp } });
        Object.assign(body.consent[0]!, {
          text: 'I agree to anything.',
          version: '0',
          timestamp: '2001-01-01T00:00:00Z',
        });
        const r = await send(`${server.url}/signups`, { headers: write(key('words')), body });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const receipt = (
          r.body as { receipt?: { purpose: string; text: string; version: string; timestamp: string }[] }
        ).receipt;
        assert.equal(receipt?.length, 1, JSON.stringify(r.body));
        assert.deepEqual(
          { purpose: receipt[0]!.purpose, text: receipt[0]!.text, version: receipt[0]!.version },
          { purpose: 'connect', text: words, version: '2026-12' },
        );
        assert.equal(Date.parse(receipt[0]!.timestamp), clock, "the receipt's time is the server's");
        const osdi = (await exportSignups(server.db)) as {
          _embedded: {
            'osdi:people': {
              email_addresses: { address: string }[];
              'civic_kit:consents': { text: string; version: string }[];
            }[];
          };
        };
        const kept = osdi._embedded['osdi:people'].find((p) => p.email_addresses[0]!.address === email)!;
        assert.equal(kept['civic_kit:consents'][0]!.text, words);
        assert.equal(kept['civic_kit:consents'][0]!.version, '2026-12');
      });
    });

    describe('hygiene', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          config: { eventsPerAddress: { limit: 30, windowSeconds: 60 } },
        });
      });
      after(() => server.close());

      it('answers JSON nested 8,000 deep with 400 and no stack trace, in the answer or the log', async () => {
        let r: Awaited<ReturnType<typeof send>> | undefined;
        const log = await logged(async () => {
          r = await send(`${server.url}/polls/budget/votes`, {
            headers: write(key('deep'), testVoter('deep')),
            raw: `${'['.repeat(8000)}${']'.repeat(8000)}`,
          });
        });
        assert.equal(r!.status, 400, JSON.stringify(r!.body).slice(0, 300));
        assert.doesNotMatch(JSON.stringify(r!.body), /\bat \S+ \(|stack/i);
        assert.doesNotMatch(log, /\n\s+at /, 'a stack trace was logged');
      });

      it('limits how often one address opens /events', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 60; i++) {
          const controller = new AbortController();
          const res = await fetch(`${server.url}/events?topics=poll:budget`, { signal: controller.signal });
          statuses.push(res.status);
          controller.abort();
          await res.body?.cancel().catch(() => undefined);
        }
        assert.ok(
          statuses.slice(0, 30).every((s) => s === 200),
          statuses.join(','),
        );
        // The bucket refills one connection every 2 s while the loop runs (about 2 s): at most 2 more.
        const later = statuses.slice(30);
        assert.ok(later.filter((s) => s === 200).length <= 2, statuses.join(','));
        assert.ok(
          later.every((s) => s === 200 || s === 429),
          statuses.join(','),
        );
      });

      it('creates the SQLite files readable by their owner only', { skip: database.name !== 'SQLite' }, () => {
        for (const file of [server.location, `${server.location}-wal`]) {
          const mode = statSync(file).mode & 0o777;
          assert.equal(mode.toString(8), '600', file);
        }
      });

      it("delete-person removes the stored answer and body digest of that person's sign-up", async () => {
        const email = `forget-${key('f')}@example.org`;
        const idem = key('forget');
        const r = await send(`${server.url}/signups`, {
          headers: write(idem, undefined, { 'Civic-Browser': 'browser-forget-me-0123456' }),
          body: signupBody({ lat: 51.45, lng: -2.58 }, 5, [], { email }),
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const count = async () =>
          Number(
            (
              await server.db.get<{ n: number }>(
                'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM idempotency_keys WHERE idem_key = ?',
                [idem],
              )
            )?.n,
          );
        assert.equal(await count(), 1);
        await deletePerson(server.db, { email });
        assert.equal(await count(), 0, 'the stored answer outlived the person');
      });

      it('publishes ranked ballots in an order that says nothing about who voted when', async () => {
        const cast = [
          ['c', 'b', 'a'],
          ['a', 'b', 'c'],
          ['b', 'c', 'a'],
          ['a', 'c', 'b'],
        ];
        for (const [n, choices] of cast.entries()) {
          const r = await send(`${server.url}/polls/ranked/votes`, {
            headers: write(key('rank'), testVoter(`ranker-${n}`)),
            body: { choices },
          });
          assert.equal(r.status, 200, JSON.stringify(r.body));
        }
        const poll = await send(`${server.url}/polls/ranked`);
        const ballots = (poll.body.results as { ballots: string[][] }).ballots;
        assert.deepEqual(ballots, [
          ['a', 'b', 'c'],
          ['a', 'c', 'b'],
          ['b', 'c', 'a'],
          ['c', 'b', 'a'],
        ]);
      });

      it('sends CSP, frame-ancestors, Referrer-Policy and nosniff with every response', async () => {
        for (const [path, init] of [
          ['/', {}],
          ['/polls/budget', {}],
          ['/no-such-thing', {}],
          ['/polls/budget/votes', { body: { choices: ['park'] }, headers: write(key('h')) }],
          ['/events?topics=nope', {}],
        ] as const) {
          const r = await send(`${server.url}${path}`, init);
          const csp = r.headers.get('content-security-policy') ?? '';
          assert.match(csp, /default-src 'none'/, `${path}: ${csp}`);
          assert.match(csp, /frame-ancestors 'none'/, `${path}: ${csp}`);
          assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
          assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
        }
      });

      it('warns loudly at start when no site secret is set', async () => {
        let running: Awaited<ReturnType<typeof startServer>> | undefined;
        const log = await logged(async () => {
          running = await startServer(defaultConfig({ database: ':memory:', port: 0, sites: [] }));
        });
        await running?.close();
        assert.match(log, /CIVIC_VOTER_SECRET/);
      });
    });

    describe('out-voting', () => {
      it('a rotated X-Forwarded-For gets no write past the limit: the proxy hops are counted from the right', async () => {
        for (const proxies of [{ trustProxy: 1 }, { trustedProxies: ['127.0.0.1', '::1'] }]) {
          const server = await startTestServer({
            database: databaseOption(database.url),
            fixture: FIXTURE,
            config: { ...proxies, addressWrites: { limit: 5, windowSeconds: 60 } },
          });
          try {
            let through = 0;
            for (let i = 0; i < 30; i++) {
              // What reaches the server through one proxy: the attacker's invention, then the address
              // the proxy saw (always the same attacker).
              const spoofed = `10.${i}.${i}.${i}, 203.0.113.7`;
              const r = await send(`${server.url}/polls/budget/votes`, {
                headers: write(key('xff'), testVoter(`xff-${i}`), { 'X-Forwarded-For': spoofed }),
                body: { choices: ['park'] },
              });
              if (r.status === 200) through++;
            }
            assert.equal(through, 5, `${JSON.stringify(proxies)}: ${through} of 30 writes got through a limit of 5`);
          } finally {
            await server.close();
          }
        }
      });

      it('one address with a new Civic-Browser id for every ballot counts a few ballots per poll, not 120', async () => {
        const server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          anonymous: true,
          config: { anonymousVotesPerPoll: { limit: 10, windowSeconds: 86_400 } },
        });
        try {
          const before = (await send(`${server.url}/polls/budget`)).body.results as { voters: number };
          for (let i = 0; i < 120; i++)
            await send(`${server.url}/polls/budget/votes`, {
              headers: write(key('stuff'), undefined, {
                'Civic-Browser': `stuffing-browser-${String(i).padStart(4, '0')}`,
              }),
              body: { choices: ['bikes'] },
            });
          const afterwards = (await send(`${server.url}/polls/budget`)).body.results as { voters: number };
          assert.equal(
            afterwards.voters - before.voters,
            10,
            `${afterwards.voters - before.voters} anonymous ballots counted`,
          );
        } finally {
          await server.close();
        }
      });

      it(
        'the limits that protect privacy and counts hold across two server processes',
        { skip: database.name !== 'PostgreSQL' },
        async () => {
          const env = {
            CIVIC_MATCHES_PER_ADDRESS_PER_HOUR: '4',
            CIVIC_ANONYMOUS_VOTES_PER_POLL_PER_DAY: '3',
          };
          const server = await startTestServer({
            database: databaseOption(database.url),
            fixture: FIXTURE,
            anonymous: true,
            config: (({ matchesPerAddress, anonymousVotesPerPoll }) => ({ matchesPerAddress, anonymousVotesPerPoll }))(
              configFromEnv(env),
            ),
          });
          const schema = server.location.replace(/^postgres:/, '');
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
            cwd: new URL('..', import.meta.url).pathname,
            env: {
              ...process.env,
              ...env,
              // Limits are what this is about: sign-ups without a form stamp, as the first process takes them.
              CIVIC_SIGNUP_STAMP: 'optional',
              DATABASE_URL: database.url,
              CIVIC_DATABASE_SCHEMA: schema,
              PORT: '0',
            },
            stdio: 'pipe',
          });
          try {
            const other = await new Promise<string>((resolve, reject) => {
              let output = '';
              const timer = setTimeout(() => reject(new Error(`the second process did not start:\n${output}`)), 30_000);
              const read = (chunk: Buffer) => {
                output += chunk.toString();
                const m = /on (http:\/\/\S+) /.exec(output);
                if (m) {
                  clearTimeout(timer);
                  resolve(m[1]!);
                }
              };
              child.stdout.on('data', read);
              child.stderr.on('data', read);
            });
            const urls = [server.url, other];
            let matched = 0;
            for (let i = 0; i < 10; i++) {
              const r = await send(`${urls[i % 2]}/signups`, {
                headers: write(key('two')),
                body: signupBody({ lat: 51.45, lng: -2.58 }, 5),
              });
              if (r.status === 200) matched++;
            }
            assert.equal(matched, 4, `${matched} sign-ups across two processes through a limit of 4`);
            let counted = 0;
            for (let i = 0; i < 10; i++) {
              const r = await send(`${urls[i % 2]}/polls/budget/votes`, {
                headers: write(key('two-vote'), undefined, { 'Civic-Browser': `two-process-browser-${i}-xxxxx` }),
                body: { choices: ['park'] },
              });
              if (r.status === 200) counted++;
            }
            assert.equal(counted, 3, `${counted} anonymous ballots across two processes through a limit of 3`);
          } finally {
            child.kill('SIGTERM');
            await server.close();
          }
        },
      );
    });

    describe('double opt-in', () => {
      let server: TestServer;
      let outbox = '';
      let clock = Date.now();
      before(async () => {
        outbox = mkdtempSync(join(tmpdir(), 'civic-outbox-'));
        server = await startTestServer({
          database: databaseOption(database.url),
          fixture: FIXTURE,
          // Exact counts here, to see one person counted or not.
          config: { confirmSignups: true, mailOutbox: outbox, smallestCount: 0, now: () => new Date(clock) },
        });
      });
      after(async () => {
        await server.close();
        rmSync(outbox, { recursive: true, force: true });
      });

      /** The confirmation link in the mail sent to `email`. */
      const linkFor = (email: string): string => {
        for (const file of readdirSync(outbox)) {
          const mail = readFileSync(join(outbox, file), 'utf8');
          if (!mail.includes(`To: ${email}`)) continue;
          // As a mail client reads it: quoted-printable soft line breaks and escapes undone.
          const text = mail
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          const m = /(http:\/\/\S+\/signups\/confirm\?token=[A-Za-z0-9_-]+)/.exec(text);
          if (m) return m[1]!;
        }
        throw new Error(`no confirmation mail to ${email}`);
      };
      const signUp = async (email: string) => {
        const r = await send(`${server.url}/signups`, {
          headers: write(key('optin')),
          body: signupBody({ lat: 52.2053, lng: 0.1218 }, 5, ['repair'], { email }),
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body as unknown as MatchesBody;
      };

      it('counts a sign-up only once its email address is confirmed, and lets unconfirmed ones expire', async () => {
        await signUp('ann@example.org');
        assert.equal((await signUp('ben@example.org')).nearbyCount, 0, 'an unconfirmed sign-up was counted');
        const confirmed = await fetch(linkFor('ann@example.org'));
        assert.equal(confirmed.status, 200);
        assert.match(await confirmed.text(), /confirmed/i);
        assert.equal((await signUp('cat@example.org')).nearbyCount, 1, 'the confirmed sign-up counts, the others not');
        const people = (await exportSignups(server.db)) as {
          _embedded: { 'osdi:people': { email_addresses: { address: string; status?: string }[] }[] };
        };
        assert.equal(people._embedded['osdi:people'].length, 1, 'the export lists confirmed sign-ups only');
        assert.deepEqual(people._embedded['osdi:people'][0]!.email_addresses, [
          { address: 'ann@example.org', primary: true, status: 'subscribed' },
        ]);

        clock += 49 * 3_600_000;
        assert.equal(await pruneUnconfirmedSignups(server.db, 48, new Date(clock)), 2);
        const late = await fetch(linkFor('ben@example.org'));
        assert.equal(late.status, 404, 'an expired link confirms nothing');
        assert.equal((await signUp('dan@example.org')).nearbyCount, 1);
      });
    });
  });
}
