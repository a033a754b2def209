-- The organisers' side: admin tokens (stored hashed), the audit log of every admin write, hidden
-- items and the site's settings.

CREATE TABLE admin_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- `organiser` (everything) or `moderator` (hide and unhide, read).
  role TEXT NOT NULL,
  -- SHA-256 of the token (a token is 32 random bytes, so a fast hash is enough); the token itself is
  -- shown once, when it is made.
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Who did what, when: one row per admin write, never updated. `detail` is JSON and holds no one's
-- personal data (a sign-up is named by its id).
CREATE TABLE admin_audit (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  -- `token:<id>` or `cli:<user>`, and the token's name as it was then.
  actor TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX admin_audit_at ON admin_audit (at);

-- Hidden items are left out of every public answer; organisers still see them.
ALTER TABLE initiatives ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE polls ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signups ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;

CREATE TABLE site_settings (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
