// The sender against a real webhook receiver on 127.0.0.1 (tests/support/webhook_receiver.py).
#include <gtest/gtest.h>

#include "alerts/signature.h"
#include "independent_hmac.h"
#include "loopback.h"
#include "sample_alert.h"

namespace redline {
namespace {

using std::chrono::seconds;
using testing::LoopbackSender;
using testing::LoopbackServer;
using testing::sample_alert;

constexpr const char* kSecret = "correct horse battery staple";

AlertsConfig webhook_config(int port, const std::string& format = "json") {
  AlertsConfig config;
  WebhookConfig hook;
  hook.name = "ops";
  hook.url = "http://127.0.0.1:" + std::to_string(port) + "/hooks/redline";
  hook.secret = kSecret;
  hook.format = format;
  hook.allow_private = true;
  config.webhooks.push_back(hook);
  return config;
}

class WebhookDelivery : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string log_ = dir_.file("requests.jsonl");
};

TEST_F(WebhookDelivery, ReceiverGetsTheSignedBodyAndHeaders) {
  LoopbackServer receiver("webhook_receiver.py", log_, {});
  LoopbackSender s(webhook_config(receiver.port));
  const auto id = s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().delivered, 1);
  EXPECT_EQ(s.outbox.row(id).status, "delivered");
  EXPECT_EQ(s.outbox.row(id).last_error, "HTTP 204");

  const auto requests = receiver.records();
  ASSERT_EQ(requests.size(), 1u);
  const auto& headers = requests[0]["headers"];
  const std::string body = requests[0]["body"];
  const auto json = nlohmann::json::parse(body);
  EXPECT_EQ(requests[0]["path"], "/hooks/redline");
  EXPECT_EQ(json["id"], "rl-7-ops");
  EXPECT_EQ(json["title"], sample_alert()["title"]);
  EXPECT_EQ(headers["content-type"], "application/json");
  EXPECT_EQ(headers["x-redline-delivery"], "rl-7-ops");
  EXPECT_EQ(headers["x-redline-signature"], "sha256=" + to_hex(testing::evp_mac_sha256(kSecret, body)));
  const std::string timestamp = headers["x-redline-timestamp"];
  EXPECT_EQ(timestamp, std::to_string(s.now.time_since_epoch().count()));
  EXPECT_EQ(headers["webhook-id"], "rl-7-ops");
  EXPECT_EQ(headers["webhook-timestamp"], timestamp);
  EXPECT_EQ(headers["webhook-signature"],
            "v1," + base64_encode(testing::evp_mac_sha256(kSecret, "rl-7-ops." + timestamp + "." + body)));
}

TEST_F(WebhookDelivery, SignatureVerifiesWithPythonsHmac) {
  LoopbackServer receiver("webhook_receiver.py", log_, {});
  LoopbackSender s(webhook_config(receiver.port));
  s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  s.deliver();
  const auto requests = receiver.records();
  ASSERT_EQ(requests.size(), 1u);
  test::RunOptions options;
  options.stdin_data = requests[0].dump();
  const auto check = test::run_command(
      {"/usr/bin/python3", "-c",
       "import sys, json, hmac, hashlib, base64\n"
       "r = json.load(sys.stdin); h = r['headers']; body = r['body'].encode()\n"
       "key = sys.argv[1].encode()\n"
       "ok1 = hmac.compare_digest(h['x-redline-signature'], 'sha256=' + hmac.new(key, body, hashlib.sha256).hexdigest())\n"
       "signed = (h['webhook-id'] + '.' + h['webhook-timestamp'] + '.').encode() + body\n"
       "ok2 = h['webhook-signature'] == 'v1,' + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()\n"
       "print('verified' if ok1 and ok2 else 'MISMATCH')\n",
       kSecret},
      options);
  EXPECT_EQ(check.out, "verified\n") << check.err;
}

