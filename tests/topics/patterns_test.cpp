#include <gtest/gtest.h>

#include "topics/patterns.h"

#include <random>

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

using Labelled = std::vector<std::pair<int, std::string>>;

// Each hit of `list` in `text`: its label and the words it covers, left to right.
Labelled labelled_hits(const PatternList& list, const std::string& text) {
  Labelled out;
  for (const auto& h : list.find_all(text)) {
    out.emplace_back(h.label, text.substr(static_cast<std::size_t>(h.begin),
                                          static_cast<std::size_t>(h.end - h.begin)));
  }
  return out;
}

TEST(PatternList, LabelsEachHitWithItsGroupWhenPatternsHoldGroupsOfTheirOwn) {
  const auto list = compiled({{{"(sina)loa cartel", 3}},
                              {{"cjng", 4}, {"jalisco (new|nueva) generation", 5}},
                              {{"gulf cartel", 6}}});
  EXPECT_EQ(
      labelled_hits(list, " the sinaloa cartel and jalisco nueva generation, not the gulf cartel "),
      (Labelled{{0, "sinaloa cartel"}, {1, "jalisco nueva generation"}, {2, "gulf cartel"}}));
}

TEST(PatternList, PatternsMayNameGroupsOfTheirOwn) {
  const auto list = compiled({{{"(?P<l1>sina)loa", 3}}, {{"(?P<x>gulf) cartel", 4}}});
  EXPECT_EQ(labelled_hits(list, " gulf cartel and sinaloa "),
            (Labelled{{1, "gulf cartel"}, {0, "sinaloa"}}));
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

TEST(NeedsACharacter, ReadsWhatAPatternMustMatch) {
  for (const char* p : {"strike", "strikes?", "u\\.? ?s\\.?", "(us |u\\.s\\. )?coast guard",
                        "f-35s?", "[^ ,.;:]+ into", "\\S*\\d\\S* pounds", "(?i)raid", "x{0,2}y",
                        "a+", "[]x]", "[[:alpha:]]?b", "\\.", ".?z"}) {
    EXPECT_TRUE(needs_a_character(p)) << p;
  }
  for (const char* p : {"s?", "(strike)", "a|b", "a|", "x{0,3}", "(a)?", "\\b", "^$", "[ab]*",
                        "\\pN?", "\\x{41}?", "a)", "(a", "[a", "", "(?:a|b)?c?"}) {
    EXPECT_FALSE(needs_a_character(p)) << p;
  }
}

// Whenever the reading says a pattern needs a character, RE2 agrees that it cannot match "":
// random patterns of atoms, groups, classes, escapes and quantifiers (a fixed seed).
TEST(NeedsACharacter, NeverClaimsWhatRe2Denies) {
  const std::vector<std::string> atoms = {
      "a", "b", " ", ".", "\\.", "\\S", "\\d", "\\b",   "[ab]",  "[^ ]", "[]a]", "^",
      "$", "(", ")", "|", "?",   "*",   "+",   "{0,2}", "{1,2}", "(?:",  "\\pL"};
  std::mt19937 random(20261127);
  int checked = 0, needing = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string p;
    const int length = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < length; ++k) p += atoms[random() % atoms.size()];
    RE2 re(p, RE2::Quiet);
    if (!re.ok()) continue;
    ++checked;
    if (!needs_a_character(p)) continue;
    ++needing;
    EXPECT_FALSE(RE2::FullMatch("", re)) << p;
  }
  EXPECT_GT(checked, 5000);
  EXPECT_GT(needing, 1000);
}

}  // namespace
}  // namespace redline::topics_detail
