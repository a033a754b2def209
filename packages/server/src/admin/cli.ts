/**
 * The organisers' commands of `civic-server`: every admin API action, for scripts and for anyone
 * without a browser. They call the same functions as the API, and each write is in the audit log.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/db.js';
import { HttpProblem } from '../problems.js';
import { listAudit } from './audit.js';
import {
  createInitiative,
  createPoll,
  deleteItem,
  deleteSignup,
  getInitiativeAdmin,
  getPollAdmin,
  getSettings,
  listInitiativesAdmin,
  listPollsAdmin,
  listSignupsAdmin,
  parseIfMatch,
  putSettings,
  setInitiativeOpen,
  setItemHidden,
  setPollOpen,
  setSignupHidden,
  updateInitiative,
  updatePoll,
  type ItemType,
} from './data.js';
import { ADMIN_ROLES, createAdminToken, isAdminRole, listAdminTokens, revokeAdminToken, type Actor } from './tokens.js';

export interface AdminCliOptions {
  file?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  id?: string | undefined;
  token?: string | undefined;
  'if-match'?: string | undefined;
  'closes-at'?: string | undefined;
  limit?: string | undefined;
  yes?: boolean | undefined;
}

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const readJson = async (file: string | undefined): Promise<unknown> => {
  if (!file) throw new UsageError('This needs --file <item.json>');
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
};

class UsageError extends Error {}

/** Problems as a person reads them: the message, then each field at fault. */
function describe(e: HttpProblem): string {
  return [e.message, ...(e.errors ?? []).map((f) => `  ${f.pointer ?? f.parameter ?? ''}: ${f.detail}`)].join('\n');
}

export async function runAdminCommand(
  db: Db,
  command: string,
  args: string[],
  options: AdminCliOptions,
  actor: Actor,
): Promise<number> {
  try {
    return await run(db, command, args, options, actor);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof HttpProblem) {
      console.error(describe(e));
      return 1;
    }
    const fields = (e as { fields?: Record<string, string> }).fields;
    if (e instanceof Error && fields) {
      console.error([e.message, ...Object.entries(fields).map(([k, m]) => `  ${k}: ${m}`)].join('\n'));
      return 1;
    }
    throw e;
  }
}

