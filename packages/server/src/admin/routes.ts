/**
 * The admin API under `/admin/api` (see openapi.json, tag `admin`): admin tokens with roles, ETag /
 * If-Match on every edit, the audit log; and the guard that keeps hidden items out of public answers.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { jsonBody } from '../app.js';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/db.js';
import type { LiveEvents } from '../events.js';
import { badRequest, HttpProblem, notFound, unauthorized } from '../problems.js';
import { RateLimiter } from '../rate-limit.js';
import { listAudit } from './audit.js';
import {
  createInitiative,
  createPoll,
  deleteItem,
  deleteSignup,
  exportSignupsAdmin,
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
import { mountFederationAdmin } from '../federation/admin.js';
import type { CommunityFederation } from '../federation/federation.js';
import { serveAdminPage } from './static.js';
import { actorFromToken, type Actor, type AdminRole } from './tokens.js';

/** Admin bodies carry whole descriptions (up to 100,000 characters of text and 200,000 of HTML). */
const ADMIN_BODY_LIMIT = 1024 * 1024;

export interface AdminParts {
  db: Db;
  config: ServerConfig;
  events: LiveEvents;
  /**
   * The origins allowed through CORS (the public API's set): the site settings' `allowedOrigins` are
   * added to it, and taken out again when the settings drop them.
   */
  allowed?: Set<string>;
  /** The client's address, as the public API reads it (proxy hops counted): what the rate limit counts. */
  address?: (c: Context) => string;
  /** The community on the fediverse: its follows and blocks get admin routes. */
  federation?: CommunityFederation | undefined;
}

/** Said through the database (NOTIFY on PostgreSQL) when the site settings change. */
const SETTINGS_CHANGED = 'admin:settings';

/** Keep `allowed` holding the configured origins plus the settings' own; re-read on change and every minute. */
function followSettingsOrigins(db: Db, allowed: Set<string>): () => Promise<void> {
  const configured = new Set(allowed);
  let fromSettings: string[] = [];
  const reload = async () => {
    const { settings } = await getSettings(db);
    for (const o of fromSettings) if (!configured.has(o)) allowed.delete(o);
    fromSettings = settings.allowedOrigins;
    for (const o of fromSettings) allowed.add(o);
  };
  const quietly = () => void reload().catch(() => undefined);
  quietly();
  void db.listen((payload) => payload === SETTINGS_CHANGED && quietly()).catch(() => undefined);
  // Another process on the same SQLite file (the command line) cannot NOTIFY: look again now and then.
  setInterval(quietly, 60_000).unref();
  return async () => {
    await reload();
    await db.notify(SETTINGS_CHANGED);
  };
}

