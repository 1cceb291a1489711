// One delivery, one sink: look the sink up in the configuration, turn the payload into that
// sink's request (signed webhook or MIME mail), hand it to the transport. Shared by the outbox
// sender and the test send.
#pragma once

#include <cstdint>
#include <string>

#include "alerts/transport.h"

namespace redline {

struct DeliveryRequest {
  std::string delivery_id;  // stable across retries
  std::int64_t event_id = 0;
  std::string kind;         // "new", "update", "fact", "test"
  std::string sink;         // sink name from the configuration
  std::string payload;      // alert JSON
};

// Calls done exactly once: with the sink's reply, or (possibly before returning) with a
// permanent failure when the sink is not configured or the payload is unusable, or with a
// retryable one when the transfer could not be started.
void dispatch(Transport& transport, const AlertsConfig& config, const DeliveryRequest& request,
              Timestamp now, Transport::Done done);

}  // namespace redline
