// `redline alerts test --config FILE`: sends a test alert to every configured sink and prints one
// line per sink with the sink's real reply ("ops: ok (HTTP 204)", "desk: FAILED (SMTP 550 ...)");
// exit 0 only when every sink acknowledged, 69 otherwise, 78 for a bad configuration.
// `redline alerts list --db PATH [--status S] [--format table|json]`: the outbox rows.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "alerts/alerts.h"
#include "alerts/transport.h"
#include "config/config.h"
#include "daemon/commands.h"
#include "db/store.h"

namespace redline {

namespace {

int run_alerts_test(const std::string& path) {
  const auto config = load_config(path);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().message.c_str());
    return exit_code::config;
  }
  if (config->alerts.webhooks.empty() && config->alerts.emails.empty()) {
    std::fprintf(stderr, "%s: no alert sinks configured ([[alerts.webhook]] or [[alerts.email]])\n",
                 path.c_str());
    return exit_code::unavailable;
  }
  boost::asio::io_context io;
  net::CurlMulti multi(io);
  const auto transport = make_curl_transport(multi, config->limits.transfer);
  std::vector<std::pair<std::string, SendOutcome>> results;
  send_test_alerts(*transport, config->alerts, now_utc(), [&](auto r) { results = std::move(r); });
  io.run();
  bool all_ok = !results.empty();
  for (const auto& [sink, outcome] : results) {
    std::printf("%s: %s (%s)\n", sink.c_str(), outcome.ok ? "ok" : "FAILED", outcome.reply.c_str());
    all_ok = all_ok && outcome.ok;
  }
  return all_ok ? exit_code::ok : exit_code::unavailable;
}

std::string time_or_dash(const std::optional<Timestamp>& t) { return t ? format_rfc3339(*t) : "-"; }

nlohmann::json delivery_json(const Delivery& d) {
  const auto optional_time = [](const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
  };
  return {{"id", d.id},
          {"delivery_id", d.delivery_id},
          {"alert_id", d.alert_id},
          {"event_id", d.event_id},
          {"sink", d.sink},
          {"kind", d.kind},
          {"status", d.status},
          {"attempts", d.attempts},
          {"next_attempt", optional_time(d.next_attempt)},
          {"delivered_at", optional_time(d.delivered_at)},
          {"last_error", d.last_error},
          {"created_at", format_rfc3339(d.created_at)}};
}

void print_deliveries(const std::vector<Delivery>& rows) {
  std::printf("%-6s %-28s %-12s %-7s %-10s %-8s %-21s %-21s %s\n", "ID", "DELIVERY", "SINK", "KIND",
              "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "CREATED", "LAST ERROR");
  for (const auto& d : rows) {
    std::printf("%-6lld %-28s %-12s %-7s %-10s %-8d %-21s %-21s %s\n", static_cast<long long>(d.id),
                d.delivery_id.c_str(), d.sink.c_str(), d.kind.c_str(), d.status.c_str(), d.attempts,
                d.status == "pending" ? time_or_dash(d.next_attempt).c_str() : "-",
                format_rfc3339(d.created_at).c_str(), d.last_error.empty() ? "-" : d.last_error.c_str());
  }
}

struct ListOptions {
  std::string db;
  std::string status;
  std::string format = "table";
  std::size_t limit = 1000;
};

int run_alerts_list(const ListOptions& options) {
  // Listing must not create an empty database where the user mistyped a path.
  if (!std::filesystem::exists(options.db)) {
    std::fprintf(stderr, "%s: no such database\n", options.db.c_str());
    return exit_code::no_input;
  }
  std::unique_ptr<Store> store;
  try {
    store = open_sqlite_store(options.db);
  } catch (const StoreError& e) {
    std::fprintf(stderr, "%s: %s\n", options.db.c_str(), e.what());
    return exit_code::io_error;
  }
  std::optional<std::string> status;
  if (!options.status.empty()) status = options.status;
  const auto rows = store->deliveries(status, options.limit);
  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : rows) out.push_back(delivery_json(d));
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    print_deliveries(rows);
  }
  return exit_code::ok;
}

}  // namespace

Action add_alerts_command(CLI::App& app) {
  auto* sub = app.add_subcommand("alerts", "Test the alert sinks or list the alert outbox");
  sub->require_subcommand(1);
  auto* test = sub->add_subcommand("test", "Send a test alert to every configured sink");
  auto config = std::make_shared<std::string>("config/redline.toml");
  test->add_option("--config,-c", *config, "configuration file")->capture_default_str();
  auto* list = sub->add_subcommand("list", "Show the alert outbox");
  auto options = std::make_shared<ListOptions>();
  list->add_option("--db", options->db, "history database")->required();
  list->add_option("--status", options->status, "only deliveries with this status")
      ->check(CLI::IsMember({"pending", "delivered", "failed"}));
  list->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  list->add_option("--limit", options->limit, "at most this many rows")->capture_default_str();
  return [test, list, config, options] {
    if (test->parsed()) return run_alerts_test(*config);
    if (list->parsed()) return run_alerts_list(*options);
    return exit_code::usage;
  };
}

}  // namespace redline
