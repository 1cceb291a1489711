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

std::vector<Match> Classifier::classify(std::string_view title, std::string_view summary) const {
  return classify_with_words(title, summary).matches;
}

Classifier::Classification Classifier::classify_with_words(std::string_view title,
                                                          std::string_view summary) const {
  Classification out;
  int title_end = 0;
  std::string text = topics_detail::analysis_text(title, summary, &title_end);
  if (!topics_detail::may_match(*watchlist_, text)) return out;
  const auto a = topics_detail::analyze_text(*watchlist_, std::move(text), title_end);
  const auto numbers = topics_detail::find_numbers(*watchlist_, a);
  for (const auto& topic : watchlist_->topics) {
    if (auto m = topics_detail::decide_topic(*watchlist_, topic, a, numbers))
      out.matches.push_back(std::move(*m));
  }
  if (!out.matches.empty()) out.event_words = topics_detail::event_words_of(*watchlist_, a, numbers);
  return out;
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
