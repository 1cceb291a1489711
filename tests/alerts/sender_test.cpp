#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "alerts/alerts.h"
#include "fake_outbox.h"
#include "sample_alert.h"

namespace redline {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using testing::FakeOutbox;
using testing::sample_alert;
using testing::ScriptedTransport;

class SenderTest : public ::testing::Test {
 protected:
  SenderTest() {
    WebhookConfig hook;
    hook.name = "ops";
    hook.url = "https://hooks.example.org/redline";
    hook.secret = "k";
    config_.webhooks.push_back(hook);
    EmailConfig mail;
    mail.name = "desk";
    mail.smtp = "smtp://127.0.0.1:2525";
    mail.from = "redline@example.org";
    mail.to = {"analyst@example.org"};
    config_.emails.push_back(mail);
    config_.retry_for = hours{24};
    auto transport = std::make_unique<ScriptedTransport>();
    transport_ = transport.get();
    sender_ = std::make_unique<Sender>(std::move(transport), outbox_, config_, [this] { return now_; });
  }

  // Runs deliver_due and returns the report once every answer was given.
  std::optional<SenderReport> deliver() {
    report_.reset();
    sender_->deliver_due([this](SenderReport r) { report_ = r; });
    return report_;
  }

  Timestamp now_{seconds{1'764'000'000}};
  AlertsConfig config_;
  FakeOutbox outbox_;
  ScriptedTransport* transport_ = nullptr;
  std::unique_ptr<Sender> sender_;
  std::optional<SenderReport> report_;
};

TEST_F(SenderTest, MarksDeliveredOnlyAfterTheAcknowledgement) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  deliver();
  ASSERT_EQ(transport_->sent.size(), 1u);
  EXPECT_EQ(outbox_.row(id).status, "pending");
  EXPECT_FALSE(report_);
  transport_->reply(SendOutcome{true, false, "HTTP 204"});
  EXPECT_EQ(outbox_.row(id).status, "delivered");
  ASSERT_TRUE(report_);
  EXPECT_EQ(report_->delivered, 1);
}

TEST_F(SenderTest, RetryKeepsTheDeliveryIdAndBacksOff) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  deliver();
  transport_->reply(SendOutcome{false, false, "HTTP 500"});
  EXPECT_EQ(report_->retrying, 1);
  const auto& row = outbox_.row(id);
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "HTTP 500");
  EXPECT_GE(*row.next_attempt, now_ + seconds{24});
  EXPECT_LE(*row.next_attempt, now_ + seconds{36});

  deliver();  // not due yet
  EXPECT_EQ(transport_->sent.size(), 1u);
  EXPECT_EQ(report_->delivered + report_->retrying + report_->failed, 0);

  now_ += seconds{40};
  deliver();
  ASSERT_EQ(transport_->sent.size(), 2u);
  transport_->reply(SendOutcome{true, false, "HTTP 200"});
  EXPECT_EQ(outbox_.row(id).status, "delivered");
  const auto first = nlohmann::json::parse(transport_->sent[0].webhook.body);
  const auto second = nlohmann::json::parse(transport_->sent[1].webhook.body);
  EXPECT_EQ(first["id"], "rl-7-ops");
  EXPECT_EQ(second["id"], first["id"]);
}

TEST_F(SenderTest, PermanentFailureIsFailedAtOnce) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  deliver();
  transport_->reply(SendOutcome{false, true, "HTTP 404 Not Found"});
  EXPECT_EQ(outbox_.row(id).status, "failed");
  EXPECT_NE(outbox_.row(id).last_error.find("HTTP 404"), std::string::npos);
  EXPECT_EQ(report_->failed, 1);
}

TEST_F(SenderTest, GivesUpWhenTheRetryPeriodIsOver) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_ - hours{25}, 7);
  deliver();
  transport_->reply(SendOutcome{false, false, "network error: connection refused"});
  EXPECT_EQ(outbox_.row(id).status, "failed");
  EXPECT_NE(outbox_.row(id).last_error.find("gave up"), std::string::npos);
}

