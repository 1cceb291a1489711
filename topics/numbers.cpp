// Numbers in news text and what they count: "1,500 troops", "1.500 soldados", "10 mil
// elementos", "ten thousand troops", "2.200 efectivos". A number counts something only when a
// [units] word follows it within a few words (or, as in "killed three", comes just before it),
// so dates, percentages and money are left alone.
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "topics/analysis.h"
#include "topics/text.h"

namespace redline::topics_detail {

namespace {

constexpr int kUnitWindowAfter = 4;   // words between a number and its unit
constexpr int kUnitWindowBefore = 2;  // "killed three"
constexpr int kCueWindow = 3;         // "bringing the total to 9,000"
constexpr int kTotalUnitWindow = 8;   // "troops at the border now number 10,000"

struct WordValue {
  std::string_view word;  // its length known here, not counted at every word of every item
  double value;
};

// Small cardinal words, English and Spanish (normalized: no accents).
constexpr WordValue kCardinals[] = {
    {"one", 1},          {"two", 2},           {"three", 3},         {"four", 4},
    {"five", 5},         {"six", 6},           {"seven", 7},         {"eight", 8},
    {"nine", 9},         {"ten", 10},          {"eleven", 11},       {"twelve", 12},
    {"fifteen", 15},     {"twenty", 20},       {"thirty", 30},       {"forty", 40},
    {"fifty", 50},       {"sixty", 60},        {"hundred", 100},     {"a dozen", 12},
    {"dozen", 12},       {"a hundred", 100},   {"a thousand", 1000}, {"dos", 2},
    {"tres", 3},         {"cuatro", 4},        {"cinco", 5},         {"seis", 6},
    {"siete", 7},        {"ocho", 8},          {"nueve", 9},         {"diez", 10},
    {"doce", 12},        {"quince", 15},       {"veinte", 20},       {"treinta", 30},
    {"cuarenta", 40},    {"cincuenta", 50},    {"cien", 100},        {"ciento", 100},
    {"doscientos", 200}, {"trescientos", 300}, {"quinientos", 500},  {"seventy", 70},
    {"eighty", 80},      {"ninety", 90},       {"sesenta", 60},      {"setenta", 70},
    {"ochenta", 80},     {"noventa", 90},      {"thirteen", 13},     {"fourteen", 14},
    {"sixteen", 16},     {"eighteen", 18},
};

constexpr WordValue kMultipliers[] = {
    {"thousand", 1e3}, {"mil", 1e3},    {"million", 1e6},
    {"millones", 1e6}, {"millon", 1e6}, {"hundred", 1e2},
};

bool word_at(std::string_view text, std::size_t pos, std::string_view word) {
  if (text.substr(pos, word.size()) != word) return false;
  const std::size_t end = pos + word.size();
  return end >= text.size() || !is_word_char(text[end]);
}

// "1,500" / "1.500" / "10,000" (groups of three) or "2.5" / "2,5" (a decimal).
std::optional<double> read_digits(std::string_view text, std::size_t pos, std::size_t& len) {
  std::size_t i = pos;
  double value = 0;
  int lead = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && lead < 12) {
    value = value * 10 + (text[i] - '0');
    ++i, ++lead;
  }
  if (lead == 0) return std::nullopt;
  auto digits_at = [&](std::size_t at, int n) {
    for (int k = 0; k < n; ++k) {
      if (at + static_cast<std::size_t>(k) >= text.size() || text[at + k] < '0' ||
          text[at + k] > '9')
        return false;
    }
    return true;
  };
  auto boundary_at = [&](std::size_t at) { return at >= text.size() || !is_word_char(text[at]); };
  if (lead <= 3) {  // thousands groups
    while (i < text.size() && (text[i] == ',' || text[i] == '.') && digits_at(i + 1, 3) &&
           boundary_at(i + 4)) {
      value = value * 1000 + std::stod(std::string(text.substr(i + 1, 3)));
      i += 4;
    }
  }
  if (i == pos + static_cast<std::size_t>(lead) && i + 1 < text.size() &&
      (text[i] == '.' || text[i] == ',') && digits_at(i + 1, 1)) {  // a decimal
    std::size_t j = i + 1;
    double scale = 0.1;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      value += (text[j] - '0') * scale;
      scale /= 10;
      ++j;
    }
    i = j;
  }
  len = i - pos;
  return value;
}

