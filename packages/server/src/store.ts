/**
 * What the server stores and how it answers: the same behaviour as the core `MemoryAdapter` (the
 * reference), over SQL that SQLite and PostgreSQL share. Every function takes a `Queryable`, so
 * the HTTP layer decides what runs in one transaction.
 */
import {
  coarsen,
  ballotProblem,
  distanceKm,
  foldText,
  INITIATIVE_SORTS,
  InitiativeSchema,
  InterestSchema,
  parseBallot,
  parseResponse,
  parseSignup,
  placeOf,
  placesMatching,
  pollStatusAt,
  PollSchema,
  resultsVisible,
  type Ballot,
  type Initiative,
  type InitiativeQuery,
  type Interest,
  type Consent,
  type ConsentText,
  type Matches,
  type Page,
  type PlaceMatch,
  type Poll,
  type Signup,
} from '@civic-kit/core';
import { createHash, randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { FEDIVERSE_NAMESPACE, type Voter } from './auth.js';
import type { Db, Param, Queryable } from './db/db.js';
import { badRequest, closed, conflict, HttpProblem, notFound, unauthorized } from './problems.js';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

// ─── seeding ──────────────────────────────────────────────────────────────────────────────────

export interface SeedData {
  initiatives?: unknown[];
  polls?: unknown[];
  interests?: unknown[];
  /** People who signed up elsewhere: a coarse point and interests, nothing that identifies them. */
  people?: { lat: number; lng: number; interests: string[] }[];
  /** Place names (lower case) a sign-up may type instead of sharing a location. */
  places?: Record<string, { lat: number; lng: number }>;
}

export interface SeedOptions {
  /**
   * Which seeded polls and initiatives browsers without a voter token may vote in or support (with a
   * per-browser id): `true` for all of them, or the ids of those that allow it. Default: none.
   */
  anonymous?: boolean | { ids: readonly string[] };
}

/** Whether the item with this id accepts anonymous per-browser participation (as a column value). */
const anonymousFor = (option: SeedOptions['anonymous'], id: string): 0 | 1 =>
  option === true || (typeof option === 'object' && option.ids.includes(id)) ? 1 : 0;

const PersonSchema = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  interests: v.array(v.string()),
});

/** Delete every row (not the schema). */
export async function clear(tx: Queryable): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'people',
    'consents',
    'signups',
    'places',
    'interests',
    'ballot_choices',
    'ballots',
    'polls',
    'supports',
    'initiative_tags',
    'initiatives',
  ])
    await tx.run(`DELETE FROM ${table}`);
}

export const searchText = (i: Initiative) =>
  foldText([i.title, i.summary, i.tags.join(' '), i.place?.address, i.organiser?.name].filter(Boolean).join(' '));

/**
 * Add (or replace, by id) initiatives, polls, interests, people and places. Everything is validated
 * with the core schemas first: a malformed seed stores nothing.
 */
