#include "topics/literal.h"

#include <emmintrin.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "util/utf8.h"

namespace redline::topics_detail {

namespace {

// A pattern read as a tree. kOther is one character the tree does not spell out (\S, '.', a
// negated or large class); anything the reading does not know makes the whole reading fail.
struct Node {
  enum Kind { kLit, kAlt, kSeq, kRepeat, kOther } kind = kLit;
  Node() = default;
  explicit Node(Kind k) : kind(k) {}
  std::string lit;
  std::vector<Node> kids;
  int min = 1;
  int max = 1;  // -1: unbounded
  bool spaceless = false;  // kOther: never matches a space (\S, [^ ...])
};

constexpr int kMaxRepeat = 64;
constexpr std::size_t kMaxStarts = 256;  // starts kept per pattern
constexpr std::size_t kMaxClass = 16;    // a larger class is read as kOther

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::optional<Node> read() {
    Node n = alt();
    if (!ok_ || i_ != p_.size()) return std::nullopt;
    return n;
  }

 private:
  bool more() const { return i_ < p_.size(); }
  char peek() const { return p_[i_]; }

  Node alt() {
    Node first = seq();
    if (!more() || peek() != '|') return first;
    Node n{Node::kAlt};
    n.kids.push_back(std::move(first));
    while (ok_ && more() && peek() == '|') {
      ++i_;
      n.kids.push_back(seq());
    }
    return n;
  }

  Node seq() {
    Node n{Node::kSeq};
    while (ok_ && more() && peek() != '|' && peek() != ')') {
      Node a = atom();
      if (!ok_) break;
      quantify(a);
      // A run of literal characters is one string (fewer nodes, fewer products to spell out).
      if (a.kind == Node::kLit && !n.kids.empty() && n.kids.back().kind == Node::kLit) {
        n.kids.back().lit += a.lit;
        continue;
      }
      n.kids.push_back(std::move(a));
    }
    return n;
  }

  static Node literal(std::string s) {
    Node n{Node::kLit};
    n.lit = std::move(s);
    return n;
  }

  static Node one_of(const std::string& chars) {
    if (chars.size() > kMaxClass) return Node{Node::kOther};
    Node n{Node::kAlt};
    for (char c : chars) n.kids.push_back(literal(std::string(1, c)));
    return n;
  }

  static Node spaceless() {
    Node n{Node::kOther};
    n.spaceless = true;
    return n;
  }

  Node fail() {
    ok_ = false;
    return Node{};
  }

