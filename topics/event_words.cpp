// Event words: what two reports of the same happening share even when two outlets word it
// differently. Content words are folded (accents, case), stripped of stopwords and crudely
// stemmed; named entities, counted numbers and the topics whose act is named are added as
// tagged tokens ("e:", "n:", "t:") that weigh more than plain words in event_similarity.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <string_view>

#include "topics/analysis.h"
#include "topics/text.h"
#include "topics/topics.h"
#include "topics/watchlist.h"

namespace redline {

namespace {

// Function words of English and Spanish, after folding; language-level, not question-specific.
constexpr std::string_view kStopwords[] = {
    "a",    "an",    "the",   "and",   "or",    "of",   "to",    "in",     "on",   "at",    "by",
    "for",  "from",  "with",  "as",    "is",    "are",  "was",   "were",   "be",   "been",  "has",
    "have", "had",   "it",    "its",   "this",  "that", "these", "those",  "he",   "she",   "they",
    "we",   "you",   "his",   "her",   "their", "our",  "not",   "no",     "but",  "after", "over",
    "into", "about", "than",  "then",  "so",    "said", "says",  "say",    "will", "would", "could",
    "may",  "might", "can",   "do",    "does",  "did",  "new",   "more",   "also", "who",   "which",
    "what", "when",  "where", "why",   "how",   "all",  "any",   "some",   "up",   "out",   "off",
    "near", "amid",  "while", "us",    "u",     "s",    "el",    "la",     "los",  "las",   "un",
    "una",  "unos",  "unas",  "de",    "del",   "en",   "y",     "o",      "que",  "por",   "para",
    "con",  "sin",   "se",    "su",    "sus",   "al",   "lo",    "es",     "son",  "fue",   "ha",
    "han",  "como",  "mas",   "pero",  "sobre", "tras", "entre", "contra", "ante", "ya",    "dijo",
    "este", "esta",  "estos", "estas", "le",    "les",  "sera",  "muy",    "eu",   "ee",    "uu"};

// Whether `word` (three letters or more: shorter ones are dropped before) is a stopword. Looked
// up by length and first and last letter in a small table, not hashed whole: this runs for
// every word of every matched item.
bool is_stopword(std::string_view word) {
  static constexpr std::size_t kBuckets = 256;
  auto bucket = [](std::string_view w) {
    return (w.size() * 31 + static_cast<unsigned char>(w.front()) * 7 +
            static_cast<unsigned char>(w.back())) %
           kBuckets;
  };
  static const auto kTable = [&] {
    std::array<std::vector<std::string_view>, kBuckets> table;
    for (const auto w : kStopwords) {
      if (w.size() >= 3) table[bucket(w)].push_back(w);
    }
    return table;
  }();
  const auto& candidates = kTable[bucket(word)];
  return std::find(candidates.begin(), candidates.end(), word) != candidates.end();
}

// Crude suffix stemming that folds plurals and common verb endings of both languages.
std::string_view stem(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"ations", "ation", "iones", "ion", "ings",
                                                   "ing",    "edly",  "ed",    "es",  "s",
                                                   "os",     "as",    "o",     "a",   "e"};
  for (const auto suf : kSuffixes) {
    if (w.size() > suf.size() + 3 && w.substr(w.size() - suf.size()) == suf)
      return w.substr(0, w.size() - suf.size());
  }
  return w;
}


}  // namespace

std::vector<std::string> Classifier::event_words(std::string_view title,
                                                 std::string_view summary) const {
  const auto a = topics_detail::analyze(*watchlist_, title, summary);
  return topics_detail::event_words_of(*watchlist_, a, topics_detail::find_numbers(*watchlist_, a),
                                       topics_detail::gate_topics(*watchlist_, a.text).act);
}

std::vector<std::string> topics_detail::event_words_of(const Watchlist& w, const Analysis& a,
                                                       const std::vector<NumberHit>& numbers,
                                                       const std::vector<bool>& acts) {
  // Collected as views into the text first and copied once, sorted and unique: this runs for
  // every matched item on the classifying thread.
  std::vector<std::string_view> words;
  const std::string_view t = a.text;
  for (std::size_t i = 0; i < t.size();) {
    if (!is_word_char(t[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && (is_word_char(t[j]) || t[j] == '-')) ++j;
    const std::string_view word = t.substr(i, j - i);
    i = j;
    const bool numeric = std::isdigit(static_cast<unsigned char>(word[0])) != 0;
    if (numeric || word.size() < 3 || is_stopword(word)) continue;
    words.push_back(stem(word));
  }
  // The tagged tokens are written one after another into `tagged`, and viewed from `words`
  // once it no longer grows; all are sorted as views (a word repeats: the title's words come
  // again in the summary), and each distinct one copied once.
  std::string tagged;
  std::vector<std::size_t> ends;
  auto tag = [&](char kind, std::initializer_list<std::string_view> parts) {
    tagged += kind;
    tagged += ':';
    for (const auto part : parts) tagged += part;
    ends.push_back(tagged.size());
  };
  for (std::size_t k = 0; k < w.entities.size(); ++k) {
    for (const auto& h : a.entities[k]) {
      tag('e', {w.entities[k].names[static_cast<std::size_t>(h.label)]});
    }
  }
  for (const auto& n : numbers) {
    char buf[320];  // any double in full, as "%.0f" prints it
    const auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, n.value, std::chars_format::fixed, 0);
    const std::string_view value(buf, ec == std::errc() ? static_cast<std::size_t>(end - buf) : 0);
    tag('n', {value, " ", w.unit_names[static_cast<std::size_t>(n.unit)]});
  }
  for (std::size_t k = 0; k < w.topics.size() && k < acts.size(); ++k) {
    if (acts[k]) tag('t', {w.topics[k].info.name});
  }
  std::size_t from = 0;
  for (const auto to : ends) {
    words.push_back(std::string_view(tagged).substr(from, to - from));
    from = to;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return std::vector<std::string>(words.begin(), words.end());
}

namespace {

// Two sorted, duplicate-free token sets, one merge walk: the weight of each side and of what
// they share.
template <class Set>
double sorted_similarity(const Set& sa, const Set& sb) {
  double shared = 0, wa = 0, wb = 0;
  std::size_t i = 0, j = 0;
  while (i < sa.size() || j < sb.size()) {
    if (j == sb.size() || (i < sa.size() && sa[i] < sb[j])) {
      wa += event_word_weight(sa[i++]);
    } else if (i == sa.size() || sb[j] < sa[i]) {
      wb += event_word_weight(sb[j++]);
    } else {
      const double x = event_word_weight(sa[i]);
      wa += x, wb += x, shared += x;
      ++i, ++j;
    }
  }
  return event_similarity_from(shared, wa, wb);
}

bool sorted_unique(const std::vector<std::string>& v) {
  return std::adjacent_find(v.begin(), v.end(), std::greater_equal<>()) == v.end();
}

}  // namespace

double event_word_weight(std::string_view token) {
  if (token.size() > 2 && token[1] == ':') {
    return token[0] == 't' ? 2.0 : 3.0;  // topics; entities and numbers weigh most
  }
  return 1.0;
}

double event_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  // event_words returns sorted, duplicate-free sets, so the usual case copies nothing: this
  // runs for every open event of the topic on every match the database records.
  if (sorted_unique(a) && sorted_unique(b)) return sorted_similarity(a, b);
  auto as_set = [](const std::vector<std::string>& v) {
    std::vector<std::string_view> out(v.begin(), v.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  return sorted_similarity(as_set(a), as_set(b));
}

}  // namespace redline
