// Ingest: identity, revisions, backlog and the feed's poll record.
#include <gtest/gtest.h>

#include "db/sqlite.h"
#include "db/sqlite_store.h"
#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using namespace std::chrono_literals;
using testing::at;
using testing::item;
using testing::poll_at;

class Ingest : public testing::StoreTest {
 protected:
  std::int64_t item_count() {
    for (const auto& f : store->feeds())
      if (f.id == feed) return f.item_count;
    return -1;
  }
};

TEST_F(Ingest, IdentitiesThatDoNotFitTheItemsAreRefusedAndNothingIsStored) {
  const std::vector<Item> items = {item("g-1", "US weighs strikes on cartels"),
                                   item("g-2", "Troops arrive at the border")};
  auto ids = identify_items(items);
  ids.pop_back();
  EXPECT_THROW(store->record_poll(feed, poll_at(t0), items, ids), StoreError);
  EXPECT_EQ(item_count(), 0);
  // The identities worked out elsewhere store exactly what the store works out itself.
  EXPECT_EQ(store->record_poll(feed, poll_at(t0), items, identify_items(items)).new_items, 2);
  EXPECT_EQ(store->record_poll(feed, poll_at(t0 + 10min), items).new_items, 0);
  EXPECT_EQ(item_count(), 2);
}

TEST_F(Ingest, TheSameItemTwiceIsStoredOnce) {
  const auto story = item("g-1", "US weighs strikes on cartels", "https://wire.example/1");
  auto first = store->record_poll(feed, poll_at(t0), {story});
  auto second = store->record_poll(feed, poll_at(t0 + 10min), {story});
  EXPECT_EQ(first.new_items, 1);
  EXPECT_EQ(second.new_items, 0);
  EXPECT_EQ(second.unchanged_items, 1);
  EXPECT_EQ(item_count(), 1);
  EXPECT_EQ(store->pending_classification(10).size(), 1u);
}

TEST_F(Ingest, UnchangedItemsOnlyMoveLastSeen) {
  const auto story = item("g-1", "Headline", "https://wire.example/1");
  store->record_poll(feed, poll_at(t0), {story});
  store->record_poll(feed, poll_at(t0 + 1h), {story});
  const auto h = store->history({});
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_seen, t0);
  EXPECT_EQ(h[0].last_seen, t0 + 1h);
  EXPECT_EQ(h[0].revisions, 1);
}

TEST_F(Ingest, TrackingParametersDoNotCreateDuplicates) {
  store->record_poll(
      feed, poll_at(t0),
      {item("", "Troops arrive at border", "https://wire.example/a?utm_source=rss")});
  const auto r = store->record_poll(
      feed, poll_at(t0 + 10min),
      {item("", "Troops arrive at border", "https://WIRE.example/a/?fbclid=x&utm_medium=f#top")});
  EXPECT_EQ(r.new_items, 0);
  EXPECT_EQ(r.unchanged_items, 1);
  EXPECT_EQ(item_count(), 1);
}

TEST_F(Ingest, AFeedThatChangesGuidsButKeepsTheLinkKeepsTheItem) {
  store->record_poll(feed, poll_at(t0),
                     {item("guid-old", "Raid reported", "https://wire.example/raid")});
  const auto r = store->record_poll(
      feed, poll_at(t0 + 10min), {item("guid-new", "Raid reported", "https://wire.example/raid")});
  EXPECT_EQ(r.new_items, 0);
  EXPECT_EQ(item_count(), 1);
  // The item now answers to its new guid.
  const auto again = store->record_poll(
      feed, poll_at(t0 + 20min), {item("guid-new", "Raid reported", "https://wire.example/other")});
  EXPECT_EQ(again.unchanged_items, 1);
}

