#include "daemon/timeline.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>

namespace redline {
namespace {

using std::chrono::days;
using std::chrono::hours;

Timestamp at(const char* text) { return *parse_iso8601(text); }

TimelineInput input_for(const char* since, const char* until) {
  TimelineInput in;
  in.title = "Will the US strike cartels in Mexico?";
  in.topic_order = {"strikes", "designations", "troops"};
  if (since) in.since = at(since);
  if (until) in.until = at(until);
  in.now = at("2025-04-01T00:00:00Z");
  return in;
}

TimelineData sample() {
  std::vector<TimelineMark> marks = {
      {"strikes", "rhetoric", at("2025-03-01T10:00:00Z"), "President vows to hit cartels", "wire"},
      {"strikes", "rhetoric", at("2025-03-04T10:00:00Z"), "Senator urges strikes", "daily"},
      {"strikes", "action", at("2025-03-10T06:00:00Z"), "US drone strikes cartel lab", "wire"},
      {"strikes", "action", at("2025-03-10T09:00:00Z"), "Drone strike hits lab in Sinaloa", "daily"},
      {"strikes", "denial", at("2025-03-11T12:00:00Z"), "Mexico denies any US strike", "herald"},
      {"designations", "action", at("2025-02-20T12:00:00Z"), "State lists six cartels", "wire"},
  };
  std::vector<TimelineEvent> events = {
      {"strikes", "action", "US drone strikes cartel lab", at("2025-03-10T06:00:00Z"),
       at("2025-03-12T06:00:00Z"), 3, 4},
  };
  std::vector<TimelineFactPoint> facts = {
      {"troops", "troops_deployed", 2200, at("2025-01-20T00:00:00Z")},
      {"troops", "troops_deployed", 3700, at("2025-02-01T00:00:00Z")},
      {"troops", "troops_deployed", 10000, at("2025-03-15T00:00:00Z")},
  };
  return make_timeline(input_for("2025-02-15", "2025-03-31"), marks, events, facts);
}

// Every element named `name` anywhere below `node`.
std::size_t count_elements(const pugi::xml_node& node, const char* name) {
  return node.select_nodes((std::string("//") + name).c_str()).size();
}

pugi::xml_document parse_svg(const std::string& svg) {
  pugi::xml_document doc;
  const auto r = doc.load_string(svg.c_str());
  EXPECT_TRUE(r) << r.description() << "\n" << svg.substr(0, 400);
  return doc;
}

TEST(Timeline, LanesFollowTheWatchlistOrderThenOtherTopicsByName) {
  TimelineInput in = input_for(nullptr, nullptr);
  in.topic_order = {"troops", "strikes"};
  std::vector<TimelineMark> marks = {
      {"zeta", "rhetoric", at("2025-03-01T00:00:00Z"), "a", "f"},
      {"alpha", "rhetoric", at("2025-03-02T00:00:00Z"), "b", "f"},
      {"strikes", "action", at("2025-03-03T00:00:00Z"), "c", "f"},
  };
  const auto d = make_timeline(in, marks, {}, {});
  EXPECT_EQ(d.topics, (std::vector<std::string>{"troops", "strikes", "alpha", "zeta"}));
}

TEST(Timeline, AxisComesFromTheDataWhenNoRangeIsGiven) {
  std::vector<TimelineMark> marks = {{"strikes", "rhetoric", at("2025-03-01T00:00:00Z"), "a", "f"}};
  const auto d = make_timeline(input_for(nullptr, nullptr), marks, {}, {});
  EXPECT_LT(d.from, at("2025-03-01T00:00:00Z"));
  EXPECT_EQ(d.until, at("2025-04-01T00:00:00Z"));  // "now"
}

TEST(Timeline, SinceAndUntilDropMarksOutsideAndClipEvents) {
  std::vector<TimelineMark> marks = {
      {"strikes", "rhetoric", at("2025-01-01T00:00:00Z"), "too early", "f"},
      {"strikes", "action", at("2025-03-05T00:00:00Z"), "inside", "f"},
      {"strikes", "action", at("2025-05-01T00:00:00Z"), "too late", "f"},
  };
  std::vector<TimelineEvent> events = {{"strikes", "action", "long", at("2025-02-01T00:00:00Z"),
                                        at("2025-03-03T00:00:00Z"), 2, 2}};
  const auto d = make_timeline(input_for("2025-03-01", "2025-03-31"), marks, events, {});
  ASSERT_EQ(d.marks.size(), 1u);
  EXPECT_EQ(d.marks[0].title, "inside");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].first_seen, at("2025-03-01T00:00:00Z"));
}