  Node atom() {
    const char c = peek();
    if (c == '(') {
      ++i_;
      if (more() && peek() == '?') {
        if (p_.substr(i_, 2) == "?:") {
          i_ += 2;
        } else if (p_.substr(i_, 3) == "?P<") {
          const auto close = p_.find('>', i_);
          if (close == std::string_view::npos) return fail();
          i_ = close + 1;
        } else {
          return fail();  // flags and the like
        }
      }
      Node inner = alt();
      if (!ok_ || !more() || peek() != ')') return fail();
      ++i_;
      return inner;
    }
    if (c == '\\') {
      if (i_ + 1 >= p_.size()) return fail();
      const char e = p_[i_ + 1];
      i_ += 2;
      if (e == 'd') return one_of("0123456789");
      if (e == 'S' || e == 'w') return spaceless();
      if (e == 's' || e == 'W' || e == 'D') return Node{Node::kOther};
      if (std::isalnum(static_cast<unsigned char>(e)) || static_cast<unsigned char>(e) >= 0x80)
        return fail();  // \b, \pL, \x{..}, \n, ...
      return literal(std::string(1, e));
    }
    if (c == '[') return char_class();
    if (c == '.') {
      ++i_;
      return Node{Node::kOther};
    }
    if (c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{' || c == ')')
      return fail();
    // One character; a UTF-8 sequence is one atom, as a quantifier after it applies to all of it.
    const auto b = static_cast<unsigned char>(c);
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (b >= 0x80 && b < 0xC0) return fail();
    if (i_ + len > p_.size()) return fail();
    Node n = literal(std::string(p_.substr(i_, len)));
    i_ += len;
    return n;
  }

  Node char_class() {
    ++i_;  // '['
    if (more() && peek() == '^') {
      const auto end = class_end();
      if (!end) return fail();
      // Spaceless when a space is among what it excludes, as in [^ ,.;:].
      const bool no_space = p_.substr(i_, *end - i_).find(' ') != std::string_view::npos;
      i_ = *end;
      return no_space ? spaceless() : Node{Node::kOther};
    }
    std::string chars;
    bool other = false;
    bool first = true;
    while (more() && (peek() != ']' || first)) {
      first = false;
      char a = peek();
      if (static_cast<unsigned char>(a) >= 0x80) return fail();
      if (a == '[') return fail();  // [:alpha:] and the like
      if (a == '\\') {
        if (i_ + 1 >= p_.size()) return fail();
        const char e = p_[i_ + 1];
        i_ += 2;
        if (e == 'd') {
          chars += "0123456789";
          continue;
        }
        if (e == 'S' || e == 's' || e == 'w' || e == 'W' || e == 'D') {
          other = true;
          continue;
        }
        if (std::isalnum(static_cast<unsigned char>(e))) return fail();
        chars += e;
        continue;
      }
      ++i_;
      if (more() && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        const char b = p_[i_ + 1];
        if (b == '\\' || static_cast<unsigned char>(b) >= 0x80 || b < a) return fail();
        for (int x = a; x <= b; ++x) chars += static_cast<char>(x);
        i_ += 2;
        continue;
      }
      chars += a;
    }
    if (!more()) return fail();
    ++i_;  // ']'
    if (other) return Node{Node::kOther};
    std::sort(chars.begin(), chars.end());
    chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
    if (chars.empty()) return fail();
    return one_of(chars);
  }

  // Past the ']' of a negated class whose '[' was just read.
  std::optional<std::size_t> class_end() const {
    std::size_t j = i_ + 1;  // past '^'
    if (j < p_.size() && p_[j] == ']') ++j;
    for (; j < p_.size(); ++j) {
      if (p_[j] == '\\') {
        ++j;
      } else if (p_[j] == '[') {
        return std::nullopt;
      } else if (p_[j] == ']') {
        return j + 1;
      }
    }
    return std::nullopt;
  }

  void quantify(Node& a) {
    if (!more()) return;
    int min = 1, max = 1;
    const char q = peek();
    if (q == '?') {
      min = 0;
    } else if (q == '*') {
      min = 0, max = -1;
    } else if (q == '+') {
      max = -1;
    } else if (q == '{') {
      const auto close = p_.find('}', i_);
      if (close == std::string_view::npos) return void(fail());
      const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      const auto comma = body.find(',');
      auto number = [&](std::string_view s, int& v) {
        if (s.empty() || s.size() > 3) return false;
        v = 0;
        for (char d : s) {
          if (d < '0' || d > '9') return false;
          v = v * 10 + (d - '0');
        }
        return true;
      };
      if (comma == std::string_view::npos) {
        if (!number(body, min)) return void(fail());
        max = min;
      } else {
        if (!number(body.substr(0, comma), min)) return void(fail());
        if (comma + 1 == body.size()) {
          max = -1;
        } else if (!number(body.substr(comma + 1), max) || max < min) {
          return void(fail());
        }
      }
      if (min > kMaxRepeat || max > kMaxRepeat) return void(fail());
      i_ = close;
    } else {
      return;
    }
    ++i_;
    if (more() && peek() == '?') ++i_;  // non-greedy: the same strings
    if (more() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{'))
      return void(fail());
    Node r{Node::kRepeat};
    r.min = min;
    r.max = max;
    r.kids.push_back(std::move(a));
    a = std::move(r);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

using Strings = std::vector<std::string>;

std::optional<Strings> concat(const Strings& a, const Strings& b, std::size_t cap) {
  Strings out;
  if (a.size() * b.size() > cap) return std::nullopt;
  out.reserve(a.size() * b.size());
  for (const auto& x : a)
    for (const auto& y : b) out.push_back(x + y);
  return out;
}

std::optional<Strings> strings_of(const Node& n, std::size_t cap) {
  switch (n.kind) {
    case Node::kLit:
      return Strings{n.lit};
    case Node::kOther:
      return std::nullopt;
    case Node::kAlt: {
      Strings out;
      for (const auto& k : n.kids) {
        auto s = strings_of(k, cap);
        if (!s) return std::nullopt;
        out.insert(out.end(), s->begin(), s->end());
        if (out.size() > cap) return std::nullopt;
      }
      return out;
    }
    case Node::kSeq: {
      // Each part's strings, then every choice of one per part, written straight out.
      std::vector<Strings> parts;
      std::size_t total = 1;
      for (const auto& k : n.kids) {
        auto s = strings_of(k, cap);
        if (!s) return std::nullopt;
        total *= s->size();
        if (total > cap) return std::nullopt;
        parts.push_back(std::move(*s));
      }
      Strings out;
      out.reserve(total);
      std::string spelt;
      auto spell = [&](auto&& self, std::size_t part) -> void {
        if (part == parts.size()) {
          out.push_back(spelt);
          return;
        }
        const std::size_t length = spelt.size();
        for (const auto& piece : parts[part]) {
          spelt += piece;
          self(self, part + 1);
          spelt.resize(length);
        }
      };
      spell(spell, 0);
      return out;
    }
    case Node::kRepeat: {
      if (n.max < 0) return std::nullopt;
      auto one = strings_of(n.kids[0], cap);
      if (!one) return std::nullopt;
      Strings out;
      Strings power{""};
      for (int k = 0; k <= n.max; ++k) {
        if (k >= n.min) {
          out.insert(out.end(), power.begin(), power.end());
          if (out.size() > cap) return std::nullopt;
        }
        if (k == n.max) break;
        auto c = concat(power, *one, cap);
        if (!c) return std::nullopt;
        power = std::move(*c);
      }
      return out;
    }
  }
  return std::nullopt;
}

// A start of a match: `text` begins every match of the node that it is a prefix of; `whole`
// when it is the whole match.
struct Start {
  std::string text;
  bool whole = false;
};
using Starts = std::vector<Start>;

// At most `cap` starts: all cut to the longest length that leaves that few (a start of a start is
// a start too), none whole any more.
void shrink(Starts& starts, std::size_t cap) {
  if (starts.size() <= cap) return;
  std::vector<std::string> texts;
  for (auto& s : starts) texts.push_back(std::move(s.text));
  std::sort(texts.begin(), texts.end());
  texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
  std::size_t length = 0;
  for (const auto& t : texts) length = std::max(length, t.size());
  for (; length > 1; --length) {
    std::size_t distinct = 0;
    std::string_view previous;
    for (const auto& t : texts) {
      const auto cut = std::string_view(t).substr(0, length);
      if (distinct == 0 || cut != previous) ++distinct, previous = cut;
    }
    if (distinct <= cap) break;
  }
  starts.clear();
  for (auto& t : texts) {
    t.resize(std::min(t.size(), length));
    if (starts.empty() || starts.back().text != t) starts.push_back({std::move(t), false});
  }
}

// Starts one of which every match of the node begins with (an empty one: it may begin with
// anything), at most about `cap` of them.
Starts starts_of(const Node& n, std::size_t cap) {
  switch (n.kind) {
    case Node::kLit:
      return Starts{{n.lit, true}};
    case Node::kOther:
      return Starts{{"", false}};
    case Node::kAlt: {
      Starts out;
      for (const auto& k : n.kids) {
        auto s = starts_of(k, cap);
        out.insert(out.end(), s.begin(), s.end());
      }
      shrink(out, cap);
      return out;
    }
    case Node::kSeq: {
      Starts out{{"", true}};
      for (const auto& k : n.kids) {
        const auto whole = static_cast<std::size_t>(
            std::count_if(out.begin(), out.end(), [](const Start& s) { return s.whole; }));
        if (whole == 0) break;
        const auto next = starts_of(k, cap);
        if ((out.size() - whole) + whole * next.size() > cap) {
          for (auto& s : out) s.whole = false;  // long enough: stop here
          break;
        }
        Starts grown;
        for (const auto& s : out) {
          if (!s.whole) {
            grown.push_back(s);
            continue;
          }
          for (const auto& t : next) grown.push_back({s.text + t.text, t.whole});
        }
        out = std::move(grown);
      }
      return out;
    }
    case Node::kRepeat: {
      if (n.max >= 0) {
        if (auto s = strings_of(n, cap)) {
          Starts out;
          for (auto& x : *s) out.push_back({std::move(x), true});
          return out;
        }
      }
      // Unbounded or too many: a match begins with one repetition's start (or with what
      // follows, when none is required); taken as never whole.
      auto one = starts_of(n.kids[0], cap);
      Starts out;
      if (n.min == 0) out.push_back({"", true});
      for (auto& s : one) out.push_back({std::move(s.text), false});
      return out;
    }
  }
  return Starts{{"", false}};
}

// Whether the node spells out its strings: no kOther, no unbounded repeat.
bool finite(const Node& n) {
  if (n.kind == Node::kOther || (n.kind == Node::kRepeat && n.max < 0)) return false;
  return std::all_of(n.kids.begin(), n.kids.end(), finite);
}

std::optional<std::vector<std::string>> strings_of_tree(const Node& tree, std::size_t cap) {
  if (!finite(tree)) return std::nullopt;
  return strings_of(tree, cap);
}

std::optional<std::vector<std::string>> prefixes_of_tree(const Node& tree, std::size_t cap) {
  auto starts = starts_of(tree, cap);
  shrink(starts, cap);
  std::vector<std::string> out;
  for (auto& s : starts) {
    if (s.text.empty()) return std::nullopt;
    out.push_back(std::move(s.text));
  }
  // Sorted, a start comes before those it begins; they add nothing.
  std::sort(out.begin(), out.end());
  std::vector<std::string> kept;
  for (auto& s : out) {
    if (!kept.empty() && s.compare(0, kept.back().size(), kept.back()) == 0) continue;
    kept.push_back(std::move(s));
  }
  return kept;
}

// Strings one of which every match of the node contains; nothing when the reading finds none.
// Of a sequence, the requirement of one part (runs of letters read as one string), the one whose
// shortest string is longest.
std::optional<std::vector<std::string>> required_of(const Node& n) {
  switch (n.kind) {
    case Node::kLit:
      return std::vector<std::string>{n.lit};
    case Node::kOther:
      return std::nullopt;
    case Node::kAlt: {
      std::vector<std::string> out;
      for (const auto& k : n.kids) {
        auto r = required_of(k);
        if (!r) return std::nullopt;
        out.insert(out.end(), r->begin(), r->end());
      }
      return out;
    }
    case Node::kRepeat:
      if (n.min == 0) return std::nullopt;
      return required_of(n.kids[0]);
    case Node::kSeq: {
      std::optional<std::vector<std::string>> best;
      auto shortest = [](const std::vector<std::string>& r) {
        std::size_t m = std::string::npos;
        for (const auto& s : r) m = std::min(m, s.size());
        return m;
      };
      auto consider = [&](std::optional<std::vector<std::string>> r) {
        if (r && !r->empty() && shortest(*r) > 0 && (!best || shortest(*r) > shortest(*best)))
          best = std::move(r);
      };
      std::string run;
      for (const auto& k : n.kids) {
        if (k.kind == Node::kLit) {
          run += k.lit;
          continue;
        }
        if (!run.empty()) consider(std::vector<std::string>{run}), run.clear();
        consider(required_of(k));
      }
      if (!run.empty()) consider(std::vector<std::string>{run});
      return best;
    }
  }
  return std::nullopt;
}

// Whether the node can match the empty string.
bool can_be_empty(const Node& n) {
  switch (n.kind) {
    case Node::kLit:
      return n.lit.empty();
    case Node::kOther:
      return false;
    case Node::kAlt:
      return std::any_of(n.kids.begin(), n.kids.end(), can_be_empty);
    case Node::kSeq:
      return std::all_of(n.kids.begin(), n.kids.end(), can_be_empty);
    case Node::kRepeat:
      return n.min == 0 || can_be_empty(n.kids[0]);
  }
  return true;
}

// Whether every match of the node that is not empty ends in a space.
bool ends_in_space(const Node& n) {
  switch (n.kind) {
    case Node::kLit:
      return n.lit.empty() || n.lit.back() == ' ';
    case Node::kOther:
      return false;
    case Node::kAlt:
      return std::all_of(n.kids.begin(), n.kids.end(), ends_in_space);
    case Node::kSeq:
      for (auto k = n.kids.rbegin(); k != n.kids.rend(); ++k) {
        if (!ends_in_space(*k)) return false;
        if (!can_be_empty(*k)) return true;
      }
      return true;
    case Node::kRepeat:
      return ends_in_space(n.kids[0]);
  }
  return false;
}

constexpr int kManySpaces = 1 << 20;  // no bound known

// The most spaces a match of the node holds (kManySpaces: no bound known).
int max_spaces(const Node& n) {
  switch (n.kind) {
    case Node::kLit:
      return static_cast<int>(std::count(n.lit.begin(), n.lit.end(), ' '));
    case Node::kOther:
      return n.spaceless ? 0 : 1;
    case Node::kAlt: {
      int most = 0;
      for (const auto& k : n.kids) most = std::max(most, max_spaces(k));
      return most;
    }
    case Node::kSeq: {
      int sum = 0;
      for (const auto& k : n.kids) sum = std::min(kManySpaces, sum + max_spaces(k));
      return sum;
    }
    case Node::kRepeat: {
      const int one = max_spaces(n.kids[0]);
      if (one == 0) return 0;
      if (n.max < 0) return kManySpaces;
      return std::min(kManySpaces, one * n.max);
    }
  }
  return kManySpaces;
}

// Strings one of which every match of the pattern holds at a word start: the starts of a part
// of its sequence after the first, which every match has (no start is empty) and which follows
// a part that always ends in a space (or begins the match, itself at a word start); or, when
// every start of the part begins with spaces, what follows them. Every such part (a match has
// them all), the one whose shortest start is longest first. None when no part is known to be so.
// With each, the most spaces between the start of a match and the word that begins with one.
struct Needs {
  Strings strings;
  int spaces = kManySpaces;
};
std::vector<Needs> needs_of(const Node& tree, std::size_t cap) {
  std::vector<Needs> parts;
  if (tree.kind != Node::kSeq) return parts;
  auto shortest = [](const Strings& r) {
    std::size_t m = std::string::npos;
    for (const auto& x : r) m = std::min(m, x.size());
    return m;
  };
  for (std::size_t k = 1; k < tree.kids.size(); ++k) {
    auto starts = prefixes_of_tree(tree.kids[k], cap);
    if (!starts || starts->empty()) continue;
    const bool spaced = std::all_of(starts->begin(), starts->end(),
                                    [](const std::string& x) { return x[0] == ' '; });
    int spaces = 0;  // before the part, then its own leading ones
    for (std::size_t j = 0; j < k; ++j)
      spaces = std::min(kManySpaces, spaces + max_spaces(tree.kids[j]));
    if (spaced) {
      std::size_t lead = 0;
      for (auto& x : *starts) {
        lead = std::max(lead, std::min(x.size(), x.find_first_not_of(' ')));
        x.erase(0, x.find_first_not_of(' '));
      }
      spaces = std::min(kManySpaces, spaces + static_cast<int>(lead));
      if (std::any_of(starts->begin(), starts->end(),
                      [](const std::string& x) { return x.empty(); }))
        continue;
    } else {
      bool after_space = true;
      for (std::size_t j = k; j-- > 0;) {
        if (!ends_in_space(tree.kids[j])) {
          after_space = false;
          break;
        }
        if (!can_be_empty(tree.kids[j])) break;
      }
      if (!after_space) continue;
    }
    const bool words = std::all_of(starts->begin(), starts->end(), [](const std::string& x) {
      const auto c = static_cast<unsigned char>(x[0]);
      return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) &&
             std::all_of(x.begin(), x.end(),
                         [](char b) { return static_cast<unsigned char>(b) < 0x80; });
    });
    if (!words) continue;
    parts.push_back(Needs{std::move(*starts), spaces});
  }
  std::stable_sort(parts.begin(), parts.end(), [&](const Needs& a, const Needs& b) {
    const auto x = shortest(a.strings), y = shortest(b.strings);
    return x > y || (x == y && a.strings.size() < b.strings.size());
  });
  return parts;
}

}  // namespace

std::optional<std::vector<std::string>> literal_strings(std::string_view pattern, std::size_t cap) {
  const auto tree = Reader(pattern).read();
  if (!tree) return std::nullopt;
  return strings_of_tree(*tree, cap);
}

std::optional<std::vector<std::string>> literal_prefixes(std::string_view pattern,
                                                         std::size_t cap) {
  const auto tree = Reader(pattern).read();
  if (!tree) return std::nullopt;
  return prefixes_of_tree(*tree, cap);
}

namespace {

constexpr std::size_t kMaxStrings = 256;  // per pattern
constexpr std::size_t kMaxNeeds = 64;     // strings a pattern run from its starts needs
constexpr std::size_t kMaxText = 1 << 24;

// What an end of the trie is, by its label.
enum EndKind { kString, kStart, kNeeded };
EndKind kind_of(int label) {
  if (label >= 0) return kString;
  return label == LiteralList::kRequired ? kNeeded : kStart;
}

inline bool is_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Whether every byte of `text` is ASCII, 16 at a time.
bool all_ascii(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  __m128i any = _mm_setzero_si128();
  for (; end - p >= 16; p += 16)
    any = _mm_or_si128(any, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  if (_mm_movemask_epi8(any) != 0) return false;
  for (; p < end; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
  }
  return true;
}

// Calls f(p) for every word start p of `text` (a letter or digit after a byte that is not one;
// never 0), in order, 16 bytes at a time.
template <class F>
void for_each_word_start(std::string_view text, F&& f) {
  const std::size_t n = text.size();
  unsigned carry = 1;  // whether the byte before the block is a word byte (none before the text)
  alignas(16) char tail[16];
  for (std::size_t base = 0; base < n; base += 16) {
    const char* block = text.data() + base;
    if (n - base < 16) {
      std::fill(std::begin(tail), std::end(tail), ' ');
      std::copy(block, text.data() + n, tail);
      block = tail;
    }
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const auto word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    unsigned starts = word & ~((word << 1) | carry);
    carry = (word >> 15) & 1U;
    while (starts != 0) {
      f(base + static_cast<std::size_t>(__builtin_ctz(starts)));
      starts &= starts - 1;
    }
  }
}

}  // namespace

// 12 bytes: a walk keeps a candidate per list and word start where one of its strings begins,
// and a worker's chunk keeps the walks of all its texts (about a thousand) while it is read.
struct Candidate {
  std::int32_t begin = 0;
  std::int32_t end = -1;   // -1: no string of the list ends here, only a start
  std::int16_t label = 0;  // of the string that ends at `end`
  bool trigger = false;    // a start of one of the list's other patterns is here
};

struct LiteralScan {
  std::uint64_t index = 0;  // LiteralIndex::serial_ of the index walked (an address can be reused)
  bool usable = false;      // the text is well-formed UTF-8: the walk's hits are RE2's
  bool ascii = true;        // ... and all of it ASCII
  // A usable text outside ASCII as the lists in Latin-1 read it (LiteralList::latin1_): each
  // character outside ASCII one byte, kNarrowed; offsets[k] is where the text's character k begins
  // (offsets[narrow.size()] its size).
  std::string narrow;
  std::vector<std::int32_t> offsets;
  std::vector<Candidate> candidates;    // by list, then begin
  std::vector<std::uint32_t> first;     // per list, where its candidates begin; one past the end
  std::vector<unsigned char> required;  // per string of the index's Required: in the text
};

namespace {

// Stands for every character outside ASCII in LiteralScan::narrow.
constexpr char kNarrowed = '\x80';

// Whether RE2 in Latin-1 finds in a text whose characters outside ASCII are each kNarrowed what
// it finds in UTF-8 in the text itself. So for a pattern of ASCII that names no character
// outside ASCII (\p, \P, \x, \C, octal): '.', \S, \W, \D and the negated classes take any
// such character as one, and nothing else takes one. (The reader refuses flags such as (?i).)
bool reads_alike_narrowed(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto c = static_cast<unsigned char>(pattern[i]);
    if (c >= 0x80) return false;
    if (c == '\\' && i + 1 < pattern.size()) {
      const char e = pattern[++i];
      if (e == 'p' || e == 'P' || e == 'x' || e == 'C' || (e >= '0' && e <= '9')) return false;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<const LiteralList> LiteralList::build(
    const std::vector<std::vector<std::string>>& groups, const RE2::Options& options) {
  auto list = std::shared_ptr<LiteralList>(new LiteralList());
  const bool labelled = groups.size() > 1;
  list->latin1_ = std::all_of(groups.begin(), groups.end(), [](const auto& group) {
    return std::all_of(group.begin(), group.end(), reads_alike_narrowed);
  });
  std::string started;             // the patterns run from their starts
  std::string unanchored;          // the patterns that can begin with anything
  bool always_unanchored = false;  // ... one of them without a required string
  for (std::size_t label = 0; label < groups.size(); ++label) {
    for (const auto& pattern : groups[label]) {
      const auto tree = Reader(pattern).read();
      if (!tree) return nullptr;
      if (auto strings = strings_of_tree(*tree, kMaxStrings)) {
        for (auto& s : *strings) {
          if (s.empty() || !is_word(static_cast<unsigned char>(s[0]))) return nullptr;
          list->entries_.emplace_back(std::move(s), static_cast<int>(label));
        }
        continue;
      }
      if (labelled) return nullptr;
      // Run from its starts: an alternation alternative by alternative, as if each were a
      // pattern of the list (the list matches what any of them matches), so that its literal
      // ones are strings of the walk and each other one needs its own words.
      const Node* top = &*tree;
      while (top->kind == Node::kSeq && top->kids.size() == 1) top = &top->kids[0];  // "(?:a|b)"
      std::vector<const Node*> parts;
      if (top->kind == Node::kAlt) {
        for (const auto& k : top->kids) parts.push_back(&k);
      } else {
        parts.push_back(&*tree);
      }
      std::vector<std::pair<std::string, int>> entries;
      std::vector<std::vector<std::pair<std::vector<std::string>, int>>> needs;
      bool from_starts = true;
      for (const Node* part : parts) {
        if (parts.size() > 1) {
          if (auto strings = strings_of_tree(*part, kMaxStrings);
              strings && std::all_of(strings->begin(), strings->end(), [](const std::string& s) {
                return !s.empty() && is_word(static_cast<unsigned char>(s[0]));
              })) {
            for (auto& s : *strings) entries.emplace_back(std::move(s), static_cast<int>(label));
            continue;
          }
        }
        auto starts = prefixes_of_tree(*part, kMaxStarts);
        if (!starts || !std::all_of(starts->begin(), starts->end(), [](const std::string& s) {
              return is_word(static_cast<unsigned char>(s[0]));
            })) {
          from_starts = false;
          break;
        }
        int start_label = kTrigger;
        const int first = kFirstNeed - static_cast<int>(list->needs_.size() + needs.size());
        if (auto needed = needs_of(*part, kMaxNeeds); !needed.empty() && first > INT16_MIN) {
          start_label = first;
          auto& all = needs.emplace_back();
          for (auto& n : needed) all.emplace_back(std::move(n.strings), n.spaces);
        }
        for (auto& s : *starts) entries.emplace_back(std::move(s), start_label);
      }
      if (from_starts) {
        list->entries_.insert(list->entries_.end(), std::make_move_iterator(entries.begin()),
                              std::make_move_iterator(entries.end()));
        list->needs_.insert(list->needs_.end(), std::make_move_iterator(needs.begin()),
                            std::make_move_iterator(needs.end()));
        if (!started.empty()) started += '|';
        started += "(?:" + pattern + ")";
        continue;
      }
      if (auto required = required_of(*tree)) {
        list->required_.insert(list->required_.end(), required->begin(), required->end());
      } else {
        always_unanchored = true;
      }
      if (!unanchored.empty()) unanchored += '|';
      unanchored += "(?:" + pattern + ")";
    }
  }
  // Only the span of a match is read: no captures, a smaller program. In Latin-1 when it reads
  // alike: a class such as [^ ,.;:] is then one byte range, not a UTF-8 automaton, and the
  // programs and their DFA states are smaller and faster (the development sets' runs from
  // starts, replayed: 95 -> 83 ms, DFA states 13.4 -> 12.6 MB).
  RE2::Options spans = options;
  spans.set_never_capture(true);
  if (list->latin1_) spans.set_encoding(RE2::Options::EncodingLatin1);
  if (!started.empty()) {
    list->started_ = std::make_unique<RE2>("[^a-z0-9](?:" + started + ")[^a-z0-9]", spans);
    if (!list->started_->ok()) return nullptr;
  }
  if (!unanchored.empty()) {
    list->unanchored_ = std::make_unique<RE2>("[^a-z0-9](?:" + unanchored + ")[^a-z0-9]", spans);
    if (!list->unanchored_->ok()) return nullptr;
  }
  if (always_unanchored) list->required_.clear();
  std::sort(list->required_.begin(), list->required_.end());
  list->required_.erase(std::unique(list->required_.begin(), list->required_.end()),
                        list->required_.end());
  return list;
}

std::shared_ptr<const LiteralIndex> LiteralIndex::build(
    std::vector<std::shared_ptr<const LiteralList>> lists) {
  static std::atomic<std::uint64_t> built{0};
  auto index = std::shared_ptr<LiteralIndex>(new LiteralIndex());
  index->serial_ = ++built;
  if (lists.size() > 0xFFFF) return nullptr;
  struct Entry {
    std::string_view text;
    std::uint16_t list;
    std::int16_t label;
    bool operator<(const Entry& o) const { return text < o.text; }
  };
  // The strings that patterns run from their starts need, numbered once for every list; each
  // pattern's needs become a set of numbers (index->needs_).
  std::vector<std::string_view> needed;
  std::unordered_map<std::string_view, std::uint16_t> number_of;
  std::vector<std::vector<int>> need_of(lists.size());  // per list and pattern: in index->needs_
  bool with_needs = true;
  for (std::size_t id = 0; id < lists.size() && with_needs; ++id) {
    if (!lists[id]) continue;
    for (const auto& parts : lists[id]->needs_) {
      std::size_t strings = 0;
      for (const auto& part : parts) strings += part.first.size();
      // Too many to number or to name in a label: every start runs RE2, as without needs.
      if (needed.size() + strings >= 0xFFFF ||
          LiteralList::kFirstNeed - static_cast<int>(index->needs_.size()) <= INT16_MIN / 2) {
        with_needs = false;
        break;
      }
      std::vector<NeedPart> numbered;
      for (const auto& [texts, spaces] : parts) {
        NeedPart& part = numbered.emplace_back();
        part.spaces = spaces;
        for (const auto& text : texts) {
          const auto [at, added] =
              number_of.try_emplace(text, static_cast<std::uint16_t>(needed.size()));
          if (added) needed.push_back(text);
          part.numbers.push_back(at->second);
        }
        std::sort(part.numbers.begin(), part.numbers.end());
        part.numbers.erase(std::unique(part.numbers.begin(), part.numbers.end()),
                           part.numbers.end());
      }
      need_of[id].push_back(static_cast<int>(index->needs_.size()));
      index->needs_.push_back(std::move(numbered));
    }
  }
  if (!with_needs) {
    needed.clear();
    index->needs_.clear();
  }
  index->needed_strings_ = needed.size();
  std::vector<Entry> entries;
  for (std::size_t id = 0; id < lists.size(); ++id) {
    if (!lists[id]) continue;
    if (lists[id]->taken_) return nullptr;  // its strings went to another index
    for (const auto& [text, label] : lists[id]->entries_) {
      int l = label;
      if (l <= LiteralList::kFirstNeed) {
        l = with_needs ? LiteralList::kFirstNeed -
                             need_of[id][static_cast<std::size_t>(LiteralList::kFirstNeed - l)]
                       : LiteralList::kTrigger;
      }
      if (l > 0x7FFF) return nullptr;
      entries.push_back({text, static_cast<std::uint16_t>(id), static_cast<std::int16_t>(l)});
    }
  }
  for (std::size_t k = 0; k < needed.size(); ++k) {
    entries.push_back({needed[k], static_cast<std::uint16_t>(k),
                       static_cast<std::int16_t>(LiteralList::kRequired)});
  }
  // Sorted, a node's strings are a range: those ending at it first, then its children's in byte
  // order. Laid out depth first, each node's children together.
  std::stable_sort(entries.begin(), entries.end());
  index->ends_.reserve(entries.size());
  struct Range {
    std::size_t lo, hi, depth;
    std::uint32_t node;
  };
  index->nodes_.emplace_back();
  index->byte_.push_back(0);
  index->tail_.push_back(0);
  std::vector<Range> ranges{{0, entries.size(), 0, 0}};
  while (!ranges.empty()) {
    Range r = ranges.back();
    ranges.pop_back();
    const auto first_end = static_cast<std::uint32_t>(index->ends_.size());
    for (; r.lo < r.hi && entries[r.lo].text.size() == r.depth; ++r.lo) {
      const auto& e = entries[r.lo];
      // One end per list and kind; a string in several labels keeps the lowest (RE2 reports
      // the first alternative that matches), a start of several patterns needs what any of
      // them needs.
      bool merged = false;
      for (std::size_t k = first_end; k < index->ends_.size(); ++k) {
        auto& end = index->ends_[k];
        if (end.list != e.list || kind_of(end.label) != kind_of(e.label)) continue;
        end.label = kind_of(e.label) == kString ? std::min(end.label, e.label)
                                                : index->either_need(end.label, e.label);
        merged = true;
      }
      if (!merged) index->ends_.push_back({e.list, e.label});
    }
    const auto ends = static_cast<std::uint32_t>(index->ends_.size()) - first_end;
    const auto first_child = static_cast<std::uint32_t>(index->nodes_.size());
    std::uint32_t children = 0;
    for (std::size_t k = r.lo; k < r.hi;) {
      const char c = entries[k].text[r.depth];
      std::size_t end = k + 1;
      while (end < r.hi && entries[end].text[r.depth] == c) ++end;
      // On while the range's strings go on alike with none ending: sorted, the first is the
      // shortest and the last differs first.
      const std::string_view text = entries[k].text;
      std::size_t depth = r.depth + 1;
      while (depth < text.size() && depth - r.depth - 1 < 0xFFU &&
             entries[end - 1].text[depth] == text[depth]) {
        ++depth;
      }
      const std::size_t tail = depth - r.depth - 1;
      if (index->tails_.size() > 0xFFFFFFU) return nullptr;  // too big
      index->tail_.push_back(static_cast<std::uint32_t>(index->tails_.size() << 8 | tail));
      index->tails_.append(text.substr(r.depth + 1, tail));
      ranges.push_back({k, end, depth, static_cast<std::uint32_t>(index->nodes_.size())});
      index->nodes_.emplace_back();
      index->byte_.push_back(static_cast<unsigned char>(c));
      ++children;
      k = end;
    }
    if (first_end > 0x3FFFFU || children > 0x7FU || ends > 0x7FU) return nullptr;  // too big
    auto& node = index->nodes_[r.node];
    node.first_child = first_child;
    node.packed = first_end | (children << 18) | (ends << 25);
  }
  index->ends_.shrink_to_fit();
  index->nodes_.shrink_to_fit();
  index->byte_.shrink_to_fit();
  index->tail_.shrink_to_fit();
  index->tails_.shrink_to_fit();
  for (const auto& list : lists) {
    if (!list) continue;
    list->taken_ = true;
    std::vector<std::pair<std::string, int>>().swap(list->entries_);
    std::vector<std::vector<std::pair<std::vector<std::string>, int>>>().swap(list->needs_);
  }
  index->needs_.shrink_to_fit();
  std::fill(std::begin(index->root_), std::end(index->root_), -1);
  const auto& root = index->nodes_[0];
  for (std::uint32_t c = 0; c < root.children(); ++c) {
    const auto at = root.first_child + c;
    index->root_[index->byte_[at]] = static_cast<std::int32_t>(at);
  }
  index->lists_ = std::move(lists);
  index->build_required();
  return index;
}

std::int16_t LiteralIndex::either_need(std::int16_t a, std::int16_t b) {
  if (a == b) return a;
  if (a == LiteralList::kTrigger || b == LiteralList::kTrigger) return LiteralList::kTrigger;
  // Either pattern's first part: its words, as far from the start as either allows (one of the
  // two is found wherever either pattern has all its parts).
  const auto& x = needs_[static_cast<std::size_t>(LiteralList::kFirstNeed - a)].front();
  const auto& y = needs_[static_cast<std::size_t>(LiteralList::kFirstNeed - b)].front();
  NeedPart both;
  std::set_union(x.numbers.begin(), x.numbers.end(), y.numbers.begin(), y.numbers.end(),
                 std::back_inserter(both.numbers));
  both.spaces = std::max(x.spaces, y.spaces);
  if (LiteralList::kFirstNeed - static_cast<int>(needs_.size()) <= INT16_MIN)
    return LiteralList::kTrigger;
  needs_.push_back({std::move(both)});
  return static_cast<std::int16_t>(LiteralList::kFirstNeed - static_cast<int>(needs_.size() - 1));
}

void LiteralIndex::build_required() {
  Required& r = required_;
  r.of_list.assign(lists_.size(), {});
  r.always.assign(lists_.size(), false);
  std::vector<std::string> strings;
  for (std::size_t id = 0; id < lists_.size(); ++id) {
    if (!lists_[id] || !lists_[id]->unanchored_) continue;
    const auto& needed = lists_[id]->required_;
    const bool ascii = std::all_of(needed.begin(), needed.end(), [](const std::string& s) {
      return std::all_of(s.begin(), s.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    });
    if (needed.empty() || !ascii) {
      r.always[id] = true;
      continue;
    }
    for (const auto& s : needed) {
      auto at = std::find(strings.begin(), strings.end(), s);
      if (at == strings.end()) at = strings.insert(strings.end(), s);
      r.of_list[id].push_back(static_cast<std::uint16_t>(at - strings.begin()));
    }
  }
  r.strings = strings.size();
  if (strings.empty()) return;
  // The trie of the strings, state 0 its root (a transition to 0 is no edge of it: every edge
  // leads to a new state); then each state's failure (the longest proper suffix of its path that
  // is a path too), filled breadth first into the transitions of every byte, so that the pass
  // takes one step a byte. A state's row is filled when the state is taken from the queue, so
  // until then its zeros still tell its edges.
  constexpr std::size_t kBytes = 128;
  std::vector<std::vector<std::uint16_t>> ends(1);
  r.next.assign(kBytes, 0);
  for (std::size_t k = 0; k < strings.size(); ++k) {
    std::size_t state = 0;
    for (const char ch : strings[k]) {
      const auto c = static_cast<std::size_t>(static_cast<unsigned char>(ch));
      if (r.next[state * kBytes + c] == 0) {
        if (ends.size() >= 0xFFFF) {  // too many: every list runs its patterns
          std::fill(r.always.begin(), r.always.end(), true);
          r.next.clear();
          return;
        }
        r.next[state * kBytes + c] = static_cast<std::uint16_t>(ends.size());
        ends.emplace_back();
        r.next.resize(ends.size() * kBytes, 0);
      }
      state = r.next[state * kBytes + c];
    }
    ends[state].push_back(static_cast<std::uint16_t>(k));
  }
  std::vector<std::uint16_t> fail(ends.size(), 0);
  std::vector<std::uint16_t> queue;
  for (std::size_t c = 0; c < kBytes; ++c) {
    if (r.next[c] != 0) queue.push_back(r.next[c]);
  }
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::uint16_t state = queue[q];
    // What ends at its failure ends here too (the failure is shorter: already complete).
    const auto& inherited = ends[fail[state]];
    ends[state].insert(ends[state].end(), inherited.begin(), inherited.end());
    for (std::size_t c = 0; c < kBytes; ++c) {
      const std::size_t edge = std::size_t{state} * kBytes + c;
      const std::uint16_t via_fail = r.next[std::size_t{fail[state]} * kBytes + c];
      if (r.next[edge] != 0) {
        fail[r.next[edge]] = via_fail;
        queue.push_back(r.next[edge]);
      } else {
        r.next[edge] = via_fail;
      }
    }
  }
  r.first_found.assign(ends.size() + 1, 0);
  for (std::size_t state = 0; state < ends.size(); ++state) {
    r.first_found[state + 1] =
        r.first_found[state] + static_cast<std::uint32_t>(ends[state].size());
    r.found.insert(r.found.end(), ends[state].begin(), ends[state].end());
  }
}

void LiteralIndex::find_required(std::string_view text, LiteralScan& out) const {
  const Required& r = required_;
  out.required.assign(r.strings, 0);
  if (r.next.empty()) return;
  std::size_t state = 0;
  const std::uint32_t* first = r.first_found.data();
  for (const char ch : text) {
    // The strings are ASCII: a byte outside it ends every string begun, and starts none.
    const auto c = static_cast<unsigned char>(ch);
    state = c < 0x80 ? r.next[state * 128 + c] : 0;
    for (std::uint32_t k = first[state]; k < first[state + 1]; ++k) out.required[r.found[k]] = 1;
  }
}

LiteralIndex::~LiteralIndex() = default;

void LiteralIndex::scan(std::string_view text, LiteralScan& out) const {
  out.index = serial_;
  out.candidates.clear();
  out.first.assign(lists_.size() + 1, 0);
  // Usable when well-formed UTF-8 (util/utf8.h): RE2 then reads each character whole, as the
  // walk assumes. ASCII is checked 16 bytes at a time; other text is checked while its narrow
  // copy is made.
  out.ascii = all_ascii(text);
  out.usable = true;
  out.narrow.clear();
  out.offsets.clear();
  if (!out.ascii) {
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t n = utf8_sequence(text, i);
      if (n == 0) {
        out.usable = false;
        return;
      }
      out.offsets.push_back(static_cast<std::int32_t>(i));
      out.narrow += n == 1 ? text[i] : kNarrowed;
      i += n;
    }
    out.offsets.push_back(static_cast<std::int32_t>(text.size()));
  }
  find_required(text, out);
  struct Found {
    std::uint16_t list;
    Candidate candidate;
  };
  thread_local std::vector<Found> found;  // in order of begin
  found.clear();
  // Starts of patterns with needs (the candidate's place in `found`, the needs), decided once
  // the whole text is walked; meanwhile, the needed strings seen at word starts, in order, and
  // the last place each was seen (-1: not seen).
  thread_local std::vector<std::pair<std::size_t, std::size_t>> waiting;
  thread_local std::vector<std::int32_t> last_seen;  // per needed string; -1: not seen
  thread_local std::vector<std::pair<std::uint16_t, std::int32_t>> seen;  // (string, place)
  waiting.clear();
  seen.clear();
  if (last_seen.size() < needed_strings_) last_seen.resize(needed_strings_, -1);
  const std::size_t n = text.size();
  for_each_word_start(text, [&](std::size_t p) {
    std::int32_t at = root_[static_cast<unsigned char>(text[p])];
    if (at < 0) return;
    const std::size_t walk = found.size();  // this walk's candidates: one per list
    auto slot_of = [&](std::uint16_t list) -> std::size_t {
      for (std::size_t k = walk; k < found.size(); ++k) {
        if (found[k].list == list) return k;
      }
      Candidate c;
      c.begin = static_cast<std::int32_t>(p);
      found.push_back({list, c});
      return found.size() - 1;
    };
    auto of_list = [&](std::uint16_t list) -> Candidate& { return found[slot_of(list)].candidate; };
    // The node `at` holds text[p, i); a node's tail must follow the byte that leads to it (no
    // string ends inside a tail, so a text that parts from one ends the walk).
    std::size_t i = p + 1;
    auto tail_follows = [&](std::int32_t node) {
      const std::uint32_t tail = tail_[static_cast<std::size_t>(node)];
      const std::size_t length = tail & 0xFFU;
      if (length == 0) return true;
      if (n - i < length || std::memcmp(text.data() + i, tails_.data() + (tail >> 8), length) != 0)
        return false;
      i += length;
      return true;
    };
    if (!tail_follows(at)) return;
    while (true) {
      const Node& node = nodes_[static_cast<std::size_t>(at)];
      if (node.ends() > 0) {
        const bool boundary = i < n && !is_word(static_cast<unsigned char>(text[i]));
        for (std::uint32_t k = 0; k < node.ends(); ++k) {
          const End& e = ends_[node.first_end() + k];
          if (e.label >= 0) {
            if (boundary) {  // deeper is longer: the last one found wins
              Candidate& c = of_list(e.list);
              c.end = static_cast<std::int32_t>(i);
              c.label = e.label;
            }
          } else if (e.label == LiteralList::kTrigger) {
            of_list(e.list).trigger = true;
          } else if (e.label == LiteralList::kRequired) {
            seen.emplace_back(e.list, static_cast<std::int32_t>(p));
            last_seen[e.list] = static_cast<std::int32_t>(p);
          } else {
            waiting.emplace_back(slot_of(e.list),
                                 static_cast<std::size_t>(LiteralList::kFirstNeed - e.label));
          }
        }
      }
      const std::uint32_t children = node.children();
      if (i >= n || children == 0) break;
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const unsigned char* bytes = byte_.data() + node.first_child;
      std::int32_t next = -1;
      for (std::uint32_t k = 0; k < children; ++k) {
        if (bytes[k] == c) {
          next = static_cast<std::int32_t>(node.first_child + k);
          break;
        }
      }
      if (next < 0) break;
      ++i;
      if (!tail_follows(next)) break;
      at = next;
    }
  });
  // A start runs RE2 only when the text holds, for each part its pattern needs, one of that
  // part's strings at a word start not before it (a match holds it there: it begins at the
  // start, or after a part of the match that ends in a space), with no more spaces between the
  // two than the parts of the pattern before that word can hold: the first such place after the
  // start is the one to count to.
  auto found_near = [&](const NeedPart& part, std::int32_t begin) {
    for (const auto number : part.numbers) {
      if (last_seen[number] < begin) continue;
      if (part.spaces < kManySpaces) {
        const auto at = std::find_if(seen.begin(), seen.end(), [&](const auto& x) {
          return x.first == number && x.second >= begin;
        });  // there is one: the last is not before the start
        if (std::count(text.begin() + begin, text.begin() + at->second, ' ') > part.spaces)
          continue;
      }
      return true;
    }
    return false;
  };
  for (const auto& [slot, need] : waiting) {
    Candidate& c = found[slot].candidate;
    if (c.trigger) continue;
    const auto& parts = needs_[need];
    c.trigger = std::all_of(parts.begin(), parts.end(),
                            [&](const NeedPart& part) { return found_near(part, c.begin); });
  }
  for (const auto& [number, place] : seen) last_seen[number] = -1;
  // By list, each list's in order of begin.
  for (const auto& f : found) ++out.first[f.list + 1U];
  for (std::size_t k = 1; k < out.first.size(); ++k) out.first[k] += out.first[k - 1];
  // Walks are reused (and a chunk keeps a thousand): one that walked a long text does not keep
  // its room for the short ones after it.
  if (out.candidates.capacity() > 2 * found.size() + 16)
    std::vector<Candidate>().swap(out.candidates);
  out.candidates.resize(found.size());
  thread_local std::vector<std::uint32_t> fill;
  fill.assign(out.first.begin(), out.first.end() - 1);
  for (const auto& f : found) out.candidates[fill[f.list]++] = f.candidate;
}

struct LiteralFrame {
  // A text a LiteralScans declared stable, and its walks (one per index, made when first asked).
  // Nested, not in the file's anonymous namespace: a member's type must not have less linkage
  // than the class.
  struct Stable {
    std::size_t size = 0;
    std::vector<std::pair<std::uint64_t, std::unique_ptr<LiteralScan>>> walks;  // by index serial
  };
  std::unordered_map<const char*, Stable> texts;
};

namespace {

// The stable texts of the LiteralScans alive on a thread (innermost last), and the last walk of
// any other text.
struct Kept {
  std::vector<LiteralFrame*> frames;
  std::vector<std::unique_ptr<LiteralScan>> spare;  // reused, so that walks allocate little
  LiteralScan last;
  std::string last_text;  // the bytes `last` walked
};

thread_local Kept kept;

const LiteralScan& walk_of(const LiteralIndex& index, std::string_view text) {
  for (auto f = kept.frames.rbegin(); f != kept.frames.rend(); ++f) {
    const auto it = (*f)->texts.find(text.data());
    if (it == (*f)->texts.end() || it->second.size != text.size()) continue;
    auto& walks = it->second.walks;
    for (const auto& [owner, walk] : walks) {
      if (owner == index.serial()) return *walk;
    }
    std::unique_ptr<LiteralScan> walk;
    if (kept.spare.empty()) {
      walk = std::make_unique<LiteralScan>();
    } else {
      walk = std::move(kept.spare.back());
      kept.spare.pop_back();
    }
    index.scan(text, *walk);
    walks.emplace_back(index.serial(), std::move(walk));
    return *walks.back().second;
  }
  // Not declared stable: reused only for the same bytes.
  if (kept.last.index != index.serial() || kept.last_text != text) {
    index.scan(text, kept.last);
    kept.last_text.assign(text.data(), text.size());
  }
  return kept.last;
}

}  // namespace

LiteralScans::LiteralScans(const std::vector<std::string_view>& texts)
    : frame_(std::make_unique<LiteralFrame>()) {
  frame_->texts.reserve(texts.size());
  for (const auto& t : texts) frame_->texts[t.data()].size = t.size();
  kept.frames.push_back(frame_.get());
}

void LiteralScans::forget(std::string_view text) {
  const auto it = frame_->texts.find(text.data());
  if (it == frame_->texts.end() || it->second.size != text.size()) return;
  for (auto& [owner, walk] : it->second.walks) kept.spare.push_back(std::move(walk));
  frame_->texts.erase(it);
}

LiteralScans::~LiteralScans() {
  for (auto& [data, stable] : frame_->texts) {
    for (auto& [owner, walk] : stable.walks) kept.spare.push_back(std::move(walk));
  }
  if (!kept.frames.empty() && kept.frames.back() == frame_.get()) kept.frames.pop_back();
}

bool LiteralIndex::find_all(std::size_t id, std::string_view text, std::vector<Hit>& out,
                            bool first_only) const {
  if (text.size() > kMaxText || id >= lists_.size() || !lists_[id]) return false;
  const LiteralScan& scan = walk_of(*this, text);
  if (!scan.usable) return false;
  const LiteralList& list = *lists_[id];
  const Candidate* c = scan.candidates.data() + scan.first[id];
  const Candidate* const last = scan.candidates.data() + scan.first[id + 1];
  // The text as the list's programs read it, and positions to and from it.
  const bool narrowed = list.latin1_ && !scan.ascii;
  const re2::StringPiece whole =
      narrowed ? re2::StringPiece(scan.narrow) : re2::StringPiece(text.data(), text.size());
  auto to_run = [&](std::size_t p) -> std::size_t {  // p begins a character
    if (!narrowed) return p;
    return static_cast<std::size_t>(
        std::lower_bound(scan.offsets.begin(), scan.offsets.end(), static_cast<std::int32_t>(p)) -
        scan.offsets.begin());
  };
  auto span_of = [&](const re2::StringPiece& m) {  // a match's span in the text, inside boundaries
    if (!narrowed) return inside_boundaries(text, m);
    const auto from = static_cast<std::size_t>(m.data() - whole.data());
    const std::size_t b = static_cast<std::size_t>(scan.offsets[from]);
    const std::size_t e = static_cast<std::size_t>(scan.offsets[from + m.size()]);
    return inside_boundaries(text, re2::StringPiece(text.data() + b, e - b));
  };
  re2::StringPiece match;
  int pos = 0;  // the boundary before the next hit is at or after it
  // The other patterns' leftmost-longest hit from pos, when they have one: still that from a
  // later pos as long as its boundary is not before it.
  bool other = false, none_other = !list.unanchored_;
  if (!none_other && !required_.always[id]) {  // skipped when no string it needs is there
    const auto& needed = required_.of_list[id];
    none_other = std::none_of(needed.begin(), needed.end(),
                              [&](std::uint16_t k) { return scan.required[k] != 0; });
  }
  int other_begin = 0, other_end = 0;
  if (first_only) {
    // A string of the list that ends at a boundary is a hit, whatever else comes first: whether
    // there is one needs no run (the gates ask only that).
    const auto found = std::find_if(c, last, [](const Candidate& k) { return k.end >= 0; });
    if (found != last) {
      out.push_back(Hit{found->begin, found->end, found->label});
      return true;
    }
  }
  while (true) {
    while (c != last && c->begin - 1 < pos) ++c;
    if (!none_other && (!other || other_begin - 1 < pos)) {
      other = list.unanchored_->Match(whole, to_run(static_cast<std::size_t>(pos)), whole.size(),
                                      RE2::UNANCHORED, &match, 1);
      none_other = !other;
      if (other) {  // between its boundary characters
        const auto [b, e] = span_of(match);
        other_begin = b;
        other_end = e;
      }
    }
    int begin = 0, end = -1, label = 0;
    if (c != last && (!other || c->begin <= other_begin)) {
      begin = c->begin, end = c->end, label = c->label;
      if (c->trigger && list.started_->Match(
                            whole, to_run(utf8_start_before(text, static_cast<std::size_t>(begin))),
                            whole.size(), RE2::ANCHOR_START, &match, 1)) {
        const int to = span_of(match).second;
        if (to > end) end = to, label = 0;
      }
      if (other && other_begin == begin && other_end > end) end = other_end, label = 0;
      ++c;
      if (end < 0) continue;
    } else if (other) {
      begin = other_begin, end = other_end;
    } else {
      break;
    }
    out.push_back(Hit{begin, end, label});
    if (first_only) return true;
    pos = end;
  }
  return true;
}

}  // namespace redline::topics_detail
