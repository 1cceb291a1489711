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

}  // namespace
}  // namespace redline
