// Alert delivery: the outbox in the store is the queue; the sender takes due deliveries, turns
// each into a signed webhook POST or an SMTP mail, and marks it delivered only when the sink
// acknowledged (HTTP 2xx, SMTP 250). Failures retry with exponential backoff and jitter, kept in
// the store (so across restarts), until the retry period is over; then the delivery is failed and
// logged loudly. All network work runs on the shared CurlMulti.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "db/store.h"
#include "net/curl_multi.h"

namespace redline {

// What one attempt at one sink came to.
struct SendOutcome {
  bool ok = false;
  bool permanent = false;  // no point retrying (HTTP 4xx except 408/429, SMTP 5xx)
  std::string reply;       // the sink's own answer: "HTTP 204", "SMTP 250 OK", or the error
};

struct SenderReport {
  int delivered = 0;
  int retrying = 0;
  int failed = 0;
};

class Sender {
 public:
  Sender(net::CurlMulti& multi, Store& store, const AlertsConfig& config,
         net::TransferLimits limits);
  ~Sender();

  // Sends every delivery that is due now (at most `limit`), then calls done once, from the loop.
  void deliver_due(std::function<void(SenderReport)> done, std::size_t limit = 100);

  // Sends a test alert to every configured sink now and reports each sink's real reply.
  void send_test(std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "sha256=<hex HMAC-SHA256 of body with secret>".
std::string webhook_signature(const std::string& secret, const std::string& body);

}  // namespace redline
