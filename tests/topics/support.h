// Shared helpers of the topics tests: the shipped watchlist, and a classifier over it.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "topics/topics.h"

namespace redline::test {

inline std::shared_ptr<const Watchlist> shipped_watchlist() {
  static const auto w = [] {
    auto r = load_watchlist(std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml");
    if (!r) throw std::runtime_error(r.error().message);
    return *r;
  }();
  return w;
}

inline const Classifier& shipped() {
  static const Classifier c(shipped_watchlist());
  return c;
}

inline std::optional<Match> match_for(const std::vector<Match>& ms, const std::string& topic) {
  for (const auto& m : ms) {
    if (m.topic == topic) return m;
  }
  return std::nullopt;
}

// The stance the shipped watchlist gives `topic` for an item, or nullopt when not matched.
inline std::optional<Stance> stance_of(const std::string& topic, const std::string& title,
                                       const std::string& summary = "") {
  const auto m = match_for(shipped().classify(title, summary), topic);
  if (!m) return std::nullopt;
  return m->stance;
}

// One sentence of a wording family and the stance the shipped watchlist must give its topic
// (nullopt: the item must not match the topic), for table-driven tests.
struct StanceCase {
  const char* topic;
  const char* title;
  const char* summary;
  std::optional<Stance> want;
};

inline void expect_all(const std::vector<StanceCase>& cases) {
  for (const auto& c : cases) {
    EXPECT_EQ(stance_of(c.topic, c.title, c.summary), c.want) << c.topic << ": " << c.title;
  }
}

}  // namespace redline::test
