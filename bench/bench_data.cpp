#include "bench/bench_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

const std::vector<Headline>& varied_headlines() {
  static const std::vector<Headline> all = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(REDLINE_SOURCE_DIR "/tests/data/topics")) {
      const auto name = entry.path().filename().string();
      if (name.rfind("dev", 0) == 0 && entry.path().extension() == ".jsonl")
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Headline> out;
    for (const auto& file : files) {
      std::ifstream in(file);
      for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        out.push_back({j.value("id", ""), j.value("title", ""), j.value("summary", "")});
      }
    }
    if (out.empty()) {
      std::fprintf(stderr, "no development sets in %s/tests/data/topics\n", REDLINE_SOURCE_DIR);
      std::exit(66);
    }
    return out;
  }();
  return all;
}

std::string watchlist_path() { return REDLINE_SOURCE_DIR "/config/watchlists/us-mexico.toml"; }

}  // namespace redline::bench
