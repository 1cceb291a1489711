#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feed_test_util.h"

namespace redline {
namespace {

using testing::fixture;
using testing::parse_ok;
using testing::rss_with_item;
using testing::utc;

TEST(Rss, ResolvesRelativeLinksAgainstChannelLinkWhenNoBaseUrlIsGiven) {
  const Feed feed = parse_ok(fixture("rss20_relative_links_resolved_against_channel_link.xml"));
  EXPECT_EQ(feed.format, "rss2.0");
  EXPECT_EQ(feed.link, "https://border.example.org/news/");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].link, "https://border.example.org/news/2025/01/brigade.html");
  ASSERT_EQ(feed.items[0].enclosures.size(), 1u);
  EXPECT_EQ(feed.items[0].enclosures[0].url, "https://border.example.org/media/brigade.jpg");
  EXPECT_EQ(feed.items[0].enclosures[0].type, "image/jpeg");
  EXPECT_EQ(feed.items[0].enclosures[0].length, 48213);
}

TEST(Rss, BaseUrlOptionWinsOverChannelLinkForRelativeLinks) {
  ParseOptions options;
  options.base_url = "https://mirror.example.com/feeds/border.xml";
  const Feed feed = parse_ok(fixture("rss20_relative_links_resolved_against_channel_link.xml"), options);
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].link, "https://mirror.example.com/feeds/2025/01/brigade.html");
}

TEST(Rss, KeepsGuidAsGivenEvenWhenNotAPermalink) {
  const Feed feed = parse_ok(fixture("rss20_relative_links_resolved_against_channel_link.xml"));
  EXPECT_EQ(feed.items.at(0).id, "border-2025-0001");
}

TEST(Rss, UsesPermalinkGuidAsLinkWhenLinkIsMissing) {
  const Feed feed = parse_ok(rss_with_item("<guid>https://example.com/story/9</guid>"));
  EXPECT_EQ(feed.items.at(0).link, "https://example.com/story/9");
  EXPECT_EQ(feed.items.at(0).id, "https://example.com/story/9");
}

TEST(Rss, DoesNotUseNonPermalinkGuidAsLink) {
  const Feed feed = parse_ok(rss_with_item("<guid isPermaLink=\"false\">https://example.com/story/9</guid>"));
  EXPECT_EQ(feed.items.at(0).link, "");
}

TEST(Rss, MissingGuidLeavesIdEmpty) {
  const Feed feed = parse_ok(rss_with_item("<title>No id</title><link>http://example.com/a</link>"));
  EXPECT_EQ(feed.items.at(0).id, "");
  EXPECT_EQ(feed.items.at(0).title, "No id");
}

TEST(Rss, TurnsDoubleEscapedHtmlDescriptionIntoPlainText) {
  const Feed feed = parse_ok(fixture("rss20_double_escaped_html_description.xml"));
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "Senate debates designation bill");
  EXPECT_EQ(feed.items[0].summary, "Lawmakers argued for hours. No vote was held.");
}

TEST(Rss, DecodesHtmlNamedEntitiesThatXmlDoesNotKnow) {
  const Feed feed = parse_ok(fixture("rss20_html_entities_in_title.xml"));
  EXPECT_EQ(feed.title, "Caf\u00e9\u00a0Press \u2014 \u2026");
  EXPECT_EQ(feed.subtitle, "\u00a9 2025");
  EXPECT_EQ(feed.items.at(0).title, "Don\u2019t & won\u2019t \u2014 &bogus; &");
}

TEST(Rss, ReadsRss10WithDublinCore) {
  const Feed feed = parse_ok(fixture("rss10_rdf_items_with_dc_dates.xml"));
  EXPECT_EQ(feed.format, "rss1.0");
  EXPECT_EQ(feed.language, "en-us");
  ASSERT_EQ(feed.items.size(), 1u);
  const Item& item = feed.items[0];
  EXPECT_EQ(item.id, "https://policy.example.com/notes/17");  // rdf:about
  EXPECT_EQ(item.author, "Policy Desk");
  EXPECT_EQ(utc(item.updated), "2025-02-20T19:30:00Z");
  EXPECT_EQ(item.categories, std::vector<std::string>{"sanctions"});
}

TEST(Rss, ReadsRss091AndNormalizesLanguage) {
  const Feed feed = parse_ok(fixture("rss091_userland.xml"));
  EXPECT_EQ(feed.format, "rss0.91");
  EXPECT_EQ(feed.language, "en-us");
  EXPECT_EQ(feed.items.at(0).summary, "Hello");
}

TEST(Rss, RecoversItemsFromUnclosedAndMismatchedTags) {
  const Feed feed = parse_ok(fixture("rss20_unclosed_tags_recovered.xml"));
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].summary, "Unclosed paragraph and a < sign");
  EXPECT_EQ(feed.items[1].title, "Second item");
  EXPECT_EQ(feed.items[2].link, "http://broken.example.com/3?a=1&b=2");
  EXPECT_FALSE(feed.warnings.empty());
}

