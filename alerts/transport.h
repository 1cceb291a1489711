// How a prepared webhook request or mail reaches its sink. The sender sees only this interface:
// the libcurl implementation runs every transfer on the shared CurlMulti, and tests can count
// what the sender asks for without a network.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "alerts/alerts.h"
#include "alerts/webhook.h"

namespace redline {

class Transport {
 public:
  // Called exactly once per send, on the loop's thread, with the sink's real reply.
  using Done = std::function<void(SendOutcome)>;

  virtual ~Transport() = default;

  // POSTs request to sink.url (no redirects followed). The sink is copied; it may go away.
  virtual void post_webhook(const WebhookConfig& sink, WebhookRequest request, Done done) = 0;

  // Sends a complete RFC 5322 message (CRLF line ends) to every address in sink.to.
  virtual void send_mail(const EmailConfig& sink, std::string message, Done done) = 0;
};

// The real transport: libcurl easy handles with net::apply_safety's limits, run on `multi`.
std::unique_ptr<Transport> make_curl_transport(net::CurlMulti& multi, net::TransferLimits limits);

}  // namespace redline
