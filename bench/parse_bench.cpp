// Parse throughput of redline::parse_feed on a large generated feed (RSS and Atom), side by side
// with the floor: pugixml loading the same bytes and visiting every node and text (what any
// parser built on pugixml must at least do). Bytes/s and items/s.
#include <benchmark/benchmark.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "bench/bench_data.h"
#include "feeds/feed.h"

namespace redline::bench {

namespace {

void parse_redline(benchmark::State& state, const char* file) {
  const std::string bytes = read_data_file(file);
  std::size_t items = 0;
  for (auto _ : state) {
    auto feed = parse_feed(bytes, {.base_url = "http://127.0.0.1/", .http_charset = "", .max_items = 100000});
    if (!feed) {
      state.SkipWithError(feed.error().message.c_str());
      return;
    }
    items = feed->items.size();
    benchmark::DoNotOptimize(feed->items.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
  state.counters["items_per_feed"] = static_cast<double>(items);
}

// Load (a copy, as a parser must) and walk every node iteratively, touching names and values.
std::size_t walk(const pugi::xml_document& doc) {
  std::size_t sum = 0;
  std::vector<pugi::xml_node> stack{doc};
  while (!stack.empty()) {
    pugi::xml_node node = stack.back();
    stack.pop_back();
    sum += std::char_traits<char>::length(node.name()) +
           std::char_traits<char>::length(node.value());
    for (auto a : node.attributes()) sum += std::char_traits<char>::length(a.value());
    for (auto c = node.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return sum;
}

void parse_pugixml_walk(benchmark::State& state, const char* file) {
  const std::string bytes = read_data_file(file);
  for (auto _ : state) {
    pugi::xml_document doc;
    auto ok = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok) {
      state.SkipWithError(ok.description());
      return;
    }
    benchmark::DoNotOptimize(walk(doc));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

}  // namespace

BENCHMARK_CAPTURE(parse_redline, rss, "large_rss.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_pugixml_walk, rss, "large_rss.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_redline, atom, "large_atom.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_pugixml_walk, atom, "large_atom.xml")->Unit(benchmark::kMillisecond);

}  // namespace redline::bench
