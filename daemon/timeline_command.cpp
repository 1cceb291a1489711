// `redline timeline`: the question over time as an SVG picture or a terminal chart. Gathers the
// matched items, events and numeric tracked facts from the store into TimelineData and hands
// them to the pure renderers (daemon/timeline.h). Lanes follow the watchlist's topic order.
#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "config/config.h"
#include "daemon/commands.h"
#include "daemon/output.h"
#include "daemon/query.h"
#include "daemon/timeline.h"
#include "db/store.h"
#include "topics/topics.h"

namespace redline {

namespace {

constexpr std::size_t kMaxItems = 100'000;

struct TimelineArgs {
  std::string db = "state/redline.db";
  std::string since, until, watchlist, output, format = "text";
  int width = 1000;
};

// Where an item sits in time: its publication date unless a feed dates it after we saw it.
Timestamp item_time(const HistoryItem& it) {
  if (it.published && *it.published <= it.first_seen + std::chrono::hours{24}) return *it.published;
  return it.first_seen;
}

std::vector<TimelineMark> read_marks(Store& store, std::optional<Timestamp> since) {
  HistoryQuery q;
  q.since = since;  // on first_seen, which is never before publication for a mark we keep
  q.limit = kMaxItems;
  std::vector<TimelineMark> out;
  for (const auto& it : store.history(q)) {
    for (const auto& m : it.matches) out.push_back({m.topic, m.stance, item_time(it), it.title, it.feed});
  }
  return out;
}

std::vector<TimelineEvent> read_events(Store& store, std::optional<Timestamp> since) {
  std::vector<TimelineEvent> out;
  for (const auto& e : store.events(std::nullopt, since)) {
    out.push_back({e.topic, e.stance, e.title, e.first_seen, e.last_seen, e.sources, e.reports});
  }
  return out;
}

// A tracked fact is drawn when all its values are figures ("2200", "10,000 troops"), not names.
std::optional<double> figure_of(const std::string& value) {
  if (value.empty() || !std::isdigit(static_cast<unsigned char>(value[0]))) return std::nullopt;
  return fact_number(value);
}

std::vector<TimelineFactPoint> read_facts(Store& store) {
  std::map<std::pair<std::string, std::string>, std::vector<TimelineFactPoint>> by_fact;
  std::map<std::pair<std::string, std::string>, bool> numeric;
  for (const auto& c : store.fact_changes(std::nullopt)) {  // oldest first
    const auto key = std::make_pair(c.topic, c.fact);
    auto& points = by_fact[key];
    const auto old_value = figure_of(c.old_value), new_value = figure_of(c.new_value);
    if (!numeric.count(key)) numeric[key] = true;
    if (!new_value || (!c.old_value.empty() && !old_value)) numeric[key] = false;
    if (points.empty() && old_value) points.push_back({c.topic, c.fact, *old_value, Timestamp{}});
    if (new_value) points.push_back({c.topic, c.fact, *new_value, c.at});
  }
  for (const auto& f : store.current_facts()) {  // facts that never changed: their baseline
    const auto key = std::make_pair(f.topic, f.fact);
    if (by_fact.count(key)) continue;
    const auto v = figure_of(f.value);
    numeric[key] = v.has_value();
    if (v) by_fact[key].push_back({f.topic, f.fact, *v, f.since});
  }
  std::vector<TimelineFactPoint> out;
  for (auto& [key, points] : by_fact) {
    if (numeric[key]) out.insert(out.end(), points.begin(), points.end());
  }
  return out;
}

// The watchlist's name and topic order; an explicit --watchlist must load, the default may be
// absent (lanes are then ordered by name).
bool read_watchlist(const std::string& explicit_path, TimelineInput& in) {
  const std::string path = explicit_path.empty() ? default_watchlist_path() : explicit_path;
  std::error_code ec;
  if (explicit_path.empty() && !std::filesystem::is_regular_file(path, ec)) return true;
  const auto watchlist = load_watchlist(path);
  if (!watchlist) {
    std::fprintf(stderr, "redline: %s\n", watchlist.error().message.c_str());
    return explicit_path.empty();  // a broken default watchlist only loses the order
  }
  const Classifier classifier(*watchlist);
  in.title = "redline timeline: " + classifier.watchlist_name();
  for (const auto& t : classifier.topics()) in.topic_order.push_back(t.name);
  return true;
}

int write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_code::ok;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) {
    std::fprintf(stderr, "redline: cannot write %s\n", path.c_str());
    return exit_code::cant_create;
  }
  return exit_code::ok;
}

int run_timeline(const TimelineArgs& a) {
  TimelineInput in;
  in.now = now_utc();
  in.title = "redline timeline";
  if (!a.since.empty() && !(in.since = parse_when(a.since, in.now))) return bad_date("--since", a.since);
  if (!a.until.empty() && !(in.until = parse_when(a.until, in.now))) return bad_date("--until", a.until);
  if (in.since && in.until && *in.since >= *in.until) {
    std::fprintf(stderr, "redline: --since must be before --until\n");
    return exit_code::usage;
  }
  if (!read_watchlist(a.watchlist, in)) return exit_code::config;
  auto store = open_existing_store(a.db);
  if (!store) return exit_code::no_input;
  const auto data = make_timeline(in, read_marks(*store, in.since), read_events(*store, in.since),
                                  read_facts(*store));
  const std::string text = a.format == "svg" ? render_timeline_svg(data, SvgOptions{a.width})
                                             : render_timeline_text(data, terminal_width());
  return write_output(text, a.output);
}

}  // namespace

Action add_timeline_command(CLI::App& app) {
  auto a = std::make_shared<TimelineArgs>();
  auto* sub = app.add_subcommand("timeline", "The question over time: a lane per topic, as SVG or text");
  sub->add_option("--db", a->db, "database path")->capture_default_str();
  sub->add_option("--since", a->since, "start of the time axis (2025-03-01, RFC 3339, or 30d ago)");
  sub->add_option("--until", a->until, "end of the time axis (default: now)");
  sub->add_option("--format", a->format, "svg or text")
      ->check(CLI::IsMember({"svg", "text"}))
      ->capture_default_str();
  sub->add_option("--watchlist", a->watchlist, "watchlist file for the title and the lane order");
  sub->add_option("--output,-o", a->output, "write to this file instead of stdout");
  sub->add_option("--width", a->width, "SVG width in pixels")->check(CLI::Range(600, 10000))->capture_default_str();
  return [a] { return run_timeline(*a); };
}

}  // namespace redline