TEST_F(Ingest, ItemsThatAllLinkToTheHomePageStaySeparate) {
  const auto r = store->record_poll(feed, poll_at(t0),
                                    {item("", "First note", "https://wire.example/"),
                                     item("", "Second note", "https://wire.example/"),
                                     item("g-3", "Third note", "https://wire.example/")});
  EXPECT_EQ(r.new_items, 3);
  const auto again = store->record_poll(feed, poll_at(t0 + 10min),
                                        {item("g-4", "Fourth note", "https://wire.example/")});
  EXPECT_EQ(again.new_items, 1);
  EXPECT_EQ(item_count(), 4);
}

TEST_F(Ingest, ItemsWithoutGuidOrLinkAreKeyedByTitleAndDate) {
  const auto when = t0 - 1h;
  store->record_poll(feed, poll_at(t0), {item("", "Senate vote on trainers", "", "", when)});
  const auto r = store->record_poll(feed, poll_at(t0 + 10min),
                                    {item("", "Senate vote on trainers", "", "", when),
                                     item("", "Senate vote on trainers", "", "", when + 24h)});
  EXPECT_EQ(r.unchanged_items, 1);
  EXPECT_EQ(r.new_items, 1);
}

TEST_F(Ingest, TheSameStoryInTwoFeedsIsTwoItems) {
  const auto other = store->ensure_feed("agency", "https://agency.example/feed").id;
  const auto story = item("", "US strikes cartel lab", "https://news.example/strike");
  store->record_poll(feed, poll_at(t0), {story});
  EXPECT_EQ(store->record_poll(other, poll_at(t0), {story}).new_items, 1);
}

TEST_F(Ingest, AnEditedHeadlineIsANewRevisionWithAWordDiff) {
  store->record_poll(feed, poll_at(t0),
                     {item("g-1", "US weighs strikes on cartel labs", "https://wire.example/1")});
  for (const auto& p : store->pending_classification(10))
    store->record_classification({p, {}, {}}, AlertPolicy{}, t0);
  const auto r = store->record_poll(
      feed, poll_at(t0 + 10min),
      {item("g-1", "US launches strikes on cartel labs", "https://wire.example/1")});
  EXPECT_EQ(r.revised_items, 1);
  const auto pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].revision, 2);
  EXPECT_EQ(pending[0].title, "US launches strikes on cartel labs");
  EXPECT_EQ(pending[0].first_seen, t0);
  const auto diffs = store->revision_diffs(std::nullopt, 10);
  ASSERT_EQ(diffs.size(), 1u);
  EXPECT_EQ(diffs[0].diff, "US [-weighs-] {+launches+} strikes on cartel labs");
  EXPECT_EQ(diffs[0].revision, 2);
  EXPECT_EQ(diffs[0].feed, "wire");
  EXPECT_EQ(diffs[0].at, t0 + 10min);
  const auto h = store->history({});
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].revisions, 2);
  EXPECT_EQ(h[0].title, "US launches strikes on cartel labs");
}

TEST_F(Ingest, AChangedSummaryIsDiffedToo) {
  store->record_poll(feed, poll_at(t0), {item("g-1", "Title", "", "two thousand troops")});
  store->record_poll(feed, poll_at(t0 + 1min), {item("g-1", "Title", "", "ten thousand troops")});
  const auto diffs = store->revision_diffs(std::nullopt, 10);
  ASSERT_EQ(diffs.size(), 1u);
  EXPECT_EQ(diffs[0].diff, "summary: [-two-] {+ten+} thousand troops");
}

TEST_F(Ingest, OldItemsAreBacklogAndRecentOnesAreNot) {
  store->record_poll(
      feed, poll_at(t0),
      {item("old", "Last year", "", "", t0 - 24h * 300), item("new", "This hour", "", "", t0 - 1h),
       item("undated", "No date on first poll")});
  store->record_poll(feed, poll_at(t0 + 1h), {item("undated-2", "No date later")});
  std::map<std::string, bool> backlog;
  for (const auto& p : store->pending_classification(10)) backlog[p.title] = p.backlog;
  EXPECT_TRUE(backlog.at("Last year"));
  EXPECT_FALSE(backlog.at("This hour"));
  EXPECT_TRUE(backlog.at("No date on first poll"));
  EXPECT_FALSE(backlog.at("No date later"));
}

