import { expect } from '@open-wc/testing';
import { instantRunoff } from './instant-runoff.js';
import { DEMO_POLLS } from './memory/demo-data.js';

describe('instantRunoff', () => {
  it('counts the demo garden poll, where instant-runoff and first-past-the-post disagree', () => {
    const garden = DEMO_POLLS.find((p) => p.id === 'community-garden-site')!;
    const r = instantRunoff(
      garden.options.map((o) => o.id),
      garden.results!.ballots!,
    );
    expect(r.ballots).to.equal(20);
    expect(r.rounds.map((x) => x.counts)).to.deep.equal([
      { 'school-field': 7, 'parish-hall': 3, 'railway-verge': 4, 'park-corner': 6 },
      { 'school-field': 7, 'railway-verge': 5, 'park-corner': 8 },
      { 'school-field': 8, 'park-corner': 12 },
    ]);
    expect(r.rounds.map((x) => x.eliminated)).to.deep.equal([['parish-hall'], ['railway-verge'], []]);
    expect(r.rounds.map((x) => x.continuing)).to.deep.equal([20, 20, 20]);
    expect(r.winner).to.equal('park-corner');
    expect(r.rounds[2]!.winner).to.equal('park-corner');
    expect(r.tied).to.deep.equal([]);
  });

  it('declares a first-round majority at once', () => {
    const r = instantRunoff(['a', 'b', 'c'], [['a'], ['a', 'b'], ['b'], ['a']]);
    expect(r.rounds).to.have.length(1);
    expect(r.winner).to.equal('a');
  });

  it('counts exhausted ballots and takes the majority of those still continuing', () => {
    // Round 1: a 2, b 2, c 1. c leaves; its ballot ranks nothing else, so it is exhausted.
    const r = instantRunoff(['a', 'b', 'c'], [['a'], ['a'], ['b'], ['b', 'a'], ['c']]);
    expect(r.rounds[1]).to.deep.include({ continuing: 4, exhausted: 1 });
    // a 2 and b 2 of 4: a tie between everyone left, so no winner.
    expect(r.winner).to.equal(undefined);
    expect(r.tied).to.deep.equal(['a', 'b']);
  });

  it('removes options nobody chose together, without a tie-break', () => {
    const r = instantRunoff(['a', 'b', 'c', 'd'], [['a'], ['a'], ['b'], ['b', 'a'], ['a']]);
    expect(r.rounds[0]!.eliminated).to.deep.equal([]);
    expect(r.winner).to.equal('a');
    const r2 = instantRunoff(['a', 'b', 'c', 'd'], [['a'], ['b'], ['b', 'a'], ['a'], ['c', 'a']]);
    expect(r2.rounds[0]!.eliminated).to.deep.equal(['d']);
    expect(r2.rounds[0]!.tieBreak).to.equal(undefined);
  });

  it('breaks a tie for fewest by earlier rounds, then by option order', () => {
    // Round 1: a 4, b 3, c 2, d 2 (tie for fewest; never differed): d, listed last, leaves.
    const ballots = [
      ['a'],
      ['a'],
      ['a'],
      ['a'],
      ['b', 'c'],
      ['b', 'c'],
      ['b', 'c'],
      ['c', 'b'],
      ['c', 'b'],
      ['d', 'c'],
      ['d', 'c'],
    ];
    const r = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    expect(r.rounds[0]).to.deep.include({ eliminated: ['d'], tieBreak: 'option-order' });
    // Round 2: a 4, b 3, c 4 → b leaves; round 3: a 4, c 7 → c wins.
    expect(r.rounds[1]!.eliminated).to.deep.equal(['b']);
    expect(r.winner).to.equal('c');

    // Round 2 ties b and c at 3; in round 1 c had fewer, so c leaves.
    const e = instantRunoff(
      ['a', 'b', 'c', 'd'],
      [['a'], ['a'], ['a'], ['a'], ['b'], ['b'], ['b'], ['c'], ['c'], ['d', 'c'], ['d', 'e']],
    );
    expect(e.rounds[0]!.eliminated).to.deep.equal(['d']);
    expect(e.rounds[1]).to.deep.include({ eliminated: ['c'], tieBreak: 'earlier-rounds' });
  });

  it('skips unknown and repeated options, and copes with no ballots', () => {
    const r = instantRunoff(['a', 'b'], [['x', 'a', 'a'], ['b', 'b'], ['zzz'], [], ['a']]);
    expect(r.ballots).to.equal(3);
    expect(r.rounds[0]!.counts).to.deep.equal({ a: 2, b: 1 });
    expect(r.winner).to.equal('a');
    const none = instantRunoff(['a', 'b'], []);
    expect(none).to.deep.equal({
      rounds: [{ counts: { a: 0, b: 0 }, continuing: 0, exhausted: 0, eliminated: [] }],
      winner: undefined,
      tied: [],
      ballots: 0,
    });
  });

  it('ends in a tie when everyone left has the same votes', () => {
    const r = instantRunoff(['a', 'b'], [['a'], ['b']]);
    expect(r.winner).to.equal(undefined);
    expect(r.tied).to.deep.equal(['a', 'b']);
  });
});