TEST(Timeline, FactValueInEffectAtTheStartIsCarriedToTheAxis) {
  const auto d = sample();
  ASSERT_EQ(d.facts.size(), 2u);  // 2200 was superseded by 3700 before the axis starts
  EXPECT_EQ(d.facts[0].value, 3700);
  EXPECT_EQ(d.facts[0].at, at("2025-02-15T00:00:00Z"));
  EXPECT_EQ(d.facts[1].value, 10000);
}

TEST(FactNumber, ReadsTheFirstNumberWithThousandsSeparators) {
  EXPECT_EQ(fact_number("10000"), 10000);
  EXPECT_EQ(fact_number("about 2,200 troops"), 2200);
  EXPECT_EQ(fact_number("1.5"), 1.5);
  EXPECT_EQ(fact_number("12, 13"), 12);
  EXPECT_FALSE(fact_number("Sinaloa; CJNG").has_value());
}

TEST(AxisTicks, DailyForAWeekMonthlyForAYear) {
  const auto week = axis_ticks(at("2025-03-01T12:00:00Z"), at("2025-03-08T00:00:00Z"), 10);
  ASSERT_EQ(week.size(), 7u);
  EXPECT_EQ(week[0].label, "Mar 2, 2025");
  EXPECT_EQ(week[1].label, "Mar 3");
  const auto year = axis_ticks(at("2025-01-15T00:00:00Z"), at("2026-01-15T00:00:00Z"), 8);
  ASSERT_FALSE(year.empty());
  EXPECT_LE(year.size(), 8u);
  EXPECT_EQ(year[0].label, "Apr 2025");
}

