// The loopback side of the alerts tests: a real webhook receiver or SMTP server started from
// tests/support, the real CurlMulti on an io_context, and the sender wired to them with a clock
// the test moves (so a retry 30 s later happens at once).
#pragma once

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "alerts/alerts.h"
#include "alerts/transport.h"
#include "fake_outbox.h"
#include "support/process.h"
#include "support/run_loop.h"

namespace redline::testing {

// A tests/support server printing its port first; `log` is its JSON Lines record file.
class LoopbackServer {
 public:
  LoopbackServer(const std::string& script, const std::string& log, std::vector<std::string> flags)
      : process_(args(script, log, std::move(flags))), log_(log) {
    const auto line = process_.first_stdout_line(std::chrono::seconds(20));
    if (!line) throw std::runtime_error(script + " printed no port: " + process_.stderr_text());
    port = std::stoi(*line);
  }
  // Every record so far, parsed.
  std::vector<nlohmann::json> records() const {
    std::vector<nlohmann::json> out;
    std::istringstream in(test::read_file(log_));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
  }
  void stop() { process_.stop(); }
  int port = 0;

 private:
  static std::vector<std::string> args(const std::string& script, const std::string& log,
                                       std::vector<std::string> flags) {
    std::vector<std::string> argv = {"/usr/bin/python3", std::string(REDLINE_SOURCE_DIR) + "/tests/support/" + script,
                                     "--log", log};
    argv.insert(argv.end(), flags.begin(), flags.end());
    return argv;
  }
  test::ChildProcess process_;
  std::string log_;
};

// The sender on the real CurlMulti, an in-memory outbox and a movable clock.
struct LoopbackSender {
  explicit LoopbackSender(AlertsConfig alerts) : config(std::move(alerts)) {
    net::TransferLimits limits;
    limits.connect_timeout = std::chrono::seconds(5);
    limits.total_timeout = std::chrono::seconds(20);
    sender = std::make_unique<Sender>(make_curl_transport(multi, limits), outbox, config,
                                      [this] { return now; });
  }
  // One deliver_due, run on the loop until its report arrives.
  SenderReport deliver() {
    std::optional<SenderReport> report;
    sender->deliver_due([&](SenderReport r) { report = r; });
    if (!test::run_until(io, [&] { return report.has_value(); })) throw std::runtime_error("deliver_due timed out");
    return *report;
  }
  std::vector<std::pair<std::string, SendOutcome>> send_test() {
    std::optional<std::vector<std::pair<std::string, SendOutcome>>> results;
    sender->send_test([&](auto r) { results = std::move(r); });
    if (!test::run_until(io, [&] { return results.has_value(); })) throw std::runtime_error("send_test timed out");
    return *results;
  }

  Timestamp now{std::chrono::seconds{1'764'000'000}};
  AlertsConfig config;
  boost::asio::io_context io;
  net::CurlMulti multi{io};
  FakeOutbox outbox;
  std::unique_ptr<Sender> sender;
};

}  // namespace redline::testing
