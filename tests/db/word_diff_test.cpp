#include "db/word_diff.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(WordDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(word_diff("US weighs strikes", "US weighs strikes"), "");
  EXPECT_EQ(word_diff("US  weighs\tstrikes ", " US weighs strikes"), "");
}

TEST(WordDiff, MarksAReplacedWord) {
  EXPECT_EQ(word_diff("US weighs strikes on cartel labs", "US launches strikes on cartel labs"),
            "US [-weighs-] {+launches+} strikes on cartel labs");
}

TEST(WordDiff, GroupsRunsOfChanges) {
  EXPECT_EQ(word_diff("Pentagon may send troops soon", "Pentagon has sent 1,500 troops soon"),
            "Pentagon [-may send-] {+has sent 1,500+} troops soon");
}

TEST(WordDiff, ShowsPureInsertionsAndDeletions) {
  EXPECT_EQ(word_diff("troops at border", "more troops at the border"),
            "{+more+} troops at {+the+} border");
  EXPECT_EQ(word_diff("officials say raid happened", "raid happened"),
            "[-officials say-] raid happened");
}

TEST(WordDiff, HandlesEmptySides) {
  EXPECT_EQ(word_diff("", "new headline"), "{+new headline+}");
  EXPECT_EQ(word_diff("old headline", ""), "[-old headline-]");
}

TEST(WordDiff, KeepsCommonWordsInOrder) {
  EXPECT_EQ(word_diff("a b c d e", "a c b d e"), "a [-b-] c {+b+} d e");
}

TEST(WordDiff, ReplacesTheWholeMiddleWhenAlignmentWouldCostTooMuch) {
  EXPECT_EQ(word_diff("start one two three end", "start four five end", 4),
            "start [-one two three-] {+four five+} end");
}

TEST(WordDiff, LongTextsStayCorrectAtTheEdges) {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) {
    a += "w" + std::to_string(i) + " ";
    b += "v" + std::to_string(i) + " ";
  }
  const std::string diff = word_diff("same " + a + "tail", "same " + b + "tail", 1000);
  EXPECT_EQ(diff.rfind("same [-w0 ", 0), 0u);
  EXPECT_NE(diff.find("w4999-] {+v0 "), std::string::npos);
  EXPECT_EQ(diff.substr(diff.size() - 12), "v4999+} tail");
}

}  // namespace
}  // namespace redline
