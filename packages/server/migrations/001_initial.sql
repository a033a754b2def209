-- Civic Kit reference server: the initial schema. One file for SQLite and PostgreSQL alike, so it
-- keeps to the SQL both understand: TEXT, INTEGER, DOUBLE PRECISION, composite keys, foreign keys
-- with ON DELETE CASCADE. Times are ISO 8601 text (UTC); JSON is stored as text.

CREATE TABLE initiatives (
  id TEXT PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  status TEXT NOT NULL,
  -- Title, summary, tags, address and organiser, case- and accent-folded, for `q`.
  search_text TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  starts_at TEXT,
  ends_at TEXT,
  -- 1 when the initiative shows a supporter count (its document has `supporters`).
  counts_supporters INTEGER NOT NULL,
  seed_supporters INTEGER NOT NULL,
  -- 1 when browsers without a voter token from the host site may support it.
  anonymous_support INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX initiatives_place ON initiatives (lat, lng);

CREATE TABLE initiative_tags (
  initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (initiative_id, tag)
);
CREATE INDEX initiative_tags_tag ON initiative_tags (tag);

-- One support per voter per initiative: the primary key enforces it.
CREATE TABLE supports (
  initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (initiative_id, voter)
);
CREATE INDEX supports_voter ON supports (voter);

CREATE TABLE polls (
  id TEXT PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  -- 1 when browsers without a voter token from the host site may vote (one ballot per browser).
  anonymous_voting INTEGER NOT NULL,
  doc TEXT NOT NULL
);

-- One ballot per voter per poll: the primary key enforces it.
CREATE TABLE ballots (
  poll_id TEXT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  choices TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (poll_id, voter)
);
CREATE INDEX ballots_voter ON ballots (voter);

-- The choices of each ballot, one row each, so results are a GROUP BY (rank 0 = first preference).
CREATE TABLE ballot_choices (
  poll_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  option_id TEXT NOT NULL,
  choice_rank INTEGER NOT NULL,
  PRIMARY KEY (poll_id, voter, option_id),
  FOREIGN KEY (poll_id, voter) REFERENCES ballots (poll_id, voter) ON DELETE CASCADE
);
CREATE INDEX ballot_choices_results ON ballot_choices (poll_id, option_id, choice_rank);

CREATE TABLE interests (
  id TEXT PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  label TEXT NOT NULL
);

-- Town and postcode-area names a sign-up may type instead of sharing a location (lower case, folded).
CREATE TABLE places (
  name TEXT PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  lng DOUBLE PRECISION NOT NULL
);

CREATE TABLE signups (
  id TEXT PRIMARY KEY,
  voter TEXT,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  place_text TEXT,
  lat DOUBLE PRECISION NOT NULL,
  lng DOUBLE PRECISION NOT NULL,
  place_precision TEXT NOT NULL,
  radius_km DOUBLE PRECISION NOT NULL,
  interests TEXT NOT NULL,
  message TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX signups_email ON signups (email);
CREATE INDEX signups_voter ON signups (voter);

-- The consent receipt of each sign-up: the exact words agreed to, their version, when, in which language.
CREATE TABLE consents (
  signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  consent_version TEXT NOT NULL,
  given_at TEXT NOT NULL,
  locale TEXT NOT NULL,
  organisations TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (signup_id, purpose)
);

-- What matching needs of each person: a coarse point and interests (seeded people have no sign-up).
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  signup_id TEXT REFERENCES signups (id) ON DELETE CASCADE,
  lat DOUBLE PRECISION NOT NULL,
  lng DOUBLE PRECISION NOT NULL,
  interests TEXT NOT NULL
);
CREATE INDEX people_lat ON people (lat);

-- Idempotency keys with the first response to each: a repeated key gets that response again.
CREATE TABLE idempotency_keys (
  principal TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER,
  response TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
