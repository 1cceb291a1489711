#include "alerts/webhook.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "alerts/signature.h"
#include "sample_alert.h"

namespace redline {
namespace {

using testing::sample_alert;

std::string header(const HeaderList& headers, const std::string& name) {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return "<missing>";
}

TEST(WebhookBody, IsThePayloadWithTheDeliveryId) {
  const auto body = webhook_body(sample_alert().dump(), "rl-7-ops", "json");
  ASSERT_TRUE(body) << body.error().message;
  const auto json = nlohmann::json::parse(*body);
  EXPECT_EQ(json["id"], "rl-7-ops");
  for (const char* key : {"event_id", "kind", "topic", "stance", "severity", "title", "link", "feed",
                          "published", "first_seen", "evidence", "sources", "numbers", "watchlist"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["sources"]["count"], 2);
  EXPECT_EQ(json["title"], sample_alert()["title"]);
}

TEST(WebhookBody, RejectsAPayloadThatIsNotAnObject) {
  EXPECT_FALSE(webhook_body("[1,2]", "rl-1-a", "json"));
  EXPECT_FALSE(webhook_body("{not json", "rl-1-a", "json"));
}

TEST(WebhookBody, DropsAJavascriptLink) {
  auto alert = sample_alert();
  alert["link"] = "javascript:alert(document.cookie)";
  for (const char* format : {"json", "slack", "discord"}) {
    const auto body = webhook_body(alert.dump(), "rl-1-a", format);
    ASSERT_TRUE(body);
    EXPECT_EQ(body->find("javascript"), std::string::npos) << format << ": " << *body;
  }
}

TEST(WebhookBody, SlackGetsOneReadableParagraph) {
  const auto body = webhook_body(sample_alert().dump(), "rl-1-a", "slack");
  ASSERT_TRUE(body);
  const auto json = nlohmann::json::parse(*body);
  ASSERT_EQ(json.size(), 1u);
  const std::string text = json["text"];
  EXPECT_NE(text.find("CRITICAL strikes: US drones strike cartel lab"), std::string::npos) << text;
  EXPECT_NE(text.find("https://news.example.org/world/drone-strike-lab"), std::string::npos);
  EXPECT_NE(text.find("Sources (2): Example Wire, Border Daily"), std::string::npos) << text;
  EXPECT_NE(text.find("drones struck a methamphetamine lab"), std::string::npos);
}

TEST(WebhookBody, SlackMarkupInTitlesIsEscaped) {
  auto alert = sample_alert();
  alert["title"] = "Raid <!channel> & <https://evil.example|click>";
  const auto json = nlohmann::json::parse(*webhook_body(alert.dump(), "rl-1-a", "slack"));
  const std::string text = json["text"];
  EXPECT_EQ(text.find("<!channel>"), std::string::npos) << text;
  EXPECT_NE(text.find("&lt;!channel&gt; &amp;"), std::string::npos) << text;
}

TEST(WebhookBody, DiscordGetsContentAndNoMentions) {
  auto alert = sample_alert();
  alert["title"] = std::string(5000, 'x') + " @everyone";
  const auto json = nlohmann::json::parse(*webhook_body(alert.dump(), "rl-1-a", "discord"));
  EXPECT_LE(std::string(json["content"]).size(), 2000u);
  EXPECT_TRUE(json["allowed_mentions"]["parse"].empty());
}

TEST(WebhookHeaders, CarrySignaturesDeliveryIdAndTimestamp) {
  const std::string body = R"({"id":"rl-9-ops"})";
  const auto headers = webhook_headers("k", "rl-9-ops", 1764057600, body);
  EXPECT_EQ(header(headers, "Content-Type"), "application/json");
  EXPECT_EQ(header(headers, "X-Redline-Signature"), webhook_signature("k", body));
  EXPECT_EQ(header(headers, "X-Redline-Delivery"), "rl-9-ops");
  EXPECT_EQ(header(headers, "X-Redline-Timestamp"), "1764057600");
  EXPECT_EQ(header(headers, "webhook-id"), "rl-9-ops");
  EXPECT_EQ(header(headers, "webhook-timestamp"), "1764057600");
  EXPECT_EQ(header(headers, "webhook-signature"),
            standard_webhooks_signature("k", "rl-9-ops", 1764057600, body));
}

TEST(WebhookHeaders, ADeliveryIdWithNewlinesCannotAddAHeader) {
  WebhookConfig sink;
  sink.secret = "k";
  const auto request = build_webhook_request(sink, sample_alert().dump(), "rl-1-a\r\nX-Evil: 1", 5);
  ASSERT_TRUE(request);
  for (const auto& [name, value] : request->headers) {
    EXPECT_EQ(value.find_first_of("\r\n"), std::string::npos) << name;
  }
}

TEST(HttpStatus, TwoHundredsAreDelivered) {
  EXPECT_TRUE(classify_http_status(200).ok);
  EXPECT_TRUE(classify_http_status(204).ok);
  EXPECT_EQ(classify_http_status(204).reply, "HTTP 204");
}

TEST(HttpStatus, ServerErrorsTimeoutsAndRateLimitsRetry) {
  for (long code : {408L, 425L, 429L, 500L, 502L, 503L}) {
    const auto o = classify_http_status(code);
    EXPECT_FALSE(o.ok) << code;
    EXPECT_FALSE(o.permanent) << code;
  }
}

TEST(HttpStatus, OtherClientErrorsAndRedirectsArePermanent) {
  for (long code : {301L, 400L, 401L, 403L, 404L, 410L, 422L}) {
    const auto o = classify_http_status(code, "Not Found");
    EXPECT_FALSE(o.ok) << code;
    EXPECT_TRUE(o.permanent) << code;
  }
  EXPECT_EQ(classify_http_status(404, "Not Found").reply, "HTTP 404 Not Found");
}

}  // namespace
}  // namespace redline
