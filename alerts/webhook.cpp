#include "alerts/webhook.h"

#include <nlohmann/json.hpp>

#include "alerts/signature.h"
#include "alerts/text.h"

namespace redline {

namespace {

// Slack's mrkdwn treats &, < and > as markup; these three escapes are the ones it documents.
std::string slack_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

Result<std::string> webhook_body(const std::string& payload, const std::string& delivery_id,
                                 const std::string& format) {
  auto alert = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!alert.is_object()) return make_error("alert payload is not a JSON object");
  // The chat formats render text, so invalid UTF-8 is replaced rather than failing the dump.
  constexpr auto replace = nlohmann::json::error_handler_t::replace;
  if (format == "slack") {
    return nlohmann::json{{"text", slack_escape(truncate_utf8(alert_paragraph(alert), 3000))}}
        .dump(-1, ' ', false, replace);
  }
  if (format == "discord") {
    // Discord caps content at 2000 characters; no @everyone or role pings from feed text.
    return nlohmann::json{{"content", truncate_utf8(alert_paragraph(alert), 1900)},
                          {"allowed_mentions", {{"parse", nlohmann::json::array()}}}}
        .dump(-1, ' ', false, replace);
  }
  alert["id"] = delivery_id;
  if (alert.contains("link") && alert["link"].is_string()) {
    alert["link"] = safe_link(alert["link"].get<std::string>());
  }
  return alert.dump(-1, ' ', false, replace);
}

HeaderList webhook_headers(const std::string& secret, const std::string& delivery_id,
                           std::int64_t unix_time, const std::string& body) {
  const std::string timestamp = std::to_string(unix_time);
  return {
      {"Content-Type", "application/json"},
      {"X-Redline-Signature", webhook_signature(secret, body)},
      {"X-Redline-Delivery", delivery_id},
      {"X-Redline-Timestamp", timestamp},
      {"webhook-id", delivery_id},
      {"webhook-timestamp", timestamp},
      {"webhook-signature", standard_webhooks_signature(secret, delivery_id, unix_time, body)},
  };
}

Result<WebhookRequest> build_webhook_request(const WebhookConfig& sink, const std::string& payload,
                                             const std::string& delivery_id, std::int64_t unix_time) {
  auto body = webhook_body(payload, delivery_id, sink.format);
  if (!body) return body.error();
  // The delivery id goes into headers: keep it to a header-safe alphabet.
  WebhookRequest request;
  request.headers = webhook_headers(sink.secret, clean_text(delivery_id), unix_time, *body);
  request.body = std::move(*body);
  return request;
}

SendOutcome classify_http_status(long status, const std::string& detail) {
  SendOutcome outcome;
  outcome.reply = "HTTP " + std::to_string(status);
  if (!detail.empty()) outcome.reply += " " + detail;
  if (status >= 200 && status < 300) {
    outcome.ok = true;
  } else if (status == 408 || status == 425 || status == 429 || status >= 500 || status < 100) {
    outcome.permanent = false;
  } else {
    outcome.permanent = true;
  }
  return outcome;
}

}  // namespace redline
