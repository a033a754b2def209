/**
 * Admin tokens: separate from voter tokens, each with a role, stored as a SHA-256 hash (a token is
 * 32 random bytes, so a slow password hash would add nothing). The token itself is shown once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.js';

/** `organiser`: everything. `moderator`: read everything, hide and unhide. */
export const ADMIN_ROLES = ['organiser', 'moderator'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

const PREFIX = 'civic_admin_';

/** Who did an admin write: a token's holder (API) or a person at the server's command line. */
export interface Actor {
  /** `token:<id>` or `cli:<user>`. */
  id: string;
  name: string;
  role: AdminRole;
}

export interface AdminTokenInfo {
  id: string;
  name: string;
  role: AdminRole;
  createdAt: string;
  revokedAt?: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export const isAdminRole = (s: unknown): s is AdminRole => ADMIN_ROLES.includes(s as AdminRole);

/** Make a token; the answer is the only place its value ever appears. */
export async function createAdminToken(
  db: Queryable,
  input: { name: string; role: AdminRole },
  now: Date,
): Promise<AdminTokenInfo & { token: string }> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new Error('A token needs a name of 1 to 200 characters (who holds it)');
  if (!isAdminRole(input.role)) throw new Error(`The role must be one of ${ADMIN_ROLES.join(', ')}`);
  const id = randomBytes(6).toString('hex');
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const createdAt = now.toISOString();
  await db.run('INSERT INTO admin_tokens (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    name,
    input.role,
    hash(token),
    createdAt,
  ]);
  return { id, name, role: input.role, createdAt, token };
}

/** Revoke by id or by the token itself; false when there was no such token still valid. */
export async function revokeAdminToken(db: Queryable, idOrToken: string, now: Date): Promise<boolean> {
  const byToken = idOrToken.startsWith(PREFIX);
  const result = await db.run(
    `UPDATE admin_tokens SET revoked_at = ? WHERE ${byToken ? 'token_hash' : 'id'} = ? AND revoked_at IS NULL`,
    [now.toISOString(), byToken ? hash(idOrToken) : idOrToken],
  );
  return result.changes > 0;
}

export async function listAdminTokens(db: Queryable): Promise<AdminTokenInfo[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    role: AdminRole;
    created_at: string;
    revoked_at: string | null;
  }>('SELECT id, name, role, created_at, revoked_at FROM admin_tokens ORDER BY created_at, id');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
  }));
}

/** The holder of a valid (not revoked) token, or undefined. */
export async function actorFromToken(db: Queryable, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const digest = hash(token);
  const row = await db.get<{ id: string; name: string; role: string; token_hash: string }>(
    'SELECT id, name, role, token_hash FROM admin_tokens WHERE token_hash = ? AND revoked_at IS NULL',
    [digest],
  );
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(digest)) || !isAdminRole(row.role))
    return undefined;
  return { id: `token:${row.id}`, name: row.name, role: row.role };
}
