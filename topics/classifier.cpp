#include "topics/analysis.h"
#include "topics/topics.h"
#include "topics/watchlist.h"

namespace redline {

const char* to_string(Stance s) {
  switch (s) {
    case Stance::action:
      return "action";
    case Stance::rhetoric:
      return "rhetoric";
    case Stance::denial:
      return "denial";
  }
  return "rhetoric";
}

std::optional<Stance> stance_from_string(std::string_view s) {
  if (s == "action") return Stance::action;
  if (s == "rhetoric") return Stance::rhetoric;
  if (s == "denial") return Stance::denial;
  return std::nullopt;
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::critical:
      return "critical";
  }
  return "warning";
}

Classifier::Classifier(std::shared_ptr<const Watchlist> watchlist)
    : watchlist_(std::move(watchlist)) {}

Classifier::~Classifier() = default;

namespace {

// The one reading of an item behind both public calls; event words only when asked for (the
// pipeline needs them, `classify` and `eval` do not) and only when something matched.
Classifier::Classification read_item(const Watchlist& w, std::string_view title,
                                     std::string_view summary, bool with_words) {
  Classifier::Classification out;
  int title_end = 0;
  std::string text = topics_detail::analysis_text(title, summary, &title_end);
  const auto gate = topics_detail::gate_topics(w, text);
  if (!gate.any()) return out;
  const auto a = topics_detail::analyze_text(w, std::move(text), title_end);
  const auto numbers = topics_detail::find_numbers(w, a);
  for (std::size_t i = 0; i < w.topics.size(); ++i) {
    if (!gate.candidate[i]) continue;  // no act or no place: decide_topic would find nothing
    if (auto m = topics_detail::decide_topic(w, w.topics[i], a, numbers))
      out.matches.push_back(std::move(*m));
  }
  if (with_words && !out.matches.empty())
    out.event_words = topics_detail::event_words_of(w, a, numbers, gate.act);
  return out;
}

}  // namespace

std::vector<Match> Classifier::classify(std::string_view title, std::string_view summary) const {
  return read_item(*watchlist_, title, summary, false).matches;
}

Classifier::Classification Classifier::classify_with_words(std::string_view title,
                                                          std::string_view summary) const {
  return read_item(*watchlist_, title, summary, true);
}

const std::string& Classifier::watchlist_name() const {
  return watchlist_->name;
}

const std::vector<TopicInfo>& Classifier::topics() const {
  return watchlist_->infos;
}

const std::vector<FactBaseline>& Classifier::baselines() const {
  return watchlist_->baselines;
}

}  // namespace redline
