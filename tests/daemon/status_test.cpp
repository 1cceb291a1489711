// `redline status` run through build/redline on a database filled through the Store.
#include <gtest/gtest.h>

#include "tests/daemon/query_db.h"

namespace redline::test {
namespace {

using Status = QueryDb;

const nlohmann::json& by_key(const nlohmann::json& array, const char* key, const std::string& value) {
  for (const auto& j : array) {
    if (j.at(key) == value) return j;
  }
  static const nlohmann::json none;
  ADD_FAILURE() << "no entry with " << key << " = " << value << " in " << array.dump();
  return none;
}

std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

TEST_F(Status, JsonShowsEachFeedsHealth) {
  const auto j = json_of({"status"});
  ASSERT_EQ(j["feeds"].size(), 5u);
  const auto& wire = by_key(j["feeds"], "name", "wire");
  EXPECT_EQ(wire["state"], "ok");
  EXPECT_EQ(wire["items"], 3);
  EXPECT_EQ(wire["url"], "https://wire.example/rss");
  EXPECT_TRUE(wire["last_success"].is_string());
  EXPECT_TRUE(wire["next_poll"].is_string());
  const auto& broken = by_key(j["feeds"], "name", "broken");
  EXPECT_EQ(broken["state"], "failing");
  EXPECT_EQ(broken["error_count"], 1);
  EXPECT_EQ(broken["last_error"], "HTTP 503 Service Unavailable");
  EXPECT_TRUE(broken["last_success"].is_null());
  const auto& gone = by_key(j["feeds"], "name", "gone");
  EXPECT_EQ(gone["state"], "disabled");
  EXPECT_EQ(gone["disabled"], true);
}

TEST_F(Status, JsonCountsTheOutbox) {
  const auto j = json_of({"status"});
  const auto& o = j["outbox"];
  EXPECT_EQ(o["delivered"], 1);
  EXPECT_EQ(o["failed"], 1);
  EXPECT_GE(o["pending"].get<int>(), 1);
  EXPECT_TRUE(o["oldest_pending"].is_string());
  EXPECT_EQ(o["last_failure"]["error"], "HTTP 500 from hook");
  EXPECT_EQ(o["last_failure"]["sink"], "hook");
}

TEST_F(Status, JsonGivesTheStrongestRecentStancePerTopicAndTheTrackedFacts) {
  const auto j = json_of({"status"});
  const auto& strikes = by_key(j["topics"], "topic", "strikes");
  EXPECT_EQ(strikes["stance"], "action");
  EXPECT_GE(strikes["events"].get<int>(), 2);
  const auto& troops = by_key(j["topics"], "topic", "troops");
  EXPECT_EQ(troops["stance"], "action");
  EXPECT_EQ(troops["latest"]["title"], "Pentagon deploys 10,000 troops to the border");
  const auto& fact = by_key(j["facts"], "fact", "troops_deployed");
  EXPECT_EQ(fact["value"], "10000");
  EXPECT_EQ(fact["topic"], "troops");
}

TEST_F(Status, TheStrikeEventCountsBothSources) {
  const auto j = json_of({"status"});
  int most = 0;
  for (const auto& e : store->events("strikes", std::nullopt)) most = std::max(most, e.sources);
  EXPECT_EQ(most, 2);
  EXPECT_EQ(j["window_start"].is_string(), true);
}

TEST_F(Status, AShortWindowLeavesTopicsQuietButKeepsTheirHistory) {
  const auto j = json_of({"status", "--window", "1h"});
  const auto& strikes = by_key(j["topics"], "topic", "strikes");
  EXPECT_TRUE(strikes["stance"].is_null());
  EXPECT_GE(strikes["events"].get<int>(), 2);
}

TEST_F(Status, TableHasEverySectionAndFitsTheTerminal) {
  const auto r = redline({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* heading : {"FEEDS", "OUTBOX", "TOPICS", "TRACKED FACTS", "SEARCH INDEX"}) {
    EXPECT_NE(r.out.find(heading), std::string::npos) << heading;
  }
  EXPECT_NE(r.out.find("failing (1)"), std::string::npos);
  EXPECT_NE(r.out.find("error: HTTP 503"), std::string::npos);
  EXPECT_NE(r.out.find("1 delivered, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("troops_deployed"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);  // the hostile title's escape never prints
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    const auto end = r.out.find('\n', pos);
    EXPECT_LE(columns(r.out.substr(pos, end - pos)), 100u) << r.out.substr(pos, end - pos);
    pos = end + 1;
  }
}

TEST_F(Status, SaysHowFarTheSearchIndexIsBehindUntilASearchCatchesUp) {
  const auto before = json_of({"status"});
  EXPECT_GT(before.at("search_index").at("behind").get<long long>(), 0) << before.dump();
  EXPECT_NE(redline({"status"}).out.find("revisions not indexed yet"), std::string::npos);
  const auto found = redline({"history", "--search", "strike", "--format", "json"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_FALSE(nlohmann::json::parse(found.out).empty());
  EXPECT_EQ(json_of({"status"}).at("search_index").at("behind"), 0);
  EXPECT_NE(redline({"status"}).out.find("SEARCH INDEX\n  up to date"), std::string::npos);
}

TEST_F(Status, BadWindowIsAUsageError) {
  const auto r = redline({"status", "--window", "soon"});
  EXPECT_EQ(r.exit_code, 64);
  EXPECT_NE(r.err.find("--window"), std::string::npos);
}

TEST(StatusCommand, MissingDatabaseSaysSoAndCreatesNothing) {
  TempDir dir;
  const auto r = run_redline({"status", "--db", dir.file("none.db")});
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_NE(r.err.find("no database at"), std::string::npos);
  EXPECT_EQ(read_file(dir.file("none.db")), "");
}

}  // namespace
}  // namespace redline::test