/** The admin API and page. Call before the public middleware: it has its own CORS, limits and origin check. */
export function mountAdmin(app: Hono, parts: AdminParts): void {
  const { db, config, events } = parts;
  const allowed = parts.allowed ?? new Set([...config.allowedOrigins, ...config.sites.flatMap((s) => s.origins ?? [])]);
  const settingsChanged = followSettingsOrigins(db, allowed);

  serveAdminPage(app);

  app.use(
    '/admin/api/*',
    cors({
      origin: (o) => (allowed.has(o) ? o : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'If-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 600,
    }),
  );
  const requests = new RateLimiter(config.adminRequests);
  app.use('/admin/api/*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    // Before the token is looked at: guessing tokens is as limited as using one.
    const wait = requests.take(parts.address?.(c as Context) ?? 'unknown');
    if (wait)
      throw new HttpProblem(429, 'rate-limited', `Too many admin requests; try again in ${wait} s`, {
        retryAfter: wait,
      });
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && origin && origin !== new URL(c.req.url).origin && !allowed.has(origin))
      throw unauthorized(`Requests from ${origin} are not allowed`, 403);
    await next();
  });
  app.use(
    '/admin/api/*',
    bodyLimit({
      maxSize: Math.max(config.bodyLimit, ADMIN_BODY_LIMIT),
      onError: () => {
        throw new HttpProblem(413, 'invalid-request', 'The body is too large');
      },
    }),
  );

  /** The token's holder, if their role may do this. */
  const need = async (c: Context, role: AdminRole | 'any'): Promise<Actor> => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m ? await actorFromToken(db, m[1]!) : undefined;
    if (!actor) {
      c.header('WWW-Authenticate', 'Bearer realm="civic-kit-admin"');
      throw unauthorized('This needs a valid admin token (Authorization: Bearer civic_admin_…)');
    }
    if (role === 'organiser' && actor.role !== 'organiser')
      throw unauthorized('Only an organiser may do this; a moderator may hide and show items', 403);
    return actor;
  };
  const body = jsonBody;
  /** An optional JSON body (close and reopen take one; an empty body is none). */
  const optionalBody = async (c: Context): Promise<Record<string, unknown>> => {
    const text = await c.req.text();
    if (!text.trim()) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      /* fall through */
    }
    throw badRequest('The body must be a JSON object');
  };
  const ifMatch = (c: Context) => parseIfMatch(c.req.header('if-match'));
  const withEtag = (c: Context, item: { etag: string }, status: 200 | 201 = 200) => {
    c.header('ETag', item.etag);
    return c.json(item, status);
  };
  /** Tell live pages; a hidden item says nothing more to them. */
  const changed = (type: ItemType, id: string, hidden = false) => {
    if (!hidden) void events.changed(`${type}:${id}`);
    // Followers on the fediverse hear of a hidden item too: it is deleted there.
    else void parts.federation?.publish(type, id).catch(() => undefined);
  };
  const now = () => config.now();

  app.get('/admin/api/me', async (c) => {
    const actor = await need(c, 'any');
    return c.json({ id: actor.id, name: actor.name, role: actor.role });
  });

  // ─── initiatives
  app.get('/admin/api/initiatives', async (c) => {
    await need(c, 'any');
    return c.json({ items: await listInitiativesAdmin(db) });
  });
  app.post('/admin/api/initiatives', async (c) => {
    const actor = await need(c, 'organiser');
    const item = await createInitiative(db, actor, await body(c), now());
    changed('initiative', item.initiative.id, item.hidden);
    return withEtag(c, item, 201);
  });
  app.get('/admin/api/initiatives/:id', async (c) => {
    await need(c, 'any');
    return withEtag(c, await getInitiativeAdmin(db, c.req.param('id')));
  });
  app.put('/admin/api/initiatives/:id', async (c) => {
    const actor = await need(c, 'organiser');
    const id = c.req.param('id');
    const item = await updateInitiative(db, actor, id, await body(c), ifMatch(c), now());
    changed('initiative', id, item.hidden);
    return withEtag(c, item);
  });
  for (const [action, open] of [
    ['close', false],
    ['reopen', true],
  ] as const)
    app.post(`/admin/api/initiatives/:id/${action}`, async (c) => {
      const actor = await need(c, 'organiser');
      const id = c.req.param('id');
      const item = await setInitiativeOpen(db, actor, id, open, ifMatch(c), now());
      changed('initiative', id, item.hidden);
      return withEtag(c, item);
    });

  // ─── polls
  app.get('/admin/api/polls', async (c) => {
    await need(c, 'any');
    return c.json({ items: await listPollsAdmin(db, now()) });
  });
  app.post('/admin/api/polls', async (c) => {
    const actor = await need(c, 'organiser');
    const item = await createPoll(db, actor, await body(c), now());
    changed('poll', item.poll.id, item.hidden);
    return withEtag(c, item, 201);
  });
  app.get('/admin/api/polls/:id', async (c) => {
    await need(c, 'any');
    return withEtag(c, await getPollAdmin(db, c.req.param('id'), now()));
  });
  app.put('/admin/api/polls/:id', async (c) => {
    const actor = await need(c, 'organiser');
    const id = c.req.param('id');
    const item = await updatePoll(db, actor, id, await body(c), ifMatch(c), now());
    changed('poll', id, item.hidden);
    return withEtag(c, item);
  });
  app.post('/admin/api/polls/:id/close', async (c) => {
    const actor = await need(c, 'organiser');
    const id = c.req.param('id');
    const item = await setPollOpen(db, actor, id, false, { ifMatch: ifMatch(c) }, now());
    changed('poll', id, item.hidden);
    return withEtag(c, item);
  });
  app.post('/admin/api/polls/:id/reopen', async (c) => {
    const actor = await need(c, 'organiser');
    const id = c.req.param('id');
    const { closesAt } = await optionalBody(c);
    if (closesAt !== undefined && typeof closesAt !== 'string')
      throw badRequest('`closesAt` must be a date and time', [{ detail: 'A date and time', pointer: '/closesAt' }]);
    const item = await setPollOpen(db, actor, id, true, { ifMatch: ifMatch(c), closesAt }, now());
    changed('poll', id, item.hidden);
    return withEtag(c, item);
  });

  // ─── both: hide, unhide, delete
  for (const type of ['initiative', 'poll'] as const) {
    const base = `/admin/api/${type}s/:id`;
    const read = (id: string) => (type === 'poll' ? getPollAdmin(db, id, now()) : getInitiativeAdmin(db, id));
    for (const hidden of [true, false])
      app.post(`${base}/${hidden ? 'hide' : 'unhide'}`, async (c) => {
        const actor = await need(c, 'any');
        const id = c.req.param('id') ?? '';
        await setItemHidden(db, actor, type, id, hidden, ifMatch(c), now());
        changed(type, id, hidden);
        return withEtag(c, await read(id));
      });
    app.delete(base, async (c) => {
      const actor = await need(c, 'organiser');
      const id = c.req.param('id') ?? '';
      await deleteItem(db, actor, type, id, ifMatch(c), now());
      changed(type, id);
      return c.body(null, 204);
    });
  }

  // ─── sign-ups
  app.get('/admin/api/signups', async (c) => {
    await need(c, 'any');
    return c.json({ items: await listSignupsAdmin(db) });
  });
  app.get('/admin/api/signups/export', async (c) => {
    await need(c, 'organiser');
    const includeHidden = c.req.query('hidden') === 'include';
    c.header('Content-Disposition', 'attachment; filename="signups.osdi.json"');
    return c.json(await exportSignupsAdmin(db, { includeHidden }));
  });
  for (const hidden of [true, false])
    app.post(`/admin/api/signups/:id/${hidden ? 'hide' : 'unhide'}`, async (c) => {
      const actor = await need(c, 'any');
      await setSignupHidden(db, actor, c.req.param('id') ?? '', hidden, now());
      return c.body(null, 204);
    });
  app.delete('/admin/api/signups/:id', async (c) => {
    const actor = await need(c, 'organiser');
    await deleteSignup(db, actor, c.req.param('id'), now());
    return c.body(null, 204);
  });

  // ─── settings and the audit log
  app.get('/admin/api/settings', async (c) => {
    await need(c, 'any');
    return withEtag(c, await getSettings(db));
  });
  app.put('/admin/api/settings', async (c) => {
    const actor = await need(c, 'organiser');
    const saved = await putSettings(db, actor, await body(c), ifMatch(c), now());
    await settingsChanged();
    return withEtag(c, saved);
  });
  app.get('/admin/api/audit', async (c) => {
    await need(c, 'any');
    const limit = c.req.query('limit');
    const n = limit === undefined ? undefined : Number(limit);
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 500))
      throw badRequest('`limit` must be a whole number from 1 to 500', [{ detail: '1 to 500', parameter: 'limit' }]);
    return c.json({
      items: await listAudit(db, { limit: n, before: c.req.query('before'), targetId: c.req.query('target') }),
    });
  });
  if (parts.federation) mountFederationAdmin(app, parts.federation, { db, need, now });
  app.all('/admin/api/*', (c) => {
    throw notFound(`Nothing at ${c.req.method} ${c.req.path}`);
  });
}

/**
 * Hidden polls and initiatives answer 404 to the public, as if they did not exist (the list leaves
 * them out in the store). Call after the public middleware (CORS), before the public routes.
 */
export function guardHiddenItems(app: Hono, db: Db): void {
  const guard = (type: ItemType) => async (c: Context, next: () => Promise<void>) => {
    const id = c.req.param('id');
    if (id !== undefined) {
      const row = await db.get<{ hidden: number }>(`SELECT hidden FROM ${type}s WHERE id = ?`, [id]);
      if (row?.hidden) throw notFound(`No ${type} with id "${id}"`);
    }
    await next();
  };
  app.use('/initiatives/:id', guard('initiative'));
  app.use('/initiatives/:id/*', guard('initiative'));
  app.use('/polls/:id', guard('poll'));
  app.use('/polls/:id/*', guard('poll'));
}
