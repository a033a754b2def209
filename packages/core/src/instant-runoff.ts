/**
 * Instant-runoff counting of ranked ballots, round by round, so an element can show every round as
 * text and bars (and a backend or a test can check a published result).
 *
 * Rules, in order:
 * 1. Each ballot counts for its highest-ranked option still in the count. Unknown option ids and
 *    repeated ones on a ballot are skipped; a ballot with no option left in the count is exhausted.
 * 2. An option with more than half of the continuing (not exhausted) ballots wins.
 * 3. When every option still in the count has the same number of votes, the count ends in a tie.
 * 4. Otherwise options with no votes at all leave together (that moves no ballot); failing that, the
 *    option with the fewest votes leaves. A tie for fewest is broken by the most recent earlier round
 *    in which the tied options differed; if they never differed, the one listed last in the poll leaves.
 */

/** One round of an instant-runoff count. */
export interface RunoffRound {
  /** Votes for each option still in the count this round, in the poll's option order. */
  readonly counts: Readonly<Record<string, number>>;
  /** Ballots that still count for an option this round. */
  readonly continuing: number;
  /** Ballots whose ranked options have all left the count. */
  readonly exhausted: number;
  /** Options leaving the count after this round (empty in the last round). */
  readonly eliminated: readonly string[];
  /** How a tie for fewest votes was broken, when one had to be. */
  readonly tieBreak?: RunoffTieBreak | undefined;
  /** Set in the last round when an option won. */
  readonly winner?: string | undefined;
}

export const RUNOFF_TIE_BREAKS = ['earlier-rounds', 'option-order'] as const;
export type RunoffTieBreak = (typeof RUNOFF_TIE_BREAKS)[number];

export interface RunoffResult {
  readonly rounds: readonly RunoffRound[];
  /** The option with a majority of continuing ballots in the last round; absent on a tie or no votes. */
  readonly winner: string | undefined;
  /** When the count ended level: the options that tied (otherwise empty). */
  readonly tied: readonly string[];
  /** Ballots that ranked at least one known option. */
  readonly ballots: number;
}

/** Count `ballots` (option ids in order of preference) over `options` (the poll's option ids, in order). */
export function instantRunoff(options: readonly string[], ballots: readonly (readonly string[])[]): RunoffResult {
  const known = new Set(options);
  const clean = ballots.map((b) => [...new Set(b.filter((id) => known.has(id)))]).filter((b) => b.length > 0);
  const rounds: RunoffRound[] = [];
  let inCount = [...known];

  for (;;) {
    const counts: Record<string, number> = Object.fromEntries(inCount.map((id) => [id, 0]));
    let exhausted = 0;
    for (const ballot of clean) {
      const choice = ballot.find((id) => id in counts);
      if (choice === undefined) exhausted++;
      else counts[choice] = (counts[choice] ?? 0) + 1;
    }
    const continuing = clean.length - exhausted;
    const votes = (id: string) => counts[id] ?? 0;
    const base = { counts, continuing, exhausted };

    if (continuing === 0) {
      rounds.push({ ...base, eliminated: [] });
      return { rounds, winner: undefined, tied: [], ballots: clean.length };
    }
    const top = Math.max(...inCount.map(votes));
    const leader = inCount.find((id) => votes(id) === top);
    if (leader !== undefined && top * 2 > continuing) {
      rounds.push({ ...base, eliminated: [], winner: leader });
      return { rounds, winner: leader, tied: [], ballots: clean.length };
    }
    if (inCount.every((id) => votes(id) === top)) {
      rounds.push({ ...base, eliminated: [] });
      return { rounds, winner: undefined, tied: inCount, ballots: clean.length };
    }

    let eliminated: string[];
    let tieBreak: RunoffTieBreak | undefined;
    const zero = inCount.filter((id) => votes(id) === 0);
    if (zero.length) eliminated = zero;
    else {
      const fewest = Math.min(...inCount.map(votes));
      let tied = inCount.filter((id) => votes(id) === fewest);
      if (tied.length > 1) {
        for (let r = rounds.length - 1; r >= 0 && tied.length > 1; r--) {
          const earlier = rounds[r]!.counts;
          const low = Math.min(...tied.map((id) => earlier[id] ?? 0));
          tied = tied.filter((id) => (earlier[id] ?? 0) === low);
        }
        tieBreak = tied.length === 1 ? 'earlier-rounds' : 'option-order';
      }
      eliminated = [tied[tied.length - 1]!];
    }
    rounds.push({ ...base, eliminated, ...(tieBreak ? { tieBreak } : {}) });
    inCount = inCount.filter((id) => !eliminated.includes(id));
  }
}