export async function seed(
  db: Db,
  data: SeedData,
  options: SeedOptions = {},
): Promise<{ initiatives: number; polls: number }> {
  const initiatives = parseResponse(v.array(InitiativeSchema), data.initiatives ?? [], 'list of initiatives');
  const polls = parseResponse(v.array(PollSchema), data.polls ?? [], 'list of polls');
  const interests = parseResponse(v.array(InterestSchema), data.interests ?? [], 'list of interests');
  const people = parseResponse(v.array(PersonSchema), data.people ?? [], 'list of people');
  const places = Object.entries(data.places ?? {});
  await db.transaction(async (tx) => {
    let order = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM initiatives'))?.n ?? 0;
    for (const i of initiatives) {
      if (i.supporters) delete i.supporters.supportedByMe;
      await tx.run('DELETE FROM initiatives WHERE id = ?', [i.id]);
      await tx.run(
        `INSERT INTO initiatives (id, sort_order, status, search_text, lat, lng, starts_at, ends_at,
           counts_supporters, seed_supporters, anonymous_support, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          i.id,
          ++order,
          i.status,
          searchText(i),
          i.place?.lat,
          i.place?.lng,
          i.startsAt,
          i.endsAt,
          i.supporters ? 1 : 0,
          i.supporters?.count ?? 0,
          anonymousFor(options.anonymous, i.id),
          JSON.stringify(i),
        ],
      );
      for (const tag of new Set(i.tags))
        await tx.run('INSERT INTO initiative_tags (initiative_id, tag) VALUES (?, ?)', [i.id, tag]);
    }
    let pollOrder = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM polls'))?.n ?? 0;
    for (const p of polls) {
      delete p.myBallot;
      await tx.run('DELETE FROM polls WHERE id = ?', [p.id]);
      await tx.run('INSERT INTO polls (id, sort_order, anonymous_voting, doc) VALUES (?, ?, ?, ?)', [
        p.id,
        ++pollOrder,
        anonymousFor(options.anonymous, p.id),
        JSON.stringify(p),
      ]);
    }
    let interestOrder = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM interests'))?.n ?? 0;
    for (const i of interests) {
      await tx.run(
        `INSERT INTO interests (id, sort_order, label) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label`,
        [i.id, ++interestOrder, i.label],
      );
    }
    for (const p of people)
      await tx.run('INSERT INTO people (id, signup_id, lat, lng, interests) VALUES (?, NULL, ?, ?, ?)', [
        randomUUID(),
        p.lat,
        p.lng,
        JSON.stringify(p.interests),
      ]);
    let placeOrder = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM places'))?.n ?? 0;
    for (const [name, at] of places)
      await tx.run(
        `INSERT INTO places (name, label, sort_order, lat, lng) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET label = excluded.label, lat = excluded.lat, lng = excluded.lng`,
        [foldText(name), name.trim(), ++placeOrder, at.lat, at.lng],
      );
  });
  return { initiatives: initiatives.length, polls: polls.length };
}

/** An item an organiser edited, closed or reopened on the admin page: a refresh leaves it as they left it. */
const CHANGED_BY_ADMIN = `SELECT 1 FROM admin_audit WHERE target_type = ? AND target_id = ?
  AND action IN ('initiative.update', 'initiative.close', 'initiative.reopen', 'poll.update', 'poll.close', 'poll.reopen')`;

/**
 * Bring stored initiatives and polls up to date with `data` (texts, dates, status) where their ids are
 * already stored, keeping every ballot, support and seeded count: `seed` would replace them, and with
 * them the votes. What `data` has that is not stored is left out, and so is what an organiser changed
 * on the admin page (an item deleted there stays deleted). The demo (`pnpm start`) uses it so its
 * dates follow the day it runs, as the demo data's do.
 */
export async function refreshSeeded(db: Db, data: SeedData): Promise<{ initiatives: number; polls: number }> {
  const initiatives = parseResponse(v.array(InitiativeSchema), data.initiatives ?? [], 'list of initiatives');
  const polls = parseResponse(v.array(PollSchema), data.polls ?? [], 'list of polls');
  let updated = { initiatives: 0, polls: 0 };
  await db.transaction(async (tx) => {
    updated = { initiatives: 0, polls: 0 };
    for (const i of initiatives) {
      if (i.supporters) delete i.supporters.supportedByMe;
      const result = await tx.run(
        `UPDATE initiatives SET status = ?, search_text = ?, lat = ?, lng = ?, starts_at = ?, ends_at = ?, doc = ?
         WHERE id = ? AND NOT EXISTS (${CHANGED_BY_ADMIN})`,
        [
          i.status,
          searchText(i),
          i.place?.lat,
          i.place?.lng,
          i.startsAt,
          i.endsAt,
          JSON.stringify(i),
          i.id,
          'initiative',
          i.id,
        ],
      );
      if (result.changes) updated.initiatives++;
    }
    for (const p of polls) {
      delete p.myBallot;
      const result = await tx.run(`UPDATE polls SET doc = ? WHERE id = ? AND NOT EXISTS (${CHANGED_BY_ADMIN})`, [
        JSON.stringify(p),
        p.id,
        'poll',
        p.id,
      ]);
      if (result.changes) updated.polls++;
    }
    // Names as shown, for places seeded before they were kept (migration 002).
    for (const name of Object.keys(data.places ?? {}))
      await tx.run('UPDATE places SET label = ? WHERE name = ? AND label IS NULL', [name.trim(), foldText(name)]);
  });
  return updated;
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const row = await db.get<{ n: number }>(
    'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM (SELECT id FROM initiatives UNION ALL SELECT id FROM polls) AS x',
  );
  return (row?.n ?? 0) === 0;
}

// ─── initiatives ──────────────────────────────────────────────────────────────────────────────

interface InitiativeRow {
  id: string;
  sort_order: number;
  lat: number | null;
  lng: number | null;
  starts_at: string | null;
  ends_at: string | null;
  counts_supporters: number;
  seed_supporters: number;
  status: string;
  anonymous_support: number;
  doc: string;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const encodeCursor = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
export function decodeCursor(cursor: string): number {
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && encodeCursor(o) === cursor) return o;
  } catch {
    /* fall through */
  }
  throw badRequest(`Unknown cursor "${cursor.slice(0, 50)}"`, [{ detail: 'Unknown cursor', parameter: 'cursor' }]);
}

async function supportCounts(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!ids.length) return counts;
  const rows = await db.all<{ initiative_id: string; n: number }>(
    `SELECT initiative_id, CAST(COUNT(*) AS INTEGER) AS n FROM supports
     WHERE initiative_id IN (${placeholders(ids.length)}) GROUP BY initiative_id`,
    ids,
  );
  for (const r of rows) counts.set(r.initiative_id, Number(r.n));
  return counts;
}

async function supportedBy(db: Queryable, ids: readonly string[], voter: Voter): Promise<Set<string>> {
  if (!ids.length || voter.kind === 'none') return new Set();
  const rows = await db.all<{ initiative_id: string }>(
    `SELECT initiative_id FROM supports WHERE voter = ? AND initiative_id IN (${placeholders(ids.length)})`,
    [voter.id, ...ids],
  );
  return new Set(rows.map((r) => r.initiative_id));
}

/** What a caller sees: the stored document with the live supporter count (and, for a voter, whether they support it). */
function initiativeView(row: InitiativeRow, supports: number, voter: Voter, mine: boolean): Initiative {
  const out = JSON.parse(row.doc) as Initiative;
  if (row.counts_supporters || supports) {
    out.supporters = { ...(out.supporters ?? { count: 0 }), count: row.seed_supporters + supports };
    if (voter.kind !== 'none') out.supporters.supportedByMe = mine;
  }
  return out;
}

async function views(db: Queryable, rows: InitiativeRow[], voter: Voter): Promise<Initiative[]> {
  const ids = rows.map((r) => r.id);
  const counts = await supportCounts(db, ids);
  const mine = await supportedBy(db, ids, voter);
  return rows.map((r) => initiativeView(r, counts.get(r.id) ?? 0, voter, mine.has(r.id)));
}

/**
 * Whose initiatives a list shows: the community's own (`local`), those of the communities it follows
 * (`followed`), or one of those (its actor IRI). Default: all.
 */
export type SourceFilter = 'local' | 'followed' | { actor: string };

export async function listInitiatives(
  db: Queryable,
  query: InitiativeQuery,
  voter: Voter,
  source?: SourceFilter,
): Promise<Page<Initiative>> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  if (query.radiusKm !== undefined && !query.near)
    throw badRequest('`radiusKm` needs `near`', [{ detail: 'Needs near', parameter: 'radiusKm' }]);
  if (query.sort === 'distance' && !query.near)
    throw badRequest('Sorting by distance needs `near`', [{ detail: 'Needs near', parameter: 'sort' }]);
  if (query.sort && !INITIATIVE_SORTS.includes(query.sort))
    throw badRequest(`Unknown sort "${String(query.sort)}"`, [{ detail: 'Unknown sort', parameter: 'sort' }]);

  const where: string[] = ['hidden = 0'];
  const params: Param[] = [];
  if (source === 'local') where.push('source IS NULL');
  else if (source === 'followed') where.push('source IS NOT NULL');
  else if (source) {
    where.push('source = ?');
    params.push(source.actor);
  }
  if (query.status?.length) {
    where.push(`status IN (${placeholders(query.status.length)})`);
    params.push(...query.status);
  }
  for (const tag of query.tags ?? []) {
    where.push('id IN (SELECT initiative_id FROM initiative_tags WHERE tag = ?)');
    params.push(tag);
  }
  for (const word of query.q ? foldText(query.q).split(/\s+/).filter(Boolean) : []) {
    where.push("search_text LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(word)}%`);
  }
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    where.push('lat IS NOT NULL AND lat >= ? AND lat <= ?');
    params.push(south, north);
    where.push(west <= east ? '(lng >= ? AND lng <= ?)' : '(lng >= ? OR lng <= ?)');
    params.push(west, east);
  }
  const near = query.near;
  if (near && query.radiusKm !== undefined) {
    // A latitude band first (1° of latitude ≈ 111.2 km); the exact distance below.
    const band = query.radiusKm / 111 + 0.01;
    where.push('lat IS NOT NULL AND lat >= ? AND lat <= ?');
    params.push(near.lat - band, near.lat + band);
    // And a longitude band, as wide as the circle is at its poleward edge, where it crosses neither a
    // pole nor the antimeridian.
    const cos = Math.cos((Math.min(90, Math.abs(near.lat) + band) * Math.PI) / 180);
    const lngBand = cos > 0.01 ? query.radiusKm / (111 * cos) + 0.01 : Infinity;
    if (near.lng - lngBand >= -180 && near.lng + lngBand <= 180) {
      where.push('lng >= ? AND lng <= ?');
      params.push(near.lng - lngBand, near.lng + lngBand);
    }
  }
  const sql = `SELECT id, sort_order, lat, lng, starts_at, ends_at, counts_supporters, seed_supporters
    FROM initiatives ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY sort_order`;
  let found = await db.all<Omit<InitiativeRow, 'doc' | 'status' | 'anonymous_support'>>(sql, params);

  // Each row's distance once (a sort compares each row many times).
  const distances = new Map<string, number>();
  const dist = (r: { id: string; lat: number | null; lng: number | null }) => {
    let d = distances.get(r.id);
    if (d === undefined) {
      d = near && r.lat !== null && r.lng !== null ? distanceKm(near, { lat: r.lat, lng: r.lng }) : Infinity;
      distances.set(r.id, d);
    }
    return d;
  };
  if (near && query.radiusKm !== undefined) found = found.filter((r) => dist(r) <= query.radiusKm!);
  const time = (d: string | null, missing: number) => (d ? Date.parse(d) : missing);
  const sort = query.sort ?? (near ? 'distance' : 'relevance');
  if (sort === 'distance') found.sort((a, b) => dist(a) - dist(b));
  else if (sort === 'newest') found.sort((a, b) => time(b.starts_at, -Infinity) - time(a.starts_at, -Infinity));
  else if (sort === 'ending-soon') found.sort((a, b) => time(a.ends_at, Infinity) - time(b.ends_at, Infinity));
  else if (sort === 'supporters') {
    const counts = await supportCounts(
      db,
      found.map((r) => r.id),
    );
    const total = (r: (typeof found)[number]) => r.seed_supporters + (counts.get(r.id) ?? 0);
    found.sort((a, b) => total(b) - total(a));
  }

  const pageIds = found.slice(offset, offset + limit).map((r) => r.id);
  const rows = pageIds.length
    ? await db.all<InitiativeRow>(`SELECT * FROM initiatives WHERE id IN (${placeholders(pageIds.length)})`, pageIds)
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = await views(db, pageIds.map((id) => byId.get(id)!).filter(Boolean), voter);
  const next = offset + limit;
  return { items, total: found.length, ...(next < found.length ? { nextCursor: encodeCursor(next) } : {}) };
}

async function findInitiative(db: Queryable, id: string): Promise<InitiativeRow> {
  const row = await db.get<InitiativeRow>('SELECT * FROM initiatives WHERE id = ?', [id]);
  if (!row) throw notFound(`No initiative with id "${id}"`);
  return row;
}

export async function getInitiative(db: Queryable, id: string, voter: Voter): Promise<Initiative> {
  return (await views(db, [await findInitiative(db, id)], voter))[0]!;
}

export async function supportInitiative(tx: Queryable, id: string, voter: Voter, now: Date): Promise<Initiative> {
  const row = await findInitiative(tx, id);
  if (voter.kind === 'none' || (voter.kind === 'browser' && !row.anonymous_support))
    throw unauthorized('Supporting this initiative needs a voter token from the host site');
  if (row.status === 'closed' || row.status === 'completed') throw closed('This initiative no longer takes support');
  await tx.run(
    'INSERT INTO supports (initiative_id, voter, created_at) VALUES (?, ?, ?) ON CONFLICT (initiative_id, voter) DO NOTHING',
    [id, voter.id, now.toISOString()],
  );
  return (await views(tx, [row], voter))[0]!;
}

// ─── polls ────────────────────────────────────────────────────────────────────────────────────

interface PollRow {
  id: string;
  anonymous_voting: number;
  doc: string;
}

/** A poll's status at `now` (the rule in core, shared with the memory adapter and the poll). */
export const pollStatus = (p: Poll, now: Date): Poll['status'] => pollStatusAt(p, now);

async function findPoll(db: Queryable, id: string): Promise<PollRow> {
  const row = await db.get<PollRow>('SELECT id, anonymous_voting, doc FROM polls WHERE id = ?', [id]);
  if (!row) throw notFound(`No poll with id "${id}"`);
  return row;
}

/** Seed results plus the stored ballots; results hidden as `resultsVisibility` says; the voter's own ballot. */
async function pollView(db: Queryable, row: PollRow, voter: Voter, now: Date): Promise<Poll> {
  const poll = JSON.parse(row.doc) as Poll;
  poll.status = pollStatus(poll, now);
  const seedResults = poll.results ?? { counts: {}, voters: 0 };
  const ranked = poll.kind === 'ranked';
  const counted = await db.all<{ option_id: string; n: number }>(
    `SELECT option_id, CAST(COUNT(*) AS INTEGER) AS n FROM ballot_choices
     WHERE poll_id = ? AND (choice_rank = 0 OR ? = 0) GROUP BY option_id`,
    [row.id, ranked ? 1 : 0],
  );
  const voters = await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ballots WHERE poll_id = ?', [
    row.id,
  ]);
  const counts: Record<string, number> = {};
  for (const o of poll.options) counts[o.id] = seedResults.counts[o.id] ?? 0;
  for (const c of counted) counts[c.option_id] = (counts[c.option_id] ?? 0) + Number(c.n);
  let ballots: string[][] | undefined;
  if (ranked) {
    const all = await db.all<{ choices: string }>(
      'SELECT choices FROM ballots WHERE poll_id = ? ORDER BY created_at, voter',
      [row.id],
    );
    // Sorted, so the published list says nothing about who voted when (the order cast would).
    ballots = [...(seedResults.ballots ?? []), ...all.map((b) => JSON.parse(b.choices) as string[])]
      .map((b) => [JSON.stringify(b), b] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, b]) => b);
  }
  poll.results = { counts, voters: seedResults.voters + Number(voters?.n ?? 0), ...(ballots ? { ballots } : {}) };
  const mine =
    voter.kind === 'none'
      ? undefined
      : await db.get<{ choices: string }>('SELECT choices FROM ballots WHERE poll_id = ? AND voter = ?', [
          row.id,
          voter.id,
        ]);
  if (mine) poll.myBallot = { choices: JSON.parse(mine.choices) as string[] };
  else delete poll.myBallot;
  if (!resultsVisible(poll, mine !== undefined)) delete poll.results;
  return poll;
}

