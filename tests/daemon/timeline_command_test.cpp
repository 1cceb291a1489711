// `redline timeline` through build/redline on a database filled through the Store.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "tests/daemon/query_db.h"

namespace redline::test {
namespace {

using TimelineCommand = QueryDb;

std::size_t lane_count(const pugi::xml_document& doc) {
  return doc.select_nodes("//g[@class='lane']").size();
}

std::size_t red_marks(const pugi::xml_document& doc) {
  std::size_t n = 0;
  for (const auto& lane : doc.select_nodes("//g[@class='lane']")) {
    n += lane.node().select_nodes(".//circle[@fill='#d62728']").size();
  }
  return n;
}

TEST_F(TimelineCommand, SvgIsWellFormedWithALanePerTopicAndTheActionMarks) {
  const auto r = redline({"timeline", "--format", "svg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.out.c_str())) << r.out.substr(0, 300);
  EXPECT_STREQ(doc.document_element().name(), "svg");
  EXPECT_EQ(lane_count(doc), 2u);  // strikes and troops have data
  EXPECT_EQ(red_marks(doc), 3u);   // two strike reports (one revised) and the troop deployment
  EXPECT_NE(r.out.find(">10000<"), std::string::npos);  // the troop figure's step
  EXPECT_NE(r.out.find(">2 sources<"), std::string::npos);
}

TEST_F(TimelineCommand, TheWatchlistGivesTheTitleAndTheLaneOrder) {
  const auto r = redline({"timeline", "--format", "svg", "--watchlist",
                          REDLINE_SOURCE_DIR "/config/watchlists/us-mexico.toml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.out.c_str()));
  EXPECT_EQ(lane_count(doc), 3u);  // designations too, empty: quiet is information
  const auto strikes = r.out.find(">strikes<"), designations = r.out.find(">designations<"),
             troops = r.out.find(">troops<");
  ASSERT_NE(troops, std::string::npos);
  EXPECT_LT(strikes, designations);
  EXPECT_LT(designations, troops);
  EXPECT_NE(std::string(doc.document_element().child("title").text().get()).find("us-mexico"),
            std::string::npos);
}

TEST_F(TimelineCommand, AMissingWatchlistIsAConfigError) {
  const auto r = redline({"timeline", "--watchlist", dir.file("nope.toml")});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_FALSE(r.err.empty());
}

TEST_F(TimelineCommand, HostileTitlesAreEscapedText) {
  store->record_poll(store->ensure_feed("paper", "https://paper.example/atom").id, poll(now - 2h),
                     {item("h1", "<script>alert(1)</script> & 'x' <a href=\"http://evil\">", now - 2h)});
  for (const auto& p : store->pending_classification(10)) {
    store->record_classification({p, {match("strikes", Stance::rhetoric)}, {"script"}}, policy, now - 2h);
  }
  const auto r = redline({"timeline", "--format", "svg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.out.c_str()));
  EXPECT_TRUE(doc.select_nodes("//script").empty());
  EXPECT_TRUE(doc.select_nodes("//*[@href]").empty());
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(TimelineCommand, SvgParsesWithPythonsXmlParserToo) {
  const std::string path = dir.file("timeline.svg");
  const auto r = redline({"timeline", "--format", "svg", "--output", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto check = run_command(
      {"/usr/bin/python3", "-c",
       "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); "
       "print(d.documentElement.tagName, d.documentElement.getAttribute('xmlns'))",
       path});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.out, "svg http://www.w3.org/2000/svg\n");
}

TEST_F(TimelineCommand, TextHasARowPerTopicAndALegend) {
  const auto r = redline({"timeline", "--format", "text"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("legend: # action"), std::string::npos);
  EXPECT_NE(r.out.find("\nstrikes "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ntroops "), std::string::npos);
  EXPECT_NE(r.out.find("troops_deployed"), std::string::npos);
  EXPECT_NE(r.out.find("strikes: 2 action, 1 rhetoric, 1 denial"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(TimelineCommand, UntilBeforeTheStrikesLeavesOnlyTheRhetoric) {
  const std::string until = format_rfc3339(now - std::chrono::hours{24 * 5});
  const auto r = redline({"timeline", "--format", "text", "--until", until});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("strikes: 0 action, 1 rhetoric, 0 denial"), std::string::npos) << r.out;
}

TEST_F(TimelineCommand, SinceAfterEveryItemShowsNoMarks) {
  const auto r = redline({"timeline", "--format", "svg", "--since", "1m"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.out.c_str()));
  EXPECT_EQ(red_marks(doc), 0u);
}

TEST_F(TimelineCommand, BadDatesAreUsageErrors) {
  EXPECT_EQ(redline({"timeline", "--since", "yesterday-ish"}).exit_code, 64);
  EXPECT_EQ(redline({"timeline", "--since", "2025-03-02", "--until", "2025-03-01"}).exit_code, 64);
}

TEST(TimelineEmpty, AFreshDatabaseSaysNoMatchedItemsYet) {
  TempDir dir;
  const std::string db = dir.file("empty.db");
  open_sqlite_store(db);
  const auto text = run_redline({"timeline", "--db", db, "--format", "text"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("no matched items yet"), std::string::npos);
  const auto svg = run_redline({"timeline", "--db", db, "--format", "svg"});
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(svg.out.c_str()));
  EXPECT_NE(svg.out.find("no matched items yet"), std::string::npos);
}

}  // namespace
}  // namespace redline::test
