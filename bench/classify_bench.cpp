// Classification throughput with the shipped watchlist (config/watchlists/us-mexico.toml) on
// generated headlines with summaries, about a third of them about the watched question, and on
// the varied text of the labelled development sets.
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>

#include "bench/bench_data.h"
#include "topics/topics.h"

namespace redline::bench {

namespace {

Classifier load_shipped() {
  auto watchlist = load_watchlist(watchlist_path());
  if (!watchlist) {
    std::fprintf(stderr, "%s\n", watchlist.error().message.c_str());
    std::exit(66);
  }
  return Classifier(std::move(*watchlist));
}

const Classifier& shipped_classifier() {
  static const Classifier classifier = load_shipped();
  return classifier;
}

// The timed loop: one headline per iteration, round and round; matched_share says how many
// matched.
void classify_each(benchmark::State& state, const Classifier& classifier,
                   const std::vector<Headline>& all) {
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

// Bytes the heap holds: RE2 keeps its programs' DFA states there (the lists' programs run where
// a non-literal pattern may start, and over text outside ASCII), built as text needs them.
double heap_mb() {
  return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0);
}

// One pass over varied text with a classifier just loaded (its pattern lists' DFAs empty, as in
// a daemon's first hour), then one more pass once they hold what that text needed. heap_mb is
// what the first pass added to the heap: the DFA states real news makes RE2 build, which the
// generated headlines above (a few templates) do not show.
void classify_varied(benchmark::State& state, bool warm) {
  const auto& all = varied_headlines();
  const double before = heap_mb();
  const Classifier classifier = load_shipped();
  const double loaded = heap_mb();
  if (warm) {
    for (const auto& h : all) benchmark::DoNotOptimize(classifier.classify(h.title, h.summary));
  }
  classify_each(state, classifier, all);
  state.counters["watchlist_mb"] = loaded - before;
  state.counters["dfa_mb"] = heap_mb() - loaded;
}

void classify_headlines(benchmark::State& state) {
  classify_each(state, shipped_classifier(), headlines());
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
BENCHMARK_CAPTURE(classify_varied, cold, false)
    ->Iterations(static_cast<benchmark::IterationCount>(varied_headlines().size()));
BENCHMARK_CAPTURE(classify_varied, warm, true)
    ->Iterations(static_cast<benchmark::IterationCount>(varied_headlines().size()));
BENCHMARK(event_words_headlines);

}  // namespace redline::bench
