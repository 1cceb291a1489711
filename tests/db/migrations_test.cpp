#include "db/migrations.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using testing::TempDir;

bool table_exists(sqlite::Connection& db, const char* name) {
  sqlite::Statement s(db, "SELECT 1 FROM sqlite_master WHERE name = ?1");
  sqlite::Query q(s);
  q.bind(1, name);
  return q.step();
}

// Brings `db` to schema `version` exactly, as a redline of that time left it.
void migrate_to(sqlite::Connection& db, int version) {
  ASSERT_GT(static_cast<int>(builtin_migrations().size()), version);
  migrate(db, builtin_migrations().subspan(0, static_cast<std::size_t>(version)));
  ASSERT_EQ(user_version(db), version);
}

std::string pragma_text(sqlite::Connection& db, const char* pragma) {
  sqlite::Statement s(db, pragma);
  sqlite::Query q(s);
  return q.step() ? q.text(0) : "";
}

// An item of feed 1 and its first revision (id 1 both), a report of a strike, as any schema
// since the first stores them.
const std::string kOneReport =
    "INSERT INTO items (id, feed_id, identity, first_seen, last_seen, latest_revision_id) "
    "VALUES (1, 1, 'guid:a', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 1);"
    "INSERT INTO item_revisions (id, item_id, revision, seen_at, title, content_hash) "
    "VALUES (1, 1, 1, '2026-11-20T10:00:00Z', 'US strikes cartel lab in Sinaloa', 'h1');";

// A database `name` in `dir` at schema `version` exactly, holding the rows `sql` inserts: what a
// redline of that time left. Its path.
std::string database_at(TempDir& dir, const char* name, int version, const std::string& sql) {
  const auto path = dir.file(name);
  auto db = sqlite::Connection::open(path);
  migrate_to(db, version);
  db.exec(sql.c_str());
  return path;
}

TEST(Migrations, BuiltinOnesAreNumberedFromOne) {
  const auto all = builtin_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].version, int(i) + 1);
  EXPECT_EQ(schema_version(), all.back().version);
}

TEST(Migrations, AnEmptyFileIsMigratedToTheCurrentSchema) {
  TempDir dir;
  const auto path = dir.file("new.db");
  { auto store = open_sqlite_store(path); }
  auto db = sqlite::Connection::open(path);
  EXPECT_EQ(user_version(db), schema_version());
  for (const char* table :
       {"feeds", "items", "item_revisions", "matches", "events", "event_sources", "facts",
        "fact_changes", "alerts", "deliveries", "items_fts"})
    EXPECT_TRUE(table_exists(db, table)) << table;
}

TEST(Migrations, ReopeningACurrentDatabaseChangesNothing) {
  TempDir dir;
  const auto path = dir.file("h.db");
  {
    auto store = open_sqlite_store(path);
    store->ensure_feed("wire", "https://wire.example/rss");
  }
  auto store = open_sqlite_store(path);
  ASSERT_EQ(store->feeds().size(), 1u);
  EXPECT_EQ(store->feeds()[0].name, "wire");
}

