// The write-ahead log is written in large pieces (db/log_vfs.h): a commit is in the file, for
// any other connection to read, when it returns; a transaction's frames take a few writes, not
// two per page; and a write the disk refuses fails the commit as it would have without them.
#include "db/log_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

// The default VFS while it lives: SQLite's own, with the writes to write-ahead logs counted, and
// refused (SQLITE_FULL) while `refuse` is set. The log VFS passes its files' calls to it.
class LogWritesVfs {
 public:
  LogWritesVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "redline-test-log-writes";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &LogWritesVfs::open;
    methods_.iVersion = 3;
    methods_.xClose = [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); };
    methods_.xRead = [](sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xRead(real(f), p, n, o);
    };
    methods_.xWrite = [](sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
      auto* file = reinterpret_cast<File*>(f);
      if (file->log) {
        ++file->owner->log_writes;
        if (file->owner->refuse) return SQLITE_FULL;
      }
      return real(f)->pMethods->xWrite(real(f), p, n, o);
    };
    methods_.xTruncate = [](sqlite3_file* f, sqlite3_int64 n) {
      return real(f)->pMethods->xTruncate(real(f), n);
    };
    methods_.xSync = [](sqlite3_file* f, int flags) {
      return real(f)->pMethods->xSync(real(f), flags);
    };
    methods_.xFileSize = [](sqlite3_file* f, sqlite3_int64* n) {
      return real(f)->pMethods->xFileSize(real(f), n);
    };
    methods_.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
    methods_.xUnlock = [](sqlite3_file* f, int l) {
      return real(f)->pMethods->xUnlock(real(f), l);
    };
    methods_.xCheckReservedLock = [](sqlite3_file* f, int* out) {
      return real(f)->pMethods->xCheckReservedLock(real(f), out);
    };
    methods_.xFileControl = [](sqlite3_file* f, int op, void* arg) {
      return real(f)->pMethods->xFileControl(real(f), op, arg);
    };
    methods_.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
    methods_.xDeviceCharacteristics = [](sqlite3_file* f) {
      return real(f)->pMethods->xDeviceCharacteristics(real(f));
    };
    methods_.xShmMap = [](sqlite3_file* f, int region, int size, int extend, void volatile** p) {
      return real(f)->pMethods->xShmMap(real(f), region, size, extend, p);
    };
    methods_.xShmLock = [](sqlite3_file* f, int offset, int n, int flags) {
      return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    };
    methods_.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
    methods_.xShmUnmap = [](sqlite3_file* f, int del) {
      return real(f)->pMethods->xShmUnmap(real(f), del);
    };
    methods_.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
      return real(f)->pMethods->xFetch(real(f), o, n, p);
    };
    methods_.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
      return real(f)->pMethods->xUnfetch(real(f), o, p);
    };
    if (sqlite3_vfs_register(&vfs_, 1) != SQLITE_OK) throw std::runtime_error("vfs_register");
  }
  ~LogWritesVfs() {
    sqlite3_vfs_register(real_, 1);
    sqlite3_vfs_unregister(&vfs_);
  }
  LogWritesVfs(const LogWritesVfs&) = delete;
  LogWritesVfs& operator=(const LogWritesVfs&) = delete;

  int log_writes = 0;
  bool refuse = false;

 private:
  struct File {
    sqlite3_file base;
    LogWritesVfs* owner;
    bool log;
  };
  static sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File));
  }
  static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
    auto* self = static_cast<LogWritesVfs*>(vfs->pAppData);
    auto* file = reinterpret_cast<File*>(f);
    std::memset(file, 0, sizeof(File));
    file->owner = self;
    file->log = (flags & SQLITE_OPEN_WAL) != 0;
    const int rc = self->real_->xOpen(self->real_, name, real(f), flags, out);
    if (rc == SQLITE_OK && real(f)->pMethods && real(f)->pMethods->iVersion >= 3)
      file->base.pMethods = &self->methods_;
    else if (rc == SQLITE_OK)
      return SQLITE_CANTOPEN;
    return rc;
  }

  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  sqlite3_io_methods methods_{};
};

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

Db open(const std::string& path, const char* vfs) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
  Db db(raw);
  if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  return db;
}

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
  auto writer = open(path, sqlite::log_batching_vfs());
  ASSERT_EQ(exec(writer.get(),
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"),
            SQLITE_OK);
  auto reader = open(path, nullptr);  // SQLite's own VFS: reads the file as it is
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
  LogWritesVfs counting;
  testing::TempDir dir;
  auto db = open(dir.file("log.db"), sqlite::log_batching_vfs());
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
  LogWritesVfs refusing;
  testing::TempDir dir;
  const auto path = dir.file("log.db");
  {
    auto db = open(path, sqlite::log_batching_vfs());
    ASSERT_EQ(exec(db.get(),
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                   "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)"),
              SQLITE_OK);
    ASSERT_EQ(exec(db.get(), kRows), SQLITE_OK);
    refusing.refuse = true;
    // A small transaction: its frames all wait in the buffer until its commit frame.
    EXPECT_NE(exec(db.get(), "BEGIN; INSERT INTO t (body) VALUES (x'01'); COMMIT"), SQLITE_OK);
    exec(db.get(), "ROLLBACK");
    refusing.refuse = false;
    EXPECT_EQ(count(db.get(), "SELECT count(*) FROM t"), 300);
  }
  auto again = open(path, nullptr);
  EXPECT_EQ(count(again.get(), "SELECT count(*) FROM t"), 300);
  EXPECT_EQ(count(again.get(),
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
            1);
}

}  // namespace
}  // namespace redline
