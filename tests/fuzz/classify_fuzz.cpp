// Any title and summary through the classifier with the shipped watchlist. The input is split at
// the first newline into title and summary.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "topics/topics.h"

namespace {

const redline::Classifier& shipped_classifier() {
  static const auto classifier = [] {
    auto watchlist = redline::load_watchlist(REDLINE_SOURCE_DIR "/config/watchlists/us-mexico.toml");
    if (!watchlist) {
      std::abort();  // the shipped watchlist must load
    }
    return std::make_unique<redline::Classifier>(*watchlist);
  }();
  return *classifier;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const auto title = input.substr(0, newline);
  const auto summary = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  const auto& classifier = shipped_classifier();
  (void)classifier.classify(title, summary);
  (void)classifier.event_words(title, summary);
  return 0;
}
