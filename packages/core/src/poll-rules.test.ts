import { expect } from '@open-wc/testing';
import { ballotProblem, pollStatusAt, resultsVisible } from './poll-rules.js';

describe('poll rules', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('takes a poll’s status from its dates', () => {
    expect(pollStatusAt({ status: 'open', closesAt: '2026-12-01T11:59:59Z' }, now), 'closing time passed').to.equal(
      'closed',
    );
    expect(pollStatusAt({ status: 'open', opensAt: '2026-12-02T00:00:00Z' }, now), 'not open yet').to.equal(
      'scheduled',
    );
    expect(pollStatusAt({ status: 'scheduled', opensAt: '2026-11-30T00:00:00Z' }, now), 'opened').to.equal('open');
    expect(pollStatusAt({ status: 'closed', closesAt: '2027-01-01T00:00:00Z' }, now), 'closed early').to.equal(
      'closed',
    );
  });

  it('shows results always, once closed, or after this voter’s vote, as the poll says', () => {
    expect(resultsVisible({ resultsVisibility: 'always', status: 'open' }, false)).to.equal(true);
    expect(resultsVisible({ resultsVisibility: 'after-vote', status: 'open' }, false)).to.equal(false);
    expect(resultsVisible({ resultsVisibility: 'after-vote', status: 'open' }, true)).to.equal(true);
    expect(resultsVisible({ resultsVisibility: 'after-close', status: 'open' }, true)).to.equal(false);
    expect(resultsVisible({ resultsVisibility: 'after-close', status: 'closed' }, false)).to.equal(true);
  });

  it('says what is wrong with a ballot, or nothing when it may be counted', () => {
    const options = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    const single = { kind: 'single' as const, options };
    expect(ballotProblem(single, ['a'])).to.equal(undefined);
    expect(ballotProblem(single, ['a', 'b'])?.message).to.equal('Choose exactly one option');
    expect(ballotProblem(single, [])?.field).to.equal('Choose one');
    expect(ballotProblem(single, ['z'])?.message).to.equal('"z" is not an option of this poll');
    const multiple = { kind: 'multiple' as const, options, maxChoices: 2 };
    expect(ballotProblem(multiple, ['a', 'a'])?.message).to.equal('An option was chosen twice');
    expect(ballotProblem(multiple, ['a', 'b', 'c'])).to.deep.equal({
      message: 'Choose at most 2 options',
      field: 'At most 2',
    });
    expect(ballotProblem({ kind: 'ranked' as const, options, maxChoices: 2 }, ['c', 'b', 'a'])?.message).to.equal(
      'Rank at most 2 options',
    );
    expect(ballotProblem({ kind: 'ranked' as const, options }, ['c', 'b', 'a'])).to.equal(undefined);
  });
});