TEST(Migrations, ConnectionUsesWalAndForeignKeys) {
  TempDir dir;
  auto db = sqlite::Connection::open(dir.file("p.db"));
  EXPECT_EQ(pragma_text(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma_text(db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(pragma_text(db, "PRAGMA synchronous"), "2");  // FULL
  EXPECT_EQ(pragma_text(db, "PRAGMA busy_timeout"), "5000");
}

TEST(Migrations, RefusesADatabaseFromANewerRedline) {
  TempDir dir;
  const auto path = dir.file("future.db");
  {
    auto db = sqlite::Connection::open(path);
    db.exec(("PRAGMA user_version = " + std::to_string(schema_version() + 1)).c_str());
  }
  try {
    open_sqlite_store(path);
    FAIL() << "a newer database was opened";
  } catch (const StoreError& e) {
    const std::string expected =
        "database " + path + " has schema version " + std::to_string(schema_version() + 1) +
        ", this redline knows up to " + std::to_string(schema_version()) + "; upgrade redline";
    EXPECT_EQ(e.what(), expected);
  }
}

TEST(Migrations, AppliesOnlyTheMissingStepsInOrder) {
  TempDir dir;
  auto db = sqlite::Connection::open(dir.file("m.db"));
  const Migration first[] = {{1, "0001_a.sql", "CREATE TABLE a (x);"}};
  EXPECT_EQ(migrate(db, first), 0);
  const Migration both[] = {{1, "0001_a.sql", "CREATE TABLE a (x);"},
                            {2, "0002_b.sql", "CREATE TABLE b (y); INSERT INTO b VALUES (1);"}};
  EXPECT_EQ(migrate(db, both), 1);
  EXPECT_EQ(user_version(db), 2);
  EXPECT_TRUE(table_exists(db, "b"));
  EXPECT_EQ(migrate(db, both), 2);
}

TEST(Migrations, AFailingStepIsRolledBackAndNamed) {
  TempDir dir;
  auto db = sqlite::Connection::open(dir.file("m.db"));
  const Migration steps[] = {
      {1, "0001_a.sql", "CREATE TABLE a (x);"},
      {2, "0002_bad.sql", "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1);"}};
  try {
    migrate(db, steps);
    FAIL() << "a broken migration succeeded";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("0002_bad.sql"), std::string::npos) << e.what();
  }
  EXPECT_EQ(user_version(db), 1);
  EXPECT_TRUE(table_exists(db, "a"));
  EXPECT_FALSE(table_exists(db, "b"));
}

TEST(Migrations, RejectsAGapInTheNumbers) {
  TempDir dir;
  auto db = sqlite::Connection::open(dir.file("m.db"));
  const Migration steps[] = {{1, "0001_a.sql", "CREATE TABLE a (x);"},
                             {3, "0003_c.sql", "CREATE TABLE c (x);"}};
  EXPECT_THROW(migrate(db, steps), StoreError);
  EXPECT_EQ(user_version(db), 0);
}

TEST(Migrations, AFileThatIsNoDatabaseIsRefusedClearly) {
  TempDir dir;
  const auto path = dir.file("notes.txt");
  std::ofstream(path) << std::string(4096, 'x');
  try {
    open_sqlite_store(path);
    FAIL() << "opened a text file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a SQLite database"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(Migrations, AnUnwritableLocationIsAStoreError) {
  // A folder that cannot be created (even by root): the store says so instead of crashing.
  EXPECT_THROW(open_sqlite_store("/proc/redline-cannot-exist/h.db"), StoreError);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// Schema 4 keeps the revisions that wait for classification in pending_revisions instead of
// item_revisions.classified_at: a database of schema 3 keeps exactly its pending ones pending.
TEST(Migrations, RevisionsPendingInSchema3StayPendingAndNoOthers) {
  TempDir dir;
  const auto path = database_at(
      dir, "v3.db", 3,
      "INSERT INTO feeds (id, name, config_url, url, last_success) "
      "VALUES (1, 'wire', 'https://wire.example/rss', 'https://wire.example/rss', "
      "'2026-11-20T10:00:00Z');"
      "INSERT INTO items (id, feed_id, identity, first_seen, last_seen, latest_revision_id) "
      "VALUES (1, 1, 'guid:a', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 1), "
      "(2, 1, 'guid:b', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 3);"
      "INSERT INTO item_revisions (id, item_id, revision, seen_at, title, content_hash, "
      "classified_at) VALUES "
      "(1, 1, 1, '2026-11-20T10:00:00Z', 'Classified before the upgrade', 'h1', "
      "'2026-11-20T10:00:01Z'), "
      "(2, 2, 1, '2026-11-20T10:00:00Z', 'Pending before the upgrade', 'h2', NULL), "
      "(3, 2, 2, '2026-11-20T10:05:00Z', 'Pending revision two', 'h3', NULL);");
  auto store = open_sqlite_store(path);
  const auto pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].title, "Pending before the upgrade");
  EXPECT_EQ(pending[1].title, "Pending revision two");
  auto db = sqlite::Connection::open(path);
  EXPECT_EQ(user_version(db), schema_version());
  EXPECT_FALSE(table_exists(db, "item_revisions_pending"));
  sqlite::Statement columns(db,
                            "SELECT count(*) FROM pragma_table_info('item_revisions') "
                            "WHERE name = 'classified_at'");
  sqlite::Query q(columns);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.integer(0), 0);
}

// Schema 5 rebuilds matches with its stance check written as comparisons (a check of an IN list
// made SQLite build a table of the values for every row): the rows, their ids and the indexes
// survive, and a stance outside the three is still refused.
TEST(Migrations, MatchesKeepTheirRowsAndTheirStanceCheckInSchema5) {
  TempDir dir;
  const auto path = database_at(
      dir, "v4.db", 4,
      "INSERT INTO feeds (id, name, config_url, url) "
      "VALUES (1, 'wire', 'https://wire.example/rss', 'https://wire.example/rss');" +
          kOneReport +
          "INSERT INTO events (id, topic, stance, title, first_seen, last_seen) VALUES "
          "(7, 'strikes', 'action', 'US strikes cartel lab in Sinaloa', '2026-11-20T10:00:00Z', "
          "'2026-11-20T10:00:00Z');"
          "INSERT INTO matches (id, revision_id, topic, stance, confidence, evidence, numbers, "
          "entities, event_id) VALUES "
          "(40, 1, 'strikes', 'action', 0.98, 'act: strikes', '[]', '[\"Sinaloa\"]', 7), "
          "(41, 1, 'troops', 'rhetoric', 0.5, 'act: troops', '[{\"value\":1500}]', '[]', NULL);");
  auto db = sqlite::Connection::open(path);
  migrate(db, builtin_migrations());
  EXPECT_EQ(user_version(db), schema_version());
  sqlite::Statement rows(db,
                         "SELECT id || '|' || revision_id || '|' || topic || '|' || stance || '|' "
                         "|| confidence || '|' || evidence || '|' || numbers || '|' || entities "
                         "|| '|' || IFNULL(event_id, '-') FROM matches ORDER BY id");
  sqlite::Query q(rows);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "40|1|strikes|action|0.98|act: strikes|[]|[\"Sinaloa\"]|7");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "41|1|troops|rhetoric|0.5|act: troops|[{\"value\":1500}]|[]|-");
  EXPECT_FALSE(q.step());
  EXPECT_TRUE(table_exists(db, "matches_by_revision"));
  EXPECT_TRUE(table_exists(db, "matches_by_topic"));
  EXPECT_FALSE(table_exists(db, "matches_new"));
  EXPECT_EQ(pragma_text(db, "PRAGMA integrity_check"), "ok");
  db.exec("INSERT INTO matches (revision_id, topic, stance) VALUES (1, 'strikes', 'denial')");
  EXPECT_THROW(
      db.exec("INSERT INTO matches (revision_id, topic, stance) VALUES (1, 'strikes', 'maybe')"),
      StoreError);
  // Deleting the revision still takes its matches with it.
  db.exec("DELETE FROM item_revisions WHERE id = 1");
  sqlite::Statement left(db, "SELECT count(*) FROM matches");
  sqlite::Query n(left);
  ASSERT_TRUE(n.step());
  EXPECT_EQ(n.integer(0), 0);
}

