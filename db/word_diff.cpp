#include "db/word_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace redline {

namespace {

using Words = std::vector<std::string_view>;

Words split_words(std::string_view text) {
  Words words;
  std::size_t i = 0;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !space(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

enum class Op : std::uint8_t { keep, remove, add };

// Builds the output, grouping consecutive removals and additions into one marker each.
class DiffWriter {
 public:
  void put(Op op, std::string_view word) {
    if (op == Op::keep) {
      flush();
      append(word);
    } else {
      (op == Op::remove ? removed_ : added_).push_back(word);
    }
  }
  std::string finish() {
    flush();
    return std::move(out_);
  }

 private:
  void flush() {
    if (!removed_.empty()) append(joined("[-", removed_, "-]"));
    if (!added_.empty()) append(joined("{+", added_, "+}"));
    removed_.clear();
    added_.clear();
  }
  static std::string joined(const char* open, const Words& words, const char* close) {
    std::string s = open;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i) s += ' ';
      s += words[i];
    }
    return s + close;
  }
  void append(std::string_view piece) {
    if (!out_.empty()) out_ += ' ';
    out_ += piece;
  }
  std::string out_;
  Words removed_, added_;
};

// LCS table over a[0..n) and b[0..m): cell (i, j) is the LCS length of a[i..] and b[j..].
void align(const Words& a, const Words& b, DiffWriter& out) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.put(Op::keep, a[i]);
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.put(Op::remove, a[i++]);
    } else {
      out.put(Op::add, b[j++]);
    }
  }
}

}  // namespace

std::string word_diff(std::string_view old_text, std::string_view new_text,
                      std::size_t max_cells) {
  const Words a = split_words(old_text), b = split_words(new_text);
  if (a == b) return "";
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  const Words mid_a(a.begin() + static_cast<std::ptrdiff_t>(prefix),
                    a.end() - static_cast<std::ptrdiff_t>(suffix));
  const Words mid_b(b.begin() + static_cast<std::ptrdiff_t>(prefix),
                    b.end() - static_cast<std::ptrdiff_t>(suffix));
  DiffWriter out;
  for (std::size_t i = 0; i < prefix; ++i) out.put(Op::keep, a[i]);
  if ((mid_a.size() + 1) * (mid_b.size() + 1) <= max_cells) {
    align(mid_a, mid_b, out);
  } else {
    for (auto w : mid_a) out.put(Op::remove, w);
    for (auto w : mid_b) out.put(Op::add, w);
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) out.put(Op::keep, a[i]);
  return out.finish();
}

}  // namespace redline
