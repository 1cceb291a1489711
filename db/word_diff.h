// Word-level diff of two texts, for the revision history: what an edited headline changed,
// readable in a terminal, e.g. "US [-weighs-] {+launches+} strikes on cartel labs". Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace redline {

// Texts are split on whitespace; the words common to both (a longest common subsequence) are
// kept as they are, removed runs are written "[-...-]" and added runs "{+...+}" (removals first),
// everything joined by single spaces. Cost is bounded: after the common prefix and suffix are
// set aside, a middle larger than max_cells (old words x new words) is shown as one removal and
// one addition instead of being aligned word by word. Equal texts give "".
std::string word_diff(std::string_view old_text, std::string_view new_text,
                      std::size_t max_cells = 4'000'000);

}  // namespace redline
