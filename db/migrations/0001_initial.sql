-- redline history database, schema version 1. See db/SCHEMA.md for what each table holds.
-- Times are text "YYYY-MM-DDTHH:MM:SSZ" (UTC), so they sort and compare as strings and read
-- well in the sqlite3 shell. Booleans are 0/1.

CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  config_url      TEXT NOT NULL,            -- the URL as configured
  url             TEXT NOT NULL,            -- the URL polled (after an adopted redirect)
  etag            TEXT NOT NULL DEFAULT '',
  last_modified   TEXT NOT NULL DEFAULT '',
  error_count     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT '',
  last_attempt    TEXT,
  last_success    TEXT,
  next_poll       TEXT,
  disabled        INTEGER NOT NULL DEFAULT 0,
  disabled_reason TEXT NOT NULL DEFAULT ''
);

CREATE TABLE items (
  id                 INTEGER PRIMARY KEY,
  feed_id            INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  identity           TEXT NOT NULL,          -- "guid:...", "link:...", "hash:..." within the feed
  guid               TEXT NOT NULL DEFAULT '',
  link               TEXT NOT NULL DEFAULT '',
  normalized_link    TEXT NOT NULL DEFAULT '',
  first_seen         TEXT NOT NULL,
  last_seen          TEXT NOT NULL,
  published          TEXT,
  latest_revision_id INTEGER,                -- item_revisions.id of the current text
  UNIQUE (feed_id, identity)
);
CREATE INDEX items_by_link ON items (feed_id, normalized_link);
CREATE INDEX items_by_first_seen ON items (first_seen);

CREATE TABLE item_revisions (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  revision      INTEGER NOT NULL,             -- 1 for the first text, then 2, 3, ...
  seen_at       TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  summary       TEXT NOT NULL DEFAULT '',
  link          TEXT NOT NULL DEFAULT '',
  content_hash  TEXT NOT NULL,                -- of title and summary
  diff          TEXT NOT NULL DEFAULT '',     -- word diff from the previous revision
  backlog       INTEGER NOT NULL DEFAULT 0,   -- 1: old news, classified but never alerted
  classified_at TEXT,                         -- NULL until classified
  UNIQUE (item_id, revision)
);
CREATE INDEX item_revisions_pending ON item_revisions (id) WHERE classified_at IS NULL;

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  topic       TEXT NOT NULL,
  stance      TEXT NOT NULL CHECK (stance IN ('action', 'rhetoric', 'denial')),
  title       TEXT NOT NULL,                  -- of the first report
  words       TEXT NOT NULL DEFAULT '[]',     -- JSON array: event words of the first report
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  sources     INTEGER NOT NULL DEFAULT 0,     -- distinct feeds that reported it
  reports     INTEGER NOT NULL DEFAULT 0,     -- items that reported it
  alerted     INTEGER NOT NULL DEFAULT 0,     -- a "new" alert was queued
  update_sent INTEGER NOT NULL DEFAULT 0      -- the "update" alert was queued (or not needed)
);
CREATE INDEX events_open ON events (topic, last_seen);

CREATE TABLE event_sources (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  revision_id INTEGER NOT NULL REFERENCES item_revisions(id) ON DELETE CASCADE,
  added_at    TEXT NOT NULL,
  UNIQUE (event_id, item_id)
);

CREATE TABLE matches (
  id          INTEGER PRIMARY KEY,
  revision_id INTEGER NOT NULL REFERENCES item_revisions(id) ON DELETE CASCADE,
  topic       TEXT NOT NULL,
  stance      TEXT NOT NULL CHECK (stance IN ('action', 'rhetoric', 'denial')),
  confidence  REAL NOT NULL DEFAULT 0,
  evidence    TEXT NOT NULL DEFAULT '',
  numbers     TEXT NOT NULL DEFAULT '[]',     -- JSON [{"value": 1500, "what": "troops"}]
  entities    TEXT NOT NULL DEFAULT '[]',     -- JSON ["Sinaloa", ...]
  event_id    INTEGER REFERENCES events(id) ON DELETE SET NULL
);
CREATE INDEX matches_by_revision ON matches (revision_id);
CREATE INDEX matches_by_topic ON matches (topic, stance);

CREATE TABLE facts (
  topic TEXT NOT NULL,
  fact  TEXT NOT NULL,
  value TEXT NOT NULL,                        -- sets: members joined by "; "
  since TEXT NOT NULL,
  PRIMARY KEY (topic, fact)
);

CREATE TABLE fact_changes (
  id          INTEGER PRIMARY KEY,
  topic       TEXT NOT NULL,
  fact        TEXT NOT NULL,
  old_value   TEXT NOT NULL,
  new_value   TEXT NOT NULL,
  at          TEXT NOT NULL,
  item_id     INTEGER REFERENCES items(id) ON DELETE SET NULL,
  revision_id INTEGER REFERENCES item_revisions(id) ON DELETE SET NULL
);
CREATE INDEX fact_changes_by_topic ON fact_changes (topic, at);

-- The outbox: an alert and its deliveries are written in the same transaction as the match
-- that caused them; the sender marks each delivery when its sink acknowledged.
CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER REFERENCES events(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('new', 'update', 'fact', 'test')),
  revision_id INTEGER REFERENCES item_revisions(id) ON DELETE SET NULL,
  payload     TEXT NOT NULL,                  -- JSON, see the Delivery comment in db/store.h
  created_at  TEXT NOT NULL
);

CREATE TABLE deliveries (
  id           INTEGER PRIMARY KEY,
  alert_id     INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  sink         TEXT NOT NULL,
  delivery_id  TEXT NOT NULL UNIQUE,          -- "rl-<alert id>-<sink>", the same on every retry
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  last_attempt TEXT,
  next_attempt TEXT,                          -- NULL once delivered or failed
  last_error   TEXT NOT NULL DEFAULT '',
  reply        TEXT NOT NULL DEFAULT '',      -- the sink's acknowledgement
  delivered_at TEXT
);
CREATE INDEX deliveries_due ON deliveries (next_attempt) WHERE status = 'pending';

-- Full-text search over the latest title and summary of each item (rowid = items.id).
CREATE VIRTUAL TABLE items_fts USING fts5 (title, summary, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER items_fts_on_revision AFTER UPDATE OF latest_revision_id ON items
BEGIN
  DELETE FROM items_fts WHERE old.latest_revision_id IS NOT NULL AND rowid = new.id;
  INSERT INTO items_fts (rowid, title, summary)
    SELECT new.id, title, summary FROM item_revisions WHERE id = new.latest_revision_id;
END;

CREATE TRIGGER items_fts_on_delete AFTER DELETE ON items
BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
END;