TEST_F(SenderTest, ASinkThatIsNoLongerConfiguredFailsTheDelivery) {
  const auto id = outbox_.add("removed", "new", sample_alert().dump(), now_, 7);
  ASSERT_TRUE(deliver());
  EXPECT_TRUE(transport_->sent.empty());
  EXPECT_EQ(outbox_.row(id).status, "failed");
  EXPECT_EQ(outbox_.row(id).last_error, "permanent failure: sink removed no longer configured");
}

TEST_F(SenderTest, ASinkRemovedByAReloadFailsItsPendingDeliveries) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  AlertsConfig reloaded = config_;
  reloaded.webhooks.clear();
  sender_->set_config(reloaded);
  deliver();
  EXPECT_TRUE(transport_->sent.empty());
  EXPECT_EQ(outbox_.row(id).status, "failed");
  EXPECT_NE(outbox_.row(id).last_error.find("sink ops no longer configured"), std::string::npos);
}

TEST_F(SenderTest, NothingDueReportsAtOnce) {
  const auto report = deliver();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->delivered + report->retrying + report->failed, 0);
}

TEST_F(SenderTest, MailSinksGetAMimeMessage) {
  outbox_.add("desk", "update", sample_alert("update").dump(), now_, 9);
  deliver();
  ASSERT_EQ(transport_->sent.size(), 1u);
  const std::string& mail = transport_->sent[0].mail;
  EXPECT_NE(mail.find("Message-ID: <rl-9-desk@redline>\r\n"), std::string::npos) << mail;
  EXPECT_NE(mail.find("In-Reply-To: <rl-event-42-desk@redline>\r\n"), std::string::npos);
}

TEST_F(SenderTest, AtMostEightInFlightAndAllFinish) {
  for (int i = 0; i < 20; ++i) outbox_.add("ops", "new", sample_alert().dump(), now_, 100 + i);
  deliver();
  EXPECT_EQ(transport_->pending, 8);
  for (int i = 0; i < 20; ++i) {
    EXPECT_LE(transport_->pending, 8);
    transport_->reply(SendOutcome{true, false, "HTTP 204"});
  }
  ASSERT_TRUE(report_);
  EXPECT_EQ(report_->delivered, 20);
  EXPECT_EQ(outbox_.deliveries(std::string("delivered"), 100).size(), 20u);
}

TEST_F(SenderTest, DeliveriesInFlightAreNotSentTwice) {
  outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  sender_->deliver_due([](SenderReport) {});
  sender_->deliver_due([](SenderReport) {});
  EXPECT_EQ(transport_->sent.size(), 1u);
  transport_->reply(SendOutcome{true, false, "HTTP 204"});
  EXPECT_EQ(outbox_.mark_delivered_calls, 1);
}

TEST_F(SenderTest, DestroyedSenderIgnoresLateReplies) {
  const auto id = outbox_.add("ops", "new", sample_alert().dump(), now_, 7);
  deliver();
  auto late = std::move(transport_->sent[0].done);
  sender_.reset();  // also destroys the transport
  late(SendOutcome{true, false, "HTTP 204"});
  EXPECT_EQ(outbox_.row(id).status, "pending");
}

TEST_F(SenderTest, TestSendReportsEverySinksRealReply) {
  std::vector<std::pair<std::string, SendOutcome>> results;
  bool called = false;
  sender_->send_test([&](auto r) {
    results = std::move(r);
    called = true;
  });
  ASSERT_EQ(transport_->sent.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(transport_->sent[0].webhook.body)["kind"], "test");
  transport_->reply(SendOutcome{false, true, "HTTP 404 Not Found"});
  EXPECT_FALSE(called);
  transport_->reply(SendOutcome{true, false, "SMTP 250"});
  ASSERT_TRUE(called);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].first, "ops");
  EXPECT_FALSE(results[0].second.ok);
  EXPECT_EQ(results[0].second.reply, "HTTP 404 Not Found");
  EXPECT_EQ(results[1].first, "desk");
  EXPECT_TRUE(results[1].second.ok);
  EXPECT_TRUE(outbox_.deliveries(std::nullopt, 10).empty());
}

}  // namespace
}  // namespace redline
