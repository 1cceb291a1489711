// PatternList: many user patterns compiled into ONE RE2 program, so an item is scanned once per
// list however long the list is (RE2 is linear in the text). Patterns match whole words of
// normalized text; a list may be labelled (one label per group of patterns, e.g. one per named
// entity) so a hit says which group matched. The lists of a watchlist share a LiteralIndex
// (topics/literal.h), which finds the same hits for all of them in one walk of a text and runs
// the RE2 program only where a pattern that is not literal may start.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"
#include "util/utf8.h"

namespace redline::topics_detail {

// One user pattern and where it was written, for error messages.
struct PatternSource {
  std::string pattern;  // already normalized and {vocab}-expanded
  int line = 0;
};

class LiteralList;
class LiteralIndex;

struct Hit {
  int begin = 0;  // byte offsets into the scanned text
  int end = 0;
  int label = 0;  // index of the pattern group that matched
};

// The span inside a match of "[^a-z0-9](...)[^a-z0-9]": without the character before and the one
// after, either of which may take several bytes in UTF-8 (RE2 matches only whole, well-formed
// characters).
inline std::pair<int, int> inside_boundaries(std::string_view text, re2::StringPiece match) {
  const std::string_view m(match.data(), match.size());
  const int begin = static_cast<int>(match.data() - text.data());
  return {begin + static_cast<int>(utf8_sequence(m, 0)),
          begin + static_cast<int>(utf8_start_before(m, m.size()))};
}

// True when the two hits share at least one byte.
inline bool overlaps(const Hit& a, const Hit& b) {
  return a.begin < b.end && b.begin < a.end;
}

// True when `pattern` cannot match the empty string, read from its text: outside every group
// and alternation, some character must be matched (a literal, an escape like \. or \S, a class
// or '.') that no '?', '*' or '{' makes optional. False means only "may match it": a pattern this
// reading is unsure of (alternation at its top, groups only, anything unusual) answers false.
bool needs_a_character(std::string_view pattern);

class PatternList {
 public:
  PatternList() = default;

  // Compiles groups of patterns (group i is label i). Error: "FILE:LINE: reason".
  static Result<PatternList> compile(const std::vector<std::vector<PatternSource>>& groups,
                                     const std::string& file);

  bool empty() const { return !program_; }

  // Every non-overlapping whole-word hit in `text`, left to right. `text` must start and end
  // with a non-word character (the classifier pads it with spaces).
  void find_all(std::string_view text, std::vector<Hit>& out) const;
  // Whether find_all would find anything; cheaper (no submatches, stops at the first hit).
  bool matches(std::string_view text) const;
  std::vector<Hit> find_all(std::string_view text) const {
    std::vector<Hit> out;
    find_all(text, out);
    return out;
  }
  // find_all by RE2 alone, where find_all asks the LiteralIndex first: the reference the tests
  // hold that one to.
  void find_all_with_re2(std::string_view text, std::vector<Hit>& out) const;
  // Whether find_all asks a LiteralIndex first (see topics/literal.h).
  bool literal() const { return index_ != nullptr; }

  // Puts the lists that suit it into one LiteralIndex, so that the lists asked about one text
  // walk it once between them; a list left out of every index is matched by RE2 alone.
  static void share_literal_index(const std::vector<PatternList*>& lists);

 private:
  // The list's own program (every pattern, a named group per label): what answers when no
  // LiteralIndex does, and the reference the tests hold one to. Compiled with the list, which
  // checks it, unless the list suits an index: then only if asked (issue #8: its program and
  // DFA states were megabytes kept for nothing, and compiling it a third of loading a watchlist).
  struct Program {
    std::string pattern;
    std::size_t labels = 0;
    std::once_flag compiled;
    std::shared_ptr<const RE2> re;
    std::vector<int> label_group;  // capture group index of each label, once compiled
    void take(std::shared_ptr<const RE2> compiled_re);
  };
  const RE2& program() const;
  std::shared_ptr<Program> program_;
  std::shared_ptr<const LiteralList> literal_;  // null: the list does not suit literal matching
  std::shared_ptr<const LiteralIndex> index_;   // null: RE2 alone
  std::size_t index_id_ = 0;
};

}  // namespace redline::topics_detail
