#include <gtest/gtest.h>

#include "feed_test_util.h"

namespace redline {
namespace {

using testing::fixture;
using testing::parse_ok;
using testing::utc;

TEST(Atom, ResolvesRelativeLinksAgainstNestedXmlBase) {
  const Feed feed = parse_ok(fixture("atom10_xml_base_nested.xml"));
  EXPECT_EQ(feed.format, "atom1.0");
  EXPECT_EQ(feed.link, "https://atom.example.com/");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].link, "https://atom.example.com/feeds/2025/03/guardia.html");
  ASSERT_EQ(feed.items[0].enclosures.size(), 1u);
  EXPECT_EQ(feed.items[0].enclosures[0].url, "https://atom.example.com/audio/guardia.mp3");
  EXPECT_EQ(feed.items[0].enclosures[0].length, 1000);
}

TEST(Atom, XmlBaseWinsOverTheBaseUrlOption) {
  ParseOptions options;
  options.base_url = "https://elsewhere.example.net/x.atom";
  const Feed feed = parse_ok(fixture("atom10_xml_base_nested.xml"), options);
  EXPECT_EQ(feed.items.at(0).link, "https://atom.example.com/feeds/2025/03/guardia.html");
}

TEST(Atom, ReadsTextConstructsOfEveryType) {
  const Feed feed = parse_ok(fixture("atom10_xml_base_nested.xml"));
  EXPECT_EQ(feed.title, "Noticias & an\u00e1lisis");  // type="html", escaped twice
  const Item& item = feed.items.at(0);
  EXPECT_EQ(item.title, "Guardia Nacional llega a la frontera");  // type="xhtml"
  EXPECT_EQ(item.summary, "Despliegue de tropas.");                // type="text"
  EXPECT_EQ(item.content, "Diez mil elementos.");                  // type="html"
}

TEST(Atom, ReadsPeopleDatesCategoriesAndLanguage) {
  const Feed feed = parse_ok(fixture("atom10_xml_base_nested.xml"));
  EXPECT_EQ(feed.language, "es-MX");
  EXPECT_EQ(utc(feed.updated), "2025-03-01T08:00:00Z");
  const Item& item = feed.items.at(0);
  EXPECT_EQ(item.id, "tag:atom.example.com,2025:42");
  EXPECT_EQ(item.author, "Ana Ruiz (ana@atom.example.com)");
  EXPECT_EQ(utc(item.published), "2025-03-01T05:00:00Z");
  EXPECT_EQ(utc(item.updated), "2025-03-01T09:00:00Z");
  EXPECT_EQ(item.categories, std::vector<std::string>{"frontera"});
}

TEST(Atom, ReadsAtom03EscapedAndBase64Content) {
  const Feed feed = parse_ok(fixture("atom03_base64_content.xml"));
  EXPECT_EQ(feed.format, "atom0.3");
  EXPECT_EQ(utc(feed.updated), "2004-01-01T12:00:00Z");
  const Item& item = feed.items.at(0);
  EXPECT_EQ(item.title, "Archived report");
  EXPECT_EQ(item.content, "Troops withdrawn in 2004.");
  EXPECT_EQ(utc(item.published), "2004-01-01T10:00:00Z");
  EXPECT_EQ(item.link, "http://old.example.com/1");
}

TEST(Atom, FeedDatesAreReadLikeEntryDates) {
  const std::string dates[] = {
      "<published>2025-03-01T05:00:00Z</published>",
      "<dcterms:issued>2025-03-01T05:00:00Z</dcterms:issued>",
      "<created>2025-03-01T05:00:00Z</created>",
      // created counts only without a publication date, wherever that stands
      "<published>2025-03-01T05:00:00Z</published><created>2025-02-01T00:00:00Z</created>",
      "<created>2025-02-01T00:00:00Z</created><published>2025-03-01T05:00:00Z</published>"};
  for (const std::string& date : dates) {
    const Feed feed = parse_ok(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        "<title>t</title>" +
        date + "<entry><id>1</id>" + date + "</entry></feed>");
    EXPECT_EQ(utc(feed.published), "2025-03-01T05:00:00Z") << date;
    EXPECT_EQ(utc(feed.published), utc(feed.items.at(0).published)) << date;
    EXPECT_EQ(utc(feed.updated), "null") << date;
  }
}

TEST(Atom, ReadsAtom03FeedIssuedAndDctermsModified) {
  const Feed feed = parse_ok(
      "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\" "
      "xmlns:dcterms=\"http://purl.org/dc/terms/\"><title>t</title>"
      "<issued>2004-01-01T10:00:00Z</issued>"
      "<dcterms:modified>2004-01-02T10:00:00Z</dcterms:modified></feed>");
  EXPECT_EQ(utc(feed.published), "2004-01-01T10:00:00Z");
  EXPECT_EQ(utc(feed.updated), "2004-01-02T10:00:00Z");
}

TEST(Atom, PrefersAlternateLinkOverOtherRelations) {
  const Feed feed = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
      "<link rel=\"replies\" href=\"http://example.com/comments\"/>"
      "<link href=\"http://example.com/story\"/></entry></feed>");
  EXPECT_EQ(feed.items.at(0).link, "http://example.com/story");
}

TEST(Atom, IgnoresNestedElementsWithTheSameName) {
  const Feed feed = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><source><id>wrong</id><title>wrong</title>"
      "</source><id>right</id><title>right</title></entry></feed>");
  EXPECT_EQ(feed.items.at(0).id, "right");
  EXPECT_EQ(feed.items.at(0).title, "right");
}

TEST(Atom, TextTypeIsNotReadAsHtml) {
  const Feed feed = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"text\">a &lt;b&gt; c</title>"
      "</entry></feed>");
  EXPECT_EQ(feed.items.at(0).title, "a <b> c");
}

}  // namespace
}  // namespace redline
