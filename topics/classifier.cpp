#include "topics/analysis.h"
#include "topics/literal.h"
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

// The one reading of items behind all public calls; event words only when asked for (the
// pipeline needs them, `classify` and `eval` do not) and only when something matched. Every
// step that scans runs one pattern list over all the items that need it before the next list.
std::vector<Classifier::Classification> read_items(const Watchlist& w,
                                                   const std::vector<Classifier::Text>& items,
                                                   bool with_words) {
  std::vector<Classifier::Classification> out(items.size());
  std::vector<std::string> texts(items.size());
  std::vector<std::string_view> views(items.size());
  std::vector<int> title_ends(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    texts[i] = topics_detail::analysis_text(items[i].title, items[i].summary, &title_ends[i]);
    views[i] = texts[i];
  }
  // Each text is walked once for all the lists of a literal index (topics/literal.h), however
  // many of them are asked about it below. An Analysis takes its text's buffer as it is, and
  // the text is forgotten when the Analysis goes with it.
  topics_detail::LiteralScans walks(views);
  // An item no topic can match is done here.
  const auto gates = topics_detail::gate_topics(w, views);
  const std::size_t topics = w.topics.size();
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (gates[i].any()) picked.push_back(i);
  }
  if (picked.empty()) return out;
  views.clear();
  for (const std::size_t i : picked) views.emplace_back(texts[i]);
  std::vector<topics_detail::EagerHits> eager;
  topics_detail::scan_eager_lists(w, views, eager);
  // The lists of each topic an item can match, for the items that can match it.
  std::vector<std::vector<topics_detail::TopicScan>> scans(
      picked.size(), std::vector<topics_detail::TopicScan>(topics));
  for (std::size_t t = 0; t < topics; ++t) {
    std::vector<std::string_view> of_topic;
    std::vector<topics_detail::TopicScan*> into;
    for (std::size_t k = 0; k < picked.size(); ++k) {
      if (!gates[picked[k]].candidate[t]) continue;
      of_topic.push_back(views[k]);
      into.push_back(&scans[k][t]);
    }
    topics_detail::scan_topic_lists(w.topics[t], of_topic, into);
  }
  for (std::size_t k = 0; k < picked.size(); ++k) {
    const std::size_t i = picked[k];
    const topics_detail::Analysis a(w, std::move(texts[i]), title_ends[i], std::move(eager[k]));
    const auto numbers = topics_detail::find_numbers(w, a);
    for (std::size_t t = 0; t < topics; ++t) {
      if (!gates[i].candidate[t]) continue;  // no act or no place: decide_topic would find nothing
      if (auto m = topics_detail::decide_topic(w, w.topics[t], a, numbers, std::move(scans[k][t])))
        out[i].matches.push_back(std::move(*m));
    }
    if (with_words && !out[i].matches.empty())
      out[i].event_words = topics_detail::event_words_of(w, a, numbers, gates[i].act);
    walks.forget(a.text);
  }
  return out;
}

}  // namespace

std::vector<Match> Classifier::classify(std::string_view title, std::string_view summary) const {
  return std::move(read_items(*watchlist_, {Text{title, summary}}, false).front().matches);
}

Classifier::Classification Classifier::classify_with_words(std::string_view title,
                                                           std::string_view summary) const {
  return std::move(read_items(*watchlist_, {Text{title, summary}}, true).front());
}

std::vector<Classifier::Classification> Classifier::classify_with_words(
    const std::vector<Text>& items) const {
  return read_items(*watchlist_, items, true);
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
