// record_classification: events, sources, the alert rules, facts, idempotency.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using namespace std::chrono_literals;
using testing::at;
using testing::item;
using testing::match;
using testing::poll_at;

const std::vector<std::string> kStrikeWords = {"us", "strike", "cartel", "lab", "sinaloa"};

class Events : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    second_feed = store->ensure_feed("agency", "https://agency.example/feed").id;
    third_feed = store->ensure_feed("paper", "https://paper.example/feed").id;
    policy.watchlist = "us-mexico";
    policy.sinks = {"hook", "mail"};
    policy.topics = {{"strikes", "US strikes", Severity::critical, false},
                     {"troops", "US troops", Severity::warning, true}};
  }

  // Stores one item in `feed_id` and classifies it with `matches`.
  ClassificationOutcome report(std::int64_t feed_id, const std::string& guid,
                               const std::string& title, std::vector<Match> matches,
                               std::vector<std::string> words = kStrikeWords,
                               Timestamp when = {}) {
    if (when == Timestamp{}) when = t0;
    store->record_poll(feed_id, poll_at(when), {item(guid, title, "https://x.example/" + guid, "", when)});
    ClassificationOutcome total;
    for (const auto& p : store->pending_classification(100)) {
      const auto o = store->record_classification({p, matches, words}, policy, when);
      total.matches += o.matches;
      total.new_events += o.new_events;
      total.alerts_queued += o.alerts_queued;
      total.fact_changes += o.fact_changes;
    }
    return total;
  }

  // A report at t0, then another story 25 hours later: with a window of a day, the first
  // report's event has closed by then.
  void close_first_event() {
    report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
    EXPECT_EQ(report(second_feed, "b1", "Navy blockade off Tamaulipas",
                     {match("strikes", Stance::action)}, {"navy", "blockade", "tamaulipas"},
                     t0 + std::chrono::hours(25))
                  .new_events,
              1);
  }

  std::vector<Delivery> outbox() { return store->deliveries(std::nullopt, 100); }

  int alerts_of_kind(const std::string& kind) {
    int n = 0;
    for (const auto& d : outbox()) n += d.kind == kind;
    return n;
  }

  AlertPolicy policy;
  std::int64_t second_feed = 0, third_feed = 0;
};

TEST_F(Events, AFirstActionReportOpensAnEventAndQueuesOneNewAlertPerSink) {
  const auto o = report(feed, "a1", "US strikes cartel lab in Sinaloa",
                        {match("strikes", Stance::action, "US strikes | cartel lab")});
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.new_events, 1);
  EXPECT_EQ(o.alerts_queued, 2);
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].stance, "action");
  EXPECT_EQ(events[0].sources, 1);
  EXPECT_TRUE(events[0].alerted);
  const auto d = outbox();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, "new");
  EXPECT_EQ(d[0].event_id, events[0].id);
  EXPECT_EQ(d[0].status, "pending");
  EXPECT_EQ(d[0].delivery_id, "rl-" + std::to_string(d[0].alert_id) + "-" + d[0].sink);
  EXPECT_NE(d[0].sink, d[1].sink);
  EXPECT_EQ(d[0].alert_id, d[1].alert_id);
}

TEST_F(Events, ThePayloadCarriesTheEvidenceAndSources) {
  auto m = match("strikes", Stance::action, "US strikes | cartel lab | Sinaloa");
  m.numbers = {{3, "strikes"}};
  m.entities = {"Sinaloa"};
  report(feed, "a1", "US strikes cartel lab in Sinaloa", {m});
  const auto p = nlohmann::json::parse(outbox().at(0).payload);
  EXPECT_EQ(p["kind"], "new");
  EXPECT_EQ(p["topic"], "strikes");
  EXPECT_EQ(p["stance"], "action");
  EXPECT_EQ(p["severity"], "critical");
  EXPECT_EQ(p["title"], "US strikes cartel lab in Sinaloa");
  EXPECT_EQ(p["link"], "https://x.example/a1");
  EXPECT_EQ(p["feed"], "wire");
  EXPECT_EQ(p["published"], "2025-03-01T12:00:00Z");
  EXPECT_EQ(p["first_seen"], "2025-03-01T12:00:00Z");
  EXPECT_EQ(p["evidence"], "US strikes | cartel lab | Sinaloa");
  EXPECT_DOUBLE_EQ(p["confidence"].get<double>(), 0.9);
  EXPECT_EQ(p["sources"]["count"], 1);
  ASSERT_EQ(p["sources"]["list"].size(), 1u);
  EXPECT_EQ(p["sources"]["list"][0]["feed"], "wire");
  EXPECT_EQ(p["numbers"][0]["value"], 3.0);
  EXPECT_EQ(p["numbers"][0]["what"], "strikes");
  EXPECT_EQ(p["entities"][0], "Sinaloa");
  EXPECT_TRUE(p["facts"].is_array());
  EXPECT_EQ(p["watchlist"], "us-mexico");
  EXPECT_EQ(p["event_id"], outbox().at(0).event_id);
}

