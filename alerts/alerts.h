// Alert delivery: the outbox in the store is the queue; the sender takes due deliveries, turns
// each into a signed webhook POST or an SMTP mail, and marks it delivered only when the sink
// acknowledged (HTTP 2xx, SMTP 250). Failures retry with exponential backoff and jitter, kept in
// the store (so across restarts), until the retry period is over; then the delivery is failed and
// logged loudly. All network work runs on the shared CurlMulti.
//
// Delivery contract: at least once, with a stable id. A delivery is marked delivered only after
// the sink acknowledged it; a crash (or a failed database write) between the acknowledgement and
// the mark means the same delivery is sent again later with the SAME delivery id ("rl-ALERTID-
// SINK": X-Redline-Delivery and webhook-id for webhooks; a stable Message-ID for mail, see
// alerts/email.h), so receivers
// dedupe on it. A delivery whose sink is no longer configured is failed, never silently dropped.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
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

class Transport;  // alerts/transport.h

struct SenderReport {
  int delivered = 0;
  int retrying = 0;
  int failed = 0;
};

class Sender {
 public:
  // The sender keeps a copy of `config`; `multi` and `store` must outlive it.
  Sender(net::CurlMulti& multi, Store& store, const AlertsConfig& config,
         net::TransferLimits limits);
  // Same with another transport (tests); `clock` gives "now" for every store write.
  Sender(std::unique_ptr<Transport> transport, Store& store, const AlertsConfig& config,
         std::function<Timestamp()> clock = now_utc);
  ~Sender();
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  // Sends every delivery that is due now (at most `limit`), at most kMaxInFlight at a time, then
  // calls done once, on the loop's thread (before deliver_due returns when nothing is due).
  // Deliveries still in flight from an earlier call are not sent twice. Store errors are logged;
  // the delivery then stays due and is resent with the same id.
  void deliver_due(std::function<void(SenderReport)> done, std::size_t limit = 100);

  // Sends a test alert to every configured sink now and reports each sink's real reply (a 404 is
  // a failure). Test sends are not written to the outbox.
  void send_test(std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done);

  // A reloaded configuration: later sends use it (transfers in flight finish with the old one).
  // Deliveries for sinks it no longer has are failed when they are next due.
  void set_config(const AlertsConfig& config);

  static constexpr std::size_t kMaxInFlight = 8;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sends a test alert to every sink in `config` (no store needed); done as for send_test.
void send_test_alerts(Transport& transport, const AlertsConfig& config, Timestamp now,
                      std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done);

// The payload of a test alert (kind "test", every field a real alert has).
std::string test_alert_payload(Timestamp now);

// "sha256=<hex HMAC-SHA256 of body with secret>".
std::string webhook_signature(const std::string& secret, const std::string& body);

}  // namespace redline
