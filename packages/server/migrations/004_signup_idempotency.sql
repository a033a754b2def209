-- Which idempotency key each sign-up came with, so deleting a person also deletes the stored answer to
-- their sign-up and the digest of what they sent.
ALTER TABLE signups ADD COLUMN idempotency_principal TEXT;
ALTER TABLE signups ADD COLUMN idempotency_key TEXT;