TEST_F(Events, ASecondSourceJoinsTheEventAndQueuesExactlyOneUpdate) {
  report(feed, "a1", "US strikes cartel lab in Sinaloa", {match("strikes", Stance::action)});
  const auto o = report(second_feed, "b1", "Cartel lab in Sinaloa hit by US strike",
                        {match("strikes", Stance::action)});
  EXPECT_EQ(o.new_events, 0);
  EXPECT_EQ(o.alerts_queued, 2);
  report(third_feed, "c1", "US strike on Sinaloa cartel lab", {match("strikes", Stance::action)});
  report(feed, "a2", "More on US strike on cartel lab in Sinaloa", {match("strikes", Stance::action)});
  const auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources, 3);
  EXPECT_EQ(events[0].reports, 4);
  EXPECT_EQ(alerts_of_kind("new"), 2);     // one per sink
  EXPECT_EQ(alerts_of_kind("update"), 2);  // one per sink
  for (const auto& d : outbox()) EXPECT_EQ(d.event_id, events[0].id);
  const auto update = nlohmann::json::parse(outbox().at(0).payload);  // newest first
  EXPECT_EQ(update["kind"], "update");
  EXPECT_EQ(update["sources"]["count"], 2);
  EXPECT_EQ(update["sources"]["list"].size(), 2u);
}

TEST_F(Events, TheSameFeedReportingAgainIsNotCorroboration) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  report(feed, "a2", "US strikes cartel lab, officials say", {match("strikes", Stance::action)});
  EXPECT_EQ(store->events(std::nullopt, std::nullopt).at(0).sources, 1);
  EXPECT_EQ(alerts_of_kind("update"), 0);
}

TEST_F(Events, RhetoricAndDenialAlertNothing) {
  const auto r = report(feed, "r1", "US weighs strikes on cartels", {match("strikes", Stance::rhetoric)});
  const auto d = report(second_feed, "d1", "Pentagon denies strikes on cartels",
                        {match("strikes", Stance::denial)});
  EXPECT_EQ(r.alerts_queued + d.alerts_queued, 0);
  EXPECT_TRUE(outbox().empty());
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].stance, "denial");  // denial outranks rhetoric
  EXPECT_FALSE(events[0].alerted);
}

TEST_F(Events, RhetoricThenActionAlertsOnceWhenTheActionIsReported) {
  report(feed, "r1", "US weighs strikes on cartel lab", {match("strikes", Stance::rhetoric)});
  report(second_feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  report(third_feed, "d1", "Mexico denies US strike on cartel lab", {match("strikes", Stance::denial)});
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].stance, "action");
  EXPECT_EQ(alerts_of_kind("new"), 2);
  // The "new" alert already had two sources: no separate update for the third.
  EXPECT_EQ(alerts_of_kind("update"), 0);
}

TEST_F(Events, AnEditedHeadlineThatTurnsIntoActionAlertsOnItsEvent) {
  report(feed, "g1", "US weighs strikes on cartel labs", {match("strikes", Stance::rhetoric)},
         {"us", "weighs", "strike", "cartel", "lab"});
  store->record_poll(feed, poll_at(t0 + 1h), {item("g1", "US launches strikes on cartel labs")});
  const auto pending = store->pending_classification(10);
  ASSERT_EQ(pending.size(), 1u);
  // Different words, but the same item: the same event.
  const auto o = store->record_classification(
      {pending[0], {match("strikes", Stance::action)}, {"launches", "bombing", "raid"}}, policy,
      t0 + 1h);
  EXPECT_EQ(o.new_events, 0);
  EXPECT_EQ(o.alerts_queued, 2);
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reports, 1);
}

TEST_F(Events, BacklogNeverAlerts) {
  const auto old = t0 - 24h * 10;
  store->record_poll(feed, poll_at(t0), {item("old", "US strikes cartel lab", "", "", old)});
  const auto p = store->pending_classification(10).at(0);
  ASSERT_TRUE(p.backlog);
  auto m = match("troops", Stance::action);
  m.facts = {{"troops_deployed", "5000", false}};
  const auto o = store->record_classification({p, {match("strikes", Stance::action), m}, kStrikeWords},
                                              policy, t0);
  EXPECT_EQ(o.alerts_queued, 0);
  EXPECT_EQ(o.fact_changes, 1);  // the state is still tracked
  EXPECT_TRUE(outbox().empty());
  EXPECT_EQ(store->events("strikes", std::nullopt).at(0).alerted, false);
}

