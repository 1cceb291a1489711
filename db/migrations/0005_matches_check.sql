-- The stance check of matches as three comparisons (issue #8). SQLite evaluates
-- "stance IN ('action', 'rhetoric', 'denial')" by building a temporary table of the three
-- values for every row it writes: recording a match took about 40,000 instructions more than it
-- needs, a seventh of the loop's work in a cold poll. The new check accepts and refuses exactly
-- the same values. A check cannot be altered in place, so the table is rebuilt with the same
-- columns, rows, ids and indexes. Nothing refers to matches, so dropping the old table touches
-- no other table. (events has the same check, but it is written once per event per batch.)
CREATE TABLE matches_new (
  id          INTEGER PRIMARY KEY,
  revision_id INTEGER NOT NULL REFERENCES item_revisions(id) ON DELETE CASCADE,
  topic       TEXT NOT NULL,
  stance      TEXT NOT NULL
              CHECK (stance = 'action' OR stance = 'rhetoric' OR stance = 'denial'),
  confidence  REAL NOT NULL DEFAULT 0,
  evidence    TEXT NOT NULL DEFAULT '',
  numbers     TEXT NOT NULL DEFAULT '[]',     -- JSON [{"value": 1500, "what": "troops"}]
  entities    TEXT NOT NULL DEFAULT '[]',     -- JSON ["Sinaloa", ...]
  event_id    INTEGER REFERENCES events(id) ON DELETE SET NULL
);
INSERT INTO matches_new (id, revision_id, topic, stance, confidence, evidence, numbers, entities,
                         event_id)
  SELECT id, revision_id, topic, stance, confidence, evidence, numbers, entities, event_id
  FROM matches;
DROP TABLE matches;
ALTER TABLE matches_new RENAME TO matches;
CREATE INDEX matches_by_revision ON matches (revision_id);
CREATE INDEX matches_by_topic ON matches (topic, stance);
