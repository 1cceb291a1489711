// The test send behind `redline alerts test`: a payload shaped exactly like a real alert (so a
// receiver's parser is exercised), sent to every configured sink at once, each sink's real reply
// reported back.
#include <nlohmann/json.hpp>

#include "alerts/alerts.h"
#include "alerts/dispatch.h"

namespace redline {

std::string test_alert_payload(Timestamp now) {
  const std::string at = format_rfc3339(now);
  nlohmann::json payload = {
      {"event_id", 0},
      {"kind", "test"},
      {"topic", "test"},
      {"stance", "action"},
      {"severity", "info"},
      {"title", "redline test alert: this sink is configured correctly"},
      {"link", ""},
      {"feed", "redline"},
      {"published", at},
      {"first_seen", at},
      {"evidence", "sent by `redline alerts test`"},
      {"confidence", 1.0},
      {"sources", {{"count", 0}, {"list", nlohmann::json::array()}}},
      {"numbers", nlohmann::json::array()},
      {"entities", nlohmann::json::array()},
      {"facts", nlohmann::json::array()},
      {"watchlist", "test"},
  };
  return payload.dump();
}

namespace {

struct TestRun {
  std::vector<std::pair<std::string, SendOutcome>> results;
  std::size_t pending = 0;
  std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done;

  void finish_one() {
    if (--pending == 0 && done) std::exchange(done, nullptr)(std::move(results));
  }
};

}  // namespace

void send_test_alerts(Transport& transport, const AlertsConfig& config, Timestamp now,
                      std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done) {
  std::vector<std::string> sinks;
  for (const auto& w : config.webhooks) sinks.push_back(w.name);
  for (const auto& e : config.emails) sinks.push_back(e.name);
  auto run = std::make_shared<TestRun>();
  run->done = std::move(done);
  if (sinks.empty()) {
    std::exchange(run->done, nullptr)({});
    return;
  }
  run->results.resize(sinks.size());
  // +1 while starting, so a sink that answers synchronously cannot finish the run early.
  run->pending = sinks.size() + 1;
  const std::string payload = test_alert_payload(now);
  const std::string stamp = std::to_string(now.time_since_epoch().count());
  for (std::size_t i = 0; i < sinks.size(); ++i) {
    run->results[i].first = sinks[i];
    const DeliveryRequest request{"rl-test-" + stamp + "-" + sinks[i], 0, "test", sinks[i], payload};
    dispatch(transport, config, request, now, [run, i](SendOutcome outcome) {
      run->results[i].second = std::move(outcome);
      run->finish_one();
    });
  }
  run->finish_one();
}

}  // namespace redline
