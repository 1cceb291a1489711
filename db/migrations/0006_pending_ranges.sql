-- Which revisions wait for classification is a table of ranges of their ids instead of a row per
-- revision (issue #8). A poll's new revisions have consecutive ids, so storing it adds one range,
-- and recording a batch of classifications rewrites the few ranges the batch falls in; a row
-- added and deleted for every revision was a tenth of a cold poll of a thousand feeds on the
-- thread that owns the database. Ranges do not overlap. The revisions pending before this
-- migration are pending after it; `pending_revisions` stays, as a view, for whoever reads it.
CREATE TABLE pending_ranges (
  first_id INTEGER PRIMARY KEY,  -- item_revisions.id of the first revision waiting
  last_id  INTEGER NOT NULL      -- ... and of the last: every one between waits too
);
INSERT INTO pending_ranges (first_id, last_id)
  SELECT MIN(revision_id), MAX(revision_id)
  FROM (SELECT revision_id, revision_id - ROW_NUMBER() OVER (ORDER BY revision_id) AS run
        FROM pending_revisions)
  GROUP BY run;
DROP TABLE pending_revisions;
CREATE VIEW pending_revisions AS
  SELECT r.id AS revision_id FROM pending_ranges p
  JOIN item_revisions r ON r.id BETWEEN p.first_id AND p.last_id;