TEST_F(Ingest, APollRecordsTheFeedsValidatorsAndHealth) {
  store->record_failure(feed, t0 - 1h, "HTTP 503", t0, false);
  auto p = poll_at(t0);
  p.etag = "\"abc\"";
  p.last_modified = "Sat, 01 Mar 2025 11:00:00 GMT";
  store->record_poll(feed, p, {});
  const auto f = store->feeds().at(0);
  EXPECT_EQ(f.etag, "\"abc\"");
  EXPECT_EQ(f.last_modified, "Sat, 01 Mar 2025 11:00:00 GMT");
  EXPECT_EQ(f.error_count, 0);
  EXPECT_EQ(f.last_error, "");
  EXPECT_EQ(f.last_success, t0);
  EXPECT_EQ(f.last_attempt, t0);
  EXPECT_EQ(f.next_poll, t0 + 10min);
}

TEST_F(Ingest, FailuresCountUpAndGoneDisablesTheFeed) {
  store->record_poll(feed, poll_at(t0), {item("g", "Kept")});
  store->record_failure(feed, t0 + 1h, "timeout", t0 + 2h, false);
  store->record_failure(feed, t0 + 2h, "HTTP 410 Gone", t0 + 3h, true);
  const auto f = store->feeds().at(0);
  EXPECT_EQ(f.error_count, 2);
  EXPECT_EQ(f.last_error, "HTTP 410 Gone");
  EXPECT_TRUE(f.disabled);
  EXPECT_EQ(f.disabled_reason, "HTTP 410 Gone");
  EXPECT_EQ(f.last_success, t0);
  EXPECT_EQ(f.item_count, 1);
}

TEST_F(Ingest, NotModifiedCountsAsSuccess) {
  store->record_failure(feed, t0, "timeout", t0 + 1h, false);
  store->record_not_modified(feed, t0 + 1h, t0 + 2h);
  const auto f = store->feeds().at(0);
  EXPECT_EQ(f.error_count, 0);
  EXPECT_EQ(f.last_success, t0 + 1h);
  EXPECT_EQ(f.next_poll, t0 + 2h);
}

TEST_F(Ingest, AnAdoptedRedirectSurvivesRestartsButAConfigChangeWins) {
  auto p = poll_at(t0);
  p.etag = "e1";
  store->record_poll(feed, p, {});
  store->adopt_redirect(feed, "https://wire.example/new-rss");
  EXPECT_EQ(store->ensure_feed("wire", "https://wire.example/rss").url,
            "https://wire.example/new-rss");
  const auto changed = store->ensure_feed("wire", "https://mirror.example/rss");
  EXPECT_EQ(changed.url, "https://mirror.example/rss");
  EXPECT_EQ(changed.id, feed);
  EXPECT_EQ(changed.etag, "");
}

TEST_F(Ingest, APollForAnUnknownFeedIsRefused) {
  EXPECT_THROW(store->record_poll(feed + 100, poll_at(t0), {item("g", "x")}), StoreError);
}

// A feed's first poll stores its items without looking each up first; an item the document
// repeats is still stored once.
TEST_F(Ingest, AFirstPollThatRepeatsAnItemStoresItOnce) {
  const auto story = item("g-1", "Troops arrive at the border", "https://wire.example/1");
  const auto r = store->record_poll(
      feed, poll_at(t0), {story, item("g-2", "Rain expected", "https://wire.example/2"), story});
  EXPECT_EQ(r.new_items, 2);
  EXPECT_EQ(r.unchanged_items, 1);
  EXPECT_EQ(item_count(), 2);
  EXPECT_EQ(store->pending_classification(10).size(), 2u);
}

