#include <gtest/gtest.h>

#include "topics/patterns.h"

namespace redline::topics_detail {
namespace {

using Groups = std::vector<std::vector<PatternSource>>;

PatternList compiled(const Groups& groups) {
  auto list = PatternList::compile(groups, "w.toml");
  EXPECT_TRUE(list) << (list ? "" : list.error().message);
  return list ? std::move(*list) : PatternList{};
}

std::string error_of(const Groups& groups) {
  auto list = PatternList::compile(groups, "w.toml");
  return list ? std::string("compiled") : list.error().message;
}

TEST(PatternList, LabelsEachHitWithItsGroupWhenPatternsHoldGroupsOfTheirOwn) {
  const auto list = compiled({{{"(sina)loa cartel", 3}},
                              {{"cjng", 4}, {"jalisco (new|nueva) generation", 5}},
                              {{"gulf cartel", 6}}});
  const std::string text = " the sinaloa cartel and jalisco nueva generation, not the gulf cartel ";
  const auto hits = list.find_all(text);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].label, 0);
  EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), "sinaloa cartel");
  EXPECT_EQ(hits[1].label, 1);
  EXPECT_EQ(text.substr(hits[1].begin, hits[1].end - hits[1].begin), "jalisco nueva generation");
  EXPECT_EQ(hits[2].label, 2);
  EXPECT_EQ(text.substr(hits[2].begin, hits[2].end - hits[2].begin), "gulf cartel");
}

TEST(PatternList, PatternsMayNameGroupsOfTheirOwn) {
  const auto list = compiled({{{"(?P<l1>sina)loa", 3}}, {{"(?P<x>gulf) cartel", 4}}});
  const std::string text = " gulf cartel and sinaloa ";
  const auto hits = list.find_all(text);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].label, 1);
  EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), "gulf cartel");
  EXPECT_EQ(hits[1].label, 0);
  EXPECT_EQ(text.substr(hits[1].begin, hits[1].end - hits[1].begin), "sinaloa");
}

TEST(PatternList, LabelWithoutPatternsKeepsTheOthersNumbered) {
  const auto list = compiled({{}, {{"raid", 2}}});
  const auto hits = list.find_all(" a raid ");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].label, 1);
}

TEST(PatternList, MatchesWholeWordsOnly) {
  const auto list = compiled({{{"strike", 1}}});
  EXPECT_TRUE(list.matches(" a strike. "));
  EXPECT_FALSE(list.matches(" strikes "));
  EXPECT_FALSE(list.matches(" airstrike "));
}

TEST(PatternList, RejectsPatternThatWouldSpliceIntoItsNeighbours) {
  // Balanced inside the list's own parentheses, but not on its own: it must not join the list.
  EXPECT_EQ(error_of({{{"ok", 3}, {"a)|(b", 4}}}).rfind("w.toml:4: bad pattern 'a)|(b'", 0), 0u);
  EXPECT_EQ(error_of({{{"[a", 7}}, {{"b]", 8}}}).rfind("w.toml:7: bad pattern", 0), 0u);
}

TEST(PatternList, RejectsEmptyMatchingPatternAtItsOwnLine) {
  const std::string e = error_of({{{"ok", 3}}, {{"x", 5}, {"y?", 6}}});
  EXPECT_EQ(e, "w.toml:6: pattern 'y?' matches the empty string");
}

}  // namespace
}  // namespace redline::topics_detail
