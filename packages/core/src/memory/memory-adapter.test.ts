import { expect } from '@open-wc/testing';
import type { CivicError } from '../errors.js';
import { distanceKm } from '../geo.js';
import { runAdapterConformance } from '../testing/index.js';
import { createDemoAdapter } from './demo.js';
import { DEMO_INITIATIVES, DEMO_POLLS } from './demo-data.js';
import { MemoryAdapter } from './memory-adapter.js';

runAdapterConformance({
  name: 'MemoryAdapter',
  create: (fixture) => new MemoryAdapter({ data: fixture }),
  voters: ['voter-a', 'voter-b'],
});

runAdapterConformance({
  name: 'MemoryAdapter without write capabilities',
  create: (fixture) => new MemoryAdapter({ data: fixture, without: ['vote', 'support-initiative', 'change-vote'] }),
});

const signup = {
  name: 'Sam',
  email: 'sam@example.org',
  place: { text: 'Bristol' },
  radiusKm: 5,
  interests: ['repair', 'energy'],
  consent: [
    { purpose: 'contact', text: 'You may email me', version: '1', timestamp: new Date().toISOString(), locale: 'en' },
  ],
};

describe('MemoryAdapter with the demo data', () => {
  it('serves the whole demo set, every item valid', async () => {
    const a = createDemoAdapter();
    const page = await a.listInitiatives({ limit: 100 });
    expect(page.items.length).to.equal(DEMO_INITIATIVES.length);
    expect(page.items.length).to.be.within(35, 45);
    for (const p of DEMO_POLLS) expect((await a.getPoll(p.id)).id).to.equal(p.id);
    expect(await a.listInterests()).to.have.length.above(5);
  });

  it('sorts by distance when given `near`', async () => {
    const a = createDemoAdapter();
    const near = { lat: 51.454, lng: -2.587 };
    const { items } = await a.listInitiatives({ near, radiusKm: 20 });
    expect(items.length).to.be.above(3);
    const d = items.map((i) => distanceKm(near, i.place!));
    expect([...d].sort((x, y) => x - y)).to.deep.equal(d);
  });

  it('rejects a page cursor it never issued', async () => {
    const a = createDemoAdapter();
    try {
      await a.listInitiatives({ cursor: 'bogus' });
      expect.fail('should reject');
    } catch (e) {
      expect((e as CivicError).code).to.equal('invalid-request');
    }
  });

  it('finds others by place name and interest, never returning personal data', async () => {
    const a = createDemoAdapter();
    const m = await a.findOthers(signup, { idempotencyKey: 'k1' });
    expect(m.nearbyCount).to.be.above(0);
    expect(m.sharedInterests.map((s) => s.interest)).to.deep.equal(['repair', 'energy']);
    for (const s of m.sharedInterests) expect(s.count).to.be.at.most(m.nearbyCount);
    expect(JSON.stringify(m)).not.to.contain('sam@example.org');
    // The same key again is the same sign-up: not counted twice.
    const again = await a.findOthers(signup, { idempotencyKey: 'k1' });
    expect(again).to.deep.equal(m);
    const other = await a.findOthers(signup, { idempotencyKey: 'k2' });
    expect(other.nearbyCount).to.equal(m.nearbyCount + 1);
  });

  it('answers an unknown place with a field error', async () => {
    const a = createDemoAdapter();
    try {
      await a.findOthers({ ...signup, place: { text: 'Atlantis' } }, { idempotencyKey: 'x' });
      expect.fail('should reject');
    } catch (e) {
      expect((e as CivicError).code).to.equal('invalid-request');
      expect((e as CivicError).fields?.['place']).to.be.a('string');
    }
  });

  it('looks up typed places: one for a name or a full postcode, several for a start shared by many, none for the unknown', async () => {
    const a = createDemoAdapter();
    const labels = async (text: string) => (await a.findPlaces(text)).map((p) => p.label);
    expect(await labels('bristol')).to.deep.equal(['Bristol']);
    expect(await labels('  Bris ')).to.deep.equal(['Bristol']);
    expect(await labels('bs5 0hd')).to.deep.equal(['BS5']);
    expect(await labels('BS')).to.deep.equal(['BS1', 'BS2', 'BS3', 'BS5', 'BS6']);
    expect(await labels('Atlantis')).to.deep.equal([]);
    expect(await labels('')).to.deep.equal([]);
    const [bs3] = await a.findPlaces('BS3');
    expect(bs3).to.deep.equal({ label: 'BS3', lat: 51.44, lng: -2.6 });
    // What findPlaces picks, findOthers accepts as a point.
    const m = await a.findOthers({ ...signup, place: { lat: bs3!.lat, lng: bs3!.lng } }, { idempotencyKey: 'p1' });
    expect(m.nearbyCount).to.be.a('number');
  });

  it('hides after-vote results until this voter has voted, and allows a change where the poll does', async () => {
    const a = createDemoAdapter();
    expect((await a.getPoll('budget-priorities')).results).to.equal(undefined);
    const p = await a.vote(
      'budget-priorities',
      { choices: [(await a.getPoll('budget-priorities')).options[0]!.id] },
      { idempotencyKey: 'v1' },
    );
    expect(p.results?.voters).to.be.above(0);
    expect(p.myBallot?.choices).to.have.length(1);
    const changed = await a.vote('budget-priorities', { choices: [p.options[1]!.id] }, { idempotencyKey: 'v2' });
    expect(changed.results?.voters).to.equal(p.results?.voters);
    expect(changed.myBallot?.choices).to.deep.equal([p.options[1]!.id]);
  });

  it('refuses a second ballot where changing is not allowed', async () => {
    const a = createDemoAdapter();
    const poll = await a.getPoll('first-project');
    await a.vote('first-project', { choices: [poll.options[0]!.id] }, { idempotencyKey: 'a' });
    try {
      await a.vote('first-project', { choices: [poll.options[1]!.id] }, { idempotencyKey: 'b' });
      expect.fail('should reject');
    } catch (e) {
      expect((e as CivicError).code).to.equal('conflict');
    }
  });

  it('says a scheduled poll has not opened', async () => {
    const a = createDemoAdapter({ now: () => new Date('2026-11-28T12:00:00Z') });
    const p = await a.getPoll('solar-coop-name');
    expect(p.status).to.equal('scheduled');
    try {
      await a.vote('solar-coop-name', { choices: [p.options[0]!.id] }, { idempotencyKey: 's' });
      expect.fail('should reject');
    } catch (e) {
      expect((e as CivicError).code).to.equal('closed');
    }
  });

  it('moves the demo dates with the day it is shown, so the demo polls stay open, scheduled and closed', async () => {
    for (const day of ['2026-11-28T12:00:00Z', '2028-02-29T08:00:00Z', '2031-07-04T23:00:00Z']) {
      const now = new Date(day);
      const a = createDemoAdapter({ now: () => now });
      const status = async (id: string) => (await a.getPoll(id)).status;
      expect(await status('first-project'), day).to.equal('open');
      expect(await status('community-garden-site'), day).to.equal('open');
      expect(await status('solar-coop-name'), day).to.equal('scheduled');
      expect(await status('meeting-night'), day).to.equal('closed');
      const closes = Date.parse((await a.getPoll('community-garden-site')).closesAt!);
      expect(closes - now.getTime(), day).to.be.within(21 * 86_400_000, 23 * 86_400_000);
    }
    // The shipped arrays are left as written.
    expect(DEMO_POLLS.find((p) => p.id === 'first-project')!.closesAt).to.equal('2027-03-01T23:59:00Z');
  });

  it('keeps votes and supports across page loads when persisting', async () => {
    const key = `civic-test-${Math.random()}`;
    try {
      const a = createDemoAdapter({ persist: key });
      const before = (await a.getInitiative('repair-cafe')).supporters?.count ?? 0;
      await a.supportInitiative('repair-cafe', { idempotencyKey: 'p1' });
      const b = createDemoAdapter({ persist: key });
      expect((await b.getInitiative('repair-cafe')).supporters?.count).to.equal(before + 1);
      // The stored state holds no name or email.
      await b.findOthers(signup, { idempotencyKey: 'p2' });
      expect(localStorage.getItem(key)).not.to.contain('sam@example.org');
      expect(localStorage.getItem(key)).not.to.contain('Sam');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('tells subscribers about changes, also in another tab', async () => {
    const channel = `civic-test-${Math.random()}`;
    const here = createDemoAdapter({ channel });
    const there = createDemoAdapter({ channel });
    const seenHere: number[] = [];
    const seenThere = new Promise<number>((resolve) =>
      there.subscribe(
        { kind: 'poll', id: 'first-project' },
        (e) => e.kind === 'poll' && resolve(e.poll.results?.voters ?? -1),
      ),
    );
    here.subscribe(
      { kind: 'poll', id: 'first-project' },
      (e) => e.kind === 'poll' && seenHere.push(e.poll.results?.voters ?? -1),
    );
    const before = (await here.getPoll('first-project')).results!.voters;
    const poll = await here.getPoll('first-project');
    await here.vote('first-project', { choices: [poll.options[0]!.id] }, { idempotencyKey: 'live', voter: 'v' });
    expect(seenHere).to.deep.equal([before + 1]);
    expect(await seenThere).to.equal(before + 1);
    here.dispose();
    there.dispose();
  });
});
