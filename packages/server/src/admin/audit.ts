/** The audit log: one row per admin write (who, what, when), never changed afterwards. */
import { randomUUID } from 'node:crypto';
import type { Param, Queryable } from '../db/db.js';
import type { Actor, AdminRole } from './tokens.js';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string; role: AdminRole };
  action: string;
  target: { type: string; id?: string };
  detail: Record<string, unknown>;
}

export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  action: string,
  target: { type: string; id?: string | undefined },
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.run(
    `INSERT INTO admin_audit (id, at, actor, actor_name, role, action, target_type, target_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      now.toISOString(),
      actor.id,
      actor.name,
      actor.role,
      action,
      target.type,
      target.id,
      JSON.stringify(detail),
    ],
  );
}

/** Newest first; `before` (an entry's `at`) pages back. */
export async function listAudit(
  db: Queryable,
  options: { limit?: number | undefined; before?: string | undefined; targetId?: string | undefined } = {},
): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: Param[] = [];
  if (options.before) {
    where.push('at < ?');
    params.push(options.before);
  }
  if (options.targetId) {
    where.push('target_id = ?');
    params.push(options.targetId);
  }
  const limit = Math.min(500, Math.max(1, Math.floor(options.limit ?? 100)));
  const rows = await db.all<{
    id: string;
    at: string;
    actor: string;
    actor_name: string;
    role: AdminRole;
    action: string;
    target_type: string;
    target_id: string | null;
    detail: string;
  }>(
    `SELECT * FROM admin_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${limit}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: { id: r.actor, name: r.actor_name, role: r.role },
    action: r.action,
    target: { type: r.target_type, ...(r.target_id !== null ? { id: r.target_id } : {}) },
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
