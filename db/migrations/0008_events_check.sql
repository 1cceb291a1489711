-- The stance check of events as three comparisons, as migration 0005 did for matches (issue #8).
-- SQLite evaluates "stance IN ('action', 'rhetoric', 'denial')" by building a temporary table of
-- the three values for every row it writes, and a recorded batch rewrites the row of every event
-- it touched: in a cold poll of a thousand feeds of varied news, 20,000 rewrites of about a
-- thousand events, each building that table. The new check accepts and refuses exactly the same
-- values. A check cannot be altered in place, so the table is rebuilt with the same columns,
-- rows, ids and index. Matches, event sources, event words and alerts refer to events by id: the
-- migration runs with foreign keys off (db/migrations.cpp), so dropping the old table touches
-- none of them, and the new one keeps every id they name.
CREATE TABLE events_new (
  id          INTEGER PRIMARY KEY,
  topic       TEXT NOT NULL,
  stance      TEXT NOT NULL
              CHECK (stance = 'action' OR stance = 'rhetoric' OR stance = 'denial'),
  title       TEXT NOT NULL,                  -- of the first report
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  sources     INTEGER NOT NULL DEFAULT 0,     -- distinct feeds that reported it
  reports     INTEGER NOT NULL DEFAULT 0,     -- items that reported it
  alerted     INTEGER NOT NULL DEFAULT 0,     -- a "new" alert was queued
  update_sent INTEGER NOT NULL DEFAULT 0      -- the "update" alert was queued (or not needed)
);
INSERT INTO events_new (id, topic, stance, title, first_seen, last_seen, sources, reports,
                        alerted, update_sent)
  SELECT id, topic, stance, title, first_seen, last_seen, sources, reports, alerted, update_sent
  FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_open ON events (topic, last_seen);
