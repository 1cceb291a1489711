#include <gtest/gtest.h>

#include "feed_test_util.h"
#include "feeds/parse_internal.h"

namespace redline {
namespace {

TEST(Urls, ResolvesReferencesAsRfc3986Says) {
  const std::string base = "http://a.example/b/c/d;p?q";
  EXPECT_EQ(resolve_url(base, "g"), "http://a.example/b/c/g");
  EXPECT_EQ(resolve_url(base, "./g"), "http://a.example/b/c/g");
  EXPECT_EQ(resolve_url(base, "g/"), "http://a.example/b/c/g/");
  EXPECT_EQ(resolve_url(base, "/g"), "http://a.example/g");
  EXPECT_EQ(resolve_url(base, "//g.example/x"), "http://g.example/x");
  EXPECT_EQ(resolve_url(base, "?y"), "http://a.example/b/c/d;p?y");
  EXPECT_EQ(resolve_url(base, "#s"), "http://a.example/b/c/d;p?q#s");
  EXPECT_EQ(resolve_url(base, ""), "http://a.example/b/c/d;p?q");
  EXPECT_EQ(resolve_url(base, ".."), "http://a.example/b/");
  EXPECT_EQ(resolve_url(base, "../../g"), "http://a.example/g");
  EXPECT_EQ(resolve_url(base, "../../../g"), "http://a.example/g");
  EXPECT_EQ(resolve_url(base, "https://other.example/"), "https://other.example/");
  EXPECT_EQ(resolve_url("http://a.example", "x"), "http://a.example/x");
}

TEST(Urls, OnlyHttpAndHttpsCount) {
  EXPECT_TRUE(is_http_url("http://example.com/"));
  EXPECT_TRUE(is_http_url("HTTPS://example.com"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("ftp://example.com/"));
  EXPECT_FALSE(is_http_url("mailto:a@example.com"));
  EXPECT_FALSE(is_http_url("/relative"));
  EXPECT_FALSE(is_http_url("http:/broken"));
}

TEST(Urls, JavascriptAndDataLinksAreDroppedWithAWarning) {
  const Feed feed = testing::parse_ok(testing::rss_with_item(
      "<title>x</title><link>javascript:alert(document.cookie)</link>"
      "<enclosure url=\"data:text/html,hi\" type=\"text/html\"/>"));
  EXPECT_EQ(feed.items.at(0).link, "");
  EXPECT_TRUE(feed.items.at(0).enclosures.empty());
  ASSERT_EQ(feed.warnings.size(), 2u);
  EXPECT_NE((feed.warnings[0] + feed.warnings[1]).find("javascript:"), std::string::npos);
  EXPECT_NE((feed.warnings[0] + feed.warnings[1]).find("data:"), std::string::npos);
}

TEST(Urls, RelativeLinkWithoutAnyBaseIsDropped) {
  const Feed feed = testing::parse_ok("<rss><channel><item><link>/only/a/path</link></item></channel></rss>");
  EXPECT_EQ(feed.items.at(0).link, "");
  EXPECT_FALSE(feed.warnings.empty());
}

}  // namespace
}  // namespace redline
