// `redline diffs` through build/redline, and the word-diff rendering it uses.
#include <gtest/gtest.h>

#include "daemon/output.h"
#include "tests/daemon/query_db.h"

namespace redline::test {
namespace {

using Diffs = QueryDb;

TEST(WordDiff, WithoutColourKeepsTheMarkupAroundEachRun) {
  EXPECT_EQ(render_word_diff("US [-drone strikes cartel lab-]{+drone strike kills chief+} today",
                             false, 200, 2),
            "  US [-drone strikes cartel lab-] {+drone strike kills chief+} today");
}

TEST(WordDiff, WithColourDeletionsAreRedAndInsertionsGreen) {
  EXPECT_EQ(render_word_diff("a [-b-]{+c+}", true, 200, 0),
            "a \x1b[31mb\x1b[0m \x1b[32mc\x1b[0m");
}

TEST(WordDiff, FeedTextCannotSmuggleEscapes) {
  const std::string out = render_word_diff("x [-\x1b[2Jold-]{+new\x07+}", true, 200, 0);
  EXPECT_EQ(out.find("\x1b[2J"), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
}

TEST(WordDiff, WrapsAtTheWidthWithTheIndent) {
  const std::string out = render_word_diff("one two three four five six seven eight", false, 24, 4);
  EXPECT_EQ(out, "    one two three four\n    five six seven eight");
}

TEST(WordDiff, UnclosedMarkupIsPlainText) {
  EXPECT_EQ(render_word_diff("a [-b c", false, 200, 0), "a [-b c");
}

TEST_F(Diffs, JsonHasTheFactChangeWithItsItem) {
  const auto j = json_of({"diffs"});
  ASSERT_EQ(j["fact_changes"].size(), 1u) << j.dump(2);
  const auto& c = j["fact_changes"][0];
  EXPECT_EQ(c["topic"], "troops");
  EXPECT_EQ(c["fact"], "troops_deployed");
  EXPECT_EQ(c["old"], "2200");
  EXPECT_EQ(c["new"], "10000");
  EXPECT_EQ(c["title"], "Pentagon deploys 10,000 troops to the border");
  EXPECT_EQ(c["link"], "https://news.example/t1");
  EXPECT_TRUE(c["at"].is_string());
}

TEST_F(Diffs, JsonHasTheRevisionWithItsWordDiff) {
  const auto j = json_of({"diffs"});
  ASSERT_EQ(j["revisions"].size(), 1u) << j.dump(2);
  const auto& r = j["revisions"][0];
  EXPECT_EQ(r["revision"], 2);
  EXPECT_EQ(r["feed"], "wire");
  EXPECT_EQ(r["title"], "US drone strike kills cartel chief in Sinaloa");
  const std::string diff = r["diff"];
  EXPECT_NE(diff.find("[-"), std::string::npos) << diff;
  EXPECT_NE(diff.find("{+"), std::string::npos) << diff;
}

TEST_F(Diffs, TopicFilterKeepsOnlyThatTopic) {
  const auto strikes = json_of({"diffs", "--topic", "strikes"});
  EXPECT_TRUE(strikes["fact_changes"].empty());
  EXPECT_EQ(strikes["revisions"].size(), 1u);
  const auto troops = json_of({"diffs", "--topic", "troops"});
  EXPECT_EQ(troops["fact_changes"].size(), 1u);
  EXPECT_TRUE(troops["revisions"].empty());
}

TEST_F(Diffs, LimitCapsBothLists) {
  auto m = match("troops", Stance::action);
  m.facts = {{"troops_deployed", "12000", false}};
  report(store->ensure_feed("paper", "https://paper.example/atom").id, "t2",
         "Troop count at the border rises to 12,000", {m}, {"troop", "border", "12000"}, now - 1h);
  const auto all = json_of({"diffs"});
  ASSERT_EQ(all["fact_changes"].size(), 2u);
  EXPECT_EQ(all["fact_changes"][0]["new"], "12000");  // newest first
  const auto one = json_of({"diffs", "--limit", "1"});
  ASSERT_EQ(one["fact_changes"].size(), 1u);
  EXPECT_EQ(one["fact_changes"][0]["new"], "12000");
}

TEST_F(Diffs, TableOnAPipeKeepsMarkupAndPrintsNoEscapes) {
  const auto r = redline({"diffs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("TRACKED FACT CHANGES"), std::string::npos);
  EXPECT_NE(r.out.find("2200 \xE2\x86\x92 10000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("REVISED ITEMS"), std::string::npos);
  EXPECT_NE(r.out.find("rev 2"), std::string::npos);
  EXPECT_NE(r.out.find("{+"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace redline::test