TEST_F(Events, ClassifyingARevisionTwiceChangesNothing) {
  store->record_poll(feed, poll_at(t0), {item("a1", "US strikes cartel lab", "", "", t0)});
  const auto p = store->pending_classification(10).at(0);
  auto m = match("troops", Stance::action);
  m.facts = {{"troops_deployed", "5000", false}};
  const ClassifiedRevision c{p, {match("strikes", Stance::action), m}, kStrikeWords};
  const auto first = store->record_classification(c, policy, t0);
  const auto second = store->record_classification(c, policy, t0 + 1min);
  EXPECT_GT(first.alerts_queued, 0);
  EXPECT_EQ(second.matches, 0);
  EXPECT_EQ(second.alerts_queued, 0);
  EXPECT_EQ(second.fact_changes, 0);
  EXPECT_EQ(outbox().size(), 6u);  // new x2, fact x2 (troops) , new x2 (troops event)
  EXPECT_EQ(store->fact_changes(std::nullopt).size(), 1u);
  EXPECT_TRUE(store->pending_classification(10).empty());
  EXPECT_EQ(store->history({}).at(0).matches.size(), 2u);
}

TEST_F(Events, ADifferentStoryOpensItsOwnEvent) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  const auto o = report(second_feed, "b1", "Navy blockade off Tamaulipas",
                        {match("strikes", Stance::action)}, {"navy", "blockade", "tamaulipas"});
  EXPECT_EQ(o.new_events, 1);
  EXPECT_EQ(alerts_of_kind("new"), 4);
}

// A report shares with a short story only the topic's own word, which every open event has, and
// still is close enough to it (the story weighs little): it joins that story, though none of its
// words leads to it through the index of open events.
TEST_F(Events, AReportJoinsALightStoryItSharesOnlyTheTopicWordWith) {
  policy.similarity = event_similarity;  // compared by numbered words (the daemon's measure)
  EXPECT_EQ(report(feed, "a1", "Navy blockade", {match("strikes", Stance::action)},
                   {"t:strikes", "navy", "blockade"})
                .new_events,
            1);
  EXPECT_EQ(report(second_feed, "b1", "Drone strike on a lab in the sierra",
                   {match("strikes", Stance::action)},
                   {"t:strikes", "drone", "lab", "sierra", "durango", "three", "dead", "cabin",
                    "village", "salto", "morning", "prosecutor"})
                .new_events,
            1);
  const auto o =
      report(third_feed, "c1", "Coast guard turns back ships", {match("strikes", Stance::action)},
             {"t:strikes", "coast", "guard", "turns", "back", "ships", "port"});
  EXPECT_EQ(o.new_events, 0);
  const auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 2u);
  const auto& joined = events[0].title == "Navy blockade" ? events[0] : events[1];
  EXPECT_EQ(joined.title, "Navy blockade");
  EXPECT_EQ(joined.reports, 2);
}

TEST_F(Events, AnEventClosesAfterItsWindow) {
  policy.event_window = std::chrono::hours(24);
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  const auto o = report(second_feed, "b1", "US strikes cartel lab again",
                        {match("strikes", Stance::action)}, kStrikeWords, t0 + 25h);
  EXPECT_EQ(o.new_events, 1);
  EXPECT_EQ(store->events(std::nullopt, std::nullopt).size(), 2u);
}

// The events open for joining are kept from one call to the next (EventCache); what decides
// membership is still the database as it stands and the policy as it is now.
TEST_F(Events, AnEventClosedByAnotherConnectionIsNotJoined) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("history.db").c_str(), &other), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(other, "UPDATE events SET last_seen = '2000-01-01T00:00:00Z'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(other);
  const auto o = report(second_feed, "b1", "US strikes cartel lab again",
                        {match("strikes", Stance::action)}, kStrikeWords, t0 + 1h);
  EXPECT_EQ(o.new_events, 1);
}

TEST_F(Events, AWiderWindowReopensAnEventThatHadClosed) {
  policy.event_window = std::chrono::hours(24);
  close_first_event();
  policy.event_window = std::chrono::hours(72);  // a reload: it is open again
  EXPECT_EQ(report(third_feed, "c1", "US strikes cartel lab again",
                   {match("strikes", Stance::action)}, kStrikeWords, t0 + 26h)
                .new_events,
            0);
}