// Recording a classification takes the revision off the pending list, once: recording it again
// finds it classified and changes nothing.
TEST(Migrations, ARevisionLeavesThePendingListWhenItsClassificationIsRecorded) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("p.db"));
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  store->record_poll(
      feed, testing::poll_at(testing::at("2026-11-20T10:00:00Z")),
      {testing::item("g-1", "US weighs strikes on cartels", "https://wire.example/1"),
       testing::item("g-2", "Rain expected at the weekend", "https://wire.example/2")});
  auto pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 2u);
  ClassifiedRevision first;
  first.revision = pending[0];
  AlertPolicy policy;
  store->record_classification(first, policy, testing::at("2026-11-20T10:00:05Z"));
  store->record_classification(first, policy, testing::at("2026-11-20T10:00:06Z"));
  pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].title, "Rain expected at the weekend");
}

// Schema 6 keeps the pending revisions as ranges of ids: a database of schema 5 keeps exactly
// its pending ones pending, in order, and the old table's name still answers as a view.
TEST(Migrations, RevisionsPendingInSchema5StayPendingAsRanges) {
  TempDir dir;
  std::string sql =
      "INSERT INTO feeds (id, name, config_url, url) "
      "VALUES (1, 'wire', 'https://wire.example/rss', 'https://wire.example/rss');";
  for (int id = 1; id <= 9; ++id) {
    const auto n = std::to_string(id);
    sql +=
        "INSERT INTO items (id, feed_id, identity, first_seen, last_seen, "
        "latest_revision_id) VALUES (" +
        n + ", 1, 'guid:" + n + "', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', " + n +
        ");"
        "INSERT INTO item_revisions (id, item_id, revision, seen_at, title, content_hash) "
        "VALUES (" +
        n + ", " + n + ", 1, '2026-11-20T10:00:00Z', 'Report " + n + "', 'h" + n + "');";
  }
  sql += "INSERT INTO pending_revisions (revision_id) VALUES (2), (3), (5), (7), (8), (9);";
  const auto path = database_at(dir, "v5.db", 5, sql);
  auto store = open_sqlite_store(path);
  std::vector<std::string> titles;
  for (const auto& p : store->pending_classification(10)) titles.push_back(p.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Report 2", "Report 3", "Report 5", "Report 7",
                                              "Report 8", "Report 9"}));
  auto db = sqlite::Connection::open(path);
  EXPECT_EQ(user_version(db), schema_version());
  sqlite::Statement ranges(db,
                           "SELECT group_concat(first_id || '-' || last_id, ' ') FROM "
                           "(SELECT * FROM pending_ranges ORDER BY first_id)");
  sqlite::Query q(ranges);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "2-3 5-5 7-9");
  EXPECT_EQ(pragma_text(db, "SELECT count(*) FROM pending_revisions"), "6");
}

