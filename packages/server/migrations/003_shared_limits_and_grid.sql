-- Rate-limit counters kept in the database, so that the limits protecting privacy and counts (matching,
-- anonymous votes) hold across every server process sharing it. One row per limit, key and fixed window;
-- the key is a digest (never an address in clear), and rows of windows that have ended are deleted.
CREATE TABLE rate_counts (
  bucket TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_counts_window ON rate_counts (window_start);