TEST_F(Events, AClockSetBackReopensAnEventThatHadClosed) {
  policy.event_window = std::chrono::hours(24);
  close_first_event();
  // Twenty hours after the first report, by a clock set back: within its window.
  EXPECT_EQ(report(third_feed, "c1", "US strikes cartel lab again",
                   {match("strikes", Stance::action)}, kStrikeWords, t0 + 20h)
                .new_events,
            0);
}

TEST_F(Events, AnEventOfABatchRolledBackIsNotJoined) {
  store->begin_batch();
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  store->end_batch(false);
  EXPECT_TRUE(store->events(std::nullopt, std::nullopt).empty());
  EXPECT_EQ(report(second_feed, "b1", "US strikes cartel lab again",
                   {match("strikes", Stance::action)}, kStrikeWords, t0 + 1h)
                .new_events,
            1);
  EXPECT_EQ(store->events(std::nullopt, std::nullopt).size(), 1u);
}

TEST_F(Events, ThePolicysSimilarityDecidesMembership) {
  int calls = 0;
  policy.similarity = [&](const std::vector<std::string>&, const std::vector<std::string>&) {
    ++calls;
    return 1.0;
  };
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)}, {"x"});
  const auto o = report(second_feed, "b1", "Unrelated words", {match("strikes", Stance::action)}, {"y"});
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(o.new_events, 0);
}

TEST_F(Events, TopicsHaveSeparateEvents) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  const auto o = report(second_feed, "b1", "US strikes cartel lab", {match("troops", Stance::action)});
  EXPECT_EQ(o.new_events, 1);
}

TEST_F(Events, ANewTroopFigureIsAFactChangeAndAlertsWhenTheTopicAsks) {
  store->seed_baselines({{"troops", "troops_deployed", {"2200"}, "2025-01-22", "active duty"}}, t0);
  auto m = match("troops", Stance::action, "deployed | 10,000 troops");
  m.facts = {{"troops_deployed", "10000", false}};
  const auto o = report(feed, "t1", "Pentagon deploys 10,000 troops to border", {m});
  EXPECT_EQ(o.fact_changes, 1);
  const auto changes = store->fact_changes("troops");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].old_value, "2200");
  EXPECT_EQ(changes[0].new_value, "10000");
  EXPECT_EQ(changes[0].item_title, "Pentagon deploys 10,000 troops to border");
  EXPECT_EQ(changes[0].link, "https://x.example/t1");
  EXPECT_EQ(changes[0].at, t0);
  EXPECT_EQ(alerts_of_kind("fact"), 2);
  nlohmann::json fact_payload;
  for (const auto& d : outbox())
    if (d.kind == "fact") fact_payload = nlohmann::json::parse(d.payload);
  EXPECT_EQ(fact_payload["facts"][0]["fact"], "troops_deployed");
  EXPECT_EQ(fact_payload["facts"][0]["old"], "2200");
  EXPECT_EQ(fact_payload["facts"][0]["new"], "10000");
  // The same figure again is no change.
  EXPECT_EQ(report(second_feed, "t2", "10,000 troops now at border", {m}).fact_changes, 0);
  const auto facts = store->current_facts();
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].value, "10000");
}

TEST_F(Events, ANewlyListedGroupJoinsTheSetOnce) {
  store->seed_baselines({{"designations", "designated_groups", {"Sinaloa", "CJNG"}, "2025-02-20", ""}}, t0);
  auto m = match("designations", Stance::action);
  m.facts = {{"designated_groups", "Tren de Aragua", true}};
  EXPECT_EQ(report(feed, "d1", "State lists Tren de Aragua", {m}, {"tren"}).fact_changes, 1);
  m.facts = {{"designated_groups", "cjng", true}};
  EXPECT_EQ(report(feed, "d2", "CJNG remains listed", {m}, {"cjng"}).fact_changes, 0);
  const auto facts = store->current_facts();
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].value, "Sinaloa; CJNG; Tren de Aragua");
  // designations has no alert_on_fact_change in this policy.
  EXPECT_EQ(alerts_of_kind("fact"), 0);
}

TEST_F(Events, BaselinesDoNotOverwriteTrackedFacts) {
  store->seed_baselines({{"troops", "troops_deployed", {"2200"}, "2025-01-22", ""}}, t0);
  auto m = match("troops", Stance::action);
  m.facts = {{"troops_deployed", "3700", false}};
  report(feed, "t1", "Troops to 3,700", {m});
  store->seed_baselines({{"troops", "troops_deployed", {"2200"}, "2025-01-22", ""}}, t0 + 1h);
  EXPECT_EQ(store->current_facts().at(0).value, "3700");
  EXPECT_EQ(store->current_facts().at(0).since, t0);
}

