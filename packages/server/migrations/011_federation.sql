-- Federation over ActivityPub (see docs/federation.md): Fedify's key–value store and message queue,
-- the community's key pairs, who follows it, whom it follows, blocked domains, and what of its own
-- it has published (so a change is sent as Create, Update or Delete).

CREATE TABLE fedify_kv (
  -- The key's parts joined by a line feed (Fedify keys are arrays of strings).
  kv_key TEXT PRIMARY KEY,
  kv_value TEXT NOT NULL,
  expires_at TEXT
);

CREATE TABLE fedify_queue (
  id TEXT PRIMARY KEY,
  message TEXT NOT NULL,
  deliver_at TEXT NOT NULL,
  -- Set while a process handles the message; a message taken longer ago than the lease is taken again.
  taken_at TEXT
);
CREATE INDEX fedify_queue_due ON fedify_queue (deliver_at);

CREATE TABLE federation_keys (
  community TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  private_jwk TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  PRIMARY KEY (community, algorithm)
);

-- Remote actors following the community (delivery goes to their shared inbox when they have one).
CREATE TABLE federation_followers (
  community TEXT NOT NULL,
  actor TEXT NOT NULL,
  inbox TEXT NOT NULL,
  shared_inbox TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (community, actor)
);

-- Remote actors the community follows; their outboxes are read into `initiatives` with `source`.
CREATE TABLE federation_follows (
  actor TEXT PRIMARY KEY,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT,
  inbox TEXT NOT NULL,
  outbox TEXT,
  follow_id TEXT NOT NULL,
  -- `pending` until the remote side accepts, then `accepted`.
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  fetched_at TEXT,
  next_fetch_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);

CREATE TABLE federation_blocks (
  domain TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

-- The community's own objects as last sent to its followers.
CREATE TABLE federation_published (
  object_id TEXT PRIMARY KEY,
  digest TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- NULL: the community's own initiative; else the actor IRI of the followed community it came from.
ALTER TABLE initiatives ADD COLUMN source TEXT;
CREATE INDEX initiatives_source ON initiatives (source);
