// What each kind of commit survives (issue #8): polls and classifications that queue no alert
// for a sink are committed without an fsync (a killed process loses nothing; a power cut may
// undo them, and they are fetched or classified again); whatever puts an alert for a sink in the
// outbox, or marks one sent, is on disk when its commit returns. The fsyncs are counted by a VFS
// that wraps SQLite's own (tests/db/watching_vfs.h).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/db/db_test_support.h"
#include "tests/db/watching_vfs.h"

namespace redline {
namespace {

using testing::at;
using testing::item;
using testing::match;
using testing::poll_at;

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

  testing::WatchingVfs vfs;  // before the store: every file it opens is counted
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  std::int64_t feed = 0;
  AlertPolicy policy;
  const Timestamp t0 = at("2025-03-01T12:00:00Z");
  const std::vector<std::string> words = {"cartel", "lab", "strike", "t:strikes"};
};

TEST_F(Durability, APollIsCommittedWithoutAnFsync) {
  const int before = vfs.syncs;
  const auto p = poll("a1", t0);
  EXPECT_EQ(vfs.syncs, before);
  EXPECT_EQ(p.title, "US strikes cartel lab a1");
}

TEST_F(Durability, ABatchOfPollsBegunForCrashesOnlyIsCommittedWithoutAnFsync) {
  int before = vfs.syncs;
  store->begin_batch(Store::Durability::crash);
  store->record_poll(feed, poll_at(t0), {item("a1", "one", "https://x.example/1")});
  store->record_poll(feed, poll_at(t0), {item("a2", "two", "https://x.example/2")});
  store->end_batch(true);
  EXPECT_EQ(vfs.syncs, before);
  // A batch as before survives a power cut.
  before = vfs.syncs;
  store->begin_batch();
  store->record_poll(feed, poll_at(t0), {item("a3", "three", "https://x.example/3")});
  store->end_batch(true);
  EXPECT_GT(vfs.syncs, before);
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
  int before = vfs.syncs;
  auto o =
      store->record_classifications({{old, {match("strikes", Stance::action)}, words}}, policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs, before);
  // No match, or rhetoric: nothing to alert either.
  o = store->record_classifications(
      {{quiet, {}, words}, {talk, {match("strikes", Stance::rhetoric)}, words}}, policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs, before);
  // A fresh action report queues an alert: on disk when the call returns.
  o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}}, policy,
                                    t0);
  EXPECT_EQ(o.alerts_queued, 1);
  EXPECT_GT(vfs.syncs, before);
  EXPECT_TRUE(store->pending_classification(10).empty());
}

// With no sink configured an alert is only history: nothing will be sent, so nothing can be sent
// twice, and a power cut that undoes it leaves its revision pending, to be classified again.
TEST_F(Durability, AnAlertWithNoSinkToGoToIsCommittedWithoutAnFsync) {
  policy.sinks.clear();
  const auto fresh = poll("a1", t0);
  const int before = vfs.syncs;
  const auto o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}},
                                               policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(vfs.syncs, before);
  const auto events = store->events(std::string("strikes"), std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].alerted);
  EXPECT_TRUE(store->due_deliveries(t0, 10).empty());
  EXPECT_TRUE(store->pending_classification(10).empty());
}

TEST_F(Durability, AnAlertQueuedInABatchForCrashesOnlyIsSyncedWithIt) {
  const auto fresh = poll("a1", t0);
  const int before = vfs.syncs;
  store->begin_batch(Store::Durability::crash);
  const auto o = store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}},
                                               policy, t0);
  EXPECT_EQ(o.alerts_queued, 1);
  EXPECT_EQ(vfs.syncs, before);  // not before the batch commits
  store->end_batch(true);
  EXPECT_GT(vfs.syncs, before);
  EXPECT_EQ(store->due_deliveries(t0, 10).size(), 1u);
}

TEST_F(Durability, MarkingADeliveryAndWritesAfterAPollAreSynced) {
  const auto fresh = poll("a1", t0);
  store->record_classifications({{fresh, {match("strikes", Stance::action)}, words}}, policy, t0);
  const auto due = store->due_deliveries(t0, 10);
  ASSERT_EQ(due.size(), 1u);
  poll("a2", t0);  // a relaxed commit just before
  int before = vfs.syncs;
  store->mark_delivered(due[0].id, t0, "ok");
  EXPECT_GT(vfs.syncs, before);
  // A statement outside any transaction after a poll: the connection is back to FULL.
  poll("a3", t0);
  before = vfs.syncs;
  store->ensure_feed("agency", "https://agency.example/feed");
  EXPECT_GT(vfs.syncs, before);
}

}  // namespace
}  // namespace redline
