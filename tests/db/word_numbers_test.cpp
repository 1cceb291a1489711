#include "db/word_numbers.h"

#include <gtest/gtest.h>

#include <string>

namespace redline {
namespace {

// Numbers in the order words are first met, the same number for a word met again, and none for
// a word never inserted, across the table's growth (it starts at 1,024 slots, half of them
// usable) and for words that differ in one byte or only in length.
TEST(WordNumbers, NumbersWordsInOrderAndFindsThemAfterGrowth) {
  WordNumbers numbers;
  EXPECT_EQ(numbers.find("strike"), WordNumbers::kNone);
  const int n = 5000;
  for (int k = 0; k < n; ++k) {
    EXPECT_EQ(numbers.insert("w" + std::to_string(k)), static_cast<std::uint32_t>(k));
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    const std::string word = "w" + std::to_string(k);
    EXPECT_EQ(numbers.find(word), static_cast<std::uint32_t>(k)) << word;
    EXPECT_EQ(numbers.insert(word), static_cast<std::uint32_t>(k)) << word;
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(n));
  for (const char* absent : {"w", "w5000", "w-1", "x0", "w00", "e:sinaloa", ""}) {
    EXPECT_EQ(numbers.find(absent), WordNumbers::kNone) << absent;
  }
  EXPECT_EQ(numbers.insert("e:sinaloa"), static_cast<std::uint32_t>(n));
  EXPECT_EQ(numbers.insert(""), static_cast<std::uint32_t>(n + 1));
  EXPECT_EQ(numbers.find(""), static_cast<std::uint32_t>(n + 1));
}

}  // namespace
}  // namespace redline
