-- Which revisions wait for classification is a table of their ids instead of a column of
-- item_revisions (issue #8). Marking a revision classified used to set item_revisions.
-- classified_at, which rewrote the revision's row, title and summary included, moments after
-- it was first written: every page of new text went to the WAL twice, once when the poll was
-- stored and again when its classification was recorded. Now storing a revision adds its id
-- here and recording its classification deletes it, in the same transaction as its matches;
-- a revision whose id is not here has been classified. Revisions that were pending before
-- this migration are pending after it.
CREATE TABLE pending_revisions (
  revision_id INTEGER PRIMARY KEY REFERENCES item_revisions(id) ON DELETE CASCADE
);
INSERT INTO pending_revisions (revision_id)
  SELECT id FROM item_revisions WHERE classified_at IS NULL;
DROP INDEX item_revisions_pending;
ALTER TABLE item_revisions DROP COLUMN classified_at;