// Schema 7 moves an event's words to event_words and gives event_sources one index that begins
// with the event: an event of schema 6 keeps its rows, its sources and its words, so a report
// that comes after the upgrade joins it (by those words) instead of opening another.
TEST(Migrations, EventsKeepTheirWordsAndSourcesInSchema7) {
  TempDir dir;
  const auto path = database_at(
      dir, "v6.db", 6,
      "INSERT INTO feeds (id, name, config_url, url) VALUES "
      "(1, 'wire', 'https://wire.example/rss', 'https://wire.example/rss'), "
      "(2, 'agency', 'https://agency.example/rss', 'https://agency.example/rss');" +
          kOneReport +
          "INSERT INTO events (id, topic, stance, title, words, first_seen, last_seen, sources, "
          "reports) VALUES (7, 'strikes', 'action', 'US strikes cartel lab in Sinaloa', "
          "'[\"cartel\",\"lab\",\"sinaloa\",\"strike\",\"us\"]', '2026-11-20T10:00:00Z', "
          "'2026-11-20T10:00:00Z', 1, 1);"
          "INSERT INTO event_sources (id, event_id, feed_id, item_id, revision_id, added_at) "
          "VALUES (30, 7, 1, 1, 1, '2026-11-20T10:00:00Z');");
  {
    auto db = sqlite::Connection::open(path);
    migrate(db, builtin_migrations());
    EXPECT_EQ(user_version(db), schema_version());
    EXPECT_EQ(pragma_text(db, "SELECT words FROM event_words WHERE event_id = 7"),
              "[\"cartel\",\"lab\",\"sinaloa\",\"strike\",\"us\"]");
    EXPECT_EQ(pragma_text(db,
                          "SELECT count(*) FROM pragma_table_info('events') "
                          "WHERE name = 'words'"),
              "0");
    EXPECT_EQ(pragma_text(db,
                          "SELECT id || '|' || event_id || '|' || feed_id || '|' || item_id "
                          "|| '|' || revision_id || '|' || added_at FROM event_sources"),
              "30|7|1|1|1|2026-11-20T10:00:00Z");
    EXPECT_TRUE(table_exists(db, "event_sources_by_item"));
    EXPECT_FALSE(table_exists(db, "event_sources_by_feed"));
    EXPECT_FALSE(table_exists(db, "event_sources_new"));
    EXPECT_EQ(pragma_text(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(pragma_text(db, "PRAGMA foreign_key_check"), "");
    // An item is a source of an event once: the one index still says so.
    EXPECT_THROW(db.exec("INSERT INTO event_sources (event_id, feed_id, item_id, revision_id, "
                         "added_at) VALUES (7, 1, 1, 1, '2026-11-20T10:01:00Z')"),
                 StoreError);
  }
  auto store = open_sqlite_store(path);
  const auto when = testing::at("2026-11-20T11:00:00Z");
  store->record_poll(2, testing::poll_at(when),
                     {testing::item("b1", "Mexico says US strike hit cartel lab in Sinaloa",
                                    "https://agency.example/b1", "", when)});
  const auto pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 1u);
  AlertPolicy policy;
  policy.topics = {{"strikes", "US strikes", Severity::critical, false}};
  const auto outcome =
      store->record_classification({pending[0],
                                    {testing::match("strikes", Stance::action)},
                                    {"cartel", "hit", "lab", "mexico", "sinaloa", "strike", "us"}},
                                   policy, when);
  EXPECT_EQ(outcome.new_events, 0);
  const auto events = store->events(std::string("strikes"), std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, 7);
  EXPECT_EQ(events[0].reports, 2);
  EXPECT_EQ(events[0].sources, 2);
}

// Migration 0008 rebuilds events, which four tables refer to: their rows keep pointing at the
// same events, and the stance check refuses what it refused, without a temporary table.
TEST(Migrations, EventsKeepTheirRowsAndReferencesAndTheirStanceCheckInSchema8) {
  TempDir dir;
  const auto path = database_at(
      dir, "v7.db", 7,
      "INSERT INTO feeds (id, name, config_url, url) "
      "VALUES (1, 'wire', 'https://wire.example/rss', 'https://wire.example/rss');" +
          kOneReport +
          "INSERT INTO events (id, topic, stance, title, first_seen, last_seen, sources, "
          "reports, alerted, update_sent) VALUES "
          "(7, 'strikes', 'action', 'US strikes cartel lab in Sinaloa', '2026-11-20T10:00:00Z', "
          "'2026-11-20T11:00:00Z', 1, 1, 1, 0), "
          "(9, 'troops', 'rhetoric', 'Troops to the border?', '2026-11-20T09:00:00Z', "
          "'2026-11-20T09:30:00Z', 0, 0, 0, 1);"
          "INSERT INTO event_words (event_id, words) VALUES (7, '[\"cartel\",\"lab\"]');"
          "INSERT INTO event_sources (id, event_id, feed_id, item_id, revision_id, added_at) "
          "VALUES (30, 7, 1, 1, 1, '2026-11-20T10:00:00Z');"
          "INSERT INTO matches (id, revision_id, topic, stance, event_id) "
          "VALUES (40, 1, 'strikes', 'action', 7);"
          "INSERT INTO alerts (id, event_id, kind, revision_id, payload, created_at) "
          "VALUES (50, 7, 'new', 1, '{}', '2026-11-20T10:00:00Z');");
  auto db = sqlite::Connection::open(path);
  migrate(db, builtin_migrations());
  EXPECT_EQ(user_version(db), schema_version());
  EXPECT_EQ(pragma_text(db, "PRAGMA foreign_keys"), "1");  // the connection's own, back
  EXPECT_EQ(pragma_text(db,
                        "SELECT group_concat(id || '|' || topic || '|' || stance || '|' || title "
                        "|| '|' || first_seen || '|' || last_seen || '|' || sources || '|' || "
                        "reports || '|' || alerted || '|' || update_sent, ';') FROM "
                        "(SELECT * FROM events ORDER BY id)"),
            "7|strikes|action|US strikes cartel lab in Sinaloa|2026-11-20T10:00:00Z|"
            "2026-11-20T11:00:00Z|1|1|1|0;9|troops|rhetoric|Troops to the border?|"
            "2026-11-20T09:00:00Z|2026-11-20T09:30:00Z|0|0|0|1");
  // What refers to event 7 still does: nothing was deleted or set to NULL.
  EXPECT_EQ(pragma_text(db, "SELECT event_id || '|' || words FROM event_words"),
            "7|[\"cartel\",\"lab\"]");
  EXPECT_EQ(pragma_text(db, "SELECT id || '|' || event_id FROM event_sources"), "30|7");
  EXPECT_EQ(pragma_text(db, "SELECT id || '|' || event_id FROM matches"), "40|7");
  EXPECT_EQ(pragma_text(db, "SELECT id || '|' || event_id FROM alerts"), "50|7");
  EXPECT_TRUE(table_exists(db, "events_open"));
  EXPECT_FALSE(table_exists(db, "events_new"));
  EXPECT_EQ(pragma_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(pragma_text(db, "PRAGMA foreign_key_check"), "");
  // Rewriting an event's row builds no temporary table of the stances any more.
  {
    sqlite::Statement plan(db, "EXPLAIN UPDATE events SET stance = 'denial' WHERE id = 7");
    sqlite::Query q(plan);
    int ephemeral = 0, steps = 0;
    for (; q.step(); ++steps) ephemeral += q.text(1) == "OpenEphemeral";
    EXPECT_GT(steps, 0);
    EXPECT_EQ(ephemeral, 0);
  }
  db.exec("UPDATE events SET stance = 'denial' WHERE id = 7");
  EXPECT_THROW(db.exec("UPDATE events SET stance = 'maybe' WHERE id = 7"), StoreError);
  EXPECT_THROW(db.exec("INSERT INTO events (topic, stance, title, first_seen, last_seen) VALUES "
                       "('strikes', 'Action', 't', '2026-11-20T10:00:00Z', "
                       "'2026-11-20T10:00:00Z')"),
               StoreError);
  // The references act as declared on the new table: deleting the event takes its sources and
  // words with it and leaves its match and alert without an event.
  db.exec("DELETE FROM events WHERE id = 7");
  EXPECT_EQ(pragma_text(db, "SELECT count(*) FROM event_sources"), "0");
  EXPECT_EQ(pragma_text(db, "SELECT count(*) FROM event_words"), "0");
  EXPECT_EQ(pragma_text(db, "SELECT IFNULL(event_id, '-') FROM matches"), "-");
  EXPECT_EQ(pragma_text(db, "SELECT IFNULL(event_id, '-') FROM alerts"), "-");
}

// A migration needs foreign keys off, which cannot change inside a transaction: one started
// there is refused, and nothing changes.
TEST(Migrations, AreRefusedInsideATransaction) {
  TempDir dir;
  const auto path = database_at(dir, "v7.db", 7, "");
  auto db = sqlite::Connection::open(path);
  db.exec("BEGIN");
  EXPECT_THROW(migrate(db, builtin_migrations()), StoreError);
  db.exec("ROLLBACK");
  EXPECT_EQ(user_version(db), 7);
  EXPECT_EQ(pragma_text(db, "PRAGMA foreign_keys"), "1");
}

// Whatever polls and recorded batches come in (revisions recorded out of order, twice, in
// batches that cut ranges anywhere), the pending revisions are exactly those stored and not yet
// recorded, in order of id.
TEST(PendingRanges, HoldExactlyTheRevisionsNotYetRecorded) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("p.db"));
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  std::uint64_t state = 20261127;
  auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  std::set<std::int64_t> waiting;
  std::map<std::int64_t, PendingRevision> stored;
  const auto t0 = testing::at("2026-11-20T10:00:00Z");
  int n = 0;
  AlertPolicy policy;
  for (int round = 0; round < 40; ++round) {
    const auto when = t0 + std::chrono::minutes(round);
    std::vector<Item> items;
    for (std::uint64_t k = 0, count = next(12); k < count; ++k, ++n) {
      items.push_back(testing::item("g-" + std::to_string(n), "Report " + std::to_string(n)));
    }
    const auto result = store->record_poll(feed, testing::poll_at(when), items);
    for (const auto& p : result.pending) {
      waiting.insert(p.revision_id);
      stored[p.revision_id] = p;
    }
    // A batch of revisions picked at random among all stored ones, some twice; each with a
    // match, recorded only if the revision was waiting.
    std::vector<ClassifiedRevision> batch;
    for (std::uint64_t k = 0, count = next(10); k < count && !stored.empty(); ++k) {
      auto it = stored.begin();
      std::advance(it, static_cast<long>(next(stored.size())));
      for (int twice = next(4) == 0 ? 2 : 1; twice > 0; --twice) {
        auto& c = batch.emplace_back();
        c.revision = it->second;
        c.matches.push_back(testing::match("strikes", Stance::rhetoric));
        c.event_words = {"w" + std::to_string(next(5))};
      }
    }
    int expected = 0;
    std::set<std::int64_t> seen;
    for (const auto& c : batch) {
      if (waiting.count(c.revision.revision_id) && seen.insert(c.revision.revision_id).second)
        ++expected;
    }
    EXPECT_EQ(store->record_classifications(batch, policy, when).matches, expected)
        << "round " << round;
    for (const auto& c : batch) waiting.erase(c.revision.revision_id);
    std::vector<std::int64_t> got;
    for (const auto& p : store->pending_classification(10000)) got.push_back(p.revision_id);
    ASSERT_EQ(got, std::vector<std::int64_t>(waiting.begin(), waiting.end())) << "round " << round;
    // Read in pieces, after a given revision, the same.
    if (waiting.size() > 3) {
      const auto after = *std::next(waiting.begin(), 2);
      const auto piece = store->pending_classification(2, after);
      ASSERT_EQ(piece.size(), 2u);
      EXPECT_EQ(piece[0].revision_id, *std::next(waiting.begin(), 3));
    }
  }
  EXPECT_GT(n, 150);
  // Every revision recorded had its match written once.
  auto db = sqlite::Connection::open(dir.file("p.db"));
  EXPECT_EQ(pragma_text(db,
                        "SELECT count(*) FROM (SELECT revision_id FROM matches "
                        "GROUP BY revision_id HAVING count(*) > 1)"),
            "0");
}