TEST(Rss, ReadsContentEncodedAuthorCategoriesAndDates) {
  const Feed feed = parse_ok(rss_with_item(
      "<title>x</title><author>desk@example.com (Desk)</author><category>World</category>"
      "<category>Mexico</category><pubDate>Tue, 04 Feb 2025 09:15:00 -0600</pubDate>"
      "<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
      "<![CDATA[<p>Full <b>text</b>.</p>]]></content:encoded>"));
  const Item& item = feed.items.at(0);
  EXPECT_EQ(item.author, "desk@example.com (Desk)");
  EXPECT_EQ(item.categories, (std::vector<std::string>{"World", "Mexico"}));
  EXPECT_EQ(utc(item.published), "2025-02-04T15:15:00Z");
  EXPECT_EQ(item.content, "Full text.");
}

TEST(Rss, ReadsChannelFieldsButNotThoseOfImage) {
  const Feed feed = parse_ok(
      "<rss version=\"2.0\"><channel><image><title>Logo</title><link>http://img.example.com/</link>"
      "</image><title>Real title</title><link>http://example.com/</link><ttl>30</ttl>"
      "<lastBuildDate>Wed, 05 Mar 2025 10:00:00 GMT</lastBuildDate></channel></rss>");
  EXPECT_EQ(feed.title, "Real title");
  EXPECT_EQ(feed.link, "http://example.com/");
  EXPECT_EQ(feed.ttl_minutes, 30);
  EXPECT_EQ(utc(feed.updated), "2025-03-05T10:00:00Z");
}

TEST(Rss, ChannelPubDateIsThePublishedDateAndTheUpdatedOneWhenNoOtherIsGiven) {
  const Feed alone = parse_ok(
      "<rss version=\"2.0\"><channel><title>t</title>"
      "<pubDate>Tue, 04 Feb 2025 09:15:00 -0600</pubDate></channel></rss>");
  EXPECT_EQ(utc(alone.published), "2025-02-04T15:15:00Z");
  EXPECT_EQ(utc(alone.updated), "2025-02-04T15:15:00Z");
  // lastBuildDate is the update, before or after pubDate.
  for (const std::string& dates :
       {std::string("<pubDate>Tue, 04 Feb 2025 09:15:00 GMT</pubDate>"
                    "<lastBuildDate>Wed, 05 Feb 2025 10:00:00 GMT</lastBuildDate>"),
        std::string("<lastBuildDate>Wed, 05 Feb 2025 10:00:00 GMT</lastBuildDate>"
                    "<pubDate>Tue, 04 Feb 2025 09:15:00 GMT</pubDate>")}) {
    const Feed feed =
        parse_ok("<rss version=\"2.0\"><channel><title>t</title>" + dates + "</channel></rss>");
    EXPECT_EQ(utc(feed.published), "2025-02-04T09:15:00Z") << dates;
    EXPECT_EQ(utc(feed.updated), "2025-02-05T10:00:00Z") << dates;
  }
}

TEST(Rss, ChannelDatesAreReadLikeItemDates) {
  const std::string ns =
      " xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"";
  const std::string dates[] = {"<dcterms:issued>2025-02-04T09:15:00Z</dcterms:issued>",
                               "<dcterms:created>2025-02-04T09:15:00Z</dcterms:created>",
                               "<atom:published>2025-02-04T09:15:00Z</atom:published>"};
  for (const std::string& date : dates) {
    const Feed feed = parse_ok("<rss version=\"2.0\"" + ns + "><channel><title>t</title>" + date +
                               "<item><title>i</title>" + date + "</item></channel></rss>");
    EXPECT_EQ(utc(feed.published), "2025-02-04T09:15:00Z") << date;
    EXPECT_EQ(utc(feed.published), utc(feed.items.at(0).published)) << date;
    EXPECT_EQ(utc(feed.updated), "null") << date;  // a publication date, not an update
  }
  const Feed feed = parse_ok("<rss version=\"2.0\"" + ns + "><channel><title>t</title>" +
                             "<atom:updated>2025-02-05T10:00:00Z</atom:updated></channel></rss>");
  EXPECT_EQ(utc(feed.published), "null");
  EXPECT_EQ(utc(feed.updated), "2025-02-05T10:00:00Z");
}

TEST(Rss, ChannelPublishedDateIsInTheJson) {
  const Feed feed = parse_ok(
      "<rss version=\"2.0\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><channel><title>t</title>"
      "<dcterms:issued>2025-02-04T09:15:00+01:00</dcterms:issued></channel></rss>");
  const auto j = nlohmann::json::parse(feed_to_json(feed));
  EXPECT_EQ(j.at("published"), "2025-02-04T08:15:00Z");
  EXPECT_TRUE(j["updated"].is_null());
}

TEST(Rss, CapsItemsAtMaxItemsWithAWarning) {
  std::string xml = "<rss version=\"2.0\"><channel><title>t</title>";
  for (int i = 0; i < 20; ++i) xml += "<item><title>n" + std::to_string(i) + "</title></item>";
  xml += "</channel></rss>";
  ParseOptions options;
  options.max_items = 5;
  const Feed feed = parse_ok(xml, options);
  ASSERT_EQ(feed.items.size(), 5u);
  EXPECT_EQ(feed.items[4].title, "n4");
  ASSERT_FALSE(feed.warnings.empty());
  EXPECT_NE(feed.warnings.back().find("15 items past the limit of 5"), std::string::npos);
}

}  // namespace
}  // namespace redline