// Should a database hold items of a feed that never had a successful poll (edited by hand),
// the first poll finds them instead of failing on the duplicate key.
TEST_F(Ingest, AFirstPollOverItemsAlreadyStoredFindsThem) {
  store->record_poll(feed, poll_at(t0),
                     {item("g-1", "Troops arrive at the border", "https://wire.example/1")});
  auto& db = static_cast<SqliteStore&>(*store).connection();
  db.exec("UPDATE feeds SET last_success = NULL");
  const auto r =
      store->record_poll(feed, poll_at(t0 + 10min),
                         {item("g-1", "Troops arrive at the border", "https://wire.example/1"),
                          item("g-2", "Rain expected", "https://wire.example/2")});
  EXPECT_EQ(r.new_items, 1);
  EXPECT_EQ(r.unchanged_items, 1);
  EXPECT_EQ(item_count(), 2);
  EXPECT_EQ(store->pending_classification(10).size(), 2u);
}

// The daemon hands the revisions a poll stored to its classifier without reading them back:
// what record_poll returns must be what pending_classification reads, field for field.
TEST_F(Ingest, APollReturnsTheRevisionsItStoredAsTheyAreReadBack) {
  auto story = item("g-1", "US weighs strikes on cartels", "https://wire.example/1");
  story.published = t0 - 1h;
  store->record_poll(feed, poll_at(t0), {story});
  store->record_classification(ClassifiedRevision{store->pending_classification(1).at(0), {}, {}},
                               AlertPolicy{}, t0);
  story.title = "US launches strikes on cartels";
  const auto stored = store->record_poll(
      feed, poll_at(t0 + 10min),
      {story, item("g-2", "Rain expected at the weekend", "https://wire.example/2")});
  ASSERT_EQ(stored.pending.size(), 2u);
  const auto read = store->pending_classification(10);
  ASSERT_EQ(read.size(), 2u);
  for (std::size_t i = 0; i < read.size(); ++i) {
    const auto& a = stored.pending[i];
    const auto& b = read[i];
    EXPECT_EQ(a.revision_id, b.revision_id);
    EXPECT_EQ(a.item_id, b.item_id);
    EXPECT_EQ(a.feed_id, b.feed_id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.link, b.link);
    EXPECT_EQ(a.published, b.published);
    EXPECT_EQ(a.first_seen, b.first_seen);
    EXPECT_EQ(a.revision, b.revision);
    EXPECT_EQ(a.backlog, b.backlog);
  }
  EXPECT_EQ(read[0].revision, 2);  // the revised story, first seen at the first poll
  EXPECT_EQ(read[0].first_seen, t0);
  EXPECT_EQ(read[1].first_seen, t0 + 10min);
}

