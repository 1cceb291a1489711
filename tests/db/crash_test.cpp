// A redline process that dies (crash, kill -9) in the middle of a write leaves a database that
// is intact and holds every transaction it committed, and nothing of the one it did not.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/sqlite.h"
#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using testing::item;
using testing::poll_at;

const Timestamp kT0 = testing::at("2025-03-01T12:00:00Z");

std::vector<Item> batch(int n, int size) {
  std::vector<Item> items;
  for (int k = 0; k < size; ++k) {
    const std::string id = "b" + std::to_string(n) + "-" + std::to_string(k);
    items.push_back(item(id, "Report " + id, "https://wire.example/" + id, "text of " + id, kT0));
  }
  return items;
}

std::int64_t items_of(Store& store, const std::string& feed) {
  for (const auto& f : store.feeds())
    if (f.name == feed) return f.item_count;
  return -1;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(Crash, AProcessThatDiesInsideATransactionLosesOnlyThatTransaction) {
  testing::TempDir dir;
  const auto path = dir.file("history.db");
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    try {
      auto store = open_sqlite_store(path);
      const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
      store->record_poll(feed, poll_at(kT0), batch(0, 50));
      auto db = sqlite::Connection::open(path);
      sqlite::Transaction tx(db);
      db.exec("INSERT INTO feeds (name, config_url, url) VALUES ('ghost', 'u', 'u')");
      // Enough uncommitted data that SQLite spills pages into the WAL before the end.
      db.exec("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) "
              "INSERT INTO fact_changes (topic, fact, old_value, new_value, at) "
              "SELECT 't', 'f', hex(randomblob(64)), hex(randomblob(64)), 'now' FROM n");
      _exit(0);  // no commit, no rollback, no close
    } catch (...) {
      _exit(3);
    }
  }
  const int status = wait_for(pid);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  auto store = open_sqlite_store(path);
  EXPECT_TRUE(store->integrity_ok());
  ASSERT_EQ(store->feeds().size(), 1u);
  EXPECT_EQ(items_of(*store, "wire"), 50);
  EXPECT_TRUE(store->fact_changes(std::nullopt).empty());
  EXPECT_EQ(store->pending_classification(100).size(), 50u);
  EXPECT_EQ(store->record_poll(store->feeds()[0].id, poll_at(kT0), batch(1, 5)).new_items, 5);
}

TEST(Crash, KillNineWhileWritingPollsKeepsEveryCommittedPoll) {
  testing::TempDir dir;
  const auto path = dir.file("history.db");
  constexpr int kBatch = 100;
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    try {
      auto store = open_sqlite_store(path);
      const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
      for (int n = 0; n < 100000; ++n) {
        store->record_poll(feed, poll_at(kT0), batch(n, kBatch));
        if (write(fds[1], &n, sizeof n) != sizeof n) _exit(4);  // reported only once committed
      }
    } catch (...) {
      _exit(3);
    }
    _exit(0);
  }
  close(fds[1]);
  int committed = -1, n = 0;
  while (committed < 4 && read(fds[0], &n, sizeof n) == sizeof n) committed = n;
  kill(pid, SIGKILL);
  const int status = wait_for(pid);
  while (read(fds[0], &n, sizeof n) == sizeof n) committed = n;
  close(fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child ended on its own with " << status;
  ASSERT_GE(committed, 4);

  auto store = open_sqlite_store(path);
  EXPECT_TRUE(store->integrity_ok());
  const auto stored = items_of(*store, "wire");
  EXPECT_EQ(stored % kBatch, 0) << "a poll was stored in part";
  EXPECT_GE(stored, (committed + 1) * kBatch);
  EXPECT_LE(stored, (committed + 2) * kBatch);  // at most one commit not yet reported
  HistoryQuery q;
  q.search = "b" + std::to_string(committed) + "-" + std::to_string(kBatch - 1);
  EXPECT_EQ(store->history(q).size(), 1u);
}

}  // namespace
}  // namespace redline