TEST_F(Events, AnUnknownRevisionIsAnError) {
  PendingRevision ghost;
  ghost.revision_id = 999;
  EXPECT_THROW(store->record_classification({ghost, {}, {}}, policy, t0), StoreError);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

TEST_F(Events, ABatchIsRecordedInOneTransactionWithTheSameRules) {
  store->record_poll(feed, poll_at(t0), {item("b-1", "US strikes cartel camp", "https://x.example/b-1", "", t0),
                                            item("b-2", "Weather", "https://x.example/b-2", "", t0)});
  std::vector<ClassifiedRevision> batch;
  for (const auto& p : store->pending_classification(100)) {
    std::vector<Match> matches;
    if (p.title == "US strikes cartel camp") matches.push_back(match("strikes", Stance::action));
    batch.push_back({p, matches, kStrikeWords});
  }
  ASSERT_EQ(batch.size(), 2u);
  const auto o = store->record_classifications(batch, policy, t0);
  EXPECT_EQ(o.matches, 1);
  EXPECT_EQ(o.alerts_queued, 2);  // one "new" per sink
  EXPECT_TRUE(store->pending_classification(100).empty());
  EXPECT_EQ(store->record_classifications(batch, policy, t0).alerts_queued, 0) << "nothing twice";
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// Stores one item per (feed, guid, title) at `when` and returns the pending revisions, classified
// as strike action reports with kStrikeWords, ready for one record_classifications call.
std::vector<ClassifiedRevision> strike_batch(
    Store& store, const std::vector<std::tuple<std::int64_t, std::string, std::string>>& items,
    Timestamp when) {
  for (const auto& [feed_id, guid, title] : items) {
    store.record_poll(feed_id, poll_at(when), {item(guid, title, "https://x.example/" + guid, "", when)});
  }
  std::vector<ClassifiedRevision> batch;
  for (const auto& p : store.pending_classification(100)) {
    batch.push_back({p, {match("strikes", Stance::action)}, kStrikeWords});
  }
  return batch;
}

TEST_F(Events, ReportsOfOneEventInOneBatchCountEachSourceOnceAndQueueOneUpdate) {
  auto batch = strike_batch(*store,
                            {{feed, "a1", "US strikes cartel lab in Sinaloa"},
                             {second_feed, "b1", "Cartel lab in Sinaloa hit by US strike"},
                             {feed, "a2", "More on the US strike on a Sinaloa lab"},
                             {third_feed, "c1", "US strike on Sinaloa cartel lab"}},
                            t0);
  ASSERT_EQ(batch.size(), 4u);
  const auto o = store->record_classifications(batch, policy, t0 + 1h);
  EXPECT_EQ(o.matches, 4);
  EXPECT_EQ(o.new_events, 1);
  const auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources, 3);
  EXPECT_EQ(events[0].reports, 4);
  EXPECT_EQ(events[0].last_seen, t0 + 1h);
  EXPECT_EQ(alerts_of_kind("new"), 2);     // one per sink
  EXPECT_EQ(alerts_of_kind("update"), 2);  // the second feed's report reached two sources
  // The event row was written back with the alert flags: a later report alerts nothing.
  const auto later = report(third_feed, "c2", "US strike on Sinaloa lab: what we know",
                            {match("strikes", Stance::action)}, kStrikeWords, t0 + 2h);
  EXPECT_EQ(later.new_events, 0);
  EXPECT_EQ(later.alerts_queued, 0);
  EXPECT_EQ(store->events("strikes", std::nullopt).at(0).reports, 5);
}

// Reports recorded at the time the event's row already holds leave its last_seen (and the
// events_open index entry) alone; a later time moves it, and the window reads it.
TEST_F(Events, ReportsAtTheRowsLastSeenKeepItAndALaterOneMovesIt) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  report(second_feed, "b1", "US strike hits cartel lab", {match("strikes", Stance::action)});
  auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reports, 2);
  EXPECT_EQ(events[0].sources, 2);
  EXPECT_EQ(events[0].last_seen, t0);
  // A new connection reads the row's time again (nothing is cached): still the same.
  store.reset();
  store = open_sqlite_store(dir.file("history.db"));
  report(third_feed, "c1", "US strike on cartel lab", {match("strikes", Stance::action)});
  events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reports, 3);
  EXPECT_EQ(events[0].last_seen, t0);
  report(third_feed, "c2", "US strike on cartel lab: what we know",
         {match("strikes", Stance::action)}, kStrikeWords, t0 + 2s);
  events = store->events("strikes", t0 + 1s);  // last_seen at or after: by the moved row
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reports, 4);
  EXPECT_EQ(events[0].last_seen, t0 + 2s);
  EXPECT_TRUE(store->events("strikes", t0 + 3s).empty());
  EXPECT_TRUE(store->integrity_ok());
}

