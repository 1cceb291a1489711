// Text normalization for matching: every item and every watchlist pattern goes through the same
// folding (lower case, Latin accents removed, typographic punctuation made ASCII, white space
// collapsed) once, so patterns are written once for "Cártel"/"cartel"/"CARTEL" and matching
// never has to care about case or accents. Also the word arithmetic the classifier needs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redline::topics_detail {

// Lower-cased, accent-free, single-spaced text; invalid UTF-8 bytes become spaces.
std::string normalize_text(std::string_view in);

// Same folding for an RE2 pattern: escapes (\S, \B) keep their case.
std::string normalize_pattern(std::string_view in);

inline bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Word index of every byte of `text` (the number of words that start before it), so that the
// distance in words between two positions is a subtraction.
std::vector<int> word_index(std::string_view text);

}  // namespace redline::topics_detail
