// Helpers for the parser tests: fixtures by case name, and parse-or-fail.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "feeds/feed.h"

namespace redline::testing {

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(REDLINE_TEST_DATA) + "/feeds/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parses and fails the test (returning an empty Feed) when the parser says "not a feed".
inline Feed parse_ok(std::string_view bytes, const ParseOptions& options = {}) {
  auto feed = parse_feed(bytes, options);
  EXPECT_TRUE(feed.has_value()) << (feed ? "" : feed.error().message);
  return feed ? std::move(feed).value() : Feed{};
}

inline std::string rss_with_item(const std::string& item_xml, const std::string& channel_extra = "") {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>"
         "<link>http://example.com/</link><description>D</description>" +
         channel_extra + "<item>" + item_xml + "</item></channel></rss>";
}

inline std::string utc(const std::optional<Timestamp>& t) { return t ? format_rfc3339(*t) : "null"; }

// A feed date as parse_feed_date reads it, in UTC ("null" when it reads none).
inline std::string date(std::string_view text) {
  return utc(parse_feed_date(text));
}

}  // namespace redline::testing