TEST_F(Events, AnEventRevivedEarlierInTheBatchTakesTheBatchsLaterReports) {
  policy.event_window = std::chrono::hours(24);
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  // Two days later (the event has closed): an edit of a1 rejoins its event, which makes it
  // open again for the similar report that follows it in the same batch.
  const Timestamp later = t0 + 48h;
  store->record_poll(feed, poll_at(later),
                     {item("a1", "US strikes cartel lab, killing four", "https://x.example/a1", "", t0)});
  auto batch = strike_batch(*store, {{second_feed, "b1", "US strike hits cartel lab"}}, later);
  ASSERT_EQ(batch.size(), 2u);
  ASSERT_LT(batch[0].revision.revision_id, batch[1].revision.revision_id);
  ASSERT_EQ(batch[0].revision.revision, 2);  // the edit comes first
  const auto o = store->record_classifications(batch, policy, later);
  EXPECT_EQ(o.new_events, 0);
  const auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources, 2);
  EXPECT_EQ(events[0].last_seen, later);
}

TEST_F(Events, ABatchThatFailsLeavesEveryEventAsItWas) {
  report(feed, "a1", "US strikes cartel lab", {match("strikes", Stance::action)});
  auto batch = strike_batch(*store, {{second_feed, "b1", "US strike hits cartel lab"}}, t0 + 1h);
  ASSERT_EQ(batch.size(), 1u);
  PendingRevision ghost = batch[0].revision;
  ghost.revision_id = 999999;
  batch.push_back({ghost, {match("strikes", Stance::action)}, kStrikeWords});
  EXPECT_THROW(store->record_classifications(batch, policy, t0 + 1h), StoreError);
  const auto events = store->events("strikes", std::nullopt);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources, 1);
  EXPECT_EQ(events[0].reports, 1);
  EXPECT_EQ(store->pending_classification(100).size(), 1u);
  // The same batch without the unknown revision records as if the failure had not happened.
  batch.pop_back();
  EXPECT_EQ(store->record_classifications(batch, policy, t0 + 1h).alerts_queued, 2);  // update
  EXPECT_EQ(store->events("strikes", std::nullopt).at(0).sources, 2);
}

