/**
 * What organisers do, for the admin API and the command line alike: every write validated with the
 * core schemas, checked against the item's ETag where one is given, and recorded in the audit log in
 * the same transaction. Nothing here changes a ballot or a support already given.
 */
import {
  ConsentSchema,
  InitiativeSchema,
  parseRequest,
  PollSchema,
  safeUrl,
  type Initiative,
  type Poll,
} from '@civic-kit/core';
import { createHash, randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Db, Queryable } from '../db/db.js';
import { badRequest, conflict, HttpProblem, notFound } from '../problems.js';
import { exportSignups, getInitiative, getPoll, searchText } from '../store.js';
import { recordAudit } from './audit.js';
import type { Actor } from './tokens.js';

export type ItemType = 'initiative' | 'poll';

export interface AdminInitiative {
  initiative: Initiative;
  hidden: boolean;
  /** Browsers without a voter token may support it (one support per browser). */
  anonymous: boolean;
  /** Supports given through this server. */
  supports: number;
  etag: string;
}

export interface AdminPoll {
  /** As the public sees it (results as `resultsVisibility` allows), with `status` as of now. */
  poll: Poll;
  hidden: boolean;
  anonymous: boolean;
  /** Ballots cast through this server. */
  ballots: number;
  etag: string;
}

/** `If-Match` as the caller sent it: undefined (absent) or the ETags it names (`*` matches any). */
export type IfMatch = string[] | undefined;

export const preconditionRequired = (what: string) =>
  new HttpProblem(
    428,
    'conflict',
    `Send If-Match with the ETag you last read, so that no edit to this ${what} is lost`,
    {
      errors: [{ detail: 'Missing', parameter: 'If-Match' }],
    },
  );
export const preconditionFailed = (what: string) =>
  new HttpProblem(412, 'conflict', `This ${what} was changed since you read it: read it again, then make your edit`, {
    errors: [{ detail: 'Stale ETag', parameter: 'If-Match' }],
  });

/** `"a", W/"b"` → ['"a"', '"b"']. */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || !header.trim()) return undefined;
  return header.split(',').map((s) => s.trim().replace(/^W\//, ''));
}

const etagOf = (doc: string, hidden: number, anonymous: number) =>
  `"${createHash('sha256').update(`${doc}\n${hidden}\n${anonymous}`).digest('base64url').slice(0, 22)}"`;

function checkIfMatch(ifMatch: IfMatch, current: string, what: string, required: boolean): void {
  if (ifMatch === undefined) {
    if (required) throw preconditionRequired(what);
    return;
  }
  if (!ifMatch.includes('*') && !ifMatch.includes(current)) throw preconditionFailed(what);
}

/** `{ …document, anonymous?: boolean }`: the flag is not part of the model. */
function anonymousFlag(body: unknown, fallback: boolean): boolean {
  const value = (body as { anonymous?: unknown } | null)?.anonymous;
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw badRequest('`anonymous` must be true or false', [{ detail: 'true or false', pointer: '/anonymous' }]);
  return value;
}

function objectBody(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest(`Send the ${what} as a JSON object`);
  return body as Record<string, unknown>;
}

/** The id in the path and in the body must agree (an id is never changed: pages link to it). */
function sameId(body: Record<string, unknown>, id: string | undefined): void {
  if (id !== undefined && body.id !== undefined && body.id !== id)
    throw badRequest('The id cannot be changed', [{ detail: `Must stay "${id}"`, pointer: '/id' }]);
}

// ─── initiatives ──────────────────────────────────────────────────────────────────────────────

interface InitiativeRow {
  id: string;
  doc: string;
  hidden: number;
  anonymous_support: number;
  seed_supporters: number;
  counts_supporters: number;
}

async function initiativeRow(db: Queryable, id: string): Promise<InitiativeRow> {
  const row = await db.get<InitiativeRow>(
    'SELECT id, doc, hidden, anonymous_support, seed_supporters, counts_supporters FROM initiatives WHERE id = ?',
    [id],
  );
  if (!row) throw notFound(`No initiative with id "${id}"`);
  return row;
}

async function supportCount(db: Queryable, id: string): Promise<number> {
  const r = await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM supports WHERE initiative_id = ?', [
    id,
  ]);
  return Number(r?.n ?? 0);
}

