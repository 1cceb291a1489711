// The write-ahead log is written in large pieces (db/log_vfs.h): a commit is in the file, for
// any other connection to read, when it returns; a transaction's frames take a few writes, not
// two per page; and a write the disk refuses fails the commit as it would have without them.
#include "db/log_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "tests/db/db_test_support.h"
#include "tests/db/watching_vfs.h"

namespace redline {
namespace {

using testing::open_raw;

int exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

std::int64_t count(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return -1;
  const std::int64_t n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return n;
}

// 300 rows of 3,000 bytes in one transaction: about 300 log frames, 1.2 MB, ten times the
// buffer. synchronous=NORMAL: no sync at the commit, so nothing but the commit frame writes them.
constexpr const char* kRows =
    "BEGIN; WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300) "
    "INSERT INTO t (body) SELECT randomblob(3000) FROM n; COMMIT";

TEST(LogVfs, IsRegistered) {
  const char* name = sqlite::log_batching_vfs();
  ASSERT_NE(name, nullptr);
  EXPECT_NE(sqlite3_vfs_find(name), nullptr);
}

TEST(LogVfs, ACommitIsInTheFileForAnotherConnectionWhenItReturns) {
  testing::TempDir dir;
  const auto path = dir.file("log.db");
  auto writer = open_raw(path, sqlite::log_batching_vfs());
  ASSERT_EQ(exec(writer.get(),
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"),
            SQLITE_OK);
  auto reader = open_raw(path, nullptr);  // SQLite's own VFS: reads the file as it is
  for (int round = 1; round <= 3; ++round) {
    ASSERT_EQ(exec(writer.get(), kRows), SQLITE_OK) << sqlite3_errmsg(writer.get());
    EXPECT_EQ(count(reader.get(), "SELECT count(*) FROM t WHERE length(body) = 3000"), 300 * round);
    EXPECT_EQ(count(reader.get(),
                    "SELECT count(*) FROM pragma_integrity_check WHERE "
                    "integrity_check = 'ok'"),
              1);
  }
}

TEST(LogVfs, ATransactionsFramesTakeAFewWrites) {
  testing::WatchingVfs counting;
  testing::TempDir dir;
  auto db = open_raw(dir.file("log.db"), sqlite::log_batching_vfs());
  ASSERT_EQ(exec(db.get(),
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"),
            SQLITE_OK);
  counting.log_writes = 0;
  ASSERT_EQ(exec(db.get(), kRows), SQLITE_OK);
  // SQLite's own VFS: two writes a frame, over 600. Gathered: ten or so of 120 KiB.
  EXPECT_GT(counting.log_writes, 0);
  EXPECT_LT(counting.log_writes, 40);
  EXPECT_EQ(count(db.get(), "SELECT count(*) FROM t"), 300);
}

TEST(LogVfs, AWriteTheDiskRefusesFailsTheCommitAndLosesNothingCommitted) {
  testing::WatchingVfs refusing;
  testing::TempDir dir;
  const auto path = dir.file("log.db");
  {
    auto db = open_raw(path, sqlite::log_batching_vfs());
    ASSERT_EQ(exec(db.get(),
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                   "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"),
              SQLITE_OK);
    ASSERT_EQ(exec(db.get(), kRows), SQLITE_OK);
    refusing.refuse_log_writes = true;
    // A small transaction: its frames all wait in the buffer until its commit frame.
    EXPECT_NE(exec(db.get(), "BEGIN; INSERT INTO t (body) VALUES (x'01'); COMMIT"), SQLITE_OK);
    exec(db.get(), "ROLLBACK");
    refusing.refuse_log_writes = false;
    EXPECT_EQ(count(db.get(), "SELECT count(*) FROM t"), 300);
  }
  auto again = open_raw(path, nullptr);
  EXPECT_EQ(count(again.get(), "SELECT count(*) FROM t"), 300);
  EXPECT_EQ(count(again.get(),
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
            1);
}

}  // namespace
}  // namespace redline
