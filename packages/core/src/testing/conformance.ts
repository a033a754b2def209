/**
 * The adapter conformance suite. Any adapter — ours or a community's — proves it speaks the contract
 * by running this in its tests (mocha-style `describe`/`it`, as in @web/test-runner, Mocha or Vitest):
 *
 *   runAdapterConformance({ name: 'my adapter', create: (fixture) => new MyAdapter(serve(fixture)) });
 *
 * `create` receives a fixture and returns an adapter whose backend serves exactly that data.
 */
import * as v from 'valibot';
import type { Capability, CivicAdapter, InitiativeQuery } from '../adapter.js';
import { isCivicError, type CivicErrorCode } from '../errors.js';
import { distanceKm, inBBox } from '../geo.js';
import { InitiativeSchema, type Initiative, type InitiativeInput } from '../model.js';
import { PollSchema, type PollInput } from '../poll-model.js';
import { MatchesSchema, PlaceMatchSchema, type Interest, type SignupInput } from '../signup-model.js';
import { CONFORMANCE_FIXTURE, MALFORMED_FIXTURE, type ConformanceFixture } from './fixture.js';

type Fn = () => unknown;
export interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
}

export interface ConformanceOptions {
  name: string;
  /** An adapter serving exactly `fixture` (a fresh backend state for every test). */
  create: (fixture: ConformanceFixture) => CivicAdapter | Promise<CivicAdapter>;
  /** An adapter whose backend sends malformed data; defaults to `create(MALFORMED_FIXTURE)`. */
  createMalformed?: () => CivicAdapter | Promise<CivicAdapter>;
  /** Release what `create` set up. */
  dispose?: (adapter: CivicAdapter) => void | Promise<void>;
  /** Voter tokens for two different voters, for adapters that need them for writes. */
  voters?: readonly [string, string];
  /**
   * The adapter joins several sources and sends sign-ups to one of them: `findOthers` then names only
   * that source's initiatives, so the suite checks each one it names rather than the whole set.
   */
  signupsInOneSource?: boolean;
  /** Defaults to the global `describe`/`it`. */
  test?: TestApi;
}

export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}
const sameIds = (actual: string[], expected: string[], what: string) => {
  const a = [...actual].sort().join(', ');
  const e = [...expected].sort().join(', ');
  check(a === e, `${what}: expected [${e}], got [${a}]`);
};

async function rejectsWith(p: Promise<unknown>, code: CivicErrorCode, what: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    check(isCivicError(e), `${what}: expected a CivicError "${code}", got ${String(e)}`);
    check(e.code === code, `${what}: expected CivicError "${code}", got "${e.code}" (${e.message})`);
    return;
  }
  throw new ConformanceFailure(`${what}: expected a CivicError "${code}", but the call succeeded`);
}

/** A count as a backend that withholds small counts sends it (`Matches.fewerThan`). */
const shown = (m: { fewerThan?: number | undefined }, n: number) =>
  m.fewerThan !== undefined && n < m.fewerThan ? 0 : n;

/** Every matching id of the fixture, computed from the fixture itself rather than written twice. */
function expected(fixture: ConformanceFixture, keep: (i: InitiativeInput) => boolean): string[] {
  return fixture.initiatives.filter(keep).map((i) => i.id);
}

