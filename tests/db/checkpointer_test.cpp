// The write-ahead log is copied into the database on a thread of its own (db/checkpointer.h):
// the database file fills while the writer goes on committing, the log is started afresh once
// it has been copied, a thread that cannot work leaves the checkpoints to the writer, and the
// connection that closes last leaves a whole database and no log.
#include "db/checkpointer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "db/sqlite.h"
#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using sqlite::Checkpointer;

using Db = testing::RawDb;

Db open_wal(const std::string& path) {
  Db db = testing::open_raw(path);
  EXPECT_EQ(sqlite3_exec(db.get(),
                         "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                         "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  return db;
}

// `count` commits of one row of 6,000 bytes each: two pages and more in the log per commit.
void commit_rows(sqlite3* db, int count) {
  for (int i = 0; i < count; ++i) {
    ASSERT_EQ(
        sqlite3_exec(db, "INSERT INTO t (body) VALUES (zeroblob(6000))", nullptr, nullptr, nullptr),
        SQLITE_OK)
        << sqlite3_errmsg(db);
  }
}

std::int64_t rows(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &stmt, nullptr), SQLITE_OK);
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  const auto n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

std::uintmax_t size_of(const std::string& path) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

// Waits up to 20 s (a sanitizer build is slow) for `done`.
bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TEST(Checkpointer, CopiesTheLogIntoTheDatabaseWhileTheWriterGoesOn) {
  testing::TempDir dir;
  const auto path = dir.file("ckpt.db");
  auto db = open_wal(path);
  const auto empty = size_of(path);
  Checkpointer checkpointer(db.get(), path, 20);
  commit_rows(db.get(), 100);  // 200 pages and more: past the mark of 20 many times
  // The database file itself receives the rows while the writer still has it open; without a
  // checkpoint it would keep its first pages until the writer closes.
  EXPECT_TRUE(eventually([&] { return size_of(path) >= empty + 100 * 6000; }))
      << size_of(path) << " bytes";
  // Counted once the thread's checkpoint returns, a moment after its last page is copied.
  EXPECT_TRUE(eventually([&] { return checkpointer.checkpoints() >= 1; }));
  EXPECT_FALSE(checkpointer.failed());
  EXPECT_EQ(rows(db.get()), 100);
}

TEST(Checkpointer, TheLogStartsAfreshOnceCopied) {
  testing::TempDir dir;
  const auto path = dir.file("ckpt.db");
  auto db = open_wal(path);
  Checkpointer checkpointer(db.get(), path, 20);
  commit_rows(db.get(), 60);
  const auto wal = path + "-wal";
  ASSERT_TRUE(eventually([&] { return size_of(path) >= 60 * 6000; }));
  // Copied to its end (once the thread's last round, begun after the last commit, is done), the
  // log is written from its start again. Without that, 118 commits of two pages and more each
  // would leave it longer than 236 pages.
  ASSERT_TRUE(eventually([&] { return checkpointer.idle(); }));
  commit_rows(db.get(), 58);
  EXPECT_LT(size_of(wal), 236u * 4096) << checkpointer.checkpoints() << " checkpoints";
  EXPECT_EQ(rows(db.get()), 118);
}

TEST(Checkpointer, TheWriterCheckpointsItselfWhenTheThreadCannot) {
  testing::TempDir dir;
  const auto path = dir.file("ckpt.db");
  auto db = open_wal(path);
  const auto empty = size_of(path);
  // The thread's own connection cannot open this; the writer's is fine.
  Checkpointer checkpointer(db.get(), dir.file("missing/ckpt.db"), 20);
  commit_rows(db.get(), 20);
  ASSERT_TRUE(eventually([&] { return checkpointer.failed(); }));
  commit_rows(db.get(), 40);  // each past the mark: each checkpoints on the writer
  EXPECT_GE(size_of(path), empty + 40 * 6000);
  EXPECT_EQ(rows(db.get()), 60);
}

TEST(Checkpointer, StopsWhileWantedAndTheLastCloseLeavesAWholeDatabase) {
  testing::TempDir dir;
  const auto path = dir.file("ckpt.db");
  {
    auto db = open_wal(path);
    {
      Checkpointer checkpointer(db.get(), path, 1);
      commit_rows(db.get(), 200);  // each commit wants a checkpoint; stopped mid-stream
    }
    commit_rows(db.get(), 5);  // no hook any more: the writer carries on alone
  }
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));  // copied in full, then removed
  auto again = open_wal(path);
  EXPECT_EQ(rows(again.get()), 205);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(again.get(), "PRAGMA integrity_check", -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "ok");
  sqlite3_finalize(stmt);
}

TEST(Checkpointer, ADatabaseFileHasOneAndADatabaseInMemoryNone) {
  testing::TempDir dir;
  auto file = sqlite::Connection::open(dir.file("store.db"));
  EXPECT_NE(file.checkpointer(), nullptr);
  auto memory = sqlite::Connection::open(":memory:");
  EXPECT_EQ(memory.checkpointer(), nullptr);
}

}  // namespace
}  // namespace redline
