// Inputs of the micro benchmarks: files written by bench/gen_feeds.py into the folder named by
// the REDLINE_BENCH_DATA environment variable (bench/out/data by default). A missing file is a
// fatal error with the command that makes it: a benchmark on empty input would measure nothing.
#pragma once

#include <string>
#include <vector>

namespace redline::bench {

struct Headline {
  std::string id;
  std::string title;
  std::string summary;
};

// The whole file at data_dir()/name; exits with a message when it cannot be read.
std::string read_data_file(const std::string& name);

// headlines.jsonl ({"id","title","summary"} per line), parsed with the JSON reader.
const std::vector<Headline>& headlines();

// Varied, realistic text: the titles and summaries of the labelled development sets
// (tests/data/topics/dev*.jsonl, written for this project; the held-out sets are never read).
const std::vector<Headline>& varied_headlines();

// The shipped watchlist (config/watchlists/us-mexico.toml), found from the source tree.
std::string watchlist_path();

}  // namespace redline::bench