TEST_F(Ingest, AFailedPollLeavesNothingBehind) {
  // A trigger stands in for a failure half way through (disk full, constraint, ...).
  auto& db = static_cast<SqliteStore&>(*store).connection();
  db.exec(
      "CREATE TRIGGER poison BEFORE INSERT ON item_revisions WHEN new.title = 'poison' "
      "BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
  auto p = poll_at(t0);
  p.etag = "new-etag";
  EXPECT_THROW(store->record_poll(feed, p, {item("a", "fine"), item("b", "poison")}), StoreError);
  EXPECT_EQ(item_count(), 0);
  EXPECT_TRUE(store->pending_classification(10).empty());
  EXPECT_EQ(store->feeds().at(0).etag, "");
  EXPECT_FALSE(store->feeds().at(0).last_success);
  // The store is still usable afterwards.
  EXPECT_EQ(store->record_poll(feed, p, {item("a", "fine")}).new_items, 1);
}

TEST_F(Ingest, ABatchOfPollsIsKeptOnlyWhenCommitted) {
  const auto other = store->ensure_feed("second", "https://second.example/rss").id;
  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a", "first story")});
  store->record_poll(other, poll_at(t0), {item("b", "second story")});
  store->end_batch(false);
  EXPECT_EQ(item_count(), 0);
  EXPECT_FALSE(store->feeds().at(0).last_success);

  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a", "first story")});
  store->record_poll(other, poll_at(t0), {item("b", "second story")});
  store->end_batch(true);
  std::int64_t total = 0;
  for (const auto& f : store->feeds()) total += f.item_count;
  EXPECT_EQ(total, 2);
}

TEST_F(Ingest, ABatchedPollIsSearchableOnceCommittedAndEditsAreReindexed) {
  const auto other = store->ensure_feed("second", "https://second.example/rss").id;
  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a", "Navy drills off Baja", "https://w/a")});
  store->record_poll(other, poll_at(t0), {item("b", "Troops reach Nogales", "https://s/b")});
  store->record_poll(feed, poll_at(t0 + 1h), {item("a", "Navy exercise off Baja", "https://w/a")});
  store->end_batch(true);
  HistoryQuery q;
  q.search = "nogales";
  EXPECT_EQ(store->history(q).size(), 1u);
  q.search = "exercise";
  EXPECT_EQ(store->history(q).size(), 1u);
  q.search = "drills";  // the edited headline replaced the old one in the index
  EXPECT_EQ(store->history(q).size(), 0u);
}

TEST_F(Ingest, AFailedPollInsideABatchLeavesTheOthersStored) {
  auto& db = static_cast<SqliteStore&>(*store).connection();
  db.exec(
      "CREATE TRIGGER poison BEFORE INSERT ON item_revisions WHEN new.title = 'poison' "
      "BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
  const auto other = store->ensure_feed("second", "https://second.example/rss").id;
  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a", "fine")});
  EXPECT_THROW(
      store->record_poll(other, poll_at(t0), {item("b", "also fine"), item("c", "poison")}),
      StoreError);
  store->end_batch(true);
  std::int64_t total = 0;
  for (const auto& f : store->feeds()) total += f.item_count;
  EXPECT_EQ(total, 1);  // the failed poll left nothing, the good one is kept
  EXPECT_EQ(store->pending_classification(10).size(), 1u);
}

TEST_F(Ingest, OnlyOneBatchIsOpenAtATime) {
  store->begin_batch();
  EXPECT_THROW(store->begin_batch(), StoreError);
  store->end_batch(true);
  store->end_batch(true);  // closing a closed batch does nothing
}

TEST(Integrity, ARowThatRefersToAMissingOneIsReported) {
  testing::TempDir dir;
  const auto path = dir.file("history.db");
  auto store = open_sqlite_store(path);
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  store->record_poll(feed, poll_at(at("2025-03-01T12:00:00Z")),
                     {item("g-1", "US weighs strikes on cartels")});
  EXPECT_TRUE(store->integrity_ok());
  {
    // Another connection, which enforces references, lets this through with the pragma off.
    auto db = sqlite::Connection::open(path);
    db.exec("PRAGMA foreign_keys=OFF");
    db.exec("INSERT INTO matches (revision_id, topic, stance) VALUES (999, 'strikes', 'action')");
  }
  EXPECT_FALSE(store->integrity_ok());
}

TEST(Transaction, RollsBackOnExceptionUnlessCommitted) {
  testing::TempDir dir;
  auto db = sqlite::Connection::open(dir.file("t.db"));
  db.exec("CREATE TABLE t (x)");
  try {
    sqlite::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  {
    sqlite::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (2)");
    tx.commit();
  }
  sqlite::Statement count(db, "SELECT group_concat(x) FROM t");
  sqlite::Query q(count);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "2");
}

TEST(Statement, ValuesAreBoundNotSpliced) {
  testing::TempDir dir;
  auto db = sqlite::Connection::open(dir.file("t.db"));
  db.exec("CREATE TABLE t (x)");
  sqlite::Statement insert(db, "INSERT INTO t VALUES (?1)");
  const std::string hostile = "'); DROP TABLE t; --";
  sqlite::Query(insert).bind(1, hostile).run();
  sqlite::Query(insert).bind(1, std::string("second")).run();
  sqlite::Statement read(db, "SELECT x FROM t ORDER BY rowid");
  sqlite::Query q(read);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), hostile);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "second");
}

}  // namespace
}  // namespace redline
