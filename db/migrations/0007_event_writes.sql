-- Fewer pages rewritten by each recorded batch of classifications (issue #8). A batch touches
-- hundreds of events and adds a source to each; every page it changes is written to the log
-- again at its commit. In a cold poll of a thousand feeds the events table and the two indexes
-- of event_sources that begin with the event were half of the pages written to the log.
--
-- event_sources: one index on (event_id, feed_id, item_id) instead of a unique one on
-- (event_id, item_id) and another on (event_id, feed_id). An item belongs to one feed, so the
-- pair is unique exactly when the triple is; the one index answers both questions.
CREATE TABLE event_sources_new (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  revision_id INTEGER NOT NULL REFERENCES item_revisions(id) ON DELETE CASCADE,
  added_at    TEXT NOT NULL,
  UNIQUE (event_id, feed_id, item_id)
);
INSERT INTO event_sources_new (id, event_id, feed_id, item_id, revision_id, added_at)
  SELECT id, event_id, feed_id, item_id, revision_id, added_at FROM event_sources;
DROP TABLE event_sources;
ALTER TABLE event_sources_new RENAME TO event_sources;
CREATE INDEX event_sources_by_item ON event_sources (item_id);

-- events.words (written once, when the event opens) moves to a table of its own, so that the
-- rows a batch rewrites (counts, stance, last report) are about half as long.
CREATE TABLE event_words (
  event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  words    TEXT NOT NULL DEFAULT '[]'  -- JSON array: event words of the first report
);
INSERT INTO event_words (event_id, words) SELECT id, words FROM events;
ALTER TABLE events DROP COLUMN words;