TEST(XmlEscape, EscapesMarkupAndDropsControlsAndBadUtf8) {
  EXPECT_EQ(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(xml_escape("bell\x07" "esc\x1b[31m"), "bell esc [31m");
  EXPECT_EQ(xml_escape("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(xml_escape("bad\xff" "x"), "bad\xEF\xBF\xBDx");
  EXPECT_EQ(xml_escape("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(xml_escape("\xef\xbf\xbe"), "\xEF\xBF\xBD");                          // U+FFFE
  EXPECT_EQ(xml_escape("trunc\xe2\x82"), "trunc\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TimelineSvg, IsStandaloneSvgWithOneLanePerTopic) {
  const std::string svg = render_timeline_svg(sample());
  const auto doc = parse_svg(svg);
  const auto root = doc.document_element();
  EXPECT_STREQ(root.name(), "svg");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(root.attribute("version").value(), "1.1");
  EXPECT_NE(std::string(root.attribute("viewBox").value()), "");
  EXPECT_EQ(doc.select_nodes("//g[@class='lane']").size(), 3u);
  EXPECT_NE(svg.find(">strikes<"), std::string::npos);
  EXPECT_NE(svg.find(">designations<"), std::string::npos);
  EXPECT_NE(svg.find(">troops<"), std::string::npos);
}

TEST(TimelineSvg, DrawsOneSolidRedMarkPerActionItem) {
  const auto doc = parse_svg(render_timeline_svg(sample()));
  std::size_t solid_red = 0, crossed = 0;
  for (const auto& lane : doc.select_nodes("//g[@class='lane']")) {
    solid_red += lane.node().select_nodes(".//circle[@fill='#d62728']").size();
    crossed += lane.node().select_nodes(".//path[@stroke='#1f77b4']").size();
  }
  EXPECT_EQ(solid_red, 3u);  // two strikes, one designation
  EXPECT_EQ(crossed, 1u);    // one denial
}

TEST(TimelineSvg, ShowsEventSourcesAndTheTroopFigures) {
  const std::string svg = render_timeline_svg(sample());
  EXPECT_NE(svg.find(">3 sources<"), std::string::npos);
  EXPECT_NE(svg.find(">3700<"), std::string::npos);
  EXPECT_NE(svg.find(">10000<"), std::string::npos);
  EXPECT_NE(svg.find(">troops_deployed<"), std::string::npos);
}

TEST(TimelineSvg, HasATitleAndALegend) {
  const auto doc = parse_svg(render_timeline_svg(sample()));
  EXPECT_STREQ(doc.document_element().child("title").text().get(),
               "Will the US strike cartels in Mexico?");
  const auto legend = doc.select_node("//g[@class='legend']").node();
  ASSERT_TRUE(legend);
  const std::string text = legend.select_nodes(".//text").size() >= 5 ? "ok" : "missing";
  EXPECT_EQ(text, "ok");
  EXPECT_GE(doc.select_nodes("//g[@class='axis']/text").size(), 3u);
}

TEST(TimelineSvg, HostileTitlesStayText) {
  auto d = sample();
  const std::string hostile =
      "<script>alert(1)</script> & \"quoted\" 'single' \x01\x1b]0;x\x07 <a href=\"http://x\">"
      "\xff\xfe <![CDATA[ ]]> <svg onload=\"evil()\">";
  d.title = hostile;
  d.marks[0].title = hostile;
  d.marks[0].feed = hostile;
  d.events[0].title = hostile;
  d.topics.push_back("<lane onclick=\"x\">");
  d.marks.push_back({"<lane onclick=\"x\">", "action", at("2025-03-02T00:00:00Z"), hostile, "f"});
  const std::string svg = render_timeline_svg(d);
  const auto doc = parse_svg(svg);
  EXPECT_EQ(count_elements(doc, "script"), 0u);
  EXPECT_EQ(count_elements(doc, "a"), 0u);
  EXPECT_EQ(doc.select_nodes("//*[@onload or @onclick or @href]").size(), 0u);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find('\x1b'), std::string::npos);
  EXPECT_EQ(svg.find('\x01'), std::string::npos);
  // The words are still there, as text.
  EXPECT_NE(std::string(doc.document_element().child("title").text().get()).find("<script>"),
            std::string::npos);
}

TEST(TimelineSvg, NoExternalReferences) {
  const std::string svg = render_timeline_svg(sample());
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("url("), std::string::npos);
  EXPECT_EQ(svg.find("<image"), std::string::npos);
  EXPECT_EQ(svg.find("<foreignObject"), std::string::npos);
}

TEST(TimelineSvg, EmptyDataSaysNoMatchedItemsYet) {
  const auto d = make_timeline(input_for(nullptr, nullptr), {}, {}, {});
  const std::string svg = render_timeline_svg(d);
  const auto doc = parse_svg(svg);
  EXPECT_NE(svg.find("no matched items yet"), std::string::npos);
  EXPECT_EQ(doc.select_nodes("//g[@class='lane']").size(), 0u);
}

TEST(TimelineText, OneRowPerTopicWithStrongestStancePerDay) {
  const std::string text = render_timeline_text(sample(), 100);
  std::string strikes_row;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    if (line.rfind("strikes ", 0) == 0 && line.find(':') == std::string::npos) strikes_row = line;
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  ASSERT_FALSE(strikes_row.empty()) << text;
  // One column per day from Feb 15: Mar 10 (both actions) is one '#', Mar 11 the denial 'x'
  // loses to nothing stronger, Mar 12 is the event still under way.
  const auto first = strikes_row.find_first_of("#xo-");
  const std::string cells = strikes_row.substr(first);
  EXPECT_EQ(cells.substr(0, 1), "o");  // Mar 1
  EXPECT_NE(cells.find("#x-"), std::string::npos) << strikes_row;
  EXPECT_EQ(std::count(cells.begin(), cells.end(), '#'), 1);
  EXPECT_NE(text.find("legend: # action"), std::string::npos);
  EXPECT_NE(text.find("one column = 1 day"), std::string::npos);
  EXPECT_NE(text.find("strikes: 2 action, 2 rhetoric, 1 denial; 1 event, at most 3 sources"),
            std::string::npos) << text;
}

TEST(TimelineText, FactRowShowsEachNewValueAndFitsTheWidth) {
  const std::string text = render_timeline_text(sample(), 100);
  EXPECT_NE(text.find("troops_deployed"), std::string::npos);
  EXPECT_NE(text.find("3700---"), std::string::npos) << text;
  EXPECT_NE(text.find("10000"), std::string::npos);
  for (std::size_t pos = 0; pos < text.size();) {
    const auto end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    if (line.rfind("legend", 0) != 0 && line.find(':') == std::string::npos) {
      EXPECT_LE(line.size(), 100u) << line;
    }
    pos = end + 1;
  }
}

TEST(TimelineText, LongRangesUseWeeksOrMonths) {
  std::vector<TimelineMark> marks = {{"strikes", "action", at("2025-06-01T00:00:00Z"), "a", "f"}};
  const auto d = make_timeline(input_for("2024-01-01", "2025-12-31"), marks, {}, {});
  const std::string text = render_timeline_text(d, 80);
  EXPECT_NE(text.find("one column = 30 days"), std::string::npos) << text;
  EXPECT_NE(text.find('#'), std::string::npos);
}

TEST(TimelineText, HostileTitleAndTopicPrintNoControlBytes) {
  auto d = sample();
  d.title = "title\x1b[2J\rcleared";
  d.topics.push_back("evil\x1b]0;x\x07");
  const std::string text = render_timeline_text(d, 100);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
}

TEST(TimelineText, EmptyDataSaysNoMatchedItemsYet) {
  const auto d = make_timeline(input_for(nullptr, nullptr), {}, {}, {});
  EXPECT_NE(render_timeline_text(d, 80).find("no matched items yet"), std::string::npos);
}

}  // namespace
}  // namespace redline
