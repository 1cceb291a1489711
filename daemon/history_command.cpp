// `redline history`: stored items, newest first, with their matches and evidence; filters by
// topic, stance, feed, time and full-text search; table for people, JSON and CSV for scripts.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "daemon/commands.h"
#include "daemon/output.h"
#include "daemon/query.h"
#include "db/store.h"

namespace redline {

namespace {

struct HistoryArgs {
  std::string db = "state/redline.db";
  std::string topic, stance, since, until, feed, search, format = "table";
  std::size_t limit = 50;
};

std::string match_label(const StoredMatch& m) { return m.topic + ":" + m.stance; }

void print_history_table(const std::vector<HistoryItem>& items) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& it : items) {
    std::string matches;
    for (const auto& m : it.matches) matches += (matches.empty() ? "" : " ") + match_label(m);
    rows.push_back({short_time(it.first_seen), it.feed, matches.empty() ? "-" : matches,
                    std::to_string(it.revisions), it.title});
  }
  print_table({"FIRST SEEN", "FEED", "MATCHES", "REV", "TITLE"}, rows, terminal_width());
}

void print_csv(const std::vector<HistoryItem>& items) {
  std::printf("%s\n", csv_row({"id", "first_seen", "published", "feed", "title", "link", "revisions",
                               "topic", "stance", "confidence", "evidence"}).c_str());
  for (const auto& it : items) {
    const std::vector<std::string> base{std::to_string(it.id), format_rfc3339(it.first_seen),
                                        it.published ? format_rfc3339(*it.published) : "",
                                        it.feed, it.title, it.link, std::to_string(it.revisions)};
    if (it.matches.empty()) {
      auto row = base;
      row.insert(row.end(), {"", "", "", ""});
      std::printf("%s\n", csv_row(row).c_str());
    }
    for (const auto& m : it.matches) {  // one line per match: spreadsheets filter by column
      auto row = base;
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", m.confidence);
      row.insert(row.end(), {m.topic, m.stance, conf, m.evidence});
      std::printf("%s\n", csv_row(row).c_str());
    }
  }
}

int run_history(const HistoryArgs& a) {
  auto store = open_existing_store(a.db);
  if (!store) return exit_code::no_input;
  HistoryQuery q;
  const auto now = now_utc();
  if (!a.topic.empty()) q.topic = a.topic;
  if (!a.stance.empty()) q.stance = a.stance;
  if (!a.feed.empty()) q.feed = a.feed;
  if (!a.search.empty()) q.search = a.search;
  if (!a.since.empty() && !(q.since = parse_when(a.since, now))) return bad_date("--since", a.since);
  if (!a.until.empty() && !(q.until = parse_when(a.until, now))) return bad_date("--until", a.until);
  q.limit = a.limit;
  const auto items = store->history(q);
  if (a.format == "json") {
    std::printf("%s\n", to_json(items).dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (a.format == "csv") {
    print_csv(items);
  } else {
    print_history_table(items);
  }
  return exit_code::ok;
}

}  // namespace

nlohmann::json to_json(const std::vector<HistoryItem>& items) {
  auto out = nlohmann::json::array();
  for (const auto& it : items) {
    nlohmann::json j;
    j["id"] = it.id;
    j["title"] = it.title;
    j["link"] = it.link;
    j["summary"] = it.summary;
    j["feed"] = it.feed;
    j["published"] = it.published ? nlohmann::json(format_rfc3339(*it.published)) : nlohmann::json();
    j["first_seen"] = format_rfc3339(it.first_seen);
    j["last_seen"] = format_rfc3339(it.last_seen);
    j["revisions"] = it.revisions;
    j["matches"] = nlohmann::json::array();
    for (const auto& m : it.matches) {
      nlohmann::json jm{{"topic", m.topic},       {"stance", m.stance},     {"confidence", m.confidence},
                        {"evidence", m.evidence}, {"entities", m.entities}, {"event_id", m.event_id}};
      jm["numbers"] = nlohmann::json::array();
      for (const auto& n : m.numbers) jm["numbers"].push_back({{"value", n.value}, {"what", n.what}});
      j["matches"].push_back(std::move(jm));
    }
    out.push_back(std::move(j));
  }
  return out;
}

Action add_history_command(CLI::App& app) {
  auto a = std::make_shared<HistoryArgs>();
  auto* sub = app.add_subcommand("history", "Stored items, newest first, with their matches");
  sub->add_option("--db", a->db, "database path")->capture_default_str();
  sub->add_option("--topic", a->topic, "only items matching this topic");
  sub->add_option("--stance", a->stance, "only matches with this stance")
      ->check(CLI::IsMember({"action", "rhetoric", "denial"}));
  sub->add_option("--since", a->since, "first seen at or after (2025-03-01, RFC 3339, or 24h / 7d ago)");
  sub->add_option("--until", a->until, "first seen before");
  sub->add_option("--feed", a->feed, "only items of this feed (its name)");
  sub->add_option("--search", a->search, "full-text search in titles and summaries");
  sub->add_option("--limit", a->limit, "at most this many items")->capture_default_str();
  sub->add_option("--format", a->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return [a] { return run_history(*a); };
}

}  // namespace redline
