/**
 * The server over HTTP: concurrency, bad input, identity, CORS, rate limits, live events,
 * sign-ups with consent receipts, export and deletion, restarts. SQLite always; PostgreSQL too
 * when DATABASE_URL is set.
 */
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import {
  deletePerson,
  exportSignups,
  refreshSeeded,
  seed,
  signVoterToken,
  startServer,
  type SeedData,
} from '../src/index.js';
import { demoData } from '@civic-kit/core/demo';
import { buildOpenApi } from '../src/openapi.js';
import { defaultConfig } from '../src/config.js';
import { startTestServer, TEST_SITE, testVoter, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, send, write } from './helpers.js';

const ORIGIN = 'https://town.example';
/** An open poll of the conformance fixture, and one of its options. */
const OTHER_OPEN_POLL = 'open-single';
const OTHER_OPEN_POLL_OPTION = (
  CONFORMANCE_FIXTURE.polls.find((p) => p.id === OTHER_OPEN_POLL) as { options: { id: string }[] }
).options[0]!.id;

const FIXTURE: SeedData = {
  ...(CONFORMANCE_FIXTURE as SeedData),
  polls: [
    ...CONFORMANCE_FIXTURE.polls,
    {
      id: 'crowd',
      question: 'Which day?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'sat', label: 'Saturday' },
        { id: 'sun', label: 'Sunday' },
      ],
    },
    {
      id: 'ranked',
      question: 'Order these',
      kind: 'ranked',
      status: 'open',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ],
    },
    {
      id: 'secret',
      question: 'Hidden until you vote',
      kind: 'single',
      status: 'open',
      resultsVisibility: 'after-vote',
      allowChange: true,
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ],
    },
  ],
  places: { bristol: { lat: 51.454, lng: -2.587 } },
  people: [
    { lat: 51.455, lng: -2.59, interests: ['repair'] },
    { lat: 51.46, lng: -2.58, interests: ['energy', 'repair'] },
    { lat: 50.43, lng: -3.68, interests: ['repair'] },
  ],
};

const rows = async (s: TestServer, sql: string) => Number((await s.db.get<{ n: number }>(sql))?.n ?? -1);

