-- Double opt-in: a sign-up waiting for its email address to be confirmed keeps the digest of the token
-- mailed to it (never the token). Until `confirmed_at` is set it is not matched, not exported, and it
-- is deleted when it expires. Rows without a token digest never needed confirming.
ALTER TABLE signups ADD COLUMN confirm_token_hash TEXT;
ALTER TABLE signups ADD COLUMN confirmed_at TEXT;
CREATE INDEX signups_confirm_token ON signups (confirm_token_hash);