async function run(db: Db, command: string, args: string[], o: AdminCliOptions, actor: Actor): Promise<number> {
  const [action, id] = args;
  const now = new Date();
  const needId = () => {
    if (!id) throw new UsageError(`${command} ${action} needs an id`);
    return id;
  };
  // At the command line the person has the server itself; an ETag is checked only when given.
  const ifMatch = parseIfMatch(o['if-match']) ?? ['*'];

  if (command === 'admin-token') {
    if (action === 'create') {
      const role = o.role ?? 'organiser';
      if (!o.name || !isAdminRole(role))
        throw new UsageError(`admin-token create needs --name "who holds it" and --role ${ADMIN_ROLES.join('|')}`);
      const t = await createAdminToken(db, { name: o.name, role }, now);
      console.error(`Admin token ${t.id} for ${t.name} (${t.role}). It is shown only now; keep it like a password:`);
      console.log(t.token);
      return 0;
    }
    if (action === 'revoke') {
      const which = o.id ?? o.token ?? id;
      if (!which) throw new UsageError('admin-token revoke needs --id ID or --token civic_admin_…');
      const done = await revokeAdminToken(db, which, now);
      console.log(done ? 'Revoked.' : 'No such token (or it was already revoked).');
      return done ? 0 : 1;
    }
    if (action === 'list') {
      for (const t of await listAdminTokens(db))
        console.log(`${t.id}  ${t.role.padEnd(9)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'valid'}  ${t.name}`);
      return 0;
    }
    throw new UsageError('admin-token create|revoke|list');
  }

  if (command === 'initiative' || command === 'poll') {
    const type: ItemType = command;
    switch (action) {
      case 'list': {
        if (type === 'poll')
          for (const p of await listPollsAdmin(db, now))
            console.log(
              `${p.poll.id}  ${p.poll.status}${p.hidden ? ' hidden' : ''}  ${p.ballots} ballots  ${p.poll.question}`,
            );
        else
          for (const i of await listInitiativesAdmin(db))
            console.log(
              `${i.initiative.id}  ${i.initiative.status}${i.hidden ? ' hidden' : ''}  ${i.initiative.title}`,
            );
        return 0;
      }
      case 'show':
        json(type === 'poll' ? await getPollAdmin(db, needId(), now) : await getInitiativeAdmin(db, needId()));
        return 0;
      case 'create': {
        const body = await readJson(o.file);
        const item =
          type === 'poll'
            ? (await createPoll(db, actor, body, now)).poll
            : (await createInitiative(db, actor, body, now)).initiative;
        await db.notify(`${type}:${item.id}`);
        console.log(`Created ${type} ${item.id}.`);
        return 0;
      }
      case 'update': {
        const body = await readJson(o.file);
        if (type === 'poll') await updatePoll(db, actor, needId(), body, ifMatch, now);
        else await updateInitiative(db, actor, needId(), body, ifMatch, now);
        await db.notify(`${type}:${needId()}`);
        console.log(`Updated ${type} ${needId()}.`);
        return 0;
      }
      case 'close':
      case 'reopen': {
        const open = action === 'reopen';
        if (type === 'poll') await setPollOpen(db, actor, needId(), open, { ifMatch, closesAt: o['closes-at'] }, now);
        else await setInitiativeOpen(db, actor, needId(), open, ifMatch, now);
        await db.notify(`${type}:${needId()}`);
        console.log(`${open ? 'Reopened' : 'Closed'} ${type} ${needId()}.`);
        return 0;
      }
      case 'hide':
      case 'unhide':
        await setItemHidden(db, actor, type, needId(), action === 'hide', ifMatch, now);
        await db.notify(`${type}:${needId()}`);
        console.log(`${action === 'hide' ? 'Hid' : 'Showed'} ${type} ${needId()}.`);
        return 0;
      case 'delete':
        if (!o.yes) throw new UsageError(`This deletes ${type} ${needId()} for good: add --yes to confirm.`);
        await deleteItem(db, actor, type, needId(), ifMatch, now);
        console.log(`Deleted ${type} ${needId()}.`);
        return 0;
      default:
        throw new UsageError(`${command} list|show|create|update|close|reopen|hide|unhide|delete`);
    }
  }

  if (command === 'signup') {
    switch (action) {
      case 'list':
        for (const s of await listSignupsAdmin(db))
          console.log(`${s.id}  ${s.createdAt}${s.hidden ? ' hidden' : ''}  ${s.name} <${s.email}>  ${s.place ?? ''}`);
        return 0;
      case 'hide':
      case 'unhide':
        await setSignupHidden(db, actor, needId(), action === 'hide', now);
        console.log(`${action === 'hide' ? 'Hid' : 'Showed'} sign-up ${needId()}.`);
        return 0;
      case 'delete':
        if (!o.yes)
          throw new UsageError(`This deletes sign-up ${needId()} and its consent receipts: add --yes to confirm.`);
        await deleteSignup(db, actor, needId(), now);
        console.log(`Deleted sign-up ${needId()}.`);
        return 0;
      default:
        throw new UsageError('signup list|hide|unhide|delete (export: civic-server export-signups)');
    }
  }

  if (command === 'settings') {
    if (action === 'show') {
      json((await getSettings(db)).settings);
      return 0;
    }
    if (action === 'set') {
      await putSettings(db, actor, await readJson(o.file), ifMatch, now);
      await db.notify('admin:settings');
      console.log('Saved the site settings.');
      return 0;
    }
    throw new UsageError('settings show|set --file settings.json');
  }

  if (command === 'audit') {
    const limit = o.limit === undefined ? undefined : Number(o.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500))
      throw new UsageError('--limit must be a whole number from 1 to 500');
    for (const e of await listAudit(db, { limit }))
      console.log(
        `${e.at}  ${e.actor.name} (${e.actor.id}, ${e.actor.role})  ${e.action}  ${e.target.id ?? ''}  ${JSON.stringify(e.detail)}`,
      );
    return 0;
  }
  throw new UsageError(`Unknown command "${command}"`);
}
