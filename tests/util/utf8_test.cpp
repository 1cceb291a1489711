#include "util/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace redline {
namespace {

TEST(Utf8, ReadsOneToFourByteSequencesWithTheirCodePoints) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8C\x8E";  // a, é, €, 🌎
  char32_t cp = 0;
  EXPECT_EQ(utf8_sequence(s, 0, &cp), 1u);
  EXPECT_EQ(cp, U'a');
  EXPECT_EQ(utf8_sequence(s, 1, &cp), 2u);
  EXPECT_EQ(cp, U'\u00E9');
  EXPECT_EQ(utf8_sequence(s, 3, &cp), 3u);
  EXPECT_EQ(cp, U'\u20AC');
  EXPECT_EQ(utf8_sequence(s, 6, &cp), 4u);
  EXPECT_EQ(cp, U'\U0001F30E');
}

TEST(Utf8, FindsWhereTheCharacterBeforeABytePositionStarts) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8C\x8E";  // a, é, €, 🌎
  EXPECT_EQ(utf8_start_before(s, 1), 0u);
  EXPECT_EQ(utf8_start_before(s, 3), 1u);
  EXPECT_EQ(utf8_start_before(s, 6), 3u);
  EXPECT_EQ(utf8_start_before(s, s.size()), 6u);
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_EQ(utf8_sequence("\xC0\xAF", 0), 0u);          // '/' in two bytes
  EXPECT_EQ(utf8_sequence("\xE0\x80\xAF", 0), 0u);      // '/' in three
  EXPECT_EQ(utf8_sequence("\xF0\x82\x82\xAC", 0), 0u);  // '€' in four
}

TEST(Utf8, RejectsSurrogatesAndCodePointsAboveTheLast) {
  EXPECT_EQ(utf8_sequence("\xED\xA0\x80", 0), 0u);      // U+D800
  EXPECT_EQ(utf8_sequence("\xF4\x90\x80\x80", 0), 0u);  // U+110000
  EXPECT_EQ(utf8_sequence("\xF4\x8F\xBF\xBF", 0), 4u);  // U+10FFFF is the last
}

TEST(Utf8, RejectsTruncatedAndStrayBytes) {
  EXPECT_EQ(utf8_sequence(std::string_view("\xE2\x82", 2), 0), 0u);
  EXPECT_EQ(utf8_sequence("\xE2(\xAC", 0), 0u);
  char32_t cp = 0;
  EXPECT_EQ(utf8_sequence("\x85", 0, &cp), 0u);
  EXPECT_EQ(cp, char32_t{0x85}) << "a byte that starts no sequence is left as the code point";
  EXPECT_EQ(utf8_sequence("\xFF", 0), 0u);
}

}  // namespace
}  // namespace redline