// kCardinals by first letter, in their order: this runs at every word of every item the gate
// lets through, and a word is compared with the few cardinals that start as it does.
const std::array<std::vector<const WordValue*>, 128>& cardinals_by_first_letter() {
  static const auto table = [] {
    std::array<std::vector<const WordValue*>, 128> t;
    for (const auto& c : kCardinals) t[static_cast<unsigned char>(c.word[0]) & 0x7f].push_back(&c);
    return t;
  }();
  return table;
}

std::optional<double> read_cardinal(std::string_view text, std::size_t pos, std::size_t& len) {
  if (pos >= text.size()) return std::nullopt;
  const auto first = static_cast<unsigned char>(text[pos]);
  if (first >= 128) return std::nullopt;
  const auto& starting = cardinals_by_first_letter()[first];
  if (starting.empty()) return std::nullopt;
  // Cardinals are lower-case letters and spaces: one that is longer than the word here must go
  // on with a space ("a dozen"), and one that is shorter cannot end at a boundary.
  std::size_t end = pos;
  while (end < text.size() && is_word_char(text[end])) ++end;
  const std::size_t word = end - pos;
  for (const WordValue* c : starting) {
    if (c->word.size() < word || (c->word.size() > word && c->word[word] != ' ')) continue;
    if (word_at(text, pos, c->word)) {
      len = c->word.size();
      return c->value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<double> read_number(std::string_view text, std::size_t pos, std::size_t& len) {
  len = 0;
  if (pos > 0 && (is_word_char(text[pos - 1]) || text[pos - 1] == '.' || text[pos - 1] == ',')) {
    return std::nullopt;  // inside a word or another number
  }
  std::size_t n = 0;
  auto value = read_digits(text, pos, n);
  if (!value) value = read_cardinal(text, pos, n);
  if (!value) return std::nullopt;
  std::size_t end = pos + n;
  for (const auto& m : kMultipliers) {  // "10 mil", "ten thousand", "1.5 million"
    if (end < text.size() && text[end] == ' ' && word_at(text, end + 1, m.word)) {
      *value *= m.value;
      end += 1 + m.word.size();
      break;
    }
  }
  len = end - pos;
  return value;
}

std::vector<NumberHit> find_numbers(const Watchlist& /*w*/, const Analysis& a) {
  std::vector<NumberHit> out;
  const std::vector<Hit>& units = a.units;
  if (units.empty()) return out;
  const std::string_view text = a.text;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (is_word_char(text[i - 1])) continue;
    std::size_t len = 0;
    const auto value = read_number(text, i, len);
    if (!value || len == 0) continue;
    NumberHit n;
    n.value = *value;
    n.begin = static_cast<int>(i);
    n.end = static_cast<int>(i + len);
    const Hit self{n.begin, n.end, 0};
    const int sentence = a.sentence_of(n.begin);
    for (const auto& u : units) {  // the nearest unit after, else just before
      if (a.sentence_of(u.begin) != sentence) continue;
      const int d = a.distance(self, u);
      if (u.begin >= n.end && d <= kUnitWindowAfter &&
          text.substr(n.end, u.begin - n.end).find_first_of(",;:") == std::string_view::npos) {
        n.unit = u.label;
        break;
      }
      if (u.end <= n.begin && d <= kUnitWindowBefore && n.unit < 0) n.unit = u.label;
    }
    bool after_total = false;
    for (const auto& h : a.total) {
      after_total = after_total || (h.end <= n.begin && a.distance(self, h) <= kCueWindow &&
                                    a.sentence_of(h.begin) == sentence);
    }
    if (n.unit < 0 && after_total) {  // the unit was named before the total
      for (const auto& u : units) {
        if (u.end <= n.begin && a.sentence_of(u.begin) == sentence &&
            a.distance(self, u) <= kTotalUnitWindow) {
          n.unit = u.label;
        }
      }
    }
    if (n.unit >= 0) {
      n.total = after_total;
      for (const auto& h : a.increment)
        n.increment =
            n.increment || (a.distance(self, h) <= 2 && a.sentence_of(h.begin) == sentence);
      out.push_back(n);
    }
    i += len - 1;
  }
  return out;
}

}  // namespace redline::topics_detail