// A range left behind by revisions deleted by hand (ids above every stored revision) neither
// stops the next poll, whose new revisions take those ids, nor makes a revision pending twice.
TEST(PendingRanges, ARangeLeftByRevisionsDeletedByHandIsReplaced) {
  TempDir dir;
  const auto path = dir.file("p.db");
  auto store = open_sqlite_store(path);
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  const auto t0 = testing::at("2026-11-20T10:00:00Z");
  store->record_poll(feed, testing::poll_at(t0),
                     {testing::item("g-1", "Report 1"), testing::item("g-2", "Report 2")});
  {
    auto db = sqlite::Connection::open(path);
    db.exec("INSERT INTO pending_ranges (first_id, last_id) VALUES (4, 6)");
  }
  std::vector<Item> items;
  for (int k = 3; k <= 7; ++k)
    items.push_back(testing::item("g-" + std::to_string(k), "Report " + std::to_string(k)));
  EXPECT_EQ(
      store->record_poll(feed, testing::poll_at(t0 + std::chrono::minutes(1)), items).new_items, 5);
  std::vector<std::int64_t> got;
  for (const auto& p : store->pending_classification(100)) got.push_back(p.revision_id);
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));
}

// A revision deleted by hand after it was read for classification is not recorded: the batch
// that names it fails as a whole (nothing of it is kept), and the revisions still there stay
// pending until a batch without it records them.
TEST(PendingRanges, ABatchNamingARevisionDeletedByHandRecordsNothing) {
  TempDir dir;
  const auto path = dir.file("p.db");
  auto store = open_sqlite_store(path);
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  const auto t0 = testing::at("2026-11-20T10:00:00Z");
  store->record_poll(feed, testing::poll_at(t0),
                     {testing::item("g-1", "US strikes cartel lab in Sinaloa"),
                      testing::item("g-2", "US strikes cartel camp in Sonora"),
                      testing::item("g-3", "US strikes cartel boat off Sinaloa")});
  std::vector<ClassifiedRevision> batch;
  for (const auto& p : store->pending_classification(10))
    batch.push_back({p, {testing::match("strikes", Stance::action)}, {"cartel", "strike", "us"}});
  ASSERT_EQ(batch.size(), 3u);
  {
    auto db = sqlite::Connection::open(path);
    db.exec("DELETE FROM item_revisions WHERE id = 2");
  }
  AlertPolicy policy;
  policy.topics = {{"strikes", "US strikes", Severity::critical, false}};
  EXPECT_THROW(store->record_classifications(batch, policy, t0), StoreError);
  std::vector<std::int64_t> pending;
  for (const auto& p : store->pending_classification(10)) pending.push_back(p.revision_id);
  EXPECT_EQ(pending, (std::vector<std::int64_t>{1, 3}));
  batch.erase(batch.begin() + 1);
  EXPECT_EQ(store->record_classifications(batch, policy, t0).matches, 2);
  EXPECT_TRUE(store->pending_classification(10).empty());
  auto db = sqlite::Connection::open(path);
  EXPECT_EQ(pragma_text(db, "SELECT group_concat(revision_id) FROM matches"), "1,3");
}

}  // namespace
}  // namespace redline
