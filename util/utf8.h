// UTF-8 as redline checks it, one sequence at a time: what RFC 3629 allows and nothing else
// (no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence). The feed
// parser uses it to validate and repair text, the alert formatter to clean it.
#pragma once

#include <cstddef>
#include <string_view>

namespace redline {

// Length (1 to 4) of the valid UTF-8 sequence that starts at s[i], or 0 when none does. When
// `cp` is given it receives the code point; on failure it holds what was decoded so far (the
// lead byte itself for a byte that cannot start a sequence).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t* cp = nullptr);

// Where the character that ends just before s[at] begins, in well-formed UTF-8 (0 < at <=
// s.size()): `at - 1` past any continuation bytes.
std::size_t utf8_start_before(std::string_view s, std::size_t at);

}  // namespace redline