TEST_F(Events, PendingRevisionsCanBeReadAfterAGivenOne) {
  strike_batch(*store, {{feed, "a1", "One"}, {feed, "a2", "Two"}, {feed, "a3", "Three"}}, t0);
  const auto all = store->pending_classification(100);
  ASSERT_EQ(all.size(), 3u);
  const auto after_first = store->pending_classification(100, all[0].revision_id);
  ASSERT_EQ(after_first.size(), 2u);
  EXPECT_EQ(after_first[0].revision_id, all[1].revision_id);
  EXPECT_TRUE(store->pending_classification(100, all[2].revision_id).empty());
  EXPECT_EQ(store->pending_classification(1, all[0].revision_id).size(), 1u);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// The store compares a report with the open events of its topic by numbered words when the
// policy's measure is event_similarity (issue #8): through an index of the events open when the
// first report of a batch is compared, then word by word for those opened later. It must decide
// exactly as event_similarity itself does, word for word, ties going to the oldest event: two
// stores record the same reports, one with event_similarity, the other with the same function
// behind a lambda (which the store applies word for word). A third of the reports are also of a
// second topic.
TEST(EventSimilarityByNumbers, JoinsAndOpensExactlyTheEventsWordForWordDoes) {
  std::vector<std::string> vocabulary = {"t:strikes", "t:troops", "e:sinaloa", "e:sonora",
                                         "e:cjng",    "n:1500",   "n:10000"};
  for (int w = 0; w < 40; ++w) vocabulary.push_back("word" + std::to_string(w));
  std::uint64_t state = 20261126;
  auto next = [&](std::uint64_t n) {  // a fixed pseudo-random sequence
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  // 240 reports of 1 to 6 words each, in batches of 40 (events of earlier batches stay open).
  // Later batches draw on more words, so some are new to the store when their reports come.
  std::vector<std::vector<std::vector<std::string>>> batches(6);
  std::vector<std::vector<bool>> troops(batches.size());
  for (std::size_t b = 0; b < batches.size(); ++b) {
    const std::size_t words_in_use = vocabulary.size() - 30 + 6 * b;
    for (int r = 0; r < 40; ++r) {
      std::vector<std::string> words;
      const auto n = 1 + next(6);
      for (std::uint64_t k = 0; k < n; ++k) words.push_back(vocabulary[next(words_in_use)]);
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      batches[b].push_back(words);
      troops[b].push_back(next(3) == 0);
    }
  }
  auto record_all = [&](AlertPolicy policy) {
    testing::TempDir dir;
    auto store = open_sqlite_store(dir.file("history.db"));
    const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
    const auto t0 = testing::at("2025-03-01T12:00:00Z");
    int n = 0;
    for (std::size_t b = 0; b < batches.size(); ++b) {
      const auto when = t0 + std::chrono::minutes(static_cast<int>(b));
      std::vector<Item> items;
      for (std::size_t r = 0; r < batches[b].size(); ++r, ++n) {
        items.push_back(testing::item("r-" + std::to_string(n), "report " + std::to_string(n),
                                      "https://x.example/" + std::to_string(n), "", when));
      }
      store->record_poll(feed, testing::poll_at(when), items);
      std::vector<ClassifiedRevision> classified;
      const auto pending = store->pending_classification(100);
      EXPECT_EQ(pending.size(), batches[b].size());
      for (std::size_t r = 0; r < pending.size(); ++r) {
        std::vector<Match> matches = {testing::match("strikes", Stance::rhetoric)};
        if (troops[b][r]) matches.push_back(testing::match("troops", Stance::rhetoric));
        classified.push_back({pending[r], matches, batches[b][r]});
      }
      store->record_classifications(classified, policy, when);
    }
    HistoryQuery all;
    all.limit = 1000;
    std::map<std::string, std::int64_t> event_of;  // title and topic -> event joined
    for (const auto& item : store->history(all)) {
      EXPECT_GE(item.matches.size(), 1u);
      for (const auto& m : item.matches) event_of[item.title + " " + m.topic] = m.event_id;
    }
    return event_of;
  };
  AlertPolicy by_numbers;
  by_numbers.topics = {{"strikes", "US strikes", Severity::critical, false},
                       {"troops", "US troops", Severity::warning, false}};
  by_numbers.similarity = event_similarity;
  AlertPolicy word_for_word = by_numbers;
  word_for_word.similarity = [](const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
    return event_similarity(a, b);
  };
  const auto fast = record_all(by_numbers);
  const auto reference = record_all(word_for_word);
  ASSERT_GT(fast.size(), 280u);
  EXPECT_EQ(fast, reference);
  std::set<std::int64_t> events;
  for (const auto& [title, event] : reference) events.insert(event);
  // The comparison covered both decisions many times: reports joined events, and opened them.
  EXPECT_GT(events.size(), 20u);
  EXPECT_LT(events.size(), 200u);
}

// A store opened anew numbers an open event's words when it first reads its topic's events. A
// report of two topics is looked up when it is compared for the first; words that only the
// second topic's events have are numbered after that, and must count when it is compared for the
// second (issue #8: a report's numbers are kept for all its matches).
TEST(EventSimilarityByNumbers, WordsNumberedBetweenAReportsTopicsCount) {
  testing::TempDir dir;
  AlertPolicy policy;
  policy.topics = {{"strikes", "US strikes", Severity::critical, false},
                   {"troops", "US troops", Severity::warning, false}};
  policy.similarity = event_similarity;
  const auto t0 = testing::at("2025-03-01T12:00:00Z");
  auto record = [&](Store& store, std::int64_t feed, const std::string& guid,
                    std::vector<Match> matches, std::vector<std::string> words) {
    store.record_poll(feed, testing::poll_at(t0),
                      {testing::item(guid, guid, "https://x.example/" + guid, "", t0)});
    const auto pending = store.pending_classification(10);
    EXPECT_EQ(pending.size(), 1u);
    if (pending.size() == 1) store.record_classification({pending[0], matches, words}, policy, t0);
  };
  std::int64_t feed = 0;
  {
    auto store = open_sqlite_store(dir.file("history.db"));
    feed = store->ensure_feed("wire", "https://wire.example/rss").id;
    record(*store, feed, "troop-surge", {testing::match("troops", Stance::action)},
           {"border", "e:texas", "n:1500"});
    record(*store, feed, "drone-strike", {testing::match("strikes", Stance::action)}, {"drone"});
  }
  auto store = open_sqlite_store(dir.file("history.db"));
  record(*store, feed, "both",
         {testing::match("strikes", Stance::action), testing::match("troops", Stance::action)},
         {"border", "drone", "e:texas", "n:1500"});
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 2u);  // the report joined both events, opened none
  for (const auto& e : events) EXPECT_EQ(e.reports, 2) << e.topic;
}

// A word every open event has (a topic's token) adds its weight to all of them at once: a report
// made of that word alone joins the oldest of the events it is equally like, as word for word
// does; a report with more words of its own opens an event.
TEST(EventSimilarityByNumbers, AReportOfTheWordsEveryEventHasJoinsTheOldest) {
  testing::TempDir dir;
  AlertPolicy policy;
  policy.topics = {{"strikes", "US strikes", Severity::critical, false}};
  policy.similarity = event_similarity;
  const auto t0 = testing::at("2025-03-01T12:00:00Z");
  auto store = open_sqlite_store(dir.file("history.db"));
  const auto feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  auto record = [&](const std::string& guid, std::vector<std::string> words) {
    store->record_poll(feed, testing::poll_at(t0),
                       {testing::item(guid, guid, "https://x.example/" + guid, "", t0)});
    const auto pending = store->pending_classification(10);
    EXPECT_EQ(pending.size(), 1u);
    if (pending.size() == 1) {
      store->record_classification(
          {pending[0], {testing::match("strikes", Stance::rhetoric)}, words}, policy, t0);
    }
  };
  // Three events of weight 8 (the topic's token, 2, and six words of their own): apart from one
  // another (0.2), and each 0.625 from the topic's token alone.
  for (const std::string e : {"a", "b", "c"}) {
    std::vector<std::string> words = {"t:strikes"};
    for (int w = 0; w < 6; ++w) words.push_back(e + std::to_string(w));
    record("event-" + e, words);
  }
  record("token-only", {"t:strikes"});
  record("token-and-more", {"t:strikes", "x1", "x2", "x3", "x4", "x5", "x6", "x7"});
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 4u);
  std::map<std::string, int> reports;
  for (const auto& e : events) reports[e.title] = e.reports;
  EXPECT_EQ(reports["event-a"], 2);
  EXPECT_EQ(reports["event-b"], 1);
  EXPECT_EQ(reports["event-c"], 1);
  EXPECT_EQ(reports["token-and-more"], 1);
}