export async function getPoll(db: Queryable, id: string, voter: Voter, now: Date): Promise<Poll> {
  return pollView(db, await findPoll(db, id), voter, now);
}

export async function vote(
  tx: Queryable,
  pollId: string,
  ballotInput: unknown,
  voter: Voter,
  now: Date,
): Promise<Poll> {
  const row = await findPoll(tx, pollId);
  if (voter.kind === 'none' || (voter.kind === 'browser' && !row.anonymous_voting))
    throw unauthorized('Voting in this poll needs a voter token from the host site');
  const poll = JSON.parse(row.doc) as Poll;
  const status = pollStatus(poll, now);
  if (status === 'closed') throw closed('This poll has closed');
  if (status === 'scheduled') throw closed('This poll has not opened yet');
  const { choices }: Ballot = parseBallot(ballotInput);
  const problem = ballotProblem(poll, choices);
  if (problem) throw badRequest(problem.message, [{ detail: problem.field, pointer: '/choices' }]);

  const at = now.toISOString();
  const inserted = await tx.get(
    `INSERT INTO ballots (poll_id, voter, choices, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (poll_id, voter) DO NOTHING RETURNING poll_id`,
    [pollId, voter.id, JSON.stringify(choices), at, at],
  );
  if (!inserted) {
    if (!poll.allowChange) throw conflict('You have already voted in this poll');
    await tx.run('UPDATE ballots SET choices = ?, updated_at = ? WHERE poll_id = ? AND voter = ?', [
      JSON.stringify(choices),
      at,
      pollId,
      voter.id,
    ]);
    await tx.run('DELETE FROM ballot_choices WHERE poll_id = ? AND voter = ?', [pollId, voter.id]);
  }
  for (const [rank, option] of choices.entries())
    await tx.run('INSERT INTO ballot_choices (poll_id, voter, option_id, choice_rank) VALUES (?, ?, ?, ?)', [
      pollId,
      voter.id,
      option,
      rank,
    ]);
  return pollView(tx, row, voter, now);
}

