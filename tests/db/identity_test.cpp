#include "db/identity.h"

#include <gtest/gtest.h>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

TEST(NormalizeLink, LowercasesSchemeAndHostButNotPath) {
  EXPECT_EQ(normalize_link("HTTPS://News.Example.COM/World/Story"),
            "https://news.example.com/World/Story");
}

TEST(NormalizeLink, DropsFragment) {
  EXPECT_EQ(normalize_link("https://a.example/story#comments"), "https://a.example/story");
}

TEST(NormalizeLink, DropsTrackingParametersAndSortsTheRest) {
  EXPECT_EQ(normalize_link("https://a.example/s?utm_source=rss&id=7&UTM_Medium=x&fbclid=abc"
                           "&b=2&gclid=9&a=1"),
            "https://a.example/s?a=1&b=2&id=7");
}

TEST(NormalizeLink, QueryOfOnlyTrackingParametersDisappears) {
  EXPECT_EQ(normalize_link("https://a.example/s?utm_campaign=feed&at_medium=RSS"),
            "https://a.example/s");
}

TEST(NormalizeLink, DropsDefaultPortsOnly) {
  EXPECT_EQ(normalize_link("http://a.example:80/x"), "http://a.example/x");
  EXPECT_EQ(normalize_link("https://a.example:443/x"), "https://a.example/x");
  EXPECT_EQ(normalize_link("https://a.example:8443/x"), "https://a.example:8443/x");
  EXPECT_EQ(normalize_link("http://a.example:443/x"), "http://a.example:443/x");
}

TEST(NormalizeLink, NormalizesTrailingSlashAndEmptyPath) {
  EXPECT_EQ(normalize_link("https://a.example/news/story/"), "https://a.example/news/story");
  EXPECT_EQ(normalize_link("https://a.example"), "https://a.example/");
  EXPECT_EQ(normalize_link("https://a.example/"), "https://a.example/");
  EXPECT_EQ(normalize_link("https://a.example?p=1"), "https://a.example/?p=1");
}

TEST(NormalizeLink, UppercasesPercentEscapes) {
  EXPECT_EQ(normalize_link("https://a.example/c%c3%a1rtel?q=a%2fb"),
            "https://a.example/c%C3%A1rtel?q=a%2Fb");
}

TEST(NormalizeLink, KeepsIpv6HostWithPort) {
  EXPECT_EQ(normalize_link("http://[::1]:8080/feed"), "http://[::1]:8080/feed");
  EXPECT_EQ(normalize_link("http://[::1]:80/feed"), "http://[::1]/feed");
}

TEST(NormalizeLink, LeavesOtherTextTrimmedButUnchanged) {
  EXPECT_EQ(normalize_link("  urn:uuid:1234  "), "urn:uuid:1234");
  EXPECT_EQ(normalize_link("ftp://A.example/x"), "ftp://A.example/x");
  EXPECT_EQ(normalize_link(""), "");
}

TEST(TrackingParameter, RecognizesCommonTrackers) {
  EXPECT_TRUE(is_tracking_parameter("utm_source"));
  EXPECT_TRUE(is_tracking_parameter("UTM_CONTENT"));
  EXPECT_TRUE(is_tracking_parameter("fbclid"));
  EXPECT_TRUE(is_tracking_parameter("gclid"));
  EXPECT_TRUE(is_tracking_parameter("WT.mc_id"));
  EXPECT_FALSE(is_tracking_parameter("id"));
  EXPECT_FALSE(is_tracking_parameter("page"));
}

TEST(ItemKey, PrefersTheGuid) {
  EXPECT_EQ(item_key("tag:wire.example,2025:123", "https://wire.example/a", "T", "", {}),
            "guid:tag:wire.example,2025:123");
}

TEST(ItemKey, NormalizesAGuidThatIsAUrl) {
  EXPECT_EQ(item_key("https://Wire.example/a?utm_source=rss", "", "T", "", {}),
            "guid:https://wire.example/a");
}

TEST(ItemKey, FallsBackToTheNormalizedLink) {
  EXPECT_EQ(item_key("", "https://wire.example/a/?utm_medium=feed#top", "T", "", {}),
            "link:https://wire.example/a");
  EXPECT_EQ(item_key("   ", "https://wire.example/a", "T", "", {}), "link:https://wire.example/a");
}