export function runAdapterConformance(options: ConformanceOptions): void {
  const g = globalThis as unknown as Partial<TestApi>;
  const { describe, it } = options.test ?? (g as TestApi);
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new Error('runAdapterConformance needs mocha-style describe/it (pass `test`)');
  }
  const fixture = CONFORMANCE_FIXTURE;
  const [voterA, voterB] = options.voters ?? [undefined, undefined];

  /** Run `fn` against a fresh adapter and always dispose it. */
  const withAdapter = (fn: (a: CivicAdapter) => Promise<void>) => async () => {
    const adapter = await options.create(structuredClone(fixture));
    try {
      await fn(adapter);
    } finally {
      await options.dispose?.(adapter);
    }
  };
  const all = async (a: CivicAdapter, q: InitiativeQuery): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await a.listInitiatives({ ...q, cursor, limit: 50 });
      for (const item of page.items) {
        check(v.is(InitiativeSchema, item), `listInitiatives returned an item that is not a valid Initiative`);
        ids.push(item.id);
      }
      cursor = page.nextCursor;
      if (!cursor) return ids;
    }
    throw new ConformanceFailure('listInitiatives kept returning a nextCursor (100 pages)');
  };

  describe(`CivicAdapter conformance: ${options.name}`, () => {
    it(
      'declares its capabilities and implements each one',
      withAdapter((a) => {
        check(a.capabilities instanceof Set, 'capabilities must be a Set');
        const methods: [Capability, keyof CivicAdapter][] = [
          ['support-initiative', 'supportInitiative'],
          ['vote', 'vote'],
          ['find-others', 'findOthers'],
          ['list-interests', 'listInterests'],
          ['subscribe', 'subscribe'],
        ];
        for (const [cap, method] of methods) {
          if (a.capabilities.has(cap))
            check(typeof a[method] === 'function', `declares "${cap}" but has no method for it`);
        }
        return Promise.resolve();
      }),
    );

    it(
      'lists every initiative exactly once across pages',
      withAdapter(async (a) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await a.listInitiatives({ limit: 3, cursor });
          check(page.items.length <= 3, `a page of limit 3 held ${page.items.length} items`);
          if (page.total !== undefined)
            check(
              page.total === fixture.initiatives.length,
              `total ${page.total}, expected ${fixture.initiatives.length}`,
            );
          ids.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 50);
        check(pages >= 2, 'limit 3 should give more than one page');
        check(new Set(ids).size === ids.length, 'an initiative appeared on two pages');
        sameIds(
          ids,
          fixture.initiatives.map((i) => i.id),
          'all pages',
        );
      }),
    );

    it(
      'filters by text, case-insensitively',
      withAdapter(async (a) => {
        sameIds(
          await all(a, { q: 'REPAIR' }),
          expected(fixture, (i) => /repair/i.test(`${i.title} ${i.summary ?? ''}`)),
          'q=REPAIR',
        );
        sameIds(await all(a, { q: 'no-such-words-anywhere' }), [], 'q matching nothing');
      }),
    );

    it(
      'filters by tags (every tag must be present)',
      withAdapter(async (a) => {
        sameIds(
          await all(a, { tags: ['energy'] }),
          expected(fixture, (i) => !!i.tags?.includes('energy')),
          'tags=energy',
        );
        sameIds(
          await all(a, { tags: ['energy', 'housing'] }),
          expected(fixture, (i) => !!i.tags?.includes('energy') && !!i.tags.includes('housing')),
          'tags=energy,housing',
        );
      }),
    );

    it(
      'filters by status',
      withAdapter(async (a) => {
        sameIds(
          await all(a, { status: ['completed', 'closed'] }),
          expected(fixture, (i) => i.status === 'completed' || i.status === 'closed'),
          'status',
        );
      }),
    );

    it(
      'filters by distance (near + radiusKm)',
      withAdapter(async (a) => {
        const near = { lat: 51.454, lng: -2.587 };
        for (const radiusKm of [2, 10]) {
          sameIds(
            await all(a, { near, radiusKm }),
            expected(fixture, (i) => !!i.place && distanceKm(near, i.place) <= radiusKm),
            `near + radiusKm=${radiusKm}`,
          );
        }
      }),
    );

    it(
      'filters by bounding box',
      withAdapter(async (a) => {
        const bbox = [-2.7, 51.4, -2.5, 51.5] as const;
        sameIds(
          await all(a, { bbox }),
          expected(fixture, (i) => !!i.place && inBBox(i.place, bbox)),
          'bbox',
        );
      }),
    );

    it(
      'combines filters',
      withAdapter(async (a) => {
        const near = { lat: 51.454, lng: -2.587 };
        sameIds(
          await all(a, { near, radiusKm: 10, status: ['active'], tags: ['repair'] }),
          expected(
            fixture,
            (i) =>
              !!i.place && distanceKm(near, i.place) <= 10 && i.status === 'active' && !!i.tags?.includes('repair'),
          ),
          'near + status + tags',
        );
      }),
    );

    it(
      'gets an initiative by id, and answers not-found for an unknown one',
      withAdapter(async (a) => {
        const want = fixture.initiatives[0]!;
        const got = await a.getInitiative(want.id);
        check(v.is(InitiativeSchema, got), 'getInitiative returned an invalid Initiative');
        check(
          got.id === want.id && got.title === want.title,
          `getInitiative("${want.id}") returned "${got.id}"/"${got.title}"`,
        );
        await rejectsWith(a.getInitiative('no-such-initiative'), 'not-found', 'getInitiative(unknown)');
      }),
    );

    it(
      'gets a poll by id, and answers not-found for an unknown one (unsupported without get-poll)',
      withAdapter(async (a) => {
        if (!a.capabilities.has('get-poll')) {
          await rejectsWith(a.getPoll('open-single'), 'unsupported', 'getPoll (get-poll not declared)');
          return;
        }
        const poll = await a.getPoll('open-single');
        check(v.is(PollSchema, poll), 'getPoll returned an invalid Poll');
        check(poll.status === 'open' && poll.options.length === 3, 'open-single should be open with 3 options');
        await rejectsWith(a.getPoll('no-such-poll'), 'not-found', 'getPoll(unknown)');
      }),
    );

    it(
      'sorts by newest, ending soon, most supported and nearest, across pages, each item once',
      withAdapter(async (a) => {
        const items = async (q: InitiativeQuery): Promise<Initiative[]> => {
          const out: Initiative[] = [];
          let cursor: string | undefined;
          for (let guard = 0; guard < 100; guard++) {
            const page = await a.listInitiatives({ ...q, cursor, limit: 3 });
            out.push(...page.items);
            cursor = page.nextCursor;
            if (!cursor) return out;
          }
          throw new ConformanceFailure('listInitiatives kept returning a nextCursor (100 pages)');
        };
        const time = (s: string | undefined, missing: number) => (s ? Date.parse(s) : missing);
        const centre = { lat: 51.454, lng: -2.587 };
        const cases: [InitiativeQuery, (i: Initiative) => number, 1 | -1][] = [
          [{ sort: 'newest' }, (i) => time(i.startsAt, -Infinity), -1],
          [{ sort: 'ending-soon' }, (i) => time(i.endsAt, Infinity), 1],
          [{ sort: 'supporters' }, (i) => i.supporters?.count ?? 0, -1],
          [{ sort: 'distance', near: centre }, (i) => (i.place ? distanceKm(centre, i.place) : Infinity), 1],
        ];
        for (const [query, key, direction] of cases) {
          const got = await items(query);
          sameIds(
            got.map((i) => i.id),
            await all(a, query.near ? { near: query.near } : {}),
            `sort=${query.sort}: the items`,
          );
          for (let n = 1; n < got.length; n++) {
            const [before, after] = [key(got[n - 1]!), key(got[n]!)];
            check(
              before === after || (after - before) * direction > 0,
              `sort=${query.sort}: ${got[n - 1]!.id} (${before}) comes before ${got[n]!.id} (${after})`,
            );
          }
        }
      }),
    );

    it(
      'answers aborted when the signal is already aborted',
      withAdapter(async (a) => {
        const c = new AbortController();
        c.abort();
        await rejectsWith(a.listInitiatives({}, { signal: c.signal }), 'aborted', 'listInitiatives(aborted signal)');
      }),
    );

    it(
      'counts a vote sent twice with the same idempotency key once',
      withAdapter(async (a) => {
        if (!a.capabilities.has('vote') || !a.vote) return;
        const before = (await a.getPoll('open-single')).results?.voters ?? 0;
        const key = `conformance-${Math.random().toString(36).slice(2)}`;
        const first = await a.vote('open-single', { choices: ['yes'] }, { idempotencyKey: key, voter: voterA });
        const second = await a.vote('open-single', { choices: ['yes'] }, { idempotencyKey: key, voter: voterA });
        check(
          first.results?.voters === before + 1,
          `voters went from ${before} to ${first.results?.voters ?? '?'}, expected +1`,
        );
        check(
          second.results?.voters === before + 1,
          `the repeated vote was counted again (${second.results?.voters ?? '?'} voters)`,
        );
        const after = await a.getPoll('open-single');
        check(
          after.results?.voters === before + 1,
          `getPoll after a repeated vote shows ${after.results?.voters ?? '?'} voters`,
        );
        check(after.results?.counts['yes'] === (first.results?.counts['yes'] ?? -1), 'counts changed after the repeat');
        if (voterB) {
          const other = await a.vote('open-single', { choices: ['no'] }, { idempotencyKey: `${key}-b`, voter: voterB });
          check(other.results?.voters === before + 2, 'a second voter was not counted');
        }
      }),
    );

    it(
      'rejects a vote in a closed poll with closed',
      withAdapter(async (a) => {
        if (!a.capabilities.has('vote') || !a.vote) return;
        const poll = await a.getPoll('closed-poll');
        check(poll.status === 'closed', `closed-poll has status ${poll.status}`);
        await rejectsWith(
          a.vote('closed-poll', { choices: ['a'] }, { idempotencyKey: `closed-${Date.now()}`, voter: voterA }),
          'closed',
          'vote(closed poll)',
        );
      }),
    );

    it(
      'rejects an invalid ballot with invalid-request',
      withAdapter(async (a) => {
        if (!a.capabilities.has('vote') || !a.vote) return;
        await rejectsWith(
          a.vote('open-single', { choices: ['yes', 'no'] }, { idempotencyKey: `two-${Date.now()}`, voter: voterA }),
          'invalid-request',
          'two choices in a single-choice poll',
        );
        await rejectsWith(
          a.vote('open-single', { choices: ['maybe-not'] }, { idempotencyKey: `unknown-${Date.now()}`, voter: voterA }),
          'invalid-request',
          'an unknown option',
        );
        await rejectsWith(
          a.vote(
            'open-multiple',
            { choices: ['a', 'b', 'c'] },
            { idempotencyKey: `many-${Date.now()}`, voter: voterA },
          ),
          'invalid-request',
          'more than maxChoices',
        );
      }),
    );

    it(
      'takes a ranked ballot in order, keeps every ballot for the runoff and enforces its rules',
      withAdapter(async (a) => {
        if (!a.capabilities.has('vote') || !a.vote) return;
        const before = await a.getPoll('ranked-poll');
        // A backend with no ranked polls (ActivityStreams' Question, say) may serve it as another kind.
        if (before.kind !== 'ranked') return;
        const key = `ranked-${Math.random().toString(36).slice(2)}`;
        const reject = (choices: string[], what: string) =>
          rejectsWith(
            a.vote!('ranked-poll', { choices }, { idempotencyKey: `${key}-${what}`, voter: voterA }),
            'invalid-request',
            `ranked ballot with ${what}`,
          );
        await reject(['mon', 'wed', 'mon'], 'an option ranked twice');
        await reject(['mon', 'sun'], 'an unknown option');
        await reject(['mon', 'wed', 'fri', 'sat'], 'more than maxChoices');
        const voted = await a.vote(
          'ranked-poll',
          { choices: ['fri', 'sat', 'mon'] },
          { idempotencyKey: key, voter: voterA },
        );
        const again = await a.vote(
          'ranked-poll',
          { choices: ['fri', 'sat', 'mon'] },
          { idempotencyKey: key, voter: voterA },
        );
        for (const [poll, what] of [
          [voted, 'the vote'],
          [again, 'the repeated vote'],
          [await a.getPoll('ranked-poll'), 'getPoll after the vote'],
        ] as const) {
          const results = poll.results;
          check(results, `${what}: a ranked poll with results always visible sent none`);
          const voters = (before.results?.voters ?? 0) + 1;
          check(results.voters === voters, `${what}: ${results.voters} voters, expected ${voters}`);
          check(
            results.counts['fri'] === (before.results?.counts['fri'] ?? 0) + 1,
            `${what}: the first preference was not counted for "fri"`,
          );
          check(
            results.counts['sat'] === (before.results?.counts['sat'] ?? 0),
            `${what}: a second preference was counted as first`,
          );
          const ballots = results.ballots?.map((b) => b.join('>')) ?? [];
          check(ballots.length === voters, `${what}: ${ballots.length} ballots for the runoff, expected ${voters}`);
          check(ballots.includes('fri>sat>mon'), `${what}: the ballot's order was not kept (${ballots.join(', ')})`);
        }
      }),
    );

    it(
      'counts a support sent twice with the same idempotency key once',
      withAdapter(async (a) => {
        if (!a.capabilities.has('support-initiative') || !a.supportInitiative) return;
        const id = fixture.initiatives[0]!.id;
        const before = (await a.getInitiative(id)).supporters?.count ?? 0;
        const key = `support-${Math.random().toString(36).slice(2)}`;
        await a.supportInitiative(id, { idempotencyKey: key, voter: voterA });
        const again = await a.supportInitiative(id, { idempotencyKey: key, voter: voterA });
        check(
          again.supporters?.count === before + 1,
          `supporters went from ${before} to ${again.supporters?.count ?? '?'}, expected +1`,
        );
        const after = await a.getInitiative(id);
        check(
          after.supporters?.count === before + 1,
          `getInitiative after a repeated support shows ${after.supporters?.count ?? '?'}`,
        );
      }),
    );

    const signup = (place: SignupInput['place'], interests: string[], radiusKm = 2): SignupInput => ({
      name: 'Conformance Tester',
      email: 'tester@example.org',
      place,
      radiusKm,
      interests,
      consent: [
        {
          purpose: 'connect',
          text: 'Put me in touch with people nearby who care about the same causes.',
          version: 'conformance-1',
          timestamp: '2026-11-01T12:00:00Z',
          locale: 'en',
        },
      ],
    });

    it(
      'finds the others: people and initiatives near enough that share an interest, counts only, once per key',
      withAdapter(async (a) => {
        if (!a.capabilities.has('find-others') || !a.findOthers) return;
        const at = { lat: 51.454, lng: -2.587 };
        const radiusKm = 2;
        const wanted = ['repair', 'energy', 'not-an-interest'];
        const known = new Set(fixture.interests.map((i) => i.id));
        const shares = wanted.filter((i) => known.has(i));
        const key = `signup-${Math.random().toString(36).slice(2)}`;
        const input = signup({ ...at, precision: 'exact' }, wanted, radiusKm);
        const first = await a.findOthers(input, { idempotencyKey: key, voter: voterA });
        check(v.is(MatchesSchema, first), 'findOthers did not answer a valid Matches');
        // A backend may keep a larger smallest radius and withhold small counts (`fewerThan`): what it
        // says it did is what is expected. (Its grid, at most a kilometre or so, moves no fixture person
        // across any radius used here.)
        check(
          first.radiusKm === undefined || first.radiusKm >= radiusKm,
          `radiusKm ${first.radiusKm}: a backend may widen the radius asked for, never narrow it`,
        );
        const near = (fixture.people ?? []).filter((p) => distanceKm(at, p) <= (first.radiusKm ?? radiusKm));
        check(
          first.nearbyCount === shown(first, near.length),
          `nearbyCount ${first.nearbyCount}, expected ${shown(first, near.length)}`,
        );
        sameIds(
          first.sharedInterests.map((s) => s.interest),
          shares,
          'sharedInterests (the interests asked for that exist)',
        );
        for (const interest of shares) {
          const count = near.filter((p) => p.interests.includes(interest)).length;
          const got = first.sharedInterests.find((s) => s.interest === interest)?.count;
          check(
            got === shown(first, count),
            `${interest}: ${got ?? '?'} people nearby share it, expected ${shown(first, count)}`,
          );
        }
        const qualifying = expected(
          fixture,
          (i) =>
            !!i.place &&
            distanceKm(at, i.place) <= (first.radiusKm ?? radiusKm) &&
            (i.tags ?? []).some((t) => shares.includes(t)),
        );
        const named = first.initiatives.map((i) => i.id);
        if (options.signupsInOneSource) {
          const stray = named.filter((id) => !qualifying.some((q) => id.endsWith(q)));
          check(!stray.length, `initiatives too far or sharing no interest: ${stray.join(', ')}`);
        } else sameIds(named, qualifying.slice(0, 6), 'initiatives near enough that share an interest');
        const answer = JSON.stringify(first);
        for (const person of ['Conformance Tester', 'tester@example.org'])
          check(!answer.includes(person), `the answer carries personal data (${person})`);
        const again = await a.findOthers(input, { idempotencyKey: key, voter: voterA });
        check(again.nearbyCount === first.nearbyCount, 'the repeated sign-up answered differently');
        const next = await a.findOthers(signup({ ...at, precision: 'exact' }, ['repair'], radiusKm), {
          idempotencyKey: `${key}-next`,
          voter: voterB,
        });
        check(
          next.nearbyCount === shown(next, near.length + 1),
          `after one sign-up (sent twice with one key) the next sees ${next.nearbyCount} people, expected ${shown(next, near.length + 1)}`,
        );
      }),
    );

    it(
      'finds a typed place it knows, and answers invalid-request on the place field for one it does not',
      withAdapter(async (a) => {
        if (!a.capabilities.has('find-others') || !a.findOthers || !fixture.places) return;
        const typed = await a.findOthers(signup({ text: 'Bristol' }, ['repair'], 1), {
          idempotencyKey: `typed-${Date.now()}`,
          voter: voterA,
        });
        const at = fixture.places['Bristol']!;
        const within = typed.radiusKm ?? 1;
        const near = shown(typed, (fixture.people ?? []).filter((p) => distanceKm(at, p) <= within).length);
        check(
          typed.nearbyCount === near,
          `"Bristol": ${typed.nearbyCount} people within ${within} km, expected ${near}`,
        );
        try {
          await a.findOthers(signup({ text: 'Atlantis' }, ['repair']), {
            idempotencyKey: `nowhere-${Date.now()}`,
            voter: voterA,
          });
        } catch (e) {
          check(
            isCivicError(e) && e.code === 'invalid-request',
            `an unknown place: expected invalid-request, got ${String(e)}`,
          );
          check(!!e.fields?.['place'], 'an unknown place: the error names no place field for the form to show');
          return;
        }
        throw new ConformanceFailure('an unknown place was accepted');
      }),
    );

    it(
      'looks up a typed place when it declares find-places: the place it knows, nothing for one it does not',
      withAdapter(async (a) => {
        if (!a.capabilities.has('find-places') || !a.findPlaces || !fixture.places) return;
        const known = fixture.places['Bristol']!;
        const found = await a.findPlaces('bristol');
        check(v.is(v.array(PlaceMatchSchema), found), 'findPlaces did not answer a list of valid places');
        check(
          found.some((p) => distanceKm(p, known) < 1),
          `"bristol": none of ${JSON.stringify(found)} is where the fixture puts Bristol`,
        );
        const none = await a.findPlaces('Atlantis');
        check(Array.isArray(none) && none.length === 0, `"Atlantis": expected no places, got ${JSON.stringify(none)}`);
      }),
    );

    it(
      'lists interests when it declares list-interests',
      withAdapter(async (a) => {
        if (!a.capabilities.has('list-interests') || !a.listInterests) return;
        sameIds(
          (await a.listInterests()).map((i: Interest) => i.id),
          fixture.interests.map((i) => i.id),
          'interests',
        );
      }),
    );

    it(
      'answers unsupported for operations it does not declare',
      withAdapter(async (a) => {
        const writes: [string, (() => Promise<unknown>) | undefined][] = [
          ['support-initiative', a.supportInitiative && (() => a.supportInitiative!('x', { idempotencyKey: 'u1' }))],
          ['vote', a.vote && (() => a.vote!('open-single', { choices: ['yes'] }, { idempotencyKey: 'u2' }))],
        ];
        for (const [cap, call] of writes) {
          if (!a.capabilities.has(cap as never) && call)
            await rejectsWith(call(), 'unsupported', `${cap} (not declared)`);
        }
      }),
    );

    it('never shows malformed backend data: invalid-response, or left out and counted in the warnings', async () => {
      const a = await (options.createMalformed?.() ??
        options.create(structuredClone(MALFORMED_FIXTURE) as unknown as ConformanceFixture));
      try {
        // One bad item may fail the page, or be left out of it and counted (`warnings[].skipped`).
        let page: Awaited<ReturnType<typeof a.listInitiatives>> | undefined;
        try {
          page = await a.listInitiatives({});
        } catch {
          await rejectsWith(a.listInitiatives({}), 'invalid-response', 'listInitiatives(malformed)');
        }
        if (page) {
          const skipped = (page.warnings ?? []).reduce((n, w) => n + (w.skipped ?? 0), 0);
          check(
            page.items.every((i) => typeof i.id === 'string' && typeof i.title === 'string'),
            'listInitiatives(malformed): a malformed item was shown',
          );
          check(skipped >= 1, 'listInitiatives(malformed): items were left out without a warning counting them');
        }
        if (a.capabilities.has('get-poll'))
          await rejectsWith(a.getPoll('open-single'), 'invalid-response', 'getPoll(malformed)');
      } finally {
        await options.dispose?.(a);
      }
    });
  });
}

export type { ConformanceFixture, PollInput };