/**
 * A vote from the fediverse: `actor` (a remote actor's IRI, never a local voter id) chose the option
 * named `optionName`, as Mastodon, Misskey and Pleroma send it (one `Note` per chosen option). The
 * ballot's primary key holds one ballot per actor per poll and its choices' key one row per option, so
 * the same vote delivered again counts once. Returns whether it changed the count.
 */
export async function remoteVote(
  tx: Queryable,
  pollId: string,
  optionName: string,
  actor: string,
  now: Date,
): Promise<'counted' | 'already-counted' | 'refused'> {
  const row = await findPoll(tx, pollId);
  const poll = JSON.parse(row.doc) as Poll;
  if (poll.kind === 'ranked' || pollStatus(poll, now) !== 'open') return 'refused';
  const name = optionName.trim();
  const option = poll.options.find((o) => o.label.trim() === name) ?? poll.options.find((o) => o.id === name);
  if (!option) return 'refused';
  const voter = remoteVoterId(actor);
  const at = now.toISOString();
  const mine = await tx.get<{ choices: string }>('SELECT choices FROM ballots WHERE poll_id = ? AND voter = ?', [
    pollId,
    voter,
  ]);
  const choices = mine ? (JSON.parse(mine.choices) as string[]) : [];
  if (choices.includes(option.id)) return 'already-counted';
  if (mine && (poll.kind === 'single' || choices.length >= (poll.maxChoices ?? poll.options.length))) return 'refused';
  const next = [...choices, option.id];
  if (mine)
    await tx.run('UPDATE ballots SET choices = ?, updated_at = ? WHERE poll_id = ? AND voter = ?', [
      JSON.stringify(next),
      at,
      pollId,
      voter,
    ]);
  else
    await tx.run('INSERT INTO ballots (poll_id, voter, choices, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      pollId,
      voter,
      JSON.stringify(next),
      at,
      at,
    ]);
  await tx.run('INSERT INTO ballot_choices (poll_id, voter, option_id, choice_rank) VALUES (?, ?, ?, ?)', [
    pollId,
    voter,
    option.id,
    next.length - 1,
  ]);
  return 'counted';
}