TEST(ItemKey, FallsBackToAHashOfTitleAndDate) {
  const auto when = testing::at("2025-03-01T10:00:00Z");
  const auto key = item_key("", "", "US strikes cartel lab", "", when);
  EXPECT_EQ(key.rfind("hash:", 0), 0u);
  EXPECT_EQ(key.size(), 5u + 16u);
  EXPECT_EQ(key, item_key("", "", "  us STRIKES   cartel lab ", "other summary", when));
  EXPECT_NE(key, item_key("", "", "US strikes cartel lab", "", when + std::chrono::hours(1)));
  EXPECT_NE(key, item_key("", "", "US strikes cartel camp", "", when));
}

TEST(ItemKey, UntitledItemsAreKeyedByTheirSummary) {
  EXPECT_NE(item_key("", "", "", "first note", {}), item_key("", "", "", "second note", {}));
}

TEST(ItemKey, VeryLongGuidsAreHashed) {
  const auto key = item_key(std::string(5000, 'g'), "", "", "", {});
  EXPECT_EQ(key.rfind("guid:#", 0), 0u);
  EXPECT_LT(key.size(), 40u);
}

TEST(LinkIdentifiesPage, HomePagesDoNot) {
  EXPECT_FALSE(link_identifies_page("https://a.example/"));
  EXPECT_FALSE(link_identifies_page(""));
  EXPECT_TRUE(link_identifies_page("https://a.example/story"));
  EXPECT_TRUE(link_identifies_page("https://a.example/?p=12"));
}

TEST(StableHash, IsFnv1a64) {
  EXPECT_EQ(stable_hash(""), "cbf29ce484222325");
  EXPECT_EQ(stable_hash("a"), "af63dc4c8601ec8c");
}

TEST(ContentHash, SeparatesTitleFromSummary) {
  EXPECT_NE(content_hash("ab", "c"), content_hash("a", "bc"));
  EXPECT_EQ(content_hash("a", "b"), content_hash("a", "b"));
}

// identify_items is what the store used to work out item by item inside its transaction; the
// daemon now runs it on its worker. Every field must be what the single-item functions say.
TEST(IdentifyItems, GivesEachItemItsKeyLinkGuidAndHash) {
  const auto when = testing::at("2026-11-20T08:00:00Z");
  const std::vector<Item> items = {
      testing::item("  g-1 \n", "US strikes cartel lab", "HTTPS://Wire.Example/a?utm_source=x",
                    "Officials confirmed it.", when),
      testing::item("", "Troops arrive at the border", "https://wire.example/b"),
      testing::item("", "Untitled, unlinked", "", "a summary", when),
  };
  const auto ids = identify_items(items);
  ASSERT_EQ(ids.size(), items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(ids[i].link, normalize_link(items[i].link));
    EXPECT_EQ(ids[i].key, item_key(items[i].id, items[i].link, items[i].title, items[i].summary,
                                   items[i].published));
    EXPECT_EQ(ids[i].hash, content_hash(items[i].title, items[i].summary));
  }
  EXPECT_EQ(ids[0].guid, "g-1");
  EXPECT_EQ(ids[0].link, "https://wire.example/a");
  EXPECT_TRUE(ids[0].link_fallback);   // a guid, and a link that names one page
  EXPECT_FALSE(ids[1].link_fallback);  // no guid: the link is the key already
  EXPECT_EQ(ids[1].key, "link:https://wire.example/b");
  EXPECT_EQ(ids[2].key.rfind("hash:", 0), 0u);
}

TEST(IdentifyItems, ALinkThatSeveralItemsShareIdentifiesNone) {
  const std::vector<Item> items = {
      testing::item("", "First story", "https://paper.example/"),
      testing::item("", "Second story", "https://paper.example/?utm_medium=rss"),
      testing::item("g-3", "Third story", "https://paper.example/"),
      testing::item("g-4", "Fourth story", "https://paper.example/fourth"),
  };
  const auto ids = identify_items(items);
  ASSERT_EQ(ids.size(), 4u);
  // Keyed by their text, not by the link they share (after normalizing, all three are one).
  EXPECT_EQ(ids[0].key.rfind("hash:", 0), 0u);
  EXPECT_EQ(ids[1].key.rfind("hash:", 0), 0u);
  EXPECT_NE(ids[0].key, ids[1].key);
  EXPECT_EQ(ids[2].key, "guid:g-3");
  EXPECT_FALSE(ids[2].link_fallback);  // the shared link finds nothing
  EXPECT_TRUE(ids[3].link_fallback);
  EXPECT_TRUE(identify_items({}).empty());
}

}  // namespace
}  // namespace redline
