// `redline diffs`: what changed. The tracked facts (old value → new value, when, and the item
// that reported it) and the items whose title or summary a feed rewrote, with the word diff of
// each revision. Table for people (coloured diffs on a terminal unless NO_COLOR), JSON for
// scripts.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "daemon/commands.h"
#include "daemon/output.h"
#include "daemon/query.h"
#include "db/store.h"

namespace redline {

namespace {

struct DiffsArgs {
  std::string db = "state/redline.db";
  std::string topic, format = "table";
  std::size_t limit = 20;
};

nlohmann::json to_json(const std::vector<FactChange>& changes,
                       const std::vector<RevisionDiff>& revisions) {
  nlohmann::json out{{"fact_changes", nlohmann::json::array()},
                     {"revisions", nlohmann::json::array()}};
  for (const auto& c : changes) {
    out["fact_changes"].push_back({{"topic", c.topic},
                                   {"fact", c.fact},
                                   {"old", c.old_value},
                                   {"new", c.new_value},
                                   {"at", format_rfc3339(c.at)},
                                   {"item_id", c.item_id},
                                   {"title", c.item_title},
                                   {"link", c.link}});
  }
  for (const auto& r : revisions) {
    out["revisions"].push_back({{"item_id", r.item_id},
                                {"feed", r.feed},
                                {"title", r.title},
                                {"revision", r.revision},
                                {"at", format_rfc3339(r.at)},
                                {"diff", r.diff}});
  }
  return out;
}

void print_fact_changes(const std::vector<FactChange>& changes, int width) {
  std::printf("TRACKED FACT CHANGES (newest first)\n");
  if (changes.empty()) {
    std::printf("  none yet\n");
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : changes) {
    const std::string old_value = c.old_value.empty() ? "(none)" : c.old_value;
    std::string item = c.item_title.empty() ? "(baseline)" : c.item_title;
    if (!c.link.empty()) item += " <" + c.link + ">";
    rows.push_back({short_time(c.at), c.topic, c.fact, old_value + " \xE2\x86\x92 " + c.new_value, item});
  }
  print_table({"WHEN", "TOPIC", "FACT", "CHANGE", "ITEM"}, rows, width);
}

void print_revisions(const std::vector<RevisionDiff>& revisions, int width) {
  std::printf("\nREVISED ITEMS (newest first)\n");
  if (revisions.empty()) {
    std::printf("  none yet\n");
    return;
  }
  const bool colour = colour_stdout();
  for (const auto& r : revisions) {
    const std::string head = short_time(r.at) + "  " + printable(r.feed) + "  item " +
                             std::to_string(r.item_id) + " rev " + std::to_string(r.revision) + "  ";
    std::printf("%s%s\n", head.c_str(),
                fit(printable(r.title), static_cast<std::size_t>(std::max(20, width - static_cast<int>(head.size()))))
                    .c_str());
    std::printf("%s\n", render_word_diff(r.diff, colour, width, 4).c_str());
  }
}

int run_diffs(const DiffsArgs& a) {
  auto store = open_existing_store(a.db);
  if (!store) return exit_code::no_input;
  const std::optional<std::string> topic = a.topic.empty() ? std::nullopt : std::optional(a.topic);
  auto changes = store->fact_changes(topic);  // oldest first
  std::reverse(changes.begin(), changes.end());
  if (changes.size() > a.limit) changes.resize(a.limit);
  const auto revisions = store->revision_diffs(topic, a.limit);
  if (a.format == "json") {
    std::printf("%s\n", to_json(changes, revisions).dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return exit_code::ok;
  }
  const int width = terminal_width();
  print_fact_changes(changes, width);
  print_revisions(revisions, width);
  return exit_code::ok;
}

}  // namespace

Action add_diffs_command(CLI::App& app) {
  auto a = std::make_shared<DiffsArgs>();
  auto* sub = app.add_subcommand("diffs", "Tracked-fact changes and revised items with word diffs");
  sub->add_option("--db", a->db, "database path")->capture_default_str();
  sub->add_option("--topic", a->topic, "only this topic");
  sub->add_option("--limit", a->limit, "at most this many fact changes and revisions")
      ->capture_default_str();
  sub->add_option("--format", a->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  return [a] { return run_diffs(*a); };
}

}  // namespace redline
