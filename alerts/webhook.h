// Webhook deliveries as data: the JSON body (the stored alert plus its delivery id, or a chat
// message for Slack and Discord), the signed headers, and what an HTTP status means for the
// outbox. The transfer itself lives in transport.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "alerts/alerts.h"
#include "util/result.h"

namespace redline {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct WebhookRequest {
  std::string body;
  HeaderList headers;
};

// The body for `format` ("json", "slack", "discord") of the stored payload. "json" is the payload
// object with "id" set to the delivery id; the chat formats carry alert_paragraph(). Error when
// the payload is not a JSON object.
Result<std::string> webhook_body(const std::string& payload, const std::string& delivery_id,
                                 const std::string& format);

// Content-Type, X-Redline-Signature, X-Redline-Delivery, X-Redline-Timestamp and the Standard
// Webhooks webhook-id / webhook-timestamp / webhook-signature for a body sent at `unix_time`.
HeaderList webhook_headers(const std::string& secret, const std::string& delivery_id,
                           std::int64_t unix_time, const std::string& body);

// Body and headers together.
Result<WebhookRequest> build_webhook_request(const WebhookConfig& sink, const std::string& payload,
                                             const std::string& delivery_id, std::int64_t unix_time);

// 2xx delivered; 408, 425, 429 and 5xx retry; any other status (4xx, and 3xx since redirects of
// a POST are not followed) is permanent. reply is "HTTP <code>" plus `detail` when given.
SendOutcome classify_http_status(long status, const std::string& detail = "");

}  // namespace redline
