/**
 * The admin API's federation part (organiser tokens; never voter tokens): follow and unfollow other
 * communities, block and unblock domains. Each write is in the audit log.
 */
import type { Context, Hono } from 'hono';
import { jsonBody } from '../app.js';
import { recordAudit } from '../admin/audit.js';
import type { Actor, AdminRole } from '../admin/tokens.js';
import type { Db } from '../db/db.js';
import { badRequest, notFound } from '../problems.js';
import type { CommunityFederation } from './federation.js';

export interface FederationAdminParts {
  db: Db;
  need: (c: Context, role: AdminRole | 'any') => Promise<Actor>;
  now: () => Date;
}

async function field(c: Context, name: string): Promise<string> {
  const body = (await jsonBody(c)) as Record<string, unknown> | null;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  if (typeof value !== 'string' || !value.trim())
    throw badRequest(`Send {"${name}": "…"}`, [{ detail: 'Required', pointer: `/${name}` }]);
  return value.trim();
}

export function mountFederationAdmin(app: Hono, fed: CommunityFederation, { db, need, now }: FederationAdminParts) {
  const audit = (actor: Actor, action: string, id: string, detail: Record<string, unknown> = {}) =>
    db.transaction((tx) => recordAudit(tx, actor, action, { type: 'federation', id }, detail, now()));

  app.get('/admin/api/follows', async (c) => {
    await need(c, 'any');
    return c.json({ items: await fed.listFollows() });
  });
  app.post('/admin/api/follows', async (c) => {
    const actor = await need(c, 'organiser');
    const row = await fed.follow(await field(c, 'target'));
    await audit(actor, 'federation.follow', row.actor, { handle: row.handle });
    return c.json(row, 201);
  });
  app.delete('/admin/api/follows', async (c) => {
    const actor = await need(c, 'organiser');
    const target = c.req.query('target') ?? '';
    const row = target ? await fed.unfollow(target) : undefined;
    if (!row) throw notFound(`Not following "${target.slice(0, 200)}"`);
    await audit(actor, 'federation.unfollow', row.actor, { handle: row.handle });
    return c.body(null, 204);
  });
  app.get('/admin/api/blocks', async (c) => {
    await need(c, 'any');
    return c.json({ items: await fed.listBlocks() });
  });
  app.post('/admin/api/blocks', async (c) => {
    const actor = await need(c, 'organiser');
    const result = await fed.block(await field(c, 'domain'));
    await audit(actor, 'federation.block', result.domain, result);
    return c.json(result, 201);
  });
  app.delete('/admin/api/blocks/:domain', async (c) => {
    const actor = await need(c, 'organiser');
    const domain = c.req.param('domain');
    if (!(await fed.unblock(domain))) throw notFound(`"${domain.slice(0, 200)}" is not blocked`);
    await audit(actor, 'federation.unblock', domain);
    return c.body(null, 204);
  });
}
