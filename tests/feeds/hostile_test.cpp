// Inputs written by an attacker or a badly broken server: each must end in a Feed or a one-line
// Error, quickly, without reading files, expanding entity bombs or overflowing the stack.
#include <gtest/gtest.h>

#include "feed_test_util.h"

namespace redline {
namespace {

using testing::parse_ok;
using testing::rss_with_item;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Hostile, ExternalEntitiesAreNeverRead) {
  const Feed feed = parse_ok(
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>"
      "<rss version=\"2.0\"><channel><title>before&xxe;after</title></channel></rss>");
  EXPECT_EQ(feed.title.find("root:"), std::string::npos);
  EXPECT_EQ(feed.title, "before&xxe;after");
  EXPECT_FALSE(feed.warnings.empty());
}

TEST(Hostile, EntityBombStaysSmall) {
  std::string dtd = "<!DOCTYPE r [<!ENTITY a \"" + repeat("ha", 50) + "\">";
  std::string prev = "a";
  for (int level = 1; level <= 10; ++level) {
    const std::string name = "l" + std::to_string(level);
    dtd += "<!ENTITY " + name + " \"" + repeat("&" + prev + ";", 10) + "\">";
    prev = name;
  }
  dtd += "]>";
  const Feed feed = parse_ok(dtd + "<rss><channel><title>&" + prev + ";" + repeat("&a;", 1000) +
                             "</title></channel></rss>");
  EXPECT_LT(feed.title.size(), 200000u);
}

TEST(Hostile, InternalEntitiesWithLiteralValuesAreExpandedOnce) {
  const Feed feed = parse_ok(
      "<!DOCTYPE rss [<!ENTITY org \"Secretar&#237;a de la Defensa\">]>"
      "<rss><channel><title>&org; responds</title></channel></rss>");
  EXPECT_EQ(feed.title, "Secretar\u00eda de la Defensa responds");
}

TEST(Hostile, NestingHalfAMillionDeepDoesNotOverflowTheStack) {
  const std::size_t depth = 500000;
  const Feed feed = parse_ok(rss_with_item("<title>deep</title><description>" + repeat("<div>", depth) + "core" +
                                           repeat("</div>", depth) + "</description>"));
  EXPECT_EQ(feed.items.at(0).summary, "core");
}

TEST(Hostile, UnclosedNestingIsClosedAtTheEnd) {
  const Feed feed = parse_ok("<rss version=\"2.0\"><channel><title>t</title>" + repeat("<x>", 300000));
  EXPECT_EQ(feed.title, "t");
  EXPECT_FALSE(feed.warnings.empty());
}

TEST(Hostile, FourMegabyteTitleIsKept) {
  const Feed feed = parse_ok("<rss><channel><title>" + repeat("word ", 800000) + "</title></channel></rss>");
  EXPECT_EQ(feed.title.size(), 800000u * 5 - 1);
}

TEST(Hostile, HundredThousandItemsAreReadUpToTheCap) {
  std::string xml = "<rss version=\"2.0\"><channel><title>many</title>";
  for (int i = 0; i < 100000; ++i) {
    xml += "<item><title>n" + std::to_string(i) + "</title><guid>g" + std::to_string(i) + "</guid></item>";
  }
  xml += "</channel></rss>";
  ParseOptions options;
  options.max_items = 100000;
  EXPECT_EQ(parse_ok(xml, options).items.size(), 100000u);
  const Feed capped = parse_ok(xml);  // the default cap
  EXPECT_EQ(capped.items.size(), ParseOptions{}.max_items);
  EXPECT_FALSE(capped.warnings.empty());
}

TEST(Hostile, NulBytesAreDroppedNotTruncating) {
  const std::string xml("<rss><channel><title>a\0b</title><item><title>c\0d</title></item></channel></rss>", 77);
  const Feed feed = parse_ok(xml);
  EXPECT_EQ(feed.title, "ab");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "cd");
}

TEST(Hostile, ScriptAndCrLfInTitlesBecomeHarmlessText) {
  const Feed feed = parse_ok(rss_with_item(
      "<title>Breaking\r\nX-Injected: yes<![CDATA[<script>alert(1)</script>]]></title>"));
  EXPECT_EQ(feed.items.at(0).title, "Breaking X-Injected: yes");
}

TEST(Hostile, TruncatedFeedKeepsTheItemsBeforeTheCut) {
  const Feed feed = parse_ok(
      "<rss version=\"2.0\"><channel><title>T</title><item><title>one</title></item>"
      "<item><title>two</title><description>cut in the midd");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "one");
  EXPECT_EQ(feed.items[1].summary, "cut in the midd");
}

TEST(Hostile, HtmlPageIsNotAFeed) {
  const auto feed = parse_feed(testing::fixture("html_page_not_a_feed.html"));
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().message, "not a feed: an HTML page");
}

TEST(Hostile, EmptyAndBlankInputsAreNotFeeds) {
  EXPECT_FALSE(parse_feed(""));
  EXPECT_FALSE(parse_feed(" \n\t "));
}

TEST(Hostile, BinaryIsNotAFeed) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) & 0xFF);
  bytes[0] = '\x89';
  const auto feed = parse_feed(bytes);
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().message.find('\n'), std::string::npos);
}

TEST(Hostile, XmlThatIsNoFeedIsNotAFeed) {
  const auto feed = parse_feed("<?xml version=\"1.0\"?><svg><title>x</title></svg>");
  ASSERT_FALSE(feed);
  EXPECT_NE(feed.error().message.find("<svg>"), std::string::npos);
}

TEST(Hostile, MissingGuidsAndDatesAreEmptyNotInvented) {
  const Feed feed = parse_ok(rss_with_item("<title>bare</title>"));
  EXPECT_EQ(feed.items.at(0).id, "");
  EXPECT_EQ(feed.items.at(0).published, std::nullopt);
}

TEST(Hostile, DatesFarInThePastAndFutureAreKept) {
  const Feed feed = parse_ok(
      "<rss><channel><item><pubDate>Mon, 01 Jan 1900 00:00:00 GMT</pubDate></item>"
      "<item><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item></channel></rss>");
  EXPECT_EQ(testing::utc(feed.items.at(0).published), "1900-01-01T00:00:00Z");
  EXPECT_EQ(testing::utc(feed.items.at(1).published), "9999-12-31T23:59:59Z");
}

TEST(Hostile, JunkBeforeTheXmlIsSkipped) {
  const Feed feed = parse_ok("Warning: something in /var/www/feed.php on line 3\n<?xml version=\"1.0\"?><rss><channel><title>ok</title></channel></rss>");
  EXPECT_EQ(feed.title, "ok");
  EXPECT_FALSE(feed.warnings.empty());
}

}  // namespace
}  // namespace redline
