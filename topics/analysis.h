// One item, analysed once for every topic: the normalized text, its sentences (the title is the
// first) and scopes (stretches of a sentence that one cue governs: split at ";" and at words
// like "as", "while", "after"), and the hits of the language-level grammar. Internal to topics/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topics/patterns.h"
#include "topics/watchlist.h"

namespace redline::topics_detail {

inline constexpr std::size_t kMaxTitleBytes = 2000;
inline constexpr std::size_t kMaxSummaryBytes = 6000;

struct Sentence {
  int begin = 0;
  int end = 0;
  bool title = false;
};

struct Scope {
  int begin = 0;
  int end = 0;
  int sentence = 0;
  bool presupposed = false;  // opened by "after"/"tras": the act in it is taken as given
  bool background = false;   // "Having sent troops,", "Designated as terrorists,": not the news
};

struct Analysis;

// The hits of the lists every analysis scans: the grammar lists sentences and scopes are cut by,
// the units numbers read and the entities. Scanned with the analysis, or for many items before
// their analyses, one list at a time (scan_eager_lists).
struct EagerHits {
  std::vector<Hit> action, presuppose, participle, reaction, clause_break, aside, units;
  std::vector<std::vector<Hit>> entities;  // per Watchlist::entities kind
};

// Runs each of `lists` over all of `texts` before the next list: the hits of texts[i] go to
// the list's field of *out[i].
template <class Hits, std::size_t N>
void scan_in_turn(const std::pair<const PatternList*, std::vector<Hit> Hits::*> (&lists)[N],
                  const std::vector<std::string_view>& texts, const std::vector<Hits*>& out) {
  for (const auto& [list, field] : lists) {
    for (std::size_t i = 0; i < texts.size(); ++i) list->find_all(texts[i], out[i]->*field);
  }
}

// EagerHits of each of `texts`, list after list: a list's DFA is then read for many texts in a
// row, while it is in the processor's caches (issue #8: on varied text, scanning item after
// item took twice as long per byte). out[i] belongs to texts[i].
void scan_eager_lists(const Watchlist& w, const std::vector<std::string_view>& texts,
                      std::vector<EagerHits>& out);

// A grammar list's hits, found the first time something asks for them: a decision consults the
// cues its acts lead it to, and each list nobody asks about is a scan of the text saved. Reads
// like the std::vector it holds; the fill runs at most once. Belongs to one Analysis (it keeps a
// pointer to it), so neither is copied or moved, and like it is read by one thread.
template <class T>
class Lazy {
 public:
  using Fill = void (*)(const Analysis&, T&);
  Lazy() = default;
  Lazy(const Lazy&) = delete;
  Lazy& operator=(const Lazy&) = delete;

  void defer(const Analysis* owner, Fill fill) {
    owner_ = owner;
    fill_ = fill;
  }
  const T& get() const {
    if (fill_) {
      fill_(*owner_, value_);
      fill_ = nullptr;
    }
    return value_;
  }
  operator const T&() const { return get(); }  // NOLINT: reads as the vector it is
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  std::size_t size() const { return get().size(); }
  const auto& operator[](std::size_t i) const { return get()[i]; }

 private:
  const Analysis* owner_ = nullptr;
  mutable Fill fill_ = nullptr;
  mutable T value_;
};

struct Analysis {
  // Analyses `text` (analysis_text()'s result): the lists the sentences and scopes are cut by
  // are scanned now, the other grammar lists when first asked for.
  Analysis(const Watchlist& w, std::string text, int title_end);
  // The same with the eager lists already scanned (scan_eager_lists).
  Analysis(const Watchlist& w, std::string text, int title_end, EagerHits eager);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const Watchlist& watchlist;
  std::string text;  // " title . summary ", normalized, padded with spaces
  int title_end = 0;
  std::vector<int> words;  // word_index(text)
  std::vector<Sentence> sentences;
  std::vector<Scope> scopes;
  std::vector<Hit> action, presuppose, participle, reaction;
  Lazy<std::vector<Hit>> denial, not_denial, rhetoric, speech, increment, total, noun_after, link,
      postposed, infinitive, retrospective, frame, plan_noun, modal, determiner, offshore,
      noun_before, news_label, noun_hedge, dated, explainer, opinion_label, attribution;
  // A participle opening a sentence and describing the noun after it ("Deployed troops
  // complain"): an adjective, so no action cue.
  std::vector<Hit> attributive;
  Lazy<std::vector<int>> speech_marks;     // end offsets of attributions (speech verbs and ':')
  std::vector<std::vector<Hit>> entities;  // per Watchlist::entities kind
  std::vector<Hit> units;                  // Watchlist::units

