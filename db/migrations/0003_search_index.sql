-- The full-text index (items_fts) is brought up to date off the alert path (issue #8): storing a
-- poll no longer indexes its text; the daemon indexes while it has nothing else to do, and a
-- search first indexes whatever is left. One row: every revision with an id up to
-- indexed_through is reflected in items_fts. A database from before this migration was indexed
-- as it was written, so it starts caught up.
CREATE TABLE search_index (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL
);
INSERT INTO search_index (id, indexed_through)
  SELECT 1, COALESCE(MAX(id), 0) FROM item_revisions;
