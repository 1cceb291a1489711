#include <gtest/gtest.h>

#include "feed_test_util.h"

namespace redline {
namespace {

using testing::fixture;
using testing::parse_ok;
using testing::utc;

TEST(JsonFeed, ReadsItemsLikeAnyOtherFeed) {
  const Feed feed = parse_ok(fixture("jsonfeed11_basic.json"));
  EXPECT_EQ(feed.format, "jsonfeed");
  EXPECT_EQ(feed.title, "JSON Desk");
  EXPECT_EQ(feed.subtitle, "A JSON feed");
  EXPECT_EQ(feed.link, "https://json.example.com/");
  ASSERT_EQ(feed.items.size(), 2u);
  const Item& item = feed.items[0];
  EXPECT_EQ(item.id, "2025-001");
  EXPECT_EQ(item.title, "Drone strike reported near Culiac\u00e1n");
  EXPECT_EQ(item.link, "https://json.example.com/posts/1");
  EXPECT_EQ(item.content, "Officials confirmed.");
  EXPECT_EQ(item.author, "Field Team");
  EXPECT_EQ(utc(item.published), "2025-04-01T18:00:00Z");
  EXPECT_EQ(utc(item.updated), "2025-04-01T20:00:00Z");
  EXPECT_EQ(item.categories, (std::vector<std::string>{"strikes", "sinaloa"}));
  ASSERT_EQ(item.enclosures.size(), 1u);
  EXPECT_EQ(item.enclosures[0].length, 2048);
}

TEST(JsonFeed, NumericIdsBecomeStringsAndJavascriptLinksAreDropped) {
  const Feed feed = parse_ok(fixture("jsonfeed11_basic.json"));
  const Item& item = feed.items.at(1);
  EXPECT_EQ(item.id, "7");
  EXPECT_EQ(item.link, "");
  EXPECT_EQ(item.content, "Plain text");
  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("javascript:"), std::string::npos);
}

TEST(JsonFeed, JsonThatIsNotAFeedIsAnError) {
  const auto feed = parse_feed(R"({"name": "config", "items": []})");
  ASSERT_FALSE(feed);
  EXPECT_NE(feed.error().message.find("not a feed"), std::string::npos);
}

TEST(JsonFeed, BrokenJsonIsAnError) {
  EXPECT_FALSE(parse_feed(R"({"version": "https://jsonfeed.org/version/1.1", "items": [)"));
}

}  // namespace
}  // namespace redline