async function adminInitiative(db: Queryable, row: InitiativeRow): Promise<AdminInitiative> {
  return {
    initiative: await getInitiative(db, row.id, { kind: 'none' }),
    hidden: !!row.hidden,
    anonymous: !!row.anonymous_support,
    supports: await supportCount(db, row.id),
    etag: etagOf(row.doc, row.hidden, row.anonymous_support),
  };
}

export async function listInitiativesAdmin(db: Queryable): Promise<AdminInitiative[]> {
  const rows = await db.all<InitiativeRow>(
    'SELECT id, doc, hidden, anonymous_support, seed_supporters, counts_supporters FROM initiatives ORDER BY sort_order',
  );
  const out: AdminInitiative[] = [];
  for (const r of rows) out.push(await adminInitiative(db, r));
  return out;
}

export const getInitiativeAdmin = async (db: Queryable, id: string) => adminInitiative(db, await initiativeRow(db, id));

function parseInitiativeInput(body: unknown, id?: string): Initiative {
  const input = objectBody(body, 'initiative');
  sameId(input, id);
  const parsed = parseRequest(InitiativeSchema, { ...input, ...(id !== undefined ? { id } : {}) }, 'initiative');
  if (parsed.supporters) delete parsed.supporters.supportedByMe;
  for (const [pointer, url] of [
    ['/url', parsed.url],
    ['/image/url', parsed.image?.url],
    ['/organiser/url', parsed.organiser?.url],
    ['/source/url', parsed.source?.url],
  ] as const)
    if (url !== undefined && !safeUrl(url))
      throw badRequest('Links must be http or https addresses', [{ detail: 'An http or https address', pointer }]);
  return parsed;
}

