// `redline replay DIR`: backtests a watchlist on saved feed snapshots. Files in DIR (or in one
// sub-folder per feed) are named by the time they were saved; they go through the whole pipeline
// in time order, as if fetched then, with no network and no alert sent. The alerts that would
// have fired are printed with when and why, and the database keeps the result for history,
// diffs and timeline.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config.h"
#include "daemon/commands.h"
#include "daemon/output.h"
#include "daemon/pipeline.h"
#include "db/store.h"

namespace redline {

namespace fs = std::filesystem;

namespace {

constexpr const char* kReplaySink = "replay";

struct ReplayArgs {
  std::string dir, db, watchlist, config, format = "table";
};

struct Snapshot {
  Timestamp at;
  std::string feed;
  fs::path path;
};

// "2025-03-01T10:00:00Z", "2025-03-01T10-00-00Z", "20250301T100000Z", "2025-03-01" or epoch
// seconds, as a file name stem.
std::optional<Timestamp> snapshot_time(std::string stem) {
  if (auto t = parse_iso8601(stem)) return t;
  if (stem.size() >= 19 && stem[10] == 'T') {  // dashes for colons in the time part
    std::string s = stem;
    s[13] = ':';
    s[16] = ':';
    if (auto t = parse_iso8601(s)) return t;
  }
  if (stem.size() >= 15 && stem[8] == 'T') {  // basic format
    std::string s = stem.substr(0, 4) + "-" + stem.substr(4, 2) + "-" + stem.substr(6, 2) + "T" +
                    stem.substr(9, 2) + ":" + stem.substr(11, 2) + ":" + stem.substr(13, 2) +
                    stem.substr(15);
    if (auto t = parse_iso8601(s)) return t;
  }
  if (!stem.empty() && stem.size() <= 12 && std::all_of(stem.begin(), stem.end(), ::isdigit)) {
    return Timestamp{std::chrono::seconds{std::stoll(stem)}};
  }
  return std::nullopt;
}

void collect(const fs::path& dir, const std::string& feed, std::vector<Snapshot>& out,
             std::vector<std::string>& skipped) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const auto at = snapshot_time(entry.path().stem().string());
    if (!at) {
      skipped.push_back(entry.path().string());
      continue;
    }
    out.push_back({*at, feed, entry.path()});
  }
}

std::vector<Snapshot> find_snapshots(const fs::path& dir, std::vector<std::string>& skipped) {
  std::vector<Snapshot> out;
  collect(dir, "replay", out, skipped);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) collect(entry.path(), entry.path().filename().string(), out, skipped);
  }
  std::stable_sort(out.begin(), out.end(), [](const Snapshot& a, const Snapshot& b) {
    return a.at != b.at ? a.at < b.at : a.path < b.path;
  });
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Config> replay_config(const ReplayArgs& a) {
  Config config;
  if (!a.config.empty()) {
    auto loaded = load_config(a.config);
    if (!loaded) return loaded.error();
    config = std::move(*loaded);
  } else {
    config.watchlist.file = default_watchlist_path();
  }
  if (!a.watchlist.empty()) config.watchlist.file = a.watchlist;
  return config;
}

void print_alerts(const std::vector<Delivery>& alerts, const std::string& format) {
  if (format == "json") {
    auto out = nlohmann::json::array();
    for (const auto& d : alerts) {
      auto j = nlohmann::json::parse(d.payload, nullptr, false);
      j["would_fire_at"] = format_rfc3339(d.created_at);
      out.push_back(std::move(j));
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : alerts) {
    const auto j = nlohmann::json::parse(d.payload, nullptr, false);
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; };
    rows.push_back({short_time(d.created_at), d.kind, text("severity"), text("topic"), text("feed"),
                    text("title") + "  [" + text("evidence") + "]"});
  }
  print_table({"WOULD FIRE", "KIND", "SEVERITY", "TOPIC", "FEED", "TITLE [EVIDENCE]"}, rows, terminal_width());
  std::printf("%zu alerts would have fired\n", alerts.size());
}

int run_replay(const ReplayArgs& a) {
  std::error_code ec;
  if (!fs::is_directory(a.dir, ec)) {
    std::fprintf(stderr, "redline: replay: %s is not a folder\n", a.dir.c_str());
    return exit_code::no_input;
  }
  auto config = replay_config(a);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().message.c_str());
    return exit_code::config;
  }
  std::vector<std::string> skipped;
  const auto snapshots = find_snapshots(a.dir, skipped);
  for (const auto& s : skipped) std::fprintf(stderr, "replay: skipped %s (name is not a time)\n", s.c_str());
  auto store = open_sqlite_store(a.db);
  std::unique_ptr<Pipeline> loaded;
  try {
    loaded = std::make_unique<Pipeline>(*store, *config);
  } catch (const StoreError&) {
    throw;
  } catch (const std::runtime_error& e) {  // the watchlist: "FILE:LINE: reason"
    std::fprintf(stderr, "%s\n", e.what());
    return exit_code::config;
  }
  Pipeline& pipeline = *loaded;
  pipeline.set_sinks({kReplaySink});
  std::map<std::string, FeedRecord> feeds;
  int failed = 0;
  for (const auto& snap : snapshots) {
    auto [it, fresh] = feeds.try_emplace(snap.feed);
    if (fresh) it->second = store->ensure_feed(snap.feed, "replay:" + snap.feed);
    FeedConfig feed;
    feed.name = snap.feed;
    feed.url = it->second.url;
    const auto outcome = pipeline.store_document(feed, it->second, read_file(snap.path), "", snap.at);
    if (!outcome.ok) {
      ++failed;
      std::fprintf(stderr, "replay: %s: %s\n", snap.path.string().c_str(), outcome.summary.c_str());
    }
    while (pipeline.classify_pending(snap.at).revisions > 0) {
    }
  }
  std::vector<Delivery> alerts;
  for (auto& d : store->deliveries(std::nullopt, 1000000)) {
    if (d.sink == kReplaySink) alerts.push_back(std::move(d));
  }
  std::sort(alerts.begin(), alerts.end(), [](const Delivery& x, const Delivery& y) { return x.id < y.id; });
  std::fprintf(stderr, "replay: %zu snapshots, %d unreadable\n", snapshots.size(), failed);
  print_alerts(alerts, a.format);
  return exit_code::ok;
}

}  // namespace

Action add_replay_command(CLI::App& app) {
  auto a = std::make_shared<ReplayArgs>();
  auto* sub = app.add_subcommand("replay", "Backtest a watchlist on saved feed snapshots (no network, no alerts sent)");
  sub->add_option("DIR", a->dir, "folder of snapshots named by time (or one sub-folder per feed)")->required();
  sub->add_option("--db", a->db, "database to build (created if missing)")->required();
  sub->add_option("--watchlist", a->watchlist, "watchlist file (default: the configuration's, else the shipped one)");
  sub->add_option("--config,-c", a->config, "configuration whose watchlist and limits to use");
  sub->add_option("--format", a->format, "table or json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  return [a] { return run_replay(*a); };
}

}  // namespace redline