  int sentence_of(int pos) const;
  int scope_of(int pos) const;
  std::string_view span(const Hit& h) const {
    return std::string_view(text).substr(static_cast<std::size_t>(h.begin),
                                         static_cast<std::size_t>(h.end - h.begin));
  }
  // Words from one hit to the other (0 when they overlap, 1 when adjacent).
  int distance(const Hit& a, const Hit& b) const;

 private:
  void init(EagerHits eager);
};

Analysis analyze(const Watchlist& w, std::string_view title, std::string_view summary);

// The text analyze() scans: " title . summary ", normalized (folded, accents removed);
// title_end (when given) receives the offset just past the title's closing " .".
std::string analysis_text(std::string_view title, std::string_view summary,
                          int* title_end = nullptr);

// Which topics the item can match, from one pass of each topic's act list and (only where an
// act was found) its place list: decide_topic needs both, so a topic without them is skipped,
// and an item for which no topic has both skips the full analysis (most items of a feed).
struct TopicGate {
  std::vector<bool> act;        // per topic: its act list has a hit
  std::vector<bool> candidate;  // per topic: an act and a place
  bool any() const;
};
TopicGate gate_topics(const Watchlist& w, std::string_view text);
// The TopicGate of each of `texts`, list after list.
std::vector<TopicGate> gate_topics(const Watchlist& w, const std::vector<std::string_view>& texts);

// A number in the text and what it counts.
struct NumberHit {
  double value = 0;
  int unit = -1;  // index into Watchlist::unit_names
  int begin = 0;
  int end = 0;
  bool increment = false;  // "1,500 more"
  bool total = false;      // "total now 9,000"
};

std::vector<NumberHit> find_numbers(const Watchlist& w, const Analysis& a);

// Classifier::event_words of an analysed item whose numbers are already found.
// `acts` says per topic whether its act list has a hit (TopicGate::act).
std::vector<std::string> event_words_of(const Watchlist& w, const Analysis& a,
                                        const std::vector<NumberHit>& numbers,
                                        const std::vector<bool>& acts);

// Parses "1,500", "1.500", "2.5", "10 mil", "ten thousand", "diez mil" at text[pos]; the length
// read goes to `len` (0 when there is no number there).
std::optional<double> read_number(std::string_view text, std::size_t pos, std::size_t& len);

// The hits of one topic's pattern lists in one item, as scanned (decide_topic reads them).
struct TopicScan {
  std::vector<Hit> act, where, done, denial, place, implicit_actor, actor, other_actor, exclude,
      inside;
};

// The TopicScan of `topic` in each of `texts`, list after list (as scan_eager_lists does): out[i]
// belongs to texts[i].
void scan_topic_lists(const TopicRules& topic, const std::vector<std::string_view>& texts,
                      const std::vector<TopicScan*>& out);

// The decision for one topic, or nothing when the item is not about it.
std::optional<Match> decide_topic(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                                  const std::vector<NumberHit>& numbers);
// The same from the topic's lists already scanned.
std::optional<Match> decide_topic(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                                  const std::vector<NumberHit>& numbers, TopicScan scan);

// True when `h` begins with the first word of the sentence that starts at `sentence_begin`.
bool opens_sentence(const Analysis& a, const Hit& h, int sentence_begin);

// The first comma at or after `from` that ends a clause (not one inside a number, "1,000");
// npos when there is none.
std::size_t clause_comma(const std::string& t, std::size_t from);

// True when `label` opens the sentence that starts at `sentence_begin` and a ':', '-' or '|'
// follows it: a kicker that labels the headline ("BREAKING:", "Opinion |").
bool opens_as_label(const Analysis& a, const Hit& label, int sentence_begin);

// True when some hit of `hits` lies in [begin, end).
bool any_within(const std::vector<Hit>& hits, int begin, int end);

// True when some hit of `hits` is the word right before `h` ("to" before "deploy", "off"
// before "Mexico").
bool any_right_before(const Analysis& a, const std::vector<Hit>& hits, const Hit& h);

// True when some hit of `hits` overlaps `h`.
bool any_overlapping(const std::vector<Hit>& hits, const Hit& h);

}  // namespace redline::topics_detail
