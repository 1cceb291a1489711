// Literal matching (issue #8): the pattern lists of a watchlist matched together over the starts
// of words, instead of one RE2 pass over every byte for each list.
//
// Most patterns are words and phrases with optional endings ("strikes?", "bomb(s|ed|ing)?",
// "air strikes?"): they expand into a finite set of strings. The strings of many lists go into one
// trie, walked once from each word start of a text: one walk finds every list's candidates there.
// A pattern that is not literal ("cross(ed)? ([^ ,.;:]+ ){1,4}into mexico") mostly still begins
// with one of a few strings ("cross", "crossed"): where the walk meets one, RE2 runs anchored,
// if the text holds after it, for each later part of the pattern that begins with known words,
// one of them at a word start and no farther than the parts before can reach in spaces ("into
// mexico", at most five spaces on; the same walk finds them). An alternation is taken alternative
// by alternative, as if each were a pattern of the list: its literal alternatives are strings of
// the walk. The rest ("\S*\d\S* pounds") are left to one RE2 pass of their own. The hits are
// exactly RE2's (leftmost-longest, one after the other); a text that is not well-formed UTF-8 is
// left to RE2.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topics/patterns.h"

namespace redline::topics_detail {

// The strings `pattern` matches, when it is written with literals, escaped punctuation, groups,
// alternation, '?', bounded repeats and small classes only, and they are at most `cap`.
std::optional<std::vector<std::string>> literal_strings(std::string_view pattern, std::size_t cap);

// Strings one of which every match of `pattern` begins with, none empty, at most `cap` (shorter
// ones when the full ones would be more); nothing when a match can begin with a part that is not
// literal.
std::optional<std::vector<std::string>> literal_prefixes(std::string_view pattern, std::size_t cap);

// One list's part: its strings (with labels), the starts of its other patterns, and RE2 for
// those. Null from build when the list does not suit: a string or start that does not begin with
// a letter or digit, or several labels and a pattern that is not literal.
class LiteralList {
 public:
  // `options` are those of the list's own program.
  static std::shared_ptr<const LiteralList> build(
      const std::vector<std::vector<std::string>>& groups, const RE2::Options& options);

  // Labels other than a string's own: a start of a pattern that needs nothing else known, a
  // string such patterns need, and (kFirstNeed - k) a start of the pattern needs_[k].
  static constexpr int kTrigger = -2;
  static constexpr int kRequired = -3;
  static constexpr int kFirstNeed = -4;

 private:
  friend class LiteralIndex;
  // A string and its label, kTrigger or a start of a pattern with needs. Taken by the one
  // LiteralIndex built from the list.
  mutable std::vector<std::pair<std::string, int>> entries_;
  // Per pattern run from its starts whose needs are known, per part of it that every match has:
  // strings one of which the match holds there, at a word start (after a part that always ends
  // in a space), and the most spaces the match holds before it. A start that lacks one part's
  // strings at a word start at or after it, that near, runs no RE2 from that pattern.
  mutable std::vector<std::vector<std::pair<std::vector<std::string>, int>>> needs_;
  mutable bool taken_ = false;
  std::unique_ptr<RE2> started_;       // the patterns that begin with strings: run anchored at
                                       // the boundary before a start
  std::unique_ptr<RE2> unanchored_;    // the others, between boundaries: run over the text
  std::vector<std::string> required_;  // one of these is in every text unanchored_ matches
                                       // (empty: no such strings known)
  bool latin1_ = false;  // started_ and unanchored_ read Latin-1: a text outside ASCII through
                         // LiteralScan::narrow (its characters outside ASCII a byte each)
};

struct LiteralScan;
struct LiteralFrame;

// The trie of several lists. A list's id is its position in build's argument.
class LiteralIndex {
 public:
  static std::shared_ptr<const LiteralIndex> build(
      std::vector<std::shared_ptr<const LiteralList>> lists);
  ~LiteralIndex();

  // PatternList::find_all of list `id` (first_only: one hit or none, not always the first, for
  // whether there is one). False, with `out` as it was, when RE2 must answer: the text is not
  // well-formed UTF-8, or is very long.
  bool find_all(std::size_t id, std::string_view text, std::vector<Hit>& out,
                bool first_only) const;

