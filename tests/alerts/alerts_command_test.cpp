// `redline alerts test` and `redline alerts list`, run as the real binary against loopback sinks
// and a real history database.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "db/store.h"
#include "loopback.h"

namespace redline {
namespace {

using testing::LoopbackServer;

class AlertsCommand : public ::testing::Test {
 protected:
  std::string config_with(const std::string& sinks) {
    return dir_.write("redline.toml", "[storage]\ndatabase = \"" + dir_.file("redline.db") + "\"\n\n" + sinks);
  }
  static std::string webhook(const std::string& name, int port) {
    return "[[alerts.webhook]]\nname = \"" + name + "\"\nurl = \"http://127.0.0.1:" + std::to_string(port) +
           "/hook\"\nsecret = \"k\"\nallow_private = true\n\n";
  }
  static std::string email(const std::string& name, int port) {
    return "[[alerts.email]]\nname = \"" + name + "\"\nsmtp = \"smtp://127.0.0.1:" + std::to_string(port) +
           "\"\nfrom = \"redline@example.org\"\nto = [\"desk@example.org\"]\nallow_private = true\n\n";
  }
  test::TempDir dir_;
};

TEST_F(AlertsCommand, TestPrintsEverySinksRealReplyAndFailsOnA404) {
  LoopbackServer good("webhook_receiver.py", dir_.file("good.jsonl"), {});
  LoopbackServer missing("webhook_receiver.py", dir_.file("missing.jsonl"), {"--status", "404"});
  LoopbackServer mail("smtp_sink.py", dir_.file("mail.jsonl"), {});
  const auto config = config_with(webhook("good", good.port) + webhook("missing", missing.port) +
                                  email("desk", mail.port));
  const auto result = test::run_redline({"alerts", "test", "--config", config});
  EXPECT_EQ(result.exit_code, 69) << result.err;
  EXPECT_NE(result.out.find("good: ok (HTTP 204)\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("missing: FAILED (HTTP 404"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("desk: ok (SMTP 250)\n"), std::string::npos) << result.out;
  EXPECT_EQ(good.records().size(), 1u);
  EXPECT_EQ(mail.records().size(), 1u);
}

TEST_F(AlertsCommand, TestExitsZeroWhenEverySinkAcknowledges) {
  LoopbackServer good("webhook_receiver.py", dir_.file("good.jsonl"), {"--status", "200"});
  const auto result = test::run_redline({"alerts", "test", "--config", config_with(webhook("good", good.port))});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "good: ok (HTTP 200 status 200)\n");
}

TEST_F(AlertsCommand, TestWithoutSinksIsUnavailable) {
  const auto result = test::run_redline({"alerts", "test", "--config", config_with("")});
  EXPECT_EQ(result.exit_code, 69);
  EXPECT_NE(result.err.find("no alert sinks configured"), std::string::npos) << result.err;
}

TEST_F(AlertsCommand, ListShowsTheOutboxAsTableAndJson) {
  const std::string db = dir_.file("redline.db");
  {
    auto store = open_sqlite_store(db);
    const Timestamp now{std::chrono::seconds{1'764'000'000}};
    const auto first = store->enqueue_test_alert("ops", R"({"kind":"test","title":"t"})", now);
    store->enqueue_test_alert("desk", R"({"kind":"test","title":"t"})", now);
    store->mark_failed(first, now, "permanent failure: HTTP 404");
  }
  const auto table = test::run_redline({"alerts", "list", "--db", db});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("DELIVERY"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("permanent failure: HTTP 404"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("pending"), std::string::npos);

  const auto json = test::run_redline({"alerts", "list", "--db", db, "--format", "json", "--status", "failed"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto rows = nlohmann::json::parse(json.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["sink"], "ops");
  EXPECT_EQ(rows[0]["status"], "failed");
  EXPECT_EQ(rows[0]["kind"], "test");
  EXPECT_EQ(rows[0]["attempts"], 1);
  EXPECT_EQ(rows[0]["last_error"], "permanent failure: HTTP 404");
  EXPECT_EQ(rows[0]["created_at"], "2025-11-24T16:00:00Z");
  EXPECT_FALSE(std::string(rows[0]["delivery_id"]).empty());
}

TEST_F(AlertsCommand, ListOfAMissingDatabaseDoesNotCreateOne) {
  const auto result = test::run_redline({"alerts", "list", "--db", dir_.file("nope.db")});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("nope.db")));
}

}  // namespace
}  // namespace redline