for (const database of DATABASES) {
  describe(`the server on ${database.name}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({
        database: databaseOption(database.url),
        fixture: FIXTURE,
        // Counts of 2 and more are told here (the default withholds those under 3), so both show.
        config: { allowedOrigins: [ORIGIN], smallestCount: 2 },
      });
    });
    after(() => s.close());

    it('counts 200 voters voting at once, each request sent twice with the same key, exactly', async () => {
      const voters = Array.from({ length: 200 }, (_, i) => testVoter(`crowd-${i}`));
      const ballots = voters.map((v, i) => ({ voter: v, choice: i % 3 === 0 ? 'sun' : 'sat', key: `crowd-key-${i}` }));
      const results = await Promise.all(
        ballots.flatMap((b) =>
          [0, 1].map(() =>
            send(`${s.url}/polls/crowd/votes`, { headers: write(b.key, b.voter), body: { choices: [b.choice] } }),
          ),
        ),
      );
      assert.deepEqual(new Set(results.map((r) => r.status)), new Set([200]));
      assert.equal(results.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 200);
      const poll = (await send(`${s.url}/polls/crowd`)).body as {
        results: { voters: number; counts: Record<string, number> };
      };
      const sun = ballots.filter((b) => b.choice === 'sun').length;
      assert.equal(poll.results.voters, 200);
      assert.deepEqual(poll.results.counts, { sat: 200 - sun, sun });
      assert.equal(await rows(s, "SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ballots WHERE poll_id = 'crowd'"), 200);
    });

    it('keeps one vote when the same voter votes twice (different keys, at once)', async () => {
      const voter = testVoter('twice');
      const [a, b] = await Promise.all(
        ['k-a', 'k-b'].map((key) =>
          send(`${s.url}/polls/open-single/votes`, {
            headers: write(`twice-${key}`, voter),
            body: { choices: ['no'] },
          }),
        ),
      );
      assert.deepEqual([a!.status, b!.status].sort(), [200, 409]);
      const conflict = [a!, b!].find((r) => r.status === 409)!;
      assert.equal(conflict.body.type, 'urn:civic-kit:problem:conflict');
      assert.equal(conflict.headers.get('content-type'), 'application/problem+json');
      assert.equal(
        await rows(s, "SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ballots WHERE voter = 'test-site:twice'"),
        1,
      );
    });

    it('lets a voter change a ballot only where the poll allows it, and hides results until they vote', async () => {
      const voter = testVoter('changer');
      const before = (await send(`${s.url}/polls/secret`, { headers: { Authorization: `Bearer ${voter}` } })).body;
      assert.equal(before.results, undefined);
      await send(`${s.url}/polls/secret/votes`, { headers: write('change-1', voter), body: { choices: ['x'] } });
      const changed = await send(`${s.url}/polls/secret/votes`, {
        headers: write('change-2', voter),
        body: { choices: ['y'] },
      });
      assert.equal(changed.status, 200);
      assert.deepEqual(changed.body.myBallot, { choices: ['y'] });
      assert.deepEqual((changed.body.results as { counts: object }).counts, { x: 0, y: 1 });
    });

    it('keeps every ranked ballot and counts first preferences', async () => {
      const r = await send(`${s.url}/polls/ranked/votes`, {
        headers: write('rank-1', testVoter('ranker')),
        body: { choices: ['b', 'a', 'c'] },
      });
      assert.equal(r.status, 200);
      const results = r.body.results as { counts: Record<string, number>; ballots: string[][] };
      assert.deepEqual(results.counts, { a: 0, b: 1, c: 0 });
      assert.deepEqual(results.ballots, [['b', 'a', 'c']]);
    });

    it('answers bad input with problem details, stores nothing and keeps serving', async () => {
      const voter = testVoter('mallory');
      // Every table a write can fill, counted before and after.
      const written = ['ballots', 'ballot_choices', 'supports', 'signups', 'consents', 'people', 'idempotency_keys'];
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            written.map(async (t) => [t, await rows(s, `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${t}`)] as const),
          ),
        );
      const before = await counts();
      const signup = {
        name: 'Mallory',
        email: 'mallory@example.org',
        place: { text: 'Bristol' },
        radiusKm: 5,
        interests: ['repair'],
        consent: [],
      };
      const cases: [string, Promise<{ status: number; body: Record<string, unknown> }>, number][] = [
        [
          'oversized body',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write('big', voter),
            raw: JSON.stringify({ choices: ['yes'], pad: 'x'.repeat(100_000) }),
          }),
          413,
        ],
        [
          'choices not an array',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t1', voter), body: { choices: 'yes' } }),
          400,
        ],
        [
          'a number as a choice',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t2', voter), body: { choices: [1] } }),
          400,
        ],
        [
          'a body that is not an object',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t3', voter), body: [1, 2] }),
          400,
        ],
        [
          'not JSON',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t4', voter), raw: '{"choices": [' }),
          400,
        ],
        [
          'unknown option',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t5', voter), body: { choices: ['maybe'] } }),
          400,
        ],
        [
          'SQL in a choice',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write('t6', voter),
            body: { choices: ["yes'); DELETE FROM ballots; --"] },
          }),
          400,
        ],
        [
          'SQL in a poll id',
          send(`${s.url}/polls/${encodeURIComponent("x' OR '1'='1")}/votes`, {
            headers: write('t7', voter),
            body: { choices: ['yes'] },
          }),
          404,
        ],
        [
          'no idempotency key',
          send(`${s.url}/polls/open-single/votes`, {
            headers: { Authorization: `Bearer ${voter}` },
            body: { choices: ['yes'] },
          }),
          400,
        ],
        [
          'a key of control characters',
          send(`${s.url}/polls/open-single/votes`, { headers: write('a b', voter), body: { choices: ['yes'] } }),
          400,
        ],
        [
          'garbage token',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t8', 'not-a-token'), body: { choices: ['yes'] } }),
          401,
        ],
        [
          'forged signature',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write(
              't9',
              signVoterToken({ id: TEST_SITE.id, secret: 'another-secret-of-sufficient-length-000000' }, 'eve'),
            ),
            body: { choices: ['yes'] },
          }),
          401,
        ],
        [
          'alg none',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write(
              't10',
              `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"eve"}').toString('base64url')}.`,
            ),
            body: { choices: ['yes'] },
          }),
          401,
        ],
        [
          'expired token',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write('t11', signVoterToken(TEST_SITE, 'old', { expiresInSeconds: 1, now: Date.now() - 60_000 })),
            body: { choices: ['yes'] },
          }),
          401,
        ],
        [
          'no voter at all',
          send(`${s.url}/polls/open-single/votes`, { headers: write('t12'), body: { choices: ['yes'] } }),
          401,
        ],
        ['a place lookup with nothing typed', send(`${s.url}/places?q=%20`), 400],
        ['a place lookup of 201 characters', send(`${s.url}/places?q=${'x'.repeat(201)}`), 400],
        [
          'a browser id where the poll wants a token',
          send(`${s.url}/polls/open-single/votes`, {
            headers: write('t13', undefined, { 'Civic-Browser': 'b'.repeat(32) }),
            body: { choices: ['yes'] },
          }),
          401,
        ],
        [
          'text/plain body',
          send(`${s.url}/polls/open-single/votes`, {
            headers: { ...write('t14', voter), 'Content-Type': 'text/plain' },
            raw: '{"choices":["yes"]}',
          }),
          415,
        ],
        [
          'a sign-up with a malformed email',
          send(`${s.url}/signups`, { headers: write('s1'), body: { ...signup, email: 'not an email' } }),
          400,
        ],
        [
          'a sign-up with SQL in its name and a radius of -1',
          send(`${s.url}/signups`, {
            headers: write('s2'),
            body: { ...signup, name: "x'); DELETE FROM signups; --", radiusKm: -1 },
          }),
          400,
        ],
        [
          'a sign-up with a consent missing its text',
          send(`${s.url}/signups`, {
            headers: write('s3'),
            body: { ...signup, consent: [{ purpose: 'contact', version: '1', timestamp: 'now', locale: 'en' }] },
          }),
          400,
        ],
        [
          'a sign-up too large',
          send(`${s.url}/signups`, { headers: write('s4'), body: { ...signup, message: 'x'.repeat(100_000) } }),
          413,
        ],
        [
          'support for an initiative that does not exist',
          send(`${s.url}/initiatives/${encodeURIComponent("c' OR '1'='1")}/support`, {
            headers: write('p1', voter),
            body: {},
          }),
          404,
        ],
        [
          'support with a forged token',
          send(`${s.url}/initiatives/c-repair/support`, { headers: write('p2', 'a.b.c'), body: {} }),
          401,
        ],
        ['SQL in q', send(`${s.url}/initiatives?q=${encodeURIComponent("'; DROP TABLE initiatives; --")}`), 200],
        ['bad near', send(`${s.url}/initiatives?near=1;DROP`), 400],
        ['bad bbox', send(`${s.url}/initiatives?bbox=0,0,0`), 400],
        ['bad status', send(`${s.url}/initiatives?status=open'`), 400],
        ['bad cursor', send(`${s.url}/initiatives?cursor=${encodeURIComponent("1' OR 1=1")}`), 400],
        ['bad limit', send(`${s.url}/initiatives?limit=abc`), 400],
        ['radiusKm without near', send(`${s.url}/initiatives?radiusKm=3`), 400],
        ['bad topics', send(`${s.url}/events?topics=users:all`), 400],
        ['unknown route', send(`${s.url}/nowhere`), 404],
      ];
      for (const [what, pending, status] of cases) {
        const r = await pending;
        assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
        if (status >= 400) {
          assert.match(String(r.body.type), /^urn:civic-kit:problem:/, what);
          assert.equal(r.body.status, status, what);
          assert.equal(typeof r.body.detail, 'string', what);
        }
      }
      const wrongType = await send(`${s.url}/polls/open-single/votes`, {
        headers: write('t15', voter),
        body: { choices: 'yes' },
      });
      assert.deepEqual((wrongType.body.errors as { pointer: string }[])[0]?.pointer, '/choices');
      assert.deepEqual(await counts(), before, 'a refused write stores nothing');
      assert.equal((await send(`${s.url}/health`)).status, 200);
      assert.equal(
        ((await send(`${s.url}/initiatives?limit=100`)).body.items as unknown[]).length,
        FIXTURE.initiatives!.length,
      );
    });

    it('answers a reused key with the first response, and a key reused for another request with 422', async () => {
      const voter = testVoter('keys');
      const first = await send(`${s.url}/initiatives/c-bikes/support`, { headers: write('reuse', voter), body: {} });
      const again = await send(`${s.url}/initiatives/c-bikes/support`, { headers: write('reuse', voter), body: {} });
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const other = await send(`${s.url}/initiatives/c-repair/support`, { headers: write('reuse', voter), body: {} });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'invalid-request');
    });

    it('allows anonymous per-browser voting only where a poll allows it', async () => {
      const anon = await startTestServer({
        database: databaseOption(database.url),
        fixture: FIXTURE,
        anonymous: { ids: ['crowd'] },
      });
      try {
        const browser = { 'Civic-Browser': 'browser-0123456789abcdef' };
        // Another open poll, seeded without the permission, refuses the same browser.
        const closedToBrowsers = await send(`${anon.url}/polls/${OTHER_OPEN_POLL}/votes`, {
          headers: write('a0', undefined, browser),
          body: { choices: [OTHER_OPEN_POLL_OPTION] },
        });
        assert.equal(closedToBrowsers.status, 401);
        assert.equal(closedToBrowsers.body.code, 'unauthorized');
        const v1 = await send(`${anon.url}/polls/crowd/votes`, {
          headers: write('a1', undefined, browser),
          body: { choices: ['sat'] },
        });
        assert.equal(v1.status, 200);
        assert.deepEqual(v1.body.myBallot, { choices: ['sat'] });
        const v2 = await send(`${anon.url}/polls/crowd/votes`, {
          headers: write('a2', undefined, browser),
          body: { choices: ['sun'] },
        });
        assert.equal(v2.status, 409);
        const mine = await send(`${anon.url}/polls/crowd`, { headers: browser });
        assert.deepEqual(mine.body.myBallot, { choices: ['sat'] });
      } finally {
        await anon.close();
      }
    });

    it('allows the listed origins through CORS and refuses writes from others', async () => {
      const pre = await fetch(`${s.url}/polls/crowd/votes`, {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,idempotency-key,content-type',
        },
      });
      assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
      const read = await send(`${s.url}/polls/crowd`, { headers: { Origin: ORIGIN } });
      assert.equal(read.headers.get('access-control-allow-origin'), ORIGIN);
      const foreign = await send(`${s.url}/polls/crowd`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      const w = await send(`${s.url}/polls/crowd/votes`, {
        headers: write('evil', testVoter('evil'), { Origin: 'https://evil.example' }),
        body: { choices: ['sat'] },
      });
      assert.equal(w.status, 403);
      assert.equal(w.body.code, 'unauthorized');
      const problem = await send(`${s.url}/polls/none`, { headers: { Origin: ORIGIN } });
      assert.equal(
        problem.headers.get('access-control-allow-origin'),
        ORIGIN,
        'problems must be readable cross-origin',
      );
    });

    it('limits writes per voter and per address, with Retry-After', async () => {
      const limited = await startTestServer({
        database: databaseOption(database.url),
        fixture: FIXTURE,
        config: { voterWrites: { limit: 2, windowSeconds: 60 } },
      });
      try {
        const voter = testVoter('eager');
        const statuses: number[] = [];
        let last: Awaited<ReturnType<typeof send>> | undefined;
        for (const id of ['c-repair', 'c-bikes', 'c-housing']) {
          last = await send(`${limited.url}/initiatives/${id}/support`, {
            headers: write(`eager-${id}`, voter),
            body: {},
          });
          statuses.push(last.status);
        }
        assert.deepEqual(statuses, [200, 200, 429]);
        assert.equal(last!.body.code, 'rate-limited');
        assert.ok(Number(last!.headers.get('retry-after')) >= 1);
        const other = await send(`${limited.url}/initiatives/c-bikes/support`, {
          headers: write('calm', testVoter('calm')),
          body: {},
        });
        assert.equal(other.status, 200);
      } finally {
        await limited.close();
      }
      // Per address: different voters from one address share its bucket.
      const crowded = await startTestServer({
        database: databaseOption(database.url),
        fixture: FIXTURE,
        config: { addressWrites: { limit: 2, windowSeconds: 60 } },
      });
      try {
        const statuses: number[] = [];
        for (const [n, id] of ['c-repair', 'c-bikes', 'c-housing'].entries()) {
          const r = await send(`${crowded.url}/initiatives/${id}/support`, {
            headers: write(`crowd-${n}`, testVoter(`neighbour-${n}`)),
            body: {},
          });
          statuses.push(r.status);
        }
        assert.deepEqual(statuses, [200, 200, 429]);
        assert.equal(
          await rows(crowded, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM supports'),
          2,
          'the refused write stored nothing',
        );
      } finally {
        await crowded.close();
      }
    });

    it('streams live results to /events subscribers', async () => {
      const controller = new AbortController();
      const res = await fetch(`${s.url}/events?topics=poll:crowd,initiative:c-orchard`, { signal: controller.signal });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const until = async (pattern: RegExp) => {
        const deadline = Date.now() + 5000;
        while (!pattern.test(text) && Date.now() < deadline) text += (await reader.read()).value ?? '';
        assert.match(text, pattern);
      };
      await until(/event: ready/);
      await send(`${s.url}/polls/crowd/votes`, {
        headers: write('live', testVoter('live')),
        body: { choices: ['sun'] },
      });
      await until(/event: change\ndata: .*"voters":201/);
      const event = JSON.parse(/event: change\ndata: (.*)\n/.exec(text)![1]!) as {
        kind: string;
        id: string;
        poll: { myBallot?: unknown };
      };
      assert.equal(event.kind, 'poll');
      assert.equal(event.id, 'crowd');
      assert.equal(event.poll.myBallot, undefined, 'events carry the public view');
      controller.abort();
    });

    it('stores sign-ups with consent receipts, answers with counts only, exports OSDI and deletes on request', async () => {
      const consent = {
        purpose: 'connect',
        text: 'You may email me about local groups.',
        version: '2026-11',
        timestamp: '2026-11-28T10:00:00Z',
        locale: 'en',
      };
      const r = await send(`${s.url}/signups`, {
        headers: write('signup-1'),
        body: {
          name: 'Ada Example',
          email: 'Ada@Example.org',
          place: { text: 'Bristol' },
          radiusKm: 5,
          interests: ['repair', 'energy', 'unknown'],
          consent: [consent],
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.nearbyCount, 2);
      assert.equal(r.body.fewerThan, 2);
      assert.deepEqual(r.body.sharedInterests, [
        { interest: 'repair', label: 'Repair', count: 2 },
        // One person shares it: withheld, as "fewer than 2".
        { interest: 'energy', label: 'Energy', count: 0 },
      ]);
      assert.doesNotMatch(JSON.stringify(r.body), /Ada|example\.org/i, 'no personal data in matches');
      const bad = await send(`${s.url}/signups`, {
        headers: write('signup-2'),
        body: { name: '', email: 'nope', place: {}, radiusKm: 5, interests: [], consent: [] },
      });
      assert.equal(bad.status, 400);
      assert.ok((bad.body.errors as { pointer: string }[]).some((e) => e.pointer === '/email'));

      const osdi = (await exportSignups(s.db)) as {
        total_records: number;
        _embedded: { 'osdi:people': Record<string, unknown>[] };
      };
      assert.equal(osdi.total_records, 1);
      const person = osdi._embedded['osdi:people'][0]!;
      // Not "subscribed": nobody confirmed the address (the server runs without double opt-in here).
      assert.deepEqual(person.email_addresses, [{ address: 'Ada@Example.org', primary: true }]);
      assert.equal((person['civic_kit:consents'] as { text: string }[])[0]!.text, consent.text);

      const before = await rows(s, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM people');
      const deleted = await deletePerson(s.db, { email: 'ada@example.org' });
      assert.equal(deleted.signups, 1);
      assert.equal(await rows(s, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM consents'), 0);
      assert.equal(await rows(s, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM people'), before - 1);
      const voter = await deletePerson(s.db, { voter: 'test-site:changer' });
      assert.equal(voter.ballots, 1);
    });

    if (database.name === 'PostgreSQL') {
      it('runs as several stateless processes sharing PostgreSQL: a vote on one reaches streams on another', async () => {
        const schema = s.location.replace(/^postgres:/, '');
        const second = await startServer(
          defaultConfig({ database: database.url!, databaseSchema: schema, port: 0, sites: [TEST_SITE] }),
        );
        const controller = new AbortController();
        try {
          const res = await fetch(`${s.url}/events?topics=poll:crowd`, { signal: controller.signal });
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          let text = '';
          const until = async (pattern: RegExp) => {
            const deadline = Date.now() + 5000;
            while (!pattern.test(text) && Date.now() < deadline) text += (await reader.read()).value ?? '';
            assert.match(text, pattern);
          };
          await until(/event: ready/);
          const before = ((await send(`${second.url}/polls/crowd`)).body.results as { voters: number }).voters;
          const r = await send(`${second.url}/polls/crowd/votes`, {
            headers: write('other-process', testVoter('other-process')),
            body: { choices: ['sat'] },
          });
          assert.equal(r.status, 200);
          await until(new RegExp(`"voters":${before + 1}`));
        } finally {
          controller.abort();
          await second.close();
        }
      });
    }

    it('serves the OpenAPI document it keeps in the repository', async () => {
      const served = await send(`${s.url}/openapi.json`);
      assert.equal(served.body.openapi, '3.1.0');
      assert.deepEqual(
        JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')),
        buildOpenApi(),
        'openapi.json is out of date: run `pnpm --filter @civic-kit/server openapi`',
      );
    });
  });
}

describe('restarts and the CLI (SQLite file)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civic-restart-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps votes across a restart', async () => {
    const config = defaultConfig({ database: join(dir, 'keep.sqlite'), port: 0, sites: [TEST_SITE] });
    const first = await startServer(config);
    await seed(first.db, FIXTURE);
    await send(`${first.url}/polls/crowd/votes`, {
      headers: write('keep', testVoter('keeper')),
      body: { choices: ['sun'] },
    });
    await first.close();
    const second = await startServer(config);
    try {
      const poll = await send(`${second.url}/polls/crowd`);
      assert.deepEqual((poll.body.results as { counts: object }).counts, { sat: 0, sun: 1 });
      const replay = await send(`${second.url}/polls/crowd/votes`, {
        headers: write('keep', testVoter('keeper')),
        body: { choices: ['sun'] },
      });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    } finally {
      await second.close();
    }
  });

  it('moves stored demo dates to today and keeps the votes (refreshSeeded)', async () => {
    const config = defaultConfig({ database: join(dir, 'refresh.sqlite'), port: 0, sites: [TEST_SITE] });
    const server = await startServer(config);
    try {
      const long = new Date(Date.now() - 400 * 86_400_000);
      await seed(server.db, demoData(long), { anonymous: true });
      const stale = await send(`${server.url}/polls/first-project`);
      assert.equal(stale.body.status, 'closed', 'seeded 400 days ago, the poll has closed since');
      const browser = { 'Civic-Browser': 'browser-refresh-0123456789' };
      const refreshed = await refreshSeeded(server.db, demoData());
      assert.ok(refreshed.polls > 0 && refreshed.initiatives > 0);
      const fresh = await send(`${server.url}/polls/first-project`, { headers: browser });
      assert.equal(fresh.body.status, 'open');
      const vote = await send(`${server.url}/polls/first-project/votes`, {
        headers: write('refresh-vote', undefined, browser),
        body: { choices: ['repair-cafe'] },
      });
      assert.equal(vote.status, 200);
      await refreshSeeded(server.db, demoData());
      const kept = await send(`${server.url}/polls/first-project`, { headers: browser });
      assert.deepEqual(kept.body.myBallot, { choices: ['repair-cafe'] }, 'a refresh keeps the votes');
    } finally {
      await server.close();
    }
  });

  it('seeds the demo data once, exports sign-ups and deletes a person from the command line', async () => {
    const run = promisify(execFile);
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', new URL('../src/cli.ts', import.meta.url).pathname, ...args], {
        env: { ...process.env, DATABASE_URL: '', CIVIC_SQLITE_PATH: join(dir, 'cli.sqlite') },
      });
    assert.match(
      (await cli('seed', '--demo', '--anonymous', '--if-empty')).stdout,
      /Seeded \d+ initiatives and \d+ polls/,
    );
    assert.match((await cli('seed', '--demo', '--if-empty')).stdout, /not seeding/);
    const exported = JSON.parse((await cli('export-signups')).stdout) as { total_records: number };
    assert.equal(exported.total_records, 0);
    assert.match((await cli('delete-person', '--email', 'nobody@example.org')).stdout, /Deleted 0 sign-ups/);
  });
});

describe('pnpm start (scripts/start-demo.mjs)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civic-demo-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** A port nothing listens on now. */
  const freePort = () =>
    new Promise<number>((resolve, reject) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
      probe.on('error', reject);
    });

  /** Start the demo as `pnpm start` does; resolves with its output once it says where the page is. */
  const startDemo = (env: Record<string, string>) =>
    new Promise<{ child: ChildProcess; output: string }>((resolve, reject) => {
      const script = new URL('../scripts/start-demo.mjs', import.meta.url).pathname;
      const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'pipe' });
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('The demo community page:')) {
          clearTimeout(timer);
          resolve({ child, output });
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the demo exited (${code}):\n${output}`));
      });
    });
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  it('serves the example page wired to the server, and a vote survives a restart', async () => {
    const [pagePort, apiPort, neighboursPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      HOST: '127.0.0.1',
      PORT: String(pagePort),
      API_PORT: String(apiPort),
      NEIGHBOURS_API_PORT: String(neighboursPort),
      CIVIC_SQLITE_PATH: join(dir, 'demo.sqlite'),
      DATABASE_URL: '',
    };
    const api = `http://127.0.0.1:${apiPort}`;
    const origin = `http://127.0.0.1:${pagePort}`;
    const first = await startDemo(env);
    try {
      assert.match(first.output, /Seeded the demo data: \d+ initiatives, \d+ polls/);
      const page = await fetch(`${origin}/examples/`);
      const html = await page.text();
      assert.ok(html.includes(`<civic-provider adapter="rest" endpoint="${api}"`), 'the page uses the server');
      assert.ok(html.includes('<script type="module" src="/__civic/rest.js"></script>'), 'and loads the REST adapter');
      assert.match(
        html.replace(/\s+/g, ' '),
        /Anyone can vote here without signing in: one vote per browser, and at most 10 votes per poll a day/,
        'the page says its polls are anonymous, and what that means',
      );
      // The second community's initiatives join the list through ActivityPub, each with its source.
      const joined = await send(`${api}/initiatives?source=followed`);
      const titles = (joined.body.items as { title: string; source?: { name: string } }[]).map(
        (i) => `${i.title} (${i.source?.name})`,
      );
      assert.ok(
        titles.includes('Easton street party (Easton neighbourhood parliament)'),
        `the neighbours' initiatives are in the list: ${titles.join('; ')}`,
      );
      const rest = await fetch(`${origin}/__civic/rest.js`);
      assert.equal(rest.status, 200);
      assert.match(rest.headers.get('content-type') ?? '', /javascript/);
      const before = await send(`${api}/polls/first-project`);
      assert.equal(before.body.status, 'open', 'the demo poll is open on the day it runs');
      const browser = { 'Civic-Browser': 'browser-demo-0123456789ab', Origin: origin };
      const vote = await send(`${api}/polls/first-project/votes`, {
        headers: write('demo-vote', undefined, browser),
        body: { choices: ['repair-cafe'] },
      });
      assert.equal(vote.status, 200, JSON.stringify(vote.body));
      assert.equal(
        (vote.body.results as { voters: number }).voters,
        (before.body.results as { voters: number }).voters + 1,
      );
    } finally {
      await stop(first.child);
    }
    const second = await startDemo(env);
    try {
      assert.doesNotMatch(second.output, /Seeded/, 'seeded once');
      const after = await send(`${api}/polls/first-project`, {
        headers: { 'Civic-Browser': 'browser-demo-0123456789ab' },
      });
      assert.deepEqual(after.body.myBallot, { choices: ['repair-cafe'] }, 'the vote survived the restart');
    } finally {
      await stop(second.child);
    }
  });

  it('does the README quick start: a token, an initiative and a poll on the demo page, closing, a sign-up exported and deleted', async () => {
    const [pagePort, apiPort, neighboursPort] = [await freePort(), await freePort(), await freePort()];
    const database = join(dir, 'quick-start.sqlite');
    const env = {
      HOST: '127.0.0.1',
      PORT: String(pagePort),
      API_PORT: String(apiPort),
      NEIGHBOURS_API_PORT: String(neighboursPort),
      CIVIC_SQLITE_PATH: database,
      DATABASE_URL: '',
    };
    const api = `http://127.0.0.1:${apiPort}`;
    const origin = `http://127.0.0.1:${pagePort}`;
    const demo = await startDemo(env);
    try {
      // 1. Start the server: it names the organisers' page, which is served under a strict CSP.
      assert.ok(demo.output.includes(`${api}/admin/`), demo.output);
      const adminPage = await fetch(`${api}/admin/`);
      assert.equal(adminPage.status, 200, 'the admin page is built (pnpm build:admin)');
      assert.match(
        adminPage.headers.get('content-security-policy') ?? '',
        /script-src 'self'; require-trusted-types-for 'script'/,
      );
      assert.match(await adminPage.text(), /<civic-admin><\/civic-admin>/);
      assert.match((await fetch(`${api}/admin/admin.js`)).headers.get('content-type') ?? '', /javascript/);

      // 2. Create an admin token with the command the README gives.
      const cli = new URL('../dist/cli.js', import.meta.url).pathname;
      const made = await promisify(execFile)(process.execPath, [cli, 'admin-token', 'create', '--name', 'Sam'], {
        env: { ...process.env, ...env },
      });
      const token = made.stdout.trim();
      const h = { Authorization: `Bearer ${token}`, Origin: api };
      assert.equal((await send(`${api}/admin/api/me`, { headers: h })).body.role, 'organiser');

      // 3. Add an initiative and a poll (what the page's forms send); the demo lets every browser take part.
      const initiative = await send(`${api}/admin/api/initiatives`, {
        headers: h,
        body: { id: 'tool-library', title: 'Tool library', status: 'active', summary: 'Borrow a drill.', tags: [] },
      });
      assert.equal(initiative.status, 201, JSON.stringify(initiative.body));
      const poll = await send(`${api}/admin/api/polls`, {
        headers: h,
        body: {
          id: 'litter-pick-day',
          question: 'Which day for the litter pick?',
          kind: 'single',
          options: [
            { id: 'saturday', label: 'Saturday' },
            { id: 'sunday', label: 'Sunday' },
          ],
        },
      });
      assert.equal(poll.status, 201, JSON.stringify(poll.body));
      assert.equal(poll.body.anonymous, true);

      // 4. See them on the demo page: the list finds the initiative; ?poll= shows the poll.
      const html = await (await fetch(`${origin}/examples/?poll=litter-pick-day`)).text();
      assert.ok(html.includes('<civic-poll poll-id="litter-pick-day"'), 'the demo page shows the new poll');
      const listed = await send(`${api}/initiatives?q=drill`, { headers: { Origin: origin } });
      assert.deepEqual(
        (listed.body.items as { id: string }[]).map((i) => i.id),
        ['tool-library'],
      );
      const browser = { 'Civic-Browser': 'browser-quick-start-0123456789', Origin: origin };
      const vote = await send(`${api}/polls/litter-pick-day/votes`, {
        headers: write('quick-vote', undefined, browser),
        body: { choices: ['sunday'] },
      });
      assert.equal(vote.status, 200, JSON.stringify(vote.body));

      // 5. Close the poll: the page shows the final result.
      assert.equal((await send(`${api}/admin/api/polls/litter-pick-day/close`, { headers: h, body: {} })).status, 200);
      const closed = await send(`${api}/polls/litter-pick-day`);
      assert.equal(closed.body.status, 'closed');
      assert.deepEqual(closed.body.results, { counts: { saturday: 0, sunday: 1 }, voters: 1 });

      // 6. A visitor signs up on the demo page; the organiser exports it (OSDI), then deletes it. The
      // form is fetched when it is shown and takes a person a few seconds to fill in.
      const form = (await send(`${api}/signups/form`)).body as { stamp: string; minFillSeconds: number };
      assert.equal(form.minFillSeconds, 3);
      await new Promise((r) => setTimeout(r, form.minFillSeconds * 1000 + 100));
      const signup = await send(`${api}/signups`, {
        headers: write('quick-signup', undefined, browser),
        body: {
          name: 'Ada',
          email: 'ada@example.org',
          place: { text: 'Bristol' },
          radiusKm: 5,
          interests: [],
          consent: [
            {
              purpose: 'connect',
              text: 'You may email me.',
              version: '1',
              timestamp: new Date().toISOString(),
              locale: 'en',
            },
          ],
          form: { stamp: form.stamp, trap: '' },
        },
      });
      assert.equal(signup.status, 200, JSON.stringify(signup.body));
      const exported = await send(`${api}/admin/api/signups/export`, { headers: h });
      const people = (
        exported.body._embedded as {
          'osdi:people': { identifiers: string[]; email_addresses: { address: string }[] }[];
        }
      )['osdi:people'];
      const ada = people.find((p) => p.email_addresses[0]?.address === 'ada@example.org');
      assert.ok(ada, 'the sign-up is in the export');
      const id = ada.identifiers[0]!.replace('civic_kit:', '');
      assert.equal((await send(`${api}/admin/api/signups/${id}`, { method: 'DELETE', headers: h })).status, 204);
      const after = await send(`${api}/admin/api/signups/export`, { headers: h });
      assert.ok(!JSON.stringify(after.body).includes('ada@example.org'));
    } finally {
      await stop(demo.child);
    }
  });
});
