// `redline status`: is it working, and where does the question stand? The feeds and their
// health, the alert outbox, the strongest stance reported per topic recently with its latest
// event, the current tracked facts, and whether the search index is behind. Table for people,
// JSON for scripts and monitoring.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "daemon/commands.h"
#include "daemon/output.h"
#include "daemon/query.h"
#include "db/store.h"

namespace redline {

namespace {

constexpr std::size_t kAllDeliveries = 1'000'000;

struct StatusArgs {
  std::string db = "state/redline.db";
  std::string window = "7d";
  std::string format = "table";
};

struct Outbox {
  std::size_t pending = 0, delivered = 0, failed = 0, retrying = 0;
  std::optional<Timestamp> oldest_pending;
  std::optional<Delivery> last_failure;  // the newest failed delivery
};

struct TopicStatus {
  std::string topic;
  std::string stance;  // strongest in the window, "" when quiet
  int events = 0;      // all time
  std::optional<EventRecord> latest;
};

Outbox read_outbox(Store& store) {
  Outbox o;
  const auto pending = store.deliveries("pending", kAllDeliveries);
  o.pending = pending.size();
  for (const auto& d : pending) {
    if (!o.oldest_pending || d.created_at < *o.oldest_pending) o.oldest_pending = d.created_at;
    o.retrying += !d.last_error.empty();
  }
  o.delivered = store.deliveries("delivered", kAllDeliveries).size();
  const auto failed = store.deliveries("failed", kAllDeliveries);  // newest first
  o.failed = failed.size();
  if (!failed.empty()) o.last_failure = failed.front();
  return o;
}

int strength(const std::string& stance) {
  return stance == "action" ? 3 : stance == "denial" ? 2 : stance == "rhetoric" ? 1 : 0;
}

std::vector<TopicStatus> read_topics(Store& store, Timestamp window_start) {
  std::map<std::string, TopicStatus> by_topic;
  for (auto& e : store.events(std::nullopt, std::nullopt)) {  // newest first
    auto& t = by_topic[e.topic];
    t.topic = e.topic;
    ++t.events;
    if (e.last_seen >= window_start && strength(e.stance) > strength(t.stance)) t.stance = e.stance;
    if (!t.latest || e.last_seen > t.latest->last_seen) t.latest = std::move(e);
  }
  std::vector<TopicStatus> out;
  for (auto& [name, t] : by_topic) out.push_back(std::move(t));
  return out;
}

std::string feed_state(const FeedRecord& f) {
  if (f.disabled) return "disabled";
  if (f.error_count > 0) return "failing (" + std::to_string(f.error_count) + ")";
  if (!f.last_success) return "not polled";
  return "ok";
}

nlohmann::json optional_time(const std::optional<Timestamp>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json();
}

nlohmann::json feeds_json(const std::vector<FeedRecord>& feeds) {
  auto out = nlohmann::json::array();
  for (const auto& f : feeds) {
    out.push_back({{"name", f.name},
                   {"url", f.url},
                   {"state", f.disabled ? "disabled" : f.error_count > 0 ? "failing" : "ok"},
                   {"last_attempt", optional_time(f.last_attempt)},
                   {"last_success", optional_time(f.last_success)},
                   {"next_poll", optional_time(f.next_poll)},
                   {"error_count", f.error_count},
                   {"last_error", f.last_error},
                   {"disabled", f.disabled},
                   {"disabled_reason", f.disabled_reason},
                   {"items", f.item_count}});
  }
  return out;
}

nlohmann::json outbox_json(const Outbox& o) {
  nlohmann::json j{{"pending", o.pending},
                   {"retrying", o.retrying},
                   {"delivered", o.delivered},
                   {"failed", o.failed},
                   {"oldest_pending", optional_time(o.oldest_pending)},
                   {"last_failure", nullptr}};
  if (o.last_failure) {
    j["last_failure"] = {{"delivery_id", o.last_failure->delivery_id},
                         {"sink", o.last_failure->sink},
                         {"kind", o.last_failure->kind},
                         {"attempts", o.last_failure->attempts},
                         {"created_at", format_rfc3339(o.last_failure->created_at)},
                         {"error", o.last_failure->last_error}};
  }
  return j;
}

nlohmann::json topics_json(const std::vector<TopicStatus>& topics) {
  auto out = nlohmann::json::array();
  for (const auto& t : topics) {
    nlohmann::json j{{"topic", t.topic},
                     {"stance", t.stance.empty() ? nlohmann::json() : nlohmann::json(t.stance)},
                     {"events", t.events}};
    if (t.latest) {
      j["latest"] = {{"event_id", t.latest->id},       {"stance", t.latest->stance},
                     {"title", t.latest->title},       {"first_seen", format_rfc3339(t.latest->first_seen)},
                     {"last_seen", format_rfc3339(t.latest->last_seen)},
                     {"sources", t.latest->sources},   {"reports", t.latest->reports},
                     {"alerted", t.latest->alerted}};
    }
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json facts_json(const std::vector<FactValue>& facts) {
  auto out = nlohmann::json::array();
  for (const auto& f : facts) {
    out.push_back({{"topic", f.topic}, {"fact", f.fact}, {"value", f.value},
                   {"since", format_rfc3339(f.since)}});
  }
  return out;
}

void print_feeds(const std::vector<FeedRecord>& feeds, int width) {
  std::printf("FEEDS\n");
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : feeds) {
    std::string detail = f.url;
    if (f.disabled) detail = "disabled: " + (f.disabled_reason.empty() ? f.last_error : f.disabled_reason);
    else if (f.error_count > 0) detail = "error: " + f.last_error;
    rows.push_back({f.name, feed_state(f), std::to_string(f.item_count), short_time(f.last_success),
                    short_time(f.next_poll), detail});
  }
  if (rows.empty()) std::printf("  none yet (feeds appear after the first poll)\n");
  else print_table({"NAME", "STATE", "ITEMS", "LAST SUCCESS", "NEXT POLL", "URL / PROBLEM"}, rows, width);
}

void print_outbox(const Outbox& o, int width) {
  std::printf("\nOUTBOX\n  %zu pending (%zu retrying), %zu delivered, %zu failed\n", o.pending,
              o.retrying, o.delivered, o.failed);
  if (o.oldest_pending) std::printf("  oldest pending since %s\n", short_time(o.oldest_pending).c_str());
  if (o.last_failure) {
    const std::string line = "  last failure: " + o.last_failure->sink + " " + o.last_failure->delivery_id +
                             " after " + std::to_string(o.last_failure->attempts) + " attempts: " +
                             o.last_failure->last_error;
    std::printf("%s\n", fit(printable(line), static_cast<std::size_t>(width)).c_str());
  }
}

void print_topics(const std::vector<TopicStatus>& topics, const std::string& window, int width) {
  std::printf("\nTOPICS (stance: strongest reported in the last %s)\n", window.c_str());
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : topics) {
    const auto& e = t.latest;
    rows.push_back({t.topic, t.stance.empty() ? "quiet" : t.stance, std::to_string(t.events),
                    e ? short_time(e->last_seen) : "-", e ? std::to_string(e->sources) : "-",
                    e ? e->stance + ": " + e->title : "-"});
  }
  if (rows.empty()) std::printf("  no events yet\n");
  else print_table({"TOPIC", "STANCE", "EVENTS", "LAST SEEN", "SOURCES", "LATEST EVENT"}, rows, width);
}

// The daemon indexes new text for search while idle; `poll --once` leaves it to the next search.
void print_search_index(std::int64_t behind) {
  std::printf("\nSEARCH INDEX\n");
  if (behind == 0) {
    std::printf("  up to date\n");
    return;
  }
  std::printf("  %lld revisions not indexed yet (indexed while the daemon is idle, or by the next "
              "search)\n",
              static_cast<long long>(behind));
}

void print_facts(const std::vector<FactValue>& facts, int width) {
  std::printf("\nTRACKED FACTS\n");
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : facts) rows.push_back({f.topic, f.fact, short_time(f.since), f.value});
  if (rows.empty()) std::printf("  none yet\n");
  else print_table({"TOPIC", "FACT", "SINCE", "VALUE"}, rows, width);
}

int run_status(const StatusArgs& a) {
  const auto now = now_utc();
  const auto window_start = parse_when(a.window, now);
  if (!window_start || *window_start > now) return bad_date("--window", a.window);
  auto store = open_existing_store(a.db);
  if (!store) return exit_code::no_input;
  const auto feeds = store->feeds();
  const auto outbox = read_outbox(*store);
  const auto topics = read_topics(*store, *window_start);
  const auto facts = store->current_facts();
  const auto unindexed = store->search_index_behind();
  if (a.format == "json") {
    const nlohmann::json j{{"feeds", feeds_json(feeds)},
                           {"outbox", outbox_json(outbox)},
                           {"topics", topics_json(topics)},
                           {"facts", facts_json(facts)},
                           {"search_index", {{"behind", unindexed}}},
                           {"window_start", format_rfc3339(*window_start)}};
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return exit_code::ok;
  }
  const int width = terminal_width();
  print_feeds(feeds, width);
  print_outbox(outbox, width);
  print_topics(topics, a.window, width);
  print_facts(facts, width);
  print_search_index(unindexed);
  return exit_code::ok;
}

}  // namespace

Action add_status_command(CLI::App& app) {
  auto a = std::make_shared<StatusArgs>();
  auto* sub = app.add_subcommand("status", "Feed health, the alert outbox, stance per topic, tracked facts");
  sub->add_option("--db", a->db, "database path")->capture_default_str();
  sub->add_option("--window", a->window, "how far back the per-topic stance looks (24h, 7d, a date)")
      ->capture_default_str();
  sub->add_option("--format", a->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  return [a] { return run_status(*a); };
}

}  // namespace redline
