// The classifier: a watchlist (a question, its topics, their rules and baseline facts, from a
// TOML file the user can read and edit) decides for each item which topics it is about and
// whether it reports action, rhetoric or denial, with the evidence that decided. It also
// extracts numbers and named entities, proposes tracked-fact updates, and gives the words that
// group reports of one happening into an event. Pure: no I/O after the watchlist is loaded.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace redline {

enum class Stance { action, rhetoric, denial };
const char* to_string(Stance s);
std::optional<Stance> stance_from_string(std::string_view s);

enum class Severity { info, warning, critical };
const char* to_string(Severity s);

struct Number {
  double value = 0;
  std::string what;  // what is counted, e.g. "troops"
};

// A change the item reports to one of the topic's tracked facts.
struct FactUpdate {
  std::string fact;   // fact name from the watchlist, e.g. "troops_deployed", "designated_groups"
  std::string value;  // new value as text: "10000", "Tren de Aragua"
  bool add_to_set = false;  // true: value joins a set (a newly listed group); false: replaces
};

struct Match {
  std::string topic;
  Stance stance = Stance::rhetoric;
  double confidence = 0;   // 0..1
  std::string evidence;    // the words that decided topic and stance, e.g. "US strikes | cartel camp | Sinaloa"
  std::vector<Number> numbers;
  std::vector<std::string> entities;  // named groups, places
  std::vector<FactUpdate> facts;
};

struct TopicInfo {
  std::string name;
  std::string description;
  Severity severity = Severity::warning;
  bool alert_on_fact_change = false;
};

struct FactBaseline {
  std::string topic;
  std::string fact;
  std::vector<std::string> values;  // one value, or the members of a set
  std::string as_of;                // "2025-02-20"
  std::string note;
};

class Watchlist;

// Loads and compiles a watchlist file; the Error is "FILE:LINE: reason".
Result<std::shared_ptr<const Watchlist>> load_watchlist(const std::string& path);

// Same, from text (name is used in messages).
Result<std::shared_ptr<const Watchlist>> parse_watchlist(std::string_view toml_text,
                                                         const std::string& name);

class Classifier {
 public:
  explicit Classifier(std::shared_ptr<const Watchlist> watchlist);
  ~Classifier();

  // Matches for one item; empty when it is about none of the topics.
  std::vector<Match> classify(std::string_view title, std::string_view summary) const;

  // Normalized content words of an item, used to tell whether two reports are the same event.
  std::vector<std::string> event_words(std::string_view title, std::string_view summary) const;

  // classify() and, when anything matched, event_words(), from one reading of the text (what
  // the pipeline needs; the same results as the two calls, at about half the cost).
  struct Classification {
    std::vector<Match> matches;
    std::vector<std::string> event_words;  // empty when matches is
  };
  Classification classify_with_words(std::string_view title, std::string_view summary) const;

  // classify_with_words for many items: the same results, item for item, faster. Each pattern
  // list scans all the items in a row rather than each item all the lists, so a list's DFA is
  // read while it is in the processor's caches (issue #8).
  struct Text {
    std::string_view title;
    std::string_view summary;
  };
  std::vector<Classification> classify_with_words(const std::vector<Text>& items) const;

  const std::string& watchlist_name() const;
  const std::vector<TopicInfo>& topics() const;
  const std::vector<FactBaseline>& baselines() const;

 private:
  std::shared_ptr<const Watchlist> watchlist_;
};

// Similarity of two event_words lists in [0,1] (for clustering reports into events).
double event_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// event_similarity in parts, for a caller that compares one report with many events (the store,
// which keeps events' words as numbered tokens): the weight of one token, and the similarity
// from the weight of each side and the weight of the tokens they share.
double event_word_weight(std::string_view token);

// Weighted overlap: Jaccard would punish the longer report for its extra detail, so the shared
// weight is compared with the smaller report's weight, averaged with Jaccard. Here, not in a
// source file, so that the store's loop over a topic's open events inlines it (issue #8).
inline double event_similarity_from(double shared, double weight_a, double weight_b) {
  if (weight_a <= 0 || weight_b <= 0) return 0.0;
  const double all = weight_a + weight_b - shared;
  const double jaccard = all > 0 ? shared / all : 0;
  const double overlap = shared / std::min(weight_a, weight_b);
  return std::clamp((jaccard + overlap) / 2.0, 0.0, 1.0);
}

}  // namespace redline
