-- Sign-up form stamps: the key every server process signs them with (made once, at random, by the
-- first process that needs it), and the stamps already used, so that one stamp stands for one sign-up.
-- A used stamp holds no one's data: a random id and when it was used.
CREATE TABLE server_keys (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE used_form_stamps (
  nonce TEXT PRIMARY KEY,
  used_at TEXT NOT NULL
);
CREATE INDEX used_form_stamps_used_at ON used_form_stamps (used_at);
