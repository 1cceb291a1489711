// A history database for the query-command tests (status, diffs, timeline), filled through the
// Store interface the way the pipeline fills it: polls, then classifications with hand-made
// matches. Times are relative to now, so windows like "the last 7 days" hold.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "db/store.h"
#include "support/process.h"

namespace redline::test {

using namespace std::chrono_literals;

inline const std::string kHostileTitle =
    "US drone strikes cartel lab <script>alert(1)</script> & \"Sinaloa\" \x1b[31mred";

class QueryDb : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("history.db");
    store = open_sqlite_store(db);
    policy.watchlist = "us-mexico";
    policy.sinks = {"hook"};
    policy.topics = {{"strikes", "US strikes", Severity::critical, false},
                     {"troops", "US troops", Severity::warning, true}};
    policy.similarity = [](const auto& a, const auto& b) {  // Jaccard of the word sets
      const std::set<std::string> x(a.begin(), a.end()), y(b.begin(), b.end());
      std::size_t common = 0;
      for (const auto& w : x) common += y.count(w);
      const auto all = x.size() + y.size() - common;
      return all ? static_cast<double>(common) / static_cast<double>(all) : 0.0;
    };
    fill();
  }

  void fill() {
    const auto wire = store->ensure_feed("wire", "https://wire.example/rss").id;
    const auto agency = store->ensure_feed("agency", "https://agency.example/feed").id;
    const auto paper = store->ensure_feed("paper", "https://paper.example/atom").id;
    const auto broken = store->ensure_feed("broken", "https://broken.example/rss").id;
    const auto gone = store->ensure_feed("gone", "https://gone.example/rss").id;
    store->seed_baselines({{"troops", "troops_deployed", {"2200"}, "2025-01-22", "active duty"}},
                          now - 20 * 24h);
    report(wire, "s1", "President vows to hit cartels", {match("strikes", Stance::rhetoric)},
           {"president", "vow", "cartel"}, now - 9 * 24h);
    report(wire, "s2", kHostileTitle, {match("strikes", Stance::action)}, kStrike, now - 2 * 24h);
    report(agency, "a2", "Drone strike hits cartel lab in Sinaloa", {match("strikes", Stance::action)},
           kStrike, now - 2 * 24h + 3h);
    report(paper, "d1", "Mexico denies any US strike on its soil", {match("strikes", Stance::denial)},
           {"mexico", "deny", "strike", "soil"}, now - 24h);
    auto troops = match("troops", Stance::action);
    troops.facts = {{"troops_deployed", "10000", false}};
    report(agency, "t1", "Pentagon deploys 10,000 troops to the border", {troops},
           {"pentagon", "troops", "border"}, now - 12h);
    report(wire, "x1", "Weather: storms over the Gulf", {}, {"weather"}, now - 6h);
    // The wire rewrites its headline: a second revision with a word diff.
    store->record_poll(wire, poll(now - 5h), {item("s2", "US drone strike kills cartel chief in Sinaloa")});
    for (const auto& p : store->pending_classification(10)) {
      store->record_classification({p, {match("strikes", Stance::action)}, kStrike}, policy, now - 5h);
    }
    store->record_failure(broken, now - 1h, "HTTP 503 Service Unavailable", now + 1h, false);
    store->record_failure(gone, now - 1h, "HTTP 410 Gone", now + 1h, true);
    settle_outbox();
  }

  // The first delivery is delivered, the second failed for good, the rest stay pending.
  void settle_outbox() {
    auto all = store->deliveries("pending", 100);
    ASSERT_GE(all.size(), 3u);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    store->mark_delivered(all[0].id, now - 1h, "200 OK");
    store->mark_failed(all[1].id, now - std::chrono::minutes{30}, "HTTP 500 from hook");
  }

  void report(std::int64_t feed, const std::string& guid, const std::string& title,
              std::vector<Match> matches, std::vector<std::string> words, Timestamp when) {
    store->record_poll(feed, poll(when), {item(guid, title, when)});
    for (const auto& p : store->pending_classification(10)) {
      store->record_classification({p, matches, words}, policy, when);
    }
  }

  static PollSuccess poll(Timestamp when) {
    PollSuccess p;
    p.polled_at = when;
    p.next_poll = when + std::chrono::minutes{10};
    p.backlog_before = when - std::chrono::hours{48 * 30};
    return p;
  }

  static Item item(const std::string& guid, const std::string& title,
                   std::optional<Timestamp> published = std::nullopt) {
    Item i;
    i.id = guid;
    i.title = title;
    i.link = "https://news.example/" + guid;
    i.summary = "Report " + guid;
    i.published = published;
    return i;
  }

  static Match match(const std::string& topic, Stance stance) {
    Match m;
    m.topic = topic;
    m.stance = stance;
    m.confidence = 0.9;
    m.evidence = topic + " evidence";
    return m;
  }

  // Runs build/redline with the database; COLUMNS fixes the table width, NO_COLOR is unset so
  // colour depends only on stdout (a file here, never a terminal).
  CommandResult redline(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db});
    RunOptions options;
    options.env = {{"COLUMNS", "100"}};
    options.unset_env = {"NO_COLOR"};
    options.cwd = dir.path();  // no config/watchlists/ here: the same result from any folder
    return run_redline(args, options);
  }

  nlohmann::json json_of(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    const auto r = redline(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  const std::vector<std::string> kStrike = {"us", "drone", "strike", "cartel", "lab", "sinaloa"};
  const Timestamp now = now_utc();
  TempDir dir;
  std::string db;
  std::unique_ptr<Store> store;
  AlertPolicy policy;
};

}  // namespace redline::test