TEST_F(WebhookDelivery, ReceiverDownThenUpGetsItExactlyOnceWithTheSameId) {
  LoopbackServer receiver("webhook_receiver.py", log_, {"--fail-first", "1", "--fail-status", "500"});
  LoopbackSender s(webhook_config(receiver.port));
  const auto id = s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().retrying, 1);
  EXPECT_EQ(s.outbox.row(id).status, "pending");
  EXPECT_NE(s.outbox.row(id).last_error.find("HTTP 500"), std::string::npos);

  s.now += seconds{45};  // past the first backoff (30 s ± 20 %)
  EXPECT_EQ(s.deliver().delivered, 1);
  s.now += seconds{3600};
  const auto last = s.deliver();
  EXPECT_EQ(last.delivered + last.retrying + last.failed, 0);

  const auto requests = receiver.records();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["headers"]["x-redline-delivery"], "rl-7-ops");
  EXPECT_EQ(requests[1]["headers"]["x-redline-delivery"], "rl-7-ops");
  EXPECT_EQ(requests[0]["headers"]["webhook-id"], requests[1]["headers"]["webhook-id"]);
  EXPECT_EQ(nlohmann::json::parse(std::string(requests[1]["body"]))["id"], "rl-7-ops");
  EXPECT_EQ(s.outbox.row(id).status, "delivered");
  EXPECT_EQ(s.outbox.mark_delivered_calls, 1);
}

TEST_F(WebhookDelivery, NotFoundIsAPermanentFailure) {
  LoopbackServer receiver("webhook_receiver.py", log_, {"--status", "404"});
  LoopbackSender s(webhook_config(receiver.port));
  const auto id = s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().failed, 1);
  EXPECT_EQ(s.outbox.row(id).status, "failed");
  EXPECT_NE(s.outbox.row(id).last_error.find("HTTP 404"), std::string::npos) << s.outbox.row(id).last_error;
  s.now += seconds{3600};
  s.deliver();
  EXPECT_EQ(receiver.records().size(), 1u);
}

TEST_F(WebhookDelivery, RateLimitRetries) {
  LoopbackServer receiver("webhook_receiver.py", log_, {"--status", "429"});
  LoopbackSender s(webhook_config(receiver.port));
  const auto id = s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().retrying, 1);
  EXPECT_EQ(s.outbox.row(id).status, "pending");
}

TEST_F(WebhookDelivery, NothingListeningIsANetworkErrorThatRetries) {
  int port = 0;
  {
    LoopbackServer gone("webhook_receiver.py", log_, {});
    port = gone.port;
  }
  LoopbackSender s(webhook_config(port));
  const auto id = s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().retrying, 1);
  EXPECT_NE(s.outbox.row(id).last_error.find("network error"), std::string::npos) << s.outbox.row(id).last_error;
}

TEST_F(WebhookDelivery, TestSendReportsTheReceiversRealCode) {
  LoopbackServer receiver("webhook_receiver.py", log_, {"--status", "404"});
  LoopbackSender s(webhook_config(receiver.port));
  const auto results = s.send_test();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].first, "ops");
  EXPECT_FALSE(results[0].second.ok);
  EXPECT_EQ(results[0].second.reply.rfind("HTTP 404", 0), 0u) << results[0].second.reply;
  const auto requests = receiver.records();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(std::string(requests[0]["body"]))["kind"], "test");
}

TEST_F(WebhookDelivery, SlackFormatPostsText) {
  LoopbackServer receiver("webhook_receiver.py", log_, {"--status", "200"});
  LoopbackSender s(webhook_config(receiver.port, "slack"));
  s.outbox.add("ops", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().delivered, 1);
  const auto requests = receiver.records();
  ASSERT_EQ(requests.size(), 1u);
  const auto json = nlohmann::json::parse(std::string(requests[0]["body"]));
  EXPECT_NE(std::string(json["text"]).find("CRITICAL strikes: US drones strike"), std::string::npos);
}

}  // namespace
}  // namespace redline
