// What each kind of commit survives (issue #8): polls and classifications that queue no alert
// for a sink are committed without an fsync (a killed process loses nothing; a power cut may
// undo them, and they are fetched or classified again); whatever puts an alert for a sink in the
// outbox, or marks one sent, is on disk when its commit returns. The fsyncs are counted by a VFS
// that wraps SQLite's own.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using testing::at;
using testing::item;
using testing::match;
using testing::poll_at;

// SQLite's default VFS with every file's xSync counted; the default while it lives.
class CountingVfs {
 public:
  CountingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "redline-counting";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &CountingVfs::open;
    methods_.iVersion = 3;
    methods_.xClose = [](sqlite3_file* f) {
      const int rc = real(f)->pMethods ? real(f)->pMethods->xClose(real(f)) : SQLITE_OK;
      return rc;
    };
    methods_.xRead = [](sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xRead(real(f), p, n, o);
    };
    methods_.xWrite = [](sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xWrite(real(f), p, n, o);
    };
    methods_.xTruncate = [](sqlite3_file* f, sqlite3_int64 n) {
      return real(f)->pMethods->xTruncate(real(f), n);
    };
    methods_.xSync = [](sqlite3_file* f, int flags) {
      ++reinterpret_cast<File*>(f)->owner->syncs_;
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
  ~CountingVfs() {
    sqlite3_vfs_register(real_, 1);
    sqlite3_vfs_unregister(&vfs_);
  }
  CountingVfs(const CountingVfs&) = delete;
  CountingVfs& operator=(const CountingVfs&) = delete;

  int syncs() const { return syncs_; }

 private:
  struct File {
    sqlite3_file base;
    CountingVfs* owner;
  };
  static sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File));
  }
  static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out) {
    auto* self = static_cast<CountingVfs*>(vfs->pAppData);
    auto* file = reinterpret_cast<File*>(f);
    std::memset(file, 0, sizeof(File));
    file->owner = self;
    const int rc = self->real_->xOpen(self->real_, name, real(f), flags, out);
    // The unix VFS's files have version 3 methods; anything less is not what this test wraps.
    if (rc == SQLITE_OK && real(f)->pMethods && real(f)->pMethods->iVersion >= 3)
      file->base.pMethods = &self->methods_;
    else if (rc == SQLITE_OK)
      return SQLITE_CANTOPEN;
    return rc;
  }

  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  sqlite3_io_methods methods_{};
  int syncs_ = 0;
};

class Durability : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_sqlite_store(dir.file("history.db"));
    feed = store->ensure_feed("wire", "https://wire.example/rss").id;
    policy.sinks = {"hook"};
    policy.topics = {{"strikes", "US strikes", Severity::critical, false}};
  }
  void TearDown() override {
    if (store) {
      EXPECT_TRUE(store->integrity_ok());
    }
  }
  // Stores one item published at `published` and returns its pending revision.
  PendingRevision poll(const std::string& guid, Timestamp published) {
    store->record_poll(
        feed, poll_at(t0),
        {item(guid, "US strikes cartel lab " + guid, "https://x.example/" + guid, "", published)});
    const auto pending = store->pending_classification(100);
    if (pending.empty()) throw std::runtime_error("nothing pending");
    return pending.back();
  }

  CountingVfs vfs;  // before the store: every file it opens is counted
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  std::int64_t feed = 0;
  AlertPolicy policy;
  const Timestamp t0 = at("2025-03-01T12:00:00Z");
  const std::vector<std::string> words = {"cartel", "lab", "strike", "t:strikes"};
};

TEST_F(Durability, APollIsCommittedWithoutAnFsync) {
  const int before = vfs.syncs();
  const auto p = poll("a1", t0);
  EXPECT_EQ(vfs.syncs(), before);
  EXPECT_EQ(p.title, "US strikes cartel lab a1");
}

TEST_F(Durability, ABatchOfPollsBegunForCrashesOnlyIsCommittedWithoutAnFsync) {
  int before = vfs.syncs();
  store->begin_batch(Store::Durability::crash);
  store->record_poll(feed, poll_at(t0), {item("a1", "one", "https://x.example/1")});
  store->record_poll(feed, poll_at(t0), {item("a2", "two", "https://x.example/2")});
  store->end_batch(true);
  EXPECT_EQ(vfs.syncs(), before);
  // A batch as before survives a power cut.
  before = vfs.syncs();
  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a3", "three", "https://x.example/3")});
  store->end_batch(true);
  EXPECT_GT(vfs.syncs(), before);
  EXPECT_EQ(store->pending_classification(10).size(), 3u);
}

TEST_F(Durability, AClassificationIsSyncedWhenItQueuesAnAlert) {
  const auto fresh = poll("a1", t0);
  ASSERT_FALSE(fresh.backlog);
  const auto old = poll("b1", t0 - std::chrono::hours(24 * 30));
  ASSERT_TRUE(old.backlog);
  const auto quiet = poll("c1", t0);
  const auto talk = poll("d1", t0);
  // Backlog never alerts: its match is recorded without an fsync.
  int before = vfs.syncs();
  auto o =
      store->record_classifications({{old, {match("strikes", Stance::action)}, words}}, policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs(), before);
  // No match, or rhetoric: nothing to alert either.
  o = store->record_classifications(
      {{quiet, {}, words}, {talk, {match("strikes", Stance::rhetoric)}, words}}, policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs(), before);
  // A fresh action report queues an alert: on disk when the call returns.
  o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}}, policy,
                                    t0);
  EXPECT_EQ(o.alerts_queued, 1);
  EXPECT_GT(vfs.syncs(), before);
  EXPECT_TRUE(store->pending_classification(10).empty());
}

// With no sink configured an alert is only history: nothing will be sent, so nothing can be sent
// twice, and a power cut that undoes it leaves its revision pending, to be classified again.
TEST_F(Durability, AnAlertWithNoSinkToGoToIsCommittedWithoutAnFsync) {
  policy.sinks.clear();
  const auto fresh = poll("a1", t0);
  const int before = vfs.syncs();
  const auto o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}},
                                               policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs(), before);
  const auto events = store->events(std::string("strikes"), std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].alerted);
  EXPECT_TRUE(store->due_deliveries(t0, 10).empty());
  EXPECT_TRUE(store->pending_classification(10).empty());
}

TEST_F(Durability, AnAlertQueuedInABatchForCrashesOnlyIsSyncedWithIt) {
  const auto fresh = poll("a1", t0);
  const int before = vfs.syncs();
  store->begin_batch(Store::Durability::crash);
  const auto o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}},
                                               policy, t0);
  EXPECT_EQ(o.alerts_queued, 1);
  EXPECT_EQ(vfs.syncs(), before);  // not before the batch commits
  store->end_batch(true);
  EXPECT_GT(vfs.syncs(), before);
  EXPECT_EQ(store->due_deliveries(t0, 10).size(), 1u);
}

TEST_F(Durability, MarkingADeliveryAndWritesAfterAPollAreSynced) {
  const auto fresh = poll("a1", t0);
  store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}}, policy, t0);
  const auto due = store->due_deliveries(t0, 10);
  ASSERT_EQ(due.size(), 1u);
  poll("a2", t0);  // a relaxed commit just before
  int before = vfs.syncs();
  store->mark_delivered(due[0].id, t0, "ok");
  EXPECT_GT(vfs.syncs(), before);
  // A statement outside any transaction after a poll: the connection is back to FULL.
  poll("a3", t0);
  before = vfs.syncs();
  store->ensure_feed("agency", "https://agency.example/feed");
  EXPECT_GT(vfs.syncs(), before);
}

}  // namespace
}  // namespace redline