// A report whose words reach every indexed event, and then one of them again (an event it shares
// two words with): each event is compared once, and nothing is written past the events reached
// (the sanitizer build would see it: the store keeps one list of them per thread, sized to the
// events).
TEST(EventSimilarityByNumbers, AReportReachingEveryIndexedEventTwiceIsComparedOnce) {
  testing::TempDir dir;
  const auto path = dir.file("history.db");
  AlertPolicy policy;
  policy.topics = {{"strikes", "US strikes", Severity::critical, false}};
  policy.similarity = event_similarity;
  const auto t0 = testing::at("2025-03-01T12:00:00Z");
  auto record = [&](Store& store, std::int64_t feed, const std::string& guid,
                    std::vector<std::string> words) {
    store.record_poll(feed, testing::poll_at(t0),
                      {testing::item(guid, guid, "https://x.example/" + guid, "", t0)});
    const auto pending = store.pending_classification(10);
    EXPECT_EQ(pending.size(), 1u);
    if (pending.size() != 1) return ClassificationOutcome{};
    return store.record_classification(
        {pending[0], {testing::match("strikes", Stance::rhetoric)}, words}, policy, t0);
  };
  std::int64_t feed = 0;
  {
    // Two events of weight 10 (the topic's token and eight words of their own), 0.16 apart.
    auto store = open_sqlite_store(path);
    feed = store->ensure_feed("wire", "https://wire.example/rss").id;
    for (const std::string e : {"a", "b"}) {
      std::vector<std::string> words = {"t:strikes"};
      for (int w = 0; w < 8; ++w) words.push_back(e + std::to_string(w));
      EXPECT_EQ(record(*store, feed, "event-" + e, words).new_events, 1);
    }
  }
  // A store opened anew indexes both events when it first compares a report. This one reaches
  // event a (a0), then event b (b0) and b again (b1), in the order the words were numbered; it is
  // like neither (0.23 and 0.32), so it opens an event of its own.
  auto store = open_sqlite_store(path);
  EXPECT_EQ(record(*store, feed, "both",
                   {"t:strikes", "a0", "b0", "b1", "x1", "x2", "x3", "x4", "x5", "x6"})
                .new_events,
            1);
  const auto events = store->events(std::nullopt, std::nullopt);
  ASSERT_EQ(events.size(), 3u);
  for (const auto& e : events) EXPECT_EQ(e.reports, 1) << e.title;
  EXPECT_TRUE(store->integrity_ok());
}

}  // namespace
}  // namespace redline