  // What one walk of `text` finds for every list (text well-formed and short enough).
  void scan(std::string_view text, LiteralScan& out) const;
  // Unique per index built (an index's address may be reused by the next one).
  std::uint64_t serial() const { return serial_; }

 private:
  // 8 bytes: an index has a node per distinct prefix of its strings at which one ends or they
  // part, tens of thousands (a prefix with one way on and nothing ending is no node: its bytes
  // are the next node's tail).
  struct Node {
    std::uint32_t first_child = 0;
    std::uint32_t packed = 0;  // first end (18 bits), children (7), ends (7)
    std::uint32_t first_end() const { return packed & 0x3FFFFU; }
    std::uint32_t children() const { return (packed >> 18) & 0x7FU; }
    std::uint32_t ends() const { return packed >> 25; }
  };
  struct End {
    std::uint16_t list;  // of a needed string (kRequired): its number
    // LiteralList::kTrigger: a start of one of the list's other patterns; at or below
    // LiteralList::kFirstNeed, of patterns that need one of the strings of
    // needs_[kFirstNeed - label]; kRequired: such a string
    std::int16_t label;
  };

  // The strings the lists' other patterns need (LiteralList::required_), all found in one pass
  // over a text by an automaton of them (Aho-Corasick, ASCII): a list runs its other patterns
  // only over a text that holds one of its strings. A list whose strings are not in it
  // (empty, or a byte outside ASCII) always runs them.
  struct Required {
    std::vector<std::uint16_t> next;         // state * 128 + byte: the state after the byte
    std::vector<std::uint32_t> first_found;  // per state: where its strings begin in `found`
    std::vector<std::uint16_t> found;        // the strings that end at a state
    std::vector<std::vector<std::uint16_t>> of_list;  // per list: its strings
    std::vector<bool> always;                         // per list: runs them on every text
    std::size_t strings = 0;
  };
  void build_required();
  void find_required(std::string_view text, LiteralScan& out) const;
  // The label of a start of patterns with needs `a` and of patterns with needs `b`: it needs
  // either (LiteralList::kTrigger when either needs nothing).
  std::int16_t either_need(std::int16_t a, std::int16_t b);

  std::vector<std::shared_ptr<const LiteralList>> lists_;
  Required required_;
  std::int32_t root_[256];
  std::vector<Node> nodes_;
  std::vector<unsigned char> byte_;  // the byte that leads to each node
  // Per node, the bytes after byte_ that lead to it as well: where they begin in tails_ (24
  // bits) and how many (8). The shipped watchlist's strings make 143,000 prefixes, 110,000 of
  // them with one way on and nothing ending: 1.3 MB of nodes as a plain trie, 0.5 MB this way.
  std::vector<std::uint32_t> tail_;
  std::string tails_;
  std::vector<End> ends_;
  // The strings the patterns run from their starts need (LiteralList::needs_), numbered; each
  // part of needs_ is a set of their numbers, one of which must be at a word start of a text.
  std::size_t needed_strings_ = 0;
  // A part of a pattern a match holds: one of the strings `numbers` at a word start, with at
  // most `spaces` spaces between the start of the match and it (kManySpaces in literal.cpp: no
  // bound).
  struct NeedPart {
    std::vector<std::uint16_t> numbers;
    int spaces = 0;
  };
  std::vector<std::vector<NeedPart>> needs_;  // per label below kFirstNeed: every part is there
  std::uint64_t serial_ = 0;  // unique per index built: a kept walk names its index by it
};

// While one lives (on a thread), the walks of `texts` are kept and reused, so that the many lists
// asked about one of them walk it once. The texts (and the bytes they view) must stay alive and
// unchanged meanwhile; a text is known by its address and size. Any other text is walked again
// unless it is the last one walked, byte for byte.
class LiteralScans {
 public:
  explicit LiteralScans(const std::vector<std::string_view>& texts);
  ~LiteralScans();
  LiteralScans(const LiteralScans&) = delete;
  LiteralScans& operator=(const LiteralScans&) = delete;

  // The text is done with (its bytes may be freed): its walks are dropped.
  void forget(std::string_view text);

 private:
  std::unique_ptr<LiteralFrame> frame_;
};

}  // namespace redline::topics_detail
