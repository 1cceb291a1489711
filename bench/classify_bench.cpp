// Classification throughput with the shipped watchlist (config/watchlists/us-mexico.toml) on
// generated headlines with summaries, about a third of them about the watched question.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "bench/bench_data.h"
#include "topics/topics.h"

namespace redline::bench {

namespace {

const Classifier& shipped_classifier() {
  static const Classifier classifier = [] {
    auto watchlist = load_watchlist(watchlist_path());
    if (!watchlist) {
      std::fprintf(stderr, "%s\n", watchlist.error().message.c_str());
      std::exit(66);
    }
    return Classifier(std::move(*watchlist));
  }();
  return classifier;
}

void classify_headlines(benchmark::State& state) {
  const auto& classifier = shipped_classifier();
  const auto& all = headlines();
  std::size_t i = 0;
  std::int64_t matched = 0;
  for (auto _ : state) {
    const Headline& h = all[i++ % all.size()];
    auto matches = classifier.classify(h.title, h.summary);
    matched += !matches.empty();
    benchmark::DoNotOptimize(matches.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["matched_share"] =
      static_cast<double>(matched) / static_cast<double>(state.iterations());
}

void event_words_headlines(benchmark::State& state) {
  const auto& classifier = shipped_classifier();
  const auto& all = headlines();
  std::size_t i = 0;
  for (auto _ : state) {
    const Headline& h = all[i++ % all.size()];
    auto words = classifier.event_words(h.title, h.summary);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(classify_headlines);
BENCHMARK(event_words_headlines);

}  // namespace redline::bench
