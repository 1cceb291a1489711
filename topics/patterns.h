// PatternList: many user patterns compiled into ONE RE2 program, so an item is scanned once per
// list however long the list is (RE2 is linear in the text). Patterns match whole words of
// normalized text; a list may be labelled (one label per group of patterns, e.g. one per named
// entity) so a hit says which group matched.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace redline::topics_detail {

class PatternList;

// Which lists of a PatternSet can have a hit in one text (see PatternSet::match).
struct ListFilter {
  std::vector<bool> may;  // per slot; empty: not decided, every list may match
  bool decided() const { return !may.empty(); }
  bool allows(const PatternList& list) const;
};

// One user pattern and where it was written, for error messages.
struct PatternSource {
  std::string pattern;  // already normalized and {vocab}-expanded
  int line = 0;
};

struct Hit {
  int begin = 0;  // byte offsets into the scanned text
  int end = 0;
  int label = 0;  // index of the pattern group that matched
};

// True when the two hits share at least one byte.
inline bool overlaps(const Hit& a, const Hit& b) {
  return a.begin < b.end && b.begin < a.end;
}

class PatternList {
 public:
  PatternList() = default;

  // Compiles groups of patterns (group i is label i). Error: "FILE:LINE: reason".
  static Result<PatternList> compile(const std::vector<std::vector<PatternSource>>& groups,
                                     const std::string& file);

  bool empty() const { return !re_; }

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
  // The same, skipped when `filter` (a PatternSet's verdict on the same text) says this list
  // has no hit in it.
  void find_all(std::string_view text, std::vector<Hit>& out, const ListFilter& filter) const {
    if (filter.allows(*this)) find_all(text, out);
  }
  std::vector<Hit> find_all(std::string_view text, const ListFilter& filter) const {
    std::vector<Hit> out;
    find_all(text, out, filter);
    return out;
  }
  bool matches(std::string_view text, const ListFilter& filter) const;

  // Its place in the watchlist's PatternSet; -1 when it is in none.
  int slot() const { return slot_; }

 private:
  friend class PatternSet;
  std::shared_ptr<const RE2> re_;
  std::vector<int> label_group_;  // capture group index of each label
  int slot_ = -1;
};

inline bool ListFilter::allows(const PatternList& list) const {
  return may.empty() || list.slot() < 0 || may[static_cast<std::size_t>(list.slot())];
}

// A prefilter over many lists: one pass of one RE2::Set over a text says which lists can have a
// hit in it at all, so only those are scanned for their hits. Most cue lists find nothing in
// most items, and a scan that finds nothing costs as much as one that does (a DFA pass over the
// whole text). Exact: a list the set rules out has no hit (the set runs each list's own program).
class PatternSet {
 public:
  PatternSet() = default;
  // Gives each non-empty list its slot. When RE2 cannot compile the set (a program too big for
  // its memory budget), nothing is filtered: slower, never wrong.
  static PatternSet build(const std::vector<PatternList*>& lists);

  // Undecided (every list may match) when the set is empty or RE2 gave up on the text.
  ListFilter match(std::string_view text) const;
  // How many lists the set decides for (the others are always scanned).
  std::size_t size() const { return slots_; }

 private:
  std::shared_ptr<const RE2::Set> set_;
  std::size_t slots_ = 0;
};

}  // namespace redline::topics_detail
