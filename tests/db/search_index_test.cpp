// The full-text index off the alert path: storing leaves it behind, update_search_index catches
// up in chunks of the oldest revisions, a search catches up first, and indexing the same
// revisions again (a lost state row, a replayed chunk) never duplicates an item.
#include <gtest/gtest.h>

#include "db/migrations.h"
#include "db/sqlite.h"
#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using namespace std::chrono_literals;
using testing::item;
using testing::poll_at;

class SearchIndex : public testing::StoreTest {
 protected:
  // Five items in one poll: revisions 1..5.
  void store_five() {
    std::vector<Item> items;
    for (int i = 1; i <= 5; ++i) {
      const std::string n = std::to_string(i);
      items.push_back(item("g" + n, "Report " + n + " on cartel raid " + word(i),
                           "https://n.example/" + n, "Summary " + n, t0));
    }
    store->record_poll(feed, poll_at(t0), items);
  }
  static std::string word(int i) {
    static const char* words[] = {"", "alpha", "bravo", "charlie", "delta", "echo"};
    return words[i];
  }
  // Rows of items_fts, read with a connection of its own (what `sqlite3` would see).
  std::int64_t indexed_rows(const char* match = nullptr) {
    auto db = sqlite::Connection::open(dir.file("history.db"));
    sqlite::Statement s(db, match ? "SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH ?1"
                                  : "SELECT COUNT(*) FROM items_fts");
    sqlite::Query q(s);
    if (match) q.bind(1, match);
    return q.step() ? q.int64(0) : -1;
  }
  void exec(const char* sql) {
    auto db = sqlite::Connection::open(dir.file("history.db"));
    db.exec(sql);
  }
  std::vector<std::string> found(const char* words) {
    HistoryQuery q;
    q.search = words;
    std::vector<std::string> out;
    for (const auto& h : store->history(q)) out.push_back(h.title);
    return out;
  }
};

TEST_F(SearchIndex, StoringAPollLeavesTheIndexToLater) {
  store_five();
  EXPECT_EQ(indexed_rows(), 0);
  EXPECT_EQ(store->search_index_behind(), 5);
  EXPECT_EQ(indexed_rows(), 0);  // asking indexes nothing
  EXPECT_EQ(store->update_search_index(100), 0);
  EXPECT_EQ(store->search_index_behind(), 0);
  EXPECT_EQ(indexed_rows(), 5);
  EXPECT_EQ(indexed_rows("bravo"), 1);
}

TEST_F(SearchIndex, CatchesUpInChunksOfTheOldestRevisions) {
  store_five();
  EXPECT_EQ(store->update_search_index(2), 3);
  EXPECT_EQ(indexed_rows("alpha OR bravo"), 2);
  EXPECT_EQ(indexed_rows("charlie"), 0);
  EXPECT_EQ(store->update_search_index(2), 1);
  EXPECT_EQ(store->update_search_index(2), 0);
  EXPECT_EQ(indexed_rows(), 5);
  EXPECT_EQ(store->update_search_index(2), 0);  // caught up: nothing to do, nothing changes
  EXPECT_EQ(indexed_rows(), 5);
}

TEST_F(SearchIndex, ASearchCatchesUpFirst) {
  store_five();
  EXPECT_EQ(found("echo"), std::vector<std::string>{"Report 5 on cartel raid echo"});
  EXPECT_EQ(indexed_rows(), 5);
}

TEST_F(SearchIndex, ARevisionReplacesTheTextItWasIndexedWith) {
  store_five();
  ASSERT_EQ(store->update_search_index(100), 0);
  store->record_poll(
      feed, poll_at(t0 + 1h),
      {item("g2", "Report 2 on cartel raid foxtrot", "https://n.example/2", "Summary 2", t0)});
  EXPECT_EQ(indexed_rows("bravo"), 1);  // not indexed yet: the old text is still there
  EXPECT_EQ(store->update_search_index(100), 0);
  EXPECT_EQ(indexed_rows("bravo"), 0);
  EXPECT_EQ(indexed_rows("foxtrot"), 1);
  EXPECT_EQ(indexed_rows(), 5);
}

TEST_F(SearchIndex, TwoRevisionsInDifferentChunksEndWithTheLatest) {
  store_five();  // revisions 1..5
  store->record_poll(feed, poll_at(t0 + 1h),
                     {item("g1", "Report 1 on cartel raid golf", "https://n.example/1", "Summary 1",
                           t0)});  // revision 6
  // Chunk 1..5 skips item 1's first text (no longer its latest); chunk 6 brings the new one.
  EXPECT_EQ(store->update_search_index(5), 1);
  EXPECT_EQ(indexed_rows("alpha OR golf"), 0);
  EXPECT_EQ(store->update_search_index(5), 0);
  EXPECT_EQ(indexed_rows("golf"), 1);
  EXPECT_EQ(indexed_rows("alpha"), 0);
  EXPECT_EQ(indexed_rows(), 5);
}

TEST_F(SearchIndex, IndexingAgainAfterALostStateKeepsOneRowPerItem) {
  store_five();
  ASSERT_EQ(store->update_search_index(100), 0);
  exec("DELETE FROM search_index");  // the state row lost: everything is indexed again
  EXPECT_EQ(store->update_search_index(100), 0);
  EXPECT_EQ(indexed_rows(), 5);
  EXPECT_EQ(found("delta").size(), 1u);
}

TEST_F(SearchIndex, RevisionIdsTheIndexPassedAreNeverHandedOutAgain) {
  store_five();
  ASSERT_EQ(store->update_search_index(100), 0);
  // The newest item deleted by hand: its revision id 5 is free, but the index has passed it.
  exec("DELETE FROM items WHERE identity LIKE '%g5%'");
  store->record_poll(feed, poll_at(t0 + 1h),
                     {item("g9", "Report 9 on cartel raid hotel", "https://n.example/9", "", t0)});
  EXPECT_EQ(found("hotel"), std::vector<std::string>{"Report 9 on cartel raid hotel"});
  EXPECT_EQ(indexed_rows("echo"), 0);
}

TEST_F(SearchIndex, ADatabaseFromBeforeTheMigrationStartsCaughtUp) {
  // A version-2 database, indexed as it was written (what redline did before migration 3).
  const auto path = dir.file("old.db");
  {
    auto db = sqlite::Connection::open(path);
    const auto all = builtin_migrations();
    ASSERT_GE(all.size(), 3u);
    migrate(db, all.subspan(0, 2));
    db.exec(
        "INSERT INTO feeds (id, name, config_url, url) VALUES (1, 'f', 'u', 'u');"
        "INSERT INTO items (id, feed_id, identity, first_seen, last_seen, "
        "latest_revision_id) VALUES (7, 1, 'guid:a', 't', 't', 40);"
        "INSERT INTO item_revisions (id, item_id, revision, seen_at, title, content_hash) "
        "VALUES (40, 7, 1, 't', 'Old strike report', 'h');"
        "INSERT INTO items_fts (rowid, title, summary) VALUES (7, 'Old strike report', '');");
  }
  auto store = open_sqlite_store(path);
  EXPECT_EQ(store->update_search_index(100), 0);
  auto db = sqlite::Connection::open(path);
  sqlite::Statement s(db,
                      "SELECT indexed_through, (SELECT COUNT(*) FROM items_fts) "
                      "FROM search_index");
  sqlite::Query q(s);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.int64(0), 40);
  EXPECT_EQ(q.int64(1), 1);
}

}  // namespace
}  // namespace redline
