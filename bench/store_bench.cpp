// Store write rates on a real SQLite file (WAL, as shipped): record_poll of batches of 50 new
// items (one transaction per poll, as the pipeline does) and record_classification of the
// classifier's matches (one transaction per revision, with events and outbox rows).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "bench/bench_data.h"
#include "db/store.h"
#include "topics/topics.h"

namespace redline::bench {

namespace {

constexpr int kBatch = 50;

// A fresh database file in $TMPDIR, removed (with its WAL) when the benchmark ends.
struct TempDb {
  std::filesystem::path dir;
  TempDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "redline-bench-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    dir = tmpl;
  }
  ~TempDb() { std::filesystem::remove_all(dir); }
  std::string path() const { return (dir / "bench.db").string(); }
};

std::vector<Item> next_batch(std::int64_t& serial) {
  const auto& all = headlines();
  std::vector<Item> items;
  items.reserve(kBatch);
  const Timestamp published = now_utc();
  for (int i = 0; i < kBatch; ++i, ++serial) {
    const Headline& h = all[static_cast<std::size_t>(serial) % all.size()];
    Item item;
    item.id = "bench-" + std::to_string(serial);
    item.title = h.title;
    item.summary = h.summary;
    item.link = "http://127.0.0.1/item/" + std::to_string(serial);
    item.published = published;
    items.push_back(std::move(item));
  }
  return items;
}

PollSuccess poll_now() {
  const Timestamp now = now_utc();
  return {.polled_at = now, .next_poll = now + std::chrono::minutes{10}, .etag = "\"e\"",
          .last_modified = "", .backlog_before = now - std::chrono::hours{48}};
}

void store_record_poll(benchmark::State& state) {
  TempDb db;
  auto store = open_sqlite_store(db.path());
  const auto feed = store->ensure_feed("bench", "http://127.0.0.1/bench.xml");
  std::int64_t serial = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto items = next_batch(serial);
    state.ResumeTiming();
    auto result = store->record_poll(feed.id, poll_now(), items);
    benchmark::DoNotOptimize(result.new_items);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void store_record_classification(benchmark::State& state) {
  auto watchlist = load_watchlist(watchlist_path());
  if (!watchlist) {
    state.SkipWithError(watchlist.error().message.c_str());
    return;
  }
  const Classifier classifier(std::move(*watchlist));
  AlertPolicy policy;
  policy.watchlist = classifier.watchlist_name();
  policy.topics = classifier.topics();
  policy.sinks = {"webhook-1"};
  policy.similarity = event_similarity;
  TempDb db;
  auto store = open_sqlite_store(db.path());
  store->seed_baselines(classifier.baselines(), now_utc());
  const auto feed = store->ensure_feed("bench", "http://127.0.0.1/bench.xml");
  std::int64_t serial = 0;
  std::int64_t recorded = 0;
  for (auto _ : state) {
    state.PauseTiming();
    store->record_poll(feed.id, poll_now(), next_batch(serial));
    std::vector<ClassifiedRevision> batch;
    for (auto& revision : store->pending_classification(kBatch)) {
      ClassifiedRevision c;
      c.matches = classifier.classify(revision.title, revision.summary);
      c.event_words = classifier.event_words(revision.title, revision.summary);
      c.revision = std::move(revision);
      batch.push_back(std::move(c));
    }
    state.ResumeTiming();
    // As the daemon records them: a classified batch in one transaction.
    store->record_classifications(batch, policy, now_utc());
    recorded += static_cast<std::int64_t>(batch.size());
  }
  state.SetItemsProcessed(recorded);
}

}  // namespace

BENCHMARK(store_record_poll)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(store_record_classification)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace redline::bench