export const remoteVoterId = (actor: string): string => `${FEDIVERSE_NAMESPACE}:${actor}`;

/** Store (or replace) an initiative read from a followed community, with its source. */
export async function putRemoteInitiative(tx: Queryable, i: Initiative, source: string): Promise<void> {
  const row = await tx.get<{ source: string | null; sort_order: number }>(
    'SELECT source, sort_order FROM initiatives WHERE id = ?',
    [i.id],
  );
  // Never overwrite the community's own item, nor another source's.
  if (row && row.source !== source) return;
  const doc = JSON.stringify({ ...i, supporters: i.supporters && { ...i.supporters, supportedByMe: undefined } });
  const values = [i.status, searchText(i), i.place?.lat, i.place?.lng, i.startsAt, i.endsAt];
  if (row)
    await tx.run(
      `UPDATE initiatives SET status = ?, search_text = ?, lat = ?, lng = ?, starts_at = ?, ends_at = ?,
         counts_supporters = ?, seed_supporters = ?, doc = ? WHERE id = ?`,
      [...values, i.supporters ? 1 : 0, i.supporters?.count ?? 0, doc, i.id],
    );
  else {
    const order = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM initiatives'))?.n ?? 0;
    await tx.run(
      `INSERT INTO initiatives (id, sort_order, status, search_text, lat, lng, starts_at, ends_at,
         counts_supporters, seed_supporters, anonymous_support, doc, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [i.id, Number(order) + 1, ...values, i.supporters ? 1 : 0, i.supporters?.count ?? 0, doc, source],
    );
  }
  await tx.run('DELETE FROM initiative_tags WHERE initiative_id = ?', [i.id]);
  for (const tag of new Set(i.tags))
    await tx.run('INSERT INTO initiative_tags (initiative_id, tag) VALUES (?, ?)', [i.id, tag]);
}

/** Throws not-found for an item a moderator hid: it says nothing to the public, live streams included. */
async function notHidden(db: Queryable, table: 'polls' | 'initiatives', id: string): Promise<void> {
  const row = await db.get<{ hidden: number }>(`SELECT hidden FROM ${table} WHERE id = ?`, [id]);
  if (!row || Number(row.hidden)) throw notFound(`No item with id "${id}"`);
}

/** The public view of a poll (no voter, results only where everyone may see them): what live events carry. */
export async function publicPoll(db: Queryable, id: string, now: Date): Promise<Poll> {
  await notHidden(db, 'polls', id);
  return getPoll(db, id, { kind: 'none' }, now);
}
export async function publicInitiative(db: Queryable, id: string): Promise<Initiative> {
  await notHidden(db, 'initiatives', id);
  return getInitiative(db, id, { kind: 'none' });
}

// ─── interests and sign-ups ───────────────────────────────────────────────────────────────────

export async function listInterests(db: Queryable): Promise<Interest[]> {
  return db.all<Interest>('SELECT id, label FROM interests ORDER BY sort_order');
}

/** Places a typed town or postcode may mean, best first, matched as the memory adapter matches them. */
export async function findPlaces(db: Queryable, text: string): Promise<PlaceMatch[]> {
  const places = await db.all<{ name: string; label: string | null; lat: number; lng: number }>(
    'SELECT name, label, lat, lng FROM places ORDER BY sort_order',
  );
  return placesMatching(text, places, (p) => p.name).map((p) => ({ label: p.label ?? p.name, lat: p.lat, lng: p.lng }));
}

async function locate(db: Queryable, place: Signup['place']): Promise<{ lat: number; lng: number }> {
  if (place.lat !== undefined && place.lng !== undefined) return { lat: place.lat, lng: place.lng };
  const places = await db.all<{ name: string; lat: number; lng: number }>(
    'SELECT name, lat, lng FROM places ORDER BY sort_order',
  );
  const hit = placeOf(place.text ?? '', places, (p) => p.name);
  if (!hit)
    throw badRequest(`We could not find "${(place.text ?? '').slice(0, 100)}"`, [
      { detail: 'Enter a town or postcode we know, or use your location', pointer: '/place' },
    ]);
  return { lat: hit.lat, lng: hit.lng };
}

/** What matching gives away, at most (see the server README's "Location privacy"). */
export interface MatchRules {
  /** Every stored and matched point is the centre of its cell of this many kilometres. */
  gridKm: number;
  /** The smallest radius matched within. */
  minRadiusKm: number;
  /** Counts below this are answered as 0 with `fewerThan` (0: exact counts). */
  smallestCount: number;
  /** Consent purposes a sign-up must carry (matching rests on them). */
  requiredConsents?: readonly string[];
  /**
   * The consent words this server serves (the site settings'): for each of their purposes the receipt
   * holds these words and version, whatever the client sent (other purposes: the client's words).
   */
  consentTexts?: readonly ConsentText[];
}

/** No coarsening, no minimum, exact counts: what the contract's reference (the memory adapter) does. */
export const EXACT_MATCHING: MatchRules = { gridKm: 0, minRadiusKm: 0, smallestCount: 0 };

/** A point as it is kept and matched: the centre of its grid cell. */
export const onGrid = (p: { lat: number; lng: number }, rules: Pick<MatchRules, 'gridKm'>) =>
  rules.gridKm > 0 ? coarsen(p, rules.gridKm) : { lat: p.lat, lng: p.lng };

/**
 * Store a sign-up with its consent receipts and answer who and what is near: counts only, never
 * anyone's personal data. The point is moved to the centre of its grid cell before it is stored or
 * matched (whatever the browser sent), the radius is at least `minRadiusKm`, and counts below
 * `smallestCount` are answered as "fewer than" it, per interest too.
 */
export async function signup(
  tx: Queryable,
  input: unknown,
  voter: Voter,
  now: Date,
  rules: MatchRules = EXACT_MATCHING,
  request?: { principal: string; key: string },
  /** Double opt-in: the digest of the token mailed to the person; the sign-up counts once it is confirmed. */
  confirmTokenHash?: string,
): Promise<Matches> {
  const s = parseSignup(input);
  const point = onGrid(await locate(tx, s.place), rules);
  const radiusKm = Math.max(s.radiusKm, rules.minRadiusKm);
  const k = rules.smallestCount >= 2 ? Math.floor(rules.smallestCount) : 0;
  const shown = (n: number) => (n < k ? 0 : n);
  const missing = rules.requiredConsents?.find((purpose) => !s.consent.some((c) => c.purpose === purpose));
  if (missing !== undefined)
    throw badRequest(`The sign-up needs the "${missing.slice(0, 100)}" consent`, [
      { detail: 'Tick the box to agree to your details being used to put you in touch', pointer: '/consent' },
    ]);
  const served = new Map((rules.consentTexts ?? []).map((c) => [c.purpose, c]));
  const asked = [...new Set(s.interests)];
  const labels = new Map((await listInterests(tx)).map((i) => [i.id, i.label]));
  const interests = asked.filter((i) => labels.has(i));
  const band = radiusKm / 111 + 0.01;
  const candidates = await tx.all<{ lat: number; lng: number; interests: string }>(
    'SELECT lat, lng, interests FROM people WHERE lat >= ? AND lat <= ?',
    [point.lat - band, point.lat + band],
  );
  // Rows stored before the grid, and seeded people, are matched on the grid too.
  const nearby = candidates
    .filter((p) => distanceKm(point, onGrid(p, rules)) <= radiusKm)
    .map((p) => JSON.parse(p.interests) as string[]);
  const initiativeRows = await tx.all<InitiativeRow>(
    'SELECT * FROM initiatives WHERE hidden = 0 AND lat IS NOT NULL AND lat >= ? AND lat <= ? ORDER BY sort_order',
    [point.lat - band, point.lat + band],
  );
  const tags = new Map<string, string[]>();
  for (const r of await tx.all<{ initiative_id: string; tag: string }>(
    'SELECT initiative_id, tag FROM initiative_tags',
  )) {
    const list = tags.get(r.initiative_id);
    if (list) list.push(r.tag);
    else tags.set(r.initiative_id, [r.tag]);
  }
  const d = (r: InitiativeRow) => distanceKm(point, { lat: r.lat!, lng: r.lng! });
  const near = initiativeRows
    .filter((r) => d(r) <= radiusKm)
    .filter((r) => !interests.length || (tags.get(r.id) ?? []).some((t) => interests.includes(t)))
    .sort((a, b) => d(a) - d(b))
    .slice(0, 6);
  const matches: Matches = {
    nearbyCount: shown(nearby.length),
    sharedInterests: interests.map((interest) => ({
      interest,
      label: labels.get(interest),
      count: shown(nearby.filter((p) => p.includes(interest)).length),
    })),
    initiatives: await views(tx, near, { kind: 'none' }),
    ...(k ? { fewerThan: k } : {}),
    ...(radiusKm !== s.radiusKm ? { radiusKm } : {}),
  };

  const id = randomUUID();
  const at = now.toISOString();
  await tx.run(
    `INSERT INTO signups (id, voter, name, email, place_text, lat, lng, place_precision, radius_km, interests, message,
       created_at, idempotency_principal, idempotency_key, confirm_token_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      voter.kind === 'none' ? null : voter.id,
      s.name,
      s.email,
      s.place.text,
      point.lat,
      point.lng,
      rules.gridKm > 0 ? 'area' : s.place.precision,
      radiusKm,
      JSON.stringify(asked),
      s.message,
      at,
      request?.principal,
      request?.key,
      confirmTokenHash,
    ],
  );
  const receipt: Consent[] = [];
  for (const c of s.consent) {
    if (receipt.some((r) => r.purpose === c.purpose)) continue;
    // The words are the server's where it serves any (the client only says which were ticked), and
    // when it was given is when the server received it: the client's clock is not evidence.
    const words = served.get(c.purpose) ?? c;
    receipt.push({ ...c, text: words.text, version: words.version, timestamp: at });
    await tx.run(
      `INSERT INTO consents (signup_id, purpose, consent_text, consent_version, given_at, locale, organisations, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, c.purpose, words.text, words.version, at, c.locale, JSON.stringify(c.organisations), at],
    );
  }
  matches.receipt = receipt;
  // Matched by others from now on, or (double opt-in) once confirmed.
  if (!confirmTokenHash)
    await tx.run('INSERT INTO people (id, signup_id, lat, lng, interests) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      id,
      point.lat,
      point.lng,
      JSON.stringify(interests),
    ]);
  return matches;
}

/** The digest a confirmation token is kept as. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** A sign-up still waiting for its email address to be confirmed (SQL condition on `signups`). */
const PENDING = 'confirm_token_hash IS NOT NULL AND confirmed_at IS NULL';

/**
 * Confirm the sign-up the token was mailed for: from now on it is matched and exported. False when the
 * token is unknown or its sign-up expired; true again for one already confirmed.
 */
export async function confirmSignup(db: Db, token: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ id: string; lat: number; lng: number; interests: string; confirmed_at: string | null }>(
      'SELECT id, lat, lng, interests, confirmed_at FROM signups WHERE confirm_token_hash = ?',
      [tokenDigest(token)],
    );
    if (!row) return false;
    if (row.confirmed_at !== null) return true;
    const known = new Set((await listInterests(tx)).map((i) => i.id));
    const interests = (JSON.parse(row.interests) as string[]).filter((i) => known.has(i));
    await tx.run('UPDATE signups SET confirmed_at = ? WHERE id = ?', [now.toISOString(), row.id]);
    await tx.run('INSERT INTO people (id, signup_id, lat, lng, interests) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      row.id,
      row.lat,
      row.lng,
      JSON.stringify(interests),
    ]);
    return true;
  });
}

/** Delete sign-ups left unconfirmed for more than `hours` (with their consents and stored answers). */
export async function pruneUnconfirmedSignups(db: Db, hours: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - hours * 3_600_000).toISOString();
  return db.transaction(async (tx) => {
    const rows = await tx.all<{ id: string; idempotency_principal: string | null; idempotency_key: string | null }>(
      `SELECT id, idempotency_principal, idempotency_key FROM signups WHERE ${PENDING} AND created_at < ?`,
      [before],
    );
    for (const r of rows) {
      if (r.idempotency_principal !== null && r.idempotency_key !== null)
        await tx.run('DELETE FROM idempotency_keys WHERE principal = ? AND idem_key = ?', [
          r.idempotency_principal,
          r.idempotency_key,
        ]);
      await tx.run('DELETE FROM consents WHERE signup_id = ?', [r.id]);
      await tx.run('DELETE FROM signups WHERE id = ?', [r.id]);
    }
    return rows.length;
  });
}

/**
 * Move every stored sign-up point (and seeded person) to the centre of its grid cell: rows stored
 * before the grid, or under a finer one. Run at start; rows already on the grid are left alone.
 */
export async function coarsenStoredPoints(db: Db, rules: Pick<MatchRules, 'gridKm'>): Promise<number> {
  if (rules.gridKm <= 0) return 0;
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const table of ['people', 'signups'] as const) {
      const rows = await tx.all<{ id: string; lat: number; lng: number }>(`SELECT id, lat, lng FROM ${table}`);
      for (const r of rows) {
        const p = onGrid(r, rules);
        if (p.lat === r.lat && p.lng === r.lng) continue;
        await tx.run(
          `UPDATE ${table} SET lat = ?, lng = ?${table === 'signups' ? ", place_precision = 'area'" : ''} WHERE id = ?`,
          [p.lat, p.lng, r.id],
        );
        changed++;
      }
    }
    return changed;
  });
}

// ─── idempotency ──────────────────────────────────────────────────────────────────────────────

export interface WriteResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** A digest of what was asked, so a key reused for a different request is caught. */
export const fingerprint = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest('base64url');

/**
 * Run a write once per (principal, key): the key row is inserted first in the same transaction, so
 * a concurrent repeat waits for the first to commit and then gets its stored response. A write that
 * fails stores nothing (the key may be used again).
 */
export async function idempotent<T>(
  db: Db,
  request: { principal: string; key: string; fingerprint: string; now: Date },
  op: (tx: Queryable) => Promise<{ status: number; body: T }>,
): Promise<WriteResult<T>> {
  return db.transaction(async (tx) => {
    const claimed = await tx.get(
      `INSERT INTO idempotency_keys (principal, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (principal, idem_key) DO NOTHING RETURNING idem_key`,
      [request.principal, request.key, request.fingerprint, request.now.toISOString()],
    );
    if (!claimed) {
      const row = await tx.get<{ fingerprint: string; status: number | null; response: string | null }>(
        'SELECT fingerprint, status, response FROM idempotency_keys WHERE principal = ? AND idem_key = ?',
        [request.principal, request.key],
      );
      if (!row || row.status === null || row.response === null)
        throw conflict('A request with this Idempotency-Key is still being processed');
      if (row.fingerprint !== request.fingerprint)
        throw new HttpProblem(422, 'invalid-request', 'This Idempotency-Key was used for a different request', {
          errors: [{ detail: 'Reused for a different request', parameter: 'Idempotency-Key' }],
        });
      return { status: Number(row.status), body: JSON.parse(row.response) as T, replayed: true };
    }
    const result = await op(tx);
    await tx.run('UPDATE idempotency_keys SET status = ?, response = ? WHERE principal = ? AND idem_key = ?', [
      result.status,
      JSON.stringify(result.body),
      request.principal,
      request.key,
    ]);
    return { ...result, replayed: false };
  });
}

/** Forget idempotency keys older than `hours`. */
export async function pruneIdempotencyKeys(db: Queryable, hours: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - hours * 3_600_000).toISOString();
  return (await db.run('DELETE FROM idempotency_keys WHERE created_at < ?', [before])).changes;
}

// ─── people's data: export and deletion ───────────────────────────────────────────────────────

interface SignupRow {
  id: string;
  voter: string | null;
  name: string;
  email: string;
  place_text: string | null;
  lat: number;
  lng: number;
  place_precision: string;
  radius_km: number;
  interests: string;
  message: string | null;
  created_at: string;
  confirmed_at: string | null;
}
interface ConsentRow {
  signup_id: string;
  purpose: string;
  consent_text: string;
  consent_version: string;
  given_at: string;
  locale: string;
  organisations: string;
  received_at: string;
}

/**
 * Every sign-up as an OSDI people collection (`osdi:people`, HAL-style), each person with their
 * email address, an approximate postal address, their interests as tags and their consent
 * receipts (`civic_kit:consents`, since OSDI has no consent field).
 */
export async function exportSignups(db: Queryable): Promise<Record<string, unknown>> {
  // Unconfirmed sign-ups (double opt-in) are nobody's yet: left out.
  const signups = await db.all<SignupRow>(`SELECT * FROM signups WHERE NOT (${PENDING}) ORDER BY created_at, id`);
  const consents = await db.all<ConsentRow>('SELECT * FROM consents ORDER BY signup_id, purpose');
  const people = signups.map((s) => ({
    identifiers: [`civic_kit:${s.id}`],
    created_date: s.created_at,
    modified_date: s.created_at,
    // One name field as the person typed it: OSDI's given/family split does not fit every culture.
    given_name: s.name,
    // "subscribed" only for an address its owner confirmed (double opt-in); otherwise nobody knows.
    email_addresses: [{ address: s.email, primary: true, ...(s.confirmed_at ? { status: 'subscribed' } : {}) }],
    postal_addresses: [
      {
        primary: true,
        ...(s.place_text ? { locality: s.place_text } : {}),
        location: {
          latitude: s.lat,
          longitude: s.lng,
          accuracy: s.place_precision === 'exact' ? 'Rooftop' : 'Approximate',
        },
      },
    ],
    custom_fields: {
      radius_km: String(s.radius_km),
      ...(s.message ? { message: s.message } : {}),
    },
    'civic_kit:interests': JSON.parse(s.interests) as string[],
    'civic_kit:consents': consents
      .filter((c) => c.signup_id === s.id)
      .map((c) => ({
        purpose: c.purpose,
        text: c.consent_text,
        version: c.consent_version,
        timestamp: c.given_at,
        locale: c.locale,
        organisations: JSON.parse(c.organisations) as string[],
        received: c.received_at,
      })),
  }));
  return {
    origin: 'Civic Kit reference server',
    total_records: people.length,
    _embedded: { 'osdi:people': people },
  };
}

export interface DeletedCounts {
  signups: number;
  ballots: number;
  supports: number;
  idempotencyKeys: number;
}

/**
 * Delete a person's data on request: their sign-ups (with consents and their matching point) by
 * email, and their ballots, supports and stored responses by voter id (`site:subject` or
 * `browser:…`).
 */
export async function deletePerson(db: Db, who: { email?: string; voter?: string }): Promise<DeletedCounts> {
  if (!who.email && !who.voter) throw new Error('Give an email address or a voter id');
  return db.transaction(async (tx) => {
    const counts: DeletedCounts = { signups: 0, ballots: 0, supports: 0, idempotencyKeys: 0 };
    if (who.email) {
      const email = who.email.trim().toLowerCase();
      const rows = await tx.all<{
        id: string;
        voter: string | null;
        idempotency_principal: string | null;
        idempotency_key: string | null;
      }>('SELECT id, voter, idempotency_principal, idempotency_key FROM signups WHERE LOWER(email) = ?', [email]);
      for (const r of rows) {
        // The stored answer to the sign-up and the digest of what was sent go with it.
        if (r.idempotency_principal !== null && r.idempotency_key !== null)
          counts.idempotencyKeys += (
            await tx.run('DELETE FROM idempotency_keys WHERE principal = ? AND idem_key = ?', [
              r.idempotency_principal,
              r.idempotency_key,
            ])
          ).changes;
        await tx.run('DELETE FROM people WHERE signup_id = ?', [r.id]);
        await tx.run('DELETE FROM consents WHERE signup_id = ?', [r.id]);
        counts.signups += (await tx.run('DELETE FROM signups WHERE id = ?', [r.id])).changes;
      }
    }
    if (who.voter) {
      const signups = await tx.all<{ id: string }>('SELECT id FROM signups WHERE voter = ?', [who.voter]);
      for (const r of signups) {
        await tx.run('DELETE FROM people WHERE signup_id = ?', [r.id]);
        await tx.run('DELETE FROM consents WHERE signup_id = ?', [r.id]);
        counts.signups += (await tx.run('DELETE FROM signups WHERE id = ?', [r.id])).changes;
      }
      await tx.run('DELETE FROM ballot_choices WHERE voter = ?', [who.voter]);
      counts.ballots = (await tx.run('DELETE FROM ballots WHERE voter = ?', [who.voter])).changes;
      counts.supports = (await tx.run('DELETE FROM supports WHERE voter = ?', [who.voter])).changes;
      counts.idempotencyKeys += (await tx.run('DELETE FROM idempotency_keys WHERE principal = ?', [who.voter])).changes;
    }
    return counts;
  });
}
