// The outbox as the sender sees it: due deliveries, retries, final states, survival.
#include <gtest/gtest.h>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using namespace std::chrono_literals;
using testing::at;

class Outbox : public testing::StoreTest {};

TEST_F(Outbox, ATestAlertIsOnePendingDeliveryDueNow) {
  const auto id = store->enqueue_test_alert("hook", R"({"kind":"test"})", t0);
  const auto due = store->due_deliveries(t0, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, id);
  EXPECT_EQ(due[0].kind, "test");
  EXPECT_EQ(due[0].sink, "hook");
  EXPECT_EQ(due[0].status, "pending");
  EXPECT_EQ(due[0].payload, R"({"kind":"test"})");
  EXPECT_EQ(due[0].attempts, 0);
  EXPECT_EQ(due[0].created_at, t0);
  EXPECT_EQ(due[0].next_attempt, t0);
  EXPECT_EQ(due[0].event_id, 0);
  EXPECT_EQ(due[0].delivery_id, "rl-" + std::to_string(due[0].alert_id) + "-hook");
  EXPECT_EQ(store->next_delivery_due(), t0);
}

TEST_F(Outbox, NothingIsDueBeforeItsTime) {
  store->enqueue_test_alert("hook", "{}", t0);
  EXPECT_TRUE(store->due_deliveries(t0 - 1s, 10).empty());
}

TEST_F(Outbox, DueDeliveriesComeOldestFirstUpToTheLimit) {
  const auto a = store->enqueue_test_alert("hook", "{}", t0 + 2s);
  const auto b = store->enqueue_test_alert("hook", "{}", t0);
  const auto c = store->enqueue_test_alert("mail", "{}", t0 + 1s);
  const auto due = store->due_deliveries(t0 + 1min, 2);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, b);
  EXPECT_EQ(due[1].id, c);
  EXPECT_EQ(store->due_deliveries(t0 + 1min, 10).back().id, a);
}

TEST_F(Outbox, ARetryWaitsAndCountsTheAttempt) {
  const auto id = store->enqueue_test_alert("hook", "{}", t0);
  store->mark_retry(id, t0, "HTTP 503", t0 + 30s);
  EXPECT_TRUE(store->due_deliveries(t0 + 29s, 10).empty());
  EXPECT_EQ(store->next_delivery_due(), t0 + 30s);
  const auto due = store->due_deliveries(t0 + 30s, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_error, "HTTP 503");
  EXPECT_EQ(due[0].delivery_id, "rl-" + std::to_string(due[0].alert_id) + "-hook");
}

TEST_F(Outbox, ADeliveredAlertIsNeverDueAgain) {
  const auto id = store->enqueue_test_alert("hook", "{}", t0);
  store->mark_retry(id, t0, "timeout", t0 + 1s);
  store->mark_delivered(id, t0 + 2s, "HTTP 204");
  EXPECT_TRUE(store->due_deliveries(t0 + 1h, 10).empty());
  EXPECT_FALSE(store->next_delivery_due());
  const auto all = store->deliveries("delivered", 10);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].attempts, 2);
  EXPECT_EQ(all[0].delivered_at, t0 + 2s);
  EXPECT_FALSE(all[0].next_attempt);
  // A late duplicate acknowledgement or failure does not move it back.
  store->mark_failed(id, t0 + 3s, "late");
  EXPECT_EQ(store->deliveries("delivered", 10).size(), 1u);
  EXPECT_TRUE(store->deliveries("failed", 10).empty());
}

TEST_F(Outbox, AFailedDeliveryKeepsItsReason) {
  const auto id = store->enqueue_test_alert("mail", "{}", t0);
  store->mark_failed(id, t0 + 1s, "SMTP 550 no such user");
  EXPECT_TRUE(store->due_deliveries(t0 + 1h, 10).empty());
  const auto failed = store->deliveries("failed", 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].last_error, "SMTP 550 no such user");
  EXPECT_EQ(failed[0].attempts, 1);
  EXPECT_FALSE(failed[0].delivered_at);
}

TEST_F(Outbox, DeliveriesCanBeListedByStatusNewestFirst) {
  const auto a = store->enqueue_test_alert("hook", "{}", t0);
  const auto b = store->enqueue_test_alert("hook", "{}", t0);
  const auto c = store->enqueue_test_alert("hook", "{}", t0);
  store->mark_delivered(a, t0, "HTTP 200");
  store->mark_failed(b, t0, "HTTP 404");
  EXPECT_EQ(store->deliveries(std::nullopt, 10).size(), 3u);
  EXPECT_EQ(store->deliveries(std::nullopt, 10).front().id, c);
  EXPECT_EQ(store->deliveries(std::nullopt, 2).size(), 2u);
  EXPECT_EQ(store->deliveries("pending", 10).at(0).id, c);
  EXPECT_EQ(store->deliveries("failed", 10).at(0).id, b);
}

TEST_F(Outbox, PendingDeliveriesSurviveARestart) {
  const auto path = dir.file("history.db");
  const auto id = store->enqueue_test_alert("hook", R"({"n":1})", t0);
  store->mark_retry(id, t0, "refused", t0 + 1min);
  store.reset();
  auto reopened = open_sqlite_store(path);
  const auto due = reopened->due_deliveries(t0 + 1min, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].payload, R"({"n":1})");
  EXPECT_EQ(due[0].attempts, 1);
}

}  // namespace
}  // namespace redline
