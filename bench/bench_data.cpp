#include "bench/bench_data.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace redline::bench {

namespace {

std::string data_dir() {
  const char* dir = std::getenv("REDLINE_BENCH_DATA");
  return dir && *dir ? dir : REDLINE_SOURCE_DIR "/bench/out/data";
}

}  // namespace

std::string read_data_file(const std::string& name) {
  const std::string path = data_dir() + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s: run /usr/bin/python3 bench/gen_feeds.py first\n",
                 path.c_str());
    std::exit(66);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::vector<Headline>& headlines() {
  static const std::vector<Headline> all = [] {
    std::vector<Headline> out;
    std::istringstream lines(read_data_file("headlines.jsonl"));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      out.push_back({j.value("id", ""), j.value("title", ""), j.value("summary", "")});
    }
    return out;
  }();
  return all;
}

std::string watchlist_path() { return REDLINE_SOURCE_DIR "/config/watchlists/us-mexico.toml"; }

}  // namespace redline::bench