export async function createInitiative(db: Db, actor: Actor, body: unknown, now: Date): Promise<AdminInitiative> {
  const i = parseInitiativeInput(body);
  return db.transaction(async (tx) => {
    const anonymous = anonymousFlag(body, (await getSettings(tx)).settings.anonymousParticipation);
    if (await tx.get('SELECT id FROM initiatives WHERE id = ?', [i.id]))
      throw new HttpProblem(409, 'conflict', `An initiative with id "${i.id}" already exists`, {
        errors: [{ detail: 'Already used', pointer: '/id' }],
      });
    const order = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM initiatives'))?.n ?? 0;
    await tx.run(
      `INSERT INTO initiatives (id, sort_order, status, search_text, lat, lng, starts_at, ends_at,
         counts_supporters, seed_supporters, anonymous_support, doc, hidden)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      [
        i.id,
        Number(order) + 1,
        i.status,
        searchText(i),
        i.place?.lat,
        i.place?.lng,
        i.startsAt,
        i.endsAt,
        i.supporters ? 1 : 0,
        i.supporters?.count ?? 0,
        anonymous ? 1 : 0,
        JSON.stringify(i),
      ],
    );
    await writeTags(tx, i);
    await recordAudit(tx, actor, 'initiative.create', { type: 'initiative', id: i.id }, { title: i.title }, now);
    return getInitiativeAdmin(tx, i.id);
  });
}

async function writeTags(tx: Queryable, i: Initiative): Promise<void> {
  await tx.run('DELETE FROM initiative_tags WHERE initiative_id = ?', [i.id]);
  for (const tag of new Set(i.tags))
    await tx.run('INSERT INTO initiative_tags (initiative_id, tag) VALUES (?, ?)', [i.id, tag]);
}

/** Store a changed initiative if nobody else changed it meanwhile (compare-and-set on every column read). */
async function saveInitiative(
  tx: Queryable,
  row: InitiativeRow,
  next: { doc: Initiative; hidden: number; anonymous: number },
): Promise<void> {
  const i = next.doc;
  const result = await tx.run(
    `UPDATE initiatives SET status = ?, search_text = ?, lat = ?, lng = ?, starts_at = ?, ends_at = ?,
       counts_supporters = ?, doc = ?, hidden = ?, anonymous_support = ?
     WHERE id = ? AND doc = ? AND hidden = ? AND anonymous_support = ?`,
    [
      i.status,
      searchText(i),
      i.place?.lat,
      i.place?.lng,
      i.startsAt,
      i.endsAt,
      i.supporters ? 1 : row.counts_supporters,
      JSON.stringify(i),
      next.hidden,
      next.anonymous,
      row.id,
      row.doc,
      row.hidden,
      row.anonymous_support,
    ],
  );
  if (!result.changes) throw preconditionFailed('initiative');
  await writeTags(tx, i);
}

/** Which top-level fields differ (for the audit log: what changed, not the whole text). */
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();

export async function updateInitiative(
  db: Db,
  actor: Actor,
  id: string,
  body: unknown,
  ifMatch: IfMatch,
  now: Date,
): Promise<AdminInitiative> {
  const next = parseInitiativeInput(body, id);
  return db.transaction(async (tx) => {
    const row = await initiativeRow(tx, id);
    checkIfMatch(ifMatch, etagOf(row.doc, row.hidden, row.anonymous_support), 'initiative', true);
    const before = JSON.parse(row.doc) as Initiative;
    // The supporter count is what people gave: an edit may set a goal, never the count.
    if (next.supporters) next.supporters.count = row.seed_supporters;
    const anonymous = anonymousFlag(body, !!row.anonymous_support) ? 1 : 0;
    await saveInitiative(tx, row, { doc: next, hidden: row.hidden, anonymous });
    const fields = changedFields(before, next);
    if (anonymous !== row.anonymous_support) fields.push('anonymous');
    await recordAudit(tx, actor, 'initiative.update', { type: 'initiative', id }, { fields }, now);
    return getInitiativeAdmin(tx, id);
  });
}

/** Close (no more support) or reopen (`active`). */
export async function setInitiativeOpen(
  db: Db,
  actor: Actor,
  id: string,
  open: boolean,
  ifMatch: IfMatch,
  now: Date,
): Promise<AdminInitiative> {
  return db.transaction(async (tx) => {
    const row = await initiativeRow(tx, id);
    checkIfMatch(ifMatch, etagOf(row.doc, row.hidden, row.anonymous_support), 'initiative', false);
    const doc = JSON.parse(row.doc) as Initiative;
    const from = doc.status;
    doc.status = open ? 'active' : 'closed';
    await saveInitiative(tx, row, { doc, hidden: row.hidden, anonymous: row.anonymous_support });
    await recordAudit(
      tx,
      actor,
      open ? 'initiative.reopen' : 'initiative.close',
      { type: 'initiative', id },
      { from },
      now,
    );
    return getInitiativeAdmin(tx, id);
  });
}

// ─── polls ────────────────────────────────────────────────────────────────────────────────────

interface PollRow {
  id: string;
  doc: string;
  hidden: number;
  anonymous_voting: number;
}

async function pollRow(db: Queryable, id: string): Promise<PollRow> {
  const row = await db.get<PollRow>('SELECT id, doc, hidden, anonymous_voting FROM polls WHERE id = ?', [id]);
  if (!row) throw notFound(`No poll with id "${id}"`);
  return row;
}

async function ballotCount(db: Queryable, id: string): Promise<number> {
  const r = await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ballots WHERE poll_id = ?', [id]);
  return Number(r?.n ?? 0);
}

async function adminPoll(db: Queryable, row: PollRow, now: Date): Promise<AdminPoll> {
  return {
    poll: await getPoll(db, row.id, { kind: 'none' }, now),
    hidden: !!row.hidden,
    anonymous: !!row.anonymous_voting,
    ballots: await ballotCount(db, row.id),
    etag: etagOf(row.doc, row.hidden, row.anonymous_voting),
  };
}

export async function listPollsAdmin(db: Queryable, now: Date): Promise<AdminPoll[]> {
  const rows = await db.all<PollRow>('SELECT id, doc, hidden, anonymous_voting FROM polls ORDER BY sort_order');
  const out: AdminPoll[] = [];
  for (const r of rows) out.push(await adminPoll(db, r, now));
  return out;
}

export const getPollAdmin = async (db: Queryable, id: string, now: Date) => adminPoll(db, await pollRow(db, id), now);

/**
 * A poll as an organiser writes it: the model's poll without `status` (it follows the dates and the
 * close/reopen actions), `results` or `myBallot` (votes are only ever cast by voters).
 */
function parsePollInput(body: unknown, id?: string): Poll {
  const input = objectBody(body, 'poll');
  sameId(input, id);
  const { results: _r, myBallot: _m, status: _s, anonymous: _a, ...rest } = input;
  const parsed = parseRequest(PollSchema, { ...rest, ...(id !== undefined ? { id } : {}), status: 'open' }, 'poll');
  delete parsed.results;
  delete parsed.myBallot;
  if (parsed.opensAt && parsed.closesAt && Date.parse(parsed.closesAt) <= Date.parse(parsed.opensAt))
    throw badRequest('The poll must close after it opens', [
      { detail: 'After the opening time', pointer: '/closesAt' },
    ]);
  return parsed;
}

export async function createPoll(db: Db, actor: Actor, body: unknown, now: Date): Promise<AdminPoll> {
  const p = parsePollInput(body);
  return db.transaction(async (tx) => {
    const anonymous = anonymousFlag(body, (await getSettings(tx)).settings.anonymousParticipation);
    if (await tx.get('SELECT id FROM polls WHERE id = ?', [p.id]))
      throw new HttpProblem(409, 'conflict', `A poll with id "${p.id}" already exists`, {
        errors: [{ detail: 'Already used', pointer: '/id' }],
      });
    const order = (await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM polls'))?.n ?? 0;
    await tx.run('INSERT INTO polls (id, sort_order, anonymous_voting, doc, hidden) VALUES (?, ?, ?, ?, 0)', [
      p.id,
      Number(order) + 1,
      anonymous ? 1 : 0,
      JSON.stringify(p),
    ]);
    await recordAudit(tx, actor, 'poll.create', { type: 'poll', id: p.id }, { question: p.question }, now);
    return getPollAdmin(tx, p.id, now);
  });
}

/** What votes already say about this poll: the options they name and the longest ballot. */
async function castVotes(
  tx: Queryable,
  before: Poll,
): Promise<{ voted: Set<string>; ballots: number; longest: number }> {
  const voted = new Set<string>();
  for (const [option, n] of Object.entries(before.results?.counts ?? {})) if (n > 0) voted.add(option);
  for (const b of before.results?.ballots ?? []) for (const c of b) voted.add(c);
  for (const r of await tx.all<{ option_id: string }>(
    'SELECT DISTINCT option_id FROM ballot_choices WHERE poll_id = ?',
    [before.id],
  ))
    voted.add(r.option_id);
  const stored = await tx.all<{ choices: string }>('SELECT choices FROM ballots WHERE poll_id = ?', [before.id]);
  const longest = Math.max(
    0,
    ...stored.map((b) => (JSON.parse(b.choices) as string[]).length),
    ...(before.results?.ballots ?? []).map((b) => b.length),
  );
  return { voted, ballots: stored.length + (before.results?.voters ?? 0), longest };
}

async function savePoll(tx: Queryable, row: PollRow, next: { doc: Poll; hidden: number; anonymous: number }) {
  const result = await tx.run(
    `UPDATE polls SET doc = ?, hidden = ?, anonymous_voting = ?
     WHERE id = ? AND doc = ? AND hidden = ? AND anonymous_voting = ?`,
    [JSON.stringify(next.doc), next.hidden, next.anonymous, row.id, row.doc, row.hidden, row.anonymous_voting],
  );
  if (!result.changes) throw preconditionFailed('poll');
}

export async function updatePoll(
  db: Db,
  actor: Actor,
  id: string,
  body: unknown,
  ifMatch: IfMatch,
  now: Date,
): Promise<AdminPoll> {
  const next = parsePollInput(body, id);
  return db.transaction(async (tx) => {
    const row = await pollRow(tx, id);
    checkIfMatch(ifMatch, etagOf(row.doc, row.hidden, row.anonymous_voting), 'poll', true);
    const before = JSON.parse(row.doc) as Poll;
    const votes = await castVotes(tx, before);
    const kept = new Set(next.options.map((o) => o.id));
    const removed = [...votes.voted].filter((o) => !kept.has(o));
    if (removed.length)
      throw new HttpProblem(
        409,
        'conflict',
        `Votes count for ${removed.map((o) => `"${o}"`).join(', ')}: an option with votes cannot be removed`,
        {
          errors: [{ detail: 'An option with votes cannot be removed', pointer: '/options' }],
        },
      );
    if (votes.ballots > 0 && next.kind !== before.kind)
      throw new HttpProblem(409, 'conflict', 'Votes have been cast: the kind of poll can no longer change', {
        errors: [{ detail: `Must stay "${before.kind}"`, pointer: '/kind' }],
      });
    if (votes.ballots > 0 && next.kind !== 'single' && (next.maxChoices ?? next.options.length) < votes.longest)
      throw new HttpProblem(
        409,
        'conflict',
        `A ballot already names ${votes.longest} options: the limit cannot go below that`,
        {
          errors: [{ detail: `At least ${votes.longest}`, pointer: '/maxChoices' }],
        },
      );
    // Seeded results and the closed state stay as they were: only voters and close/reopen change them.
    if (before.results) next.results = before.results;
    if (before.status === 'closed') next.status = 'closed';
    const anonymous = anonymousFlag(body, !!row.anonymous_voting) ? 1 : 0;
    await savePoll(tx, row, { doc: next, hidden: row.hidden, anonymous });
    const fields = changedFields(before, next);
    if (anonymous !== row.anonymous_voting) fields.push('anonymous');
    await recordAudit(tx, actor, 'poll.update', { type: 'poll', id }, { fields }, now);
    return getPollAdmin(tx, id, now);
  });
}

/**
 * Close a poll now (its results become final and show to everyone), or reopen it: until `closesAt`
 * when given, else with no closing time (a closing time already past is dropped).
 */
export async function setPollOpen(
  db: Db,
  actor: Actor,
  id: string,
  open: boolean,
  options: { ifMatch: IfMatch; closesAt?: string | undefined },
  now: Date,
): Promise<AdminPoll> {
  if (
    options.closesAt !== undefined &&
    (Number.isNaN(Date.parse(options.closesAt)) || Date.parse(options.closesAt) <= now.getTime())
  )
    throw badRequest('`closesAt` must be a date and time in the future', [
      { detail: 'A future date and time', pointer: '/closesAt' },
    ]);
  return db.transaction(async (tx) => {
    const row = await pollRow(tx, id);
    checkIfMatch(options.ifMatch, etagOf(row.doc, row.hidden, row.anonymous_voting), 'poll', false);
    const doc = JSON.parse(row.doc) as Poll;
    if (open) {
      doc.status = 'open';
      if (options.closesAt) doc.closesAt = options.closesAt;
      else if (doc.closesAt && Date.parse(doc.closesAt) <= now.getTime()) delete doc.closesAt;
    } else {
      doc.status = 'closed';
      if (!doc.closesAt || Date.parse(doc.closesAt) > now.getTime()) doc.closesAt = now.toISOString();
    }
    await savePoll(tx, row, { doc, hidden: row.hidden, anonymous: row.anonymous_voting });
    await recordAudit(
      tx,
      actor,
      open ? 'poll.reopen' : 'poll.close',
      { type: 'poll', id },
      open && doc.closesAt ? { closesAt: doc.closesAt } : {},
      now,
    );
    return getPollAdmin(tx, id, now);
  });
}

// ─── both: hide, delete ───────────────────────────────────────────────────────────────────────

const TABLE = { initiative: 'initiatives', poll: 'polls' } as const;
const ANONYMOUS = { initiative: 'anonymous_support', poll: 'anonymous_voting' } as const;

/** Hide (left out of every public answer) or show again. */
export async function setItemHidden(
  db: Db,
  actor: Actor,
  type: ItemType,
  id: string,
  hidden: boolean,
  ifMatch: IfMatch,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.get<{ doc: string; hidden: number; anonymous: number }>(
      `SELECT doc, hidden, ${ANONYMOUS[type]} AS anonymous FROM ${TABLE[type]} WHERE id = ?`,
      [id],
    );
    if (!row) throw notFound(`No ${type} with id "${id}"`);
    checkIfMatch(ifMatch, etagOf(row.doc, row.hidden, row.anonymous), type, false);
    await tx.run(`UPDATE ${TABLE[type]} SET hidden = ? WHERE id = ?`, [hidden ? 1 : 0, id]);
    await recordAudit(tx, actor, `${type}.${hidden ? 'hide' : 'unhide'}`, { type, id }, {}, now);
  });
}

/**
 * Delete an initiative or poll. One that people have supported or voted in is kept (close or hide it
 * instead): deleting it would delete their votes.
 */
export async function deleteItem(db: Db, actor: Actor, type: ItemType, id: string, ifMatch: IfMatch, now: Date) {
  await db.transaction(async (tx) => {
    const row = await tx.get<{ doc: string; hidden: number; anonymous: number }>(
      `SELECT doc, hidden, ${ANONYMOUS[type]} AS anonymous FROM ${TABLE[type]} WHERE id = ?`,
      [id],
    );
    if (!row) throw notFound(`No ${type} with id "${id}"`);
    checkIfMatch(ifMatch, etagOf(row.doc, row.hidden, row.anonymous), type, true);
    // Seeded results are votes cast elsewhere: they count too.
    const given =
      type === 'poll' ? (await castVotes(tx, JSON.parse(row.doc) as Poll)).ballots : await supportCount(tx, id);
    if (given > 0)
      throw conflict(
        `${type === 'poll' ? `${given} ballot(s) were cast in this poll` : `${given} people support this initiative`}: close or hide it instead, so that no vote is lost`,
      );
    await tx.run(`DELETE FROM ${TABLE[type]} WHERE id = ?`, [id]);
    const doc = JSON.parse(row.doc) as { title?: string; question?: string };
    await recordAudit(tx, actor, `${type}.delete`, { type, id }, { title: doc.title ?? doc.question }, now);
  });
}

// ─── sign-ups ─────────────────────────────────────────────────────────────────────────────────

export interface AdminSignup {
  id: string;
  name: string;
  email: string;
  place: string | null;
  interests: string[];
  message: string | null;
  consents: { purpose: string; version: string }[];
  createdAt: string;
  hidden: boolean;
}

export async function listSignupsAdmin(db: Queryable): Promise<AdminSignup[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    email: string;
    place_text: string | null;
    interests: string;
    message: string | null;
    created_at: string;
    hidden: number;
  }>('SELECT id, name, email, place_text, interests, message, created_at, hidden FROM signups ORDER BY created_at, id');
  const consents = await db.all<{ signup_id: string; purpose: string; consent_version: string }>(
    'SELECT signup_id, purpose, consent_version FROM consents ORDER BY signup_id, purpose',
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    place: r.place_text,
    interests: JSON.parse(r.interests) as string[],
    message: r.message,
    consents: consents
      .filter((c) => c.signup_id === r.id)
      .map((c) => ({ purpose: c.purpose, version: c.consent_version })),
    createdAt: r.created_at,
    hidden: !!r.hidden,
  }));
}

/** The OSDI export (as `civic-server export-signups` has it), without hidden sign-ups unless asked. */
export async function exportSignupsAdmin(db: Queryable, options: { includeHidden?: boolean } = {}) {
  const all = await exportSignups(db);
  if (options.includeHidden) return all;
  const hidden = new Set(
    (await db.all<{ id: string }>('SELECT id FROM signups WHERE hidden = 1')).map((r) => `civic_kit:${r.id}`),
  );
  const people = (all._embedded as { 'osdi:people': { identifiers: string[] }[] })['osdi:people'].filter(
    (p) => !p.identifiers.some((i) => hidden.has(i)),
  );
  return { ...all, total_records: people.length, _embedded: { 'osdi:people': people } };
}

/**
 * Hide a sign-up (spam): it leaves the export and stops counting in "people near you". Showing it
 * again puts it back.
 */
export async function setSignupHidden(db: Db, actor: Actor, id: string, hidden: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx.get<{ hidden: number; lat: number; lng: number; interests: string }>(
      'SELECT hidden, lat, lng, interests FROM signups WHERE id = ?',
      [id],
    );
    if (!row) throw notFound(`No sign-up with id "${id}"`);
    if (!!row.hidden !== hidden) {
      await tx.run('UPDATE signups SET hidden = ? WHERE id = ?', [hidden ? 1 : 0, id]);
      if (hidden) await tx.run('DELETE FROM people WHERE signup_id = ?', [id]);
      else {
        const known = new Set((await tx.all<{ id: string }>('SELECT id FROM interests')).map((r) => r.id));
        const interests = (JSON.parse(row.interests) as string[]).filter((i) => known.has(i));
        await tx.run('INSERT INTO people (id, signup_id, lat, lng, interests) VALUES (?, ?, ?, ?, ?)', [
          randomUUID(),
          id,
          row.lat,
          row.lng,
          JSON.stringify(interests),
        ]);
      }
    }
    await recordAudit(tx, actor, hidden ? 'signup.hide' : 'signup.unhide', { type: 'signup', id }, {}, now);
  });
}

/** Delete a sign-up with its consent receipts and its matching point. The audit log keeps only its id. */
export async function deleteSignup(db: Db, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM people WHERE signup_id = ?', [id]);
    await tx.run('DELETE FROM consents WHERE signup_id = ?', [id]);
    const { changes } = await tx.run('DELETE FROM signups WHERE id = ?', [id]);
    if (!changes) throw notFound(`No sign-up with id "${id}"`);
    await recordAudit(tx, actor, 'signup.delete', { type: 'signup', id }, {}, now);
  });
}

// ─── site settings ────────────────────────────────────────────────────────────────────────────

const origin = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'An origin: scheme, host and port only, e.g. https://our-town.example'),
);

/** The site's settings: its name, the consent texts its sign-up asks for, more allowed origins, anonymous participation. */
export const SiteSettingsSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  consents: v.pipe(v.array(v.pick(ConsentSchema, ['purpose', 'text', 'version'])), v.maxLength(20)),
  allowedOrigins: v.pipe(v.array(origin), v.maxLength(50)),
  /** The default for new polls and initiatives: browsers without a voter token may take part. */
  anonymousParticipation: v.boolean(),
});
export type SiteSettings = v.InferOutput<typeof SiteSettingsSchema>;

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Our community',
  consents: [],
  allowedOrigins: [],
  anonymousParticipation: false,
};

export async function getSettings(db: Queryable): Promise<{ settings: SiteSettings; etag: string }> {
  const row = await db.get<{ doc: string }>("SELECT doc FROM site_settings WHERE id = 'site'");
  const doc = row?.doc ?? JSON.stringify(DEFAULT_SETTINGS);
  return { settings: JSON.parse(doc) as SiteSettings, etag: etagOf(doc, 0, 0) };
}

export async function putSettings(db: Db, actor: Actor, body: unknown, ifMatch: IfMatch, now: Date) {
  const next = parseRequest(SiteSettingsSchema, body, 'site settings');
  return db.transaction(async (tx) => {
    const stored = await tx.get<{ doc: string }>("SELECT doc FROM site_settings WHERE id = 'site'");
    const current = await getSettings(tx);
    checkIfMatch(ifMatch, current.etag, 'site settings', true);
    const doc = JSON.stringify(next);
    // Compare-and-set, so that of two organisers saving at once the second gets 412.
    const { changes } = stored
      ? await tx.run("UPDATE site_settings SET doc = ?, updated_at = ? WHERE id = 'site' AND doc = ?", [
          doc,
          now.toISOString(),
          stored.doc,
        ])
      : await tx.run(
          "INSERT INTO site_settings (id, doc, updated_at) VALUES ('site', ?, ?) ON CONFLICT (id) DO NOTHING",
          [doc, now.toISOString()],
        );
    if (!changes) throw preconditionFailed('site settings');
    const fields = changedFields(current.settings, next);
    await recordAudit(tx, actor, 'settings.update', { type: 'settings' }, { fields }, now);
    return getSettings(tx);
  });
}
