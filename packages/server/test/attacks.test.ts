/**
 * The server attacked as an outsider would: real HTTP against a real server on SQLite (and
 * PostgreSQL with DATABASE_URL). Each test reproduces one attack; the expectations are what the
 * attacker must NOT get.
 */
import { coarsen, distanceKm } from '@civic-kit/core';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SeedData } from '../src/index.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, send, write } from './helpers.js';

const INTERESTS = [
  { id: 'housing', label: 'Housing' },
  { id: 'mutual-aid', label: 'Mutual aid' },
  { id: 'repair', label: 'Repair' },
];
const FIXTURE: SeedData = { interests: INTERESTS };

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
  });
}
