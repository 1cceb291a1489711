// The parser's fast paths read exactly what the general code reads: a document that needs no
// repair is parsed in place, the usual date layouts skip the tokenizer, namespace lookups are
// shared between sibling items, and text that cannot be double-encoded is not re-encoded.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <fstream>
#include <sstream>
#include <vector>

#include "feed_test_util.h"
#include "feeds/parse_internal.h"
#include "feeds/parse_xml_util.h"

namespace redline {
namespace {

using testing::parse_ok;
using testing::rss_with_item;

using testing::date;

TEST(XmlPrep, LeavesAWellFormedDocumentAsItIs) {
  std::vector<std::string> warnings;
  std::string repaired;
  EXPECT_FALSE(prepare_xml("<rss><channel><title a='1 &amp; 2'>A &amp; B &#8217; &#x2019; &lt;p&gt;"
                           "<![CDATA[ & < ]]><!-- & --></title></channel></rss>",
                           repaired, warnings));
  EXPECT_TRUE(repaired.empty());
  EXPECT_TRUE(warnings.empty());
}

TEST(XmlPrep, StillTranslatesReferencesThatXmlReadsDifferentlyFromHtml) {
  // &#150; is an en dash to HTML (windows-1252) but a C1 control to XML; XML wants a lower-case
  // x; &nbsp; is unknown to XML; a numeric CR must stay a CR, not become a line feed.
  std::vector<std::string> warnings;
  std::string repaired;
  ASSERT_TRUE(prepare_xml("<t>&#150; &#X41; &nbsp; &#13; &#0;</t>", repaired, warnings));
  EXPECT_EQ(repaired, "<t>\u2013 A \u00a0 \r \uFFFD</t>");
}

TEST(XmlPrep, RepairedCopyKeepsEverythingBetweenTheRepairs) {
  std::vector<std::string> warnings;
  std::string repaired;
  ASSERT_TRUE(prepare_xml("<a>x & y</b><c q=\"<\">z</a", repaired, warnings));
  EXPECT_EQ(repaired, "<a>x &amp; y<c q=\"&lt;\">z</c></a>");
  EXPECT_EQ(prepare_xml("<a>x & y</b><c q=\"<\">z</a", warnings), repaired);
}

TEST(ParseFeed, DocumentsParsedInPlaceAndRepairedCopiesReadTheSame) {
  const std::string item = "<title>Caf&#233; &amp; bar &#x2014; ok</title><description>&lt;p&gt;One&lt;/p&gt;"
                           "&lt;p&gt;Two&lt;/p&gt;</description><link>/a</link>";
  const Feed clean = parse_ok(rss_with_item(item));
  const Feed repaired = parse_ok(rss_with_item(item + "<category>News & views</category>"));
  ASSERT_EQ(clean.items.size(), 1u);
  ASSERT_EQ(repaired.items.size(), 1u);
  EXPECT_EQ(clean.items[0].title, "Caf\u00e9 & bar \u2014 ok");
  EXPECT_EQ(repaired.items[0].title, clean.items[0].title);
  EXPECT_EQ(repaired.items[0].summary, "One Two");
  EXPECT_EQ(repaired.items[0].summary, clean.items[0].summary);
  EXPECT_EQ(repaired.items[0].link, clean.items[0].link);
  EXPECT_EQ(repaired.items[0].categories, std::vector<std::string>{"News & views"});
}

TEST(ParseFeed, RecoversWhenTheInPlaceParseOfAnUnrepairedDocumentFails) {
  // The pre-pass leaves an unquoted attribute alone, so the first parse runs in the decoded
  // buffer itself and fails: the document is decoded again before it is repaired.
  const Feed feed = parse_ok("<rss><channel><item><title>kept</title></item>"
                             "<item><title a=b>second</title></item></channel></rss>");
  ASSERT_FALSE(feed.items.empty());
  EXPECT_EQ(feed.items[0].title, "kept");
  EXPECT_FALSE(feed.warnings.empty());
}

std::string hostile(const std::string& name) {
  std::ifstream in(std::string(REDLINE_TEST_DATA) + "/hostile/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ParseFeed, HostileFixturesAreReadInProcessWithSafelyOwnedBuffers) {
  // In process, so a sanitizer build sees every buffer the parser owns (the integration tests
  // run these through `redline parse`): the first once left a partial tree pointing into a
  // replaced buffer; the second is recovered by repairs.
  const auto uaf = parse_feed(hostile("fuzz_partial_parse_use_after_free.xml"), {});
  ASSERT_FALSE(uaf.has_value());
  EXPECT_EQ(uaf.error().message.rfind("not a feed", 0), 0u) << uaf.error().message;
  const Feed truncated = parse_ok(hostile("truncated_mid_item.xml"));
  ASSERT_GE(truncated.items.size(), 2u);
  EXPECT_EQ(truncated.items[0].title, "First complete story");
  EXPECT_EQ(truncated.items[1].title, "Second complete story");
}

TEST(Dates, CommonLayoutsAndTheirNearMissesReadAsTheGeneralReaderReadsThem) {
  EXPECT_EQ(date("Mon, 20 Oct 2025 22:36:46 +0000"), "2025-10-20T22:36:46Z");
  EXPECT_EQ(date("mon, 20 oct 2025 22:36:46 GMT"), "2025-10-20T22:36:46Z");
  EXPECT_EQ(date("Mon, 20 Oct 2025 22:36:46 -0130"), "2025-10-21T00:06:46Z");
  EXPECT_EQ(date("2025-10-20T22:36:46Z"), "2025-10-20T22:36:46Z");
  EXPECT_EQ(date("2025-10-20T22:36:46+02:00"), "2025-10-20T20:36:46Z");
  EXPECT_EQ(date("Mon, 20 Oct 2025 24:00:00 GMT"), "2025-10-21T00:00:00Z");  // general reader
  EXPECT_EQ(date("2025-10-20T24:00:00Z"), "2025-10-21T00:00:00Z");
  EXPECT_EQ(date("Mon, 31 Feb 2025 10:00:00 GMT"), "null");
  EXPECT_EQ(date("2025-02-30T10:00:00Z"), "null");
  EXPECT_EQ(date("Mar, 20 Oct 2025 22:36:46 GMT"), "null");  // "Mar" is March, then two months
  EXPECT_EQ(date("Mon, 20 Oct 2025 22:36:46 +1500"), "null");
  EXPECT_EQ(date("Mon, 20 Oct 2025 22:36:46 EST"), "2025-10-21T03:36:46Z");
}

TEST(Namespaces, ScopeSharedBetweenSiblingsAgreesWithQnameOf) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(
      "<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
      "<item><dc:creator>a</dc:creator><title>t</title></item>"
      "<item xmlns:dc='http://example.com/not-dc'><dc:creator>b</dc:creator></item>"
      "<item><dc:creator>c</dc:creator><x:y xmlns:x='http://purl.org/dc/terms/'>d</x:y><x:z/></item>"
      "<item xmlns='http://www.w3.org/2005/Atom'><title>u</title></item>"
      "<item><title>v</title><content:encoded>w</content:encoded></item>"
      "<group><item><dc:creator>e</dc:creator></item></group>"
      "</channel></rss>"));
  NsScope scope;
  std::size_t compared = 0;
  std::vector<pugi::xml_node> stack{doc.document_element()};
  while (!stack.empty()) {  // document order, as the readers go
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    const QName shared = scope.qname(n), alone = qname_of(n);
    EXPECT_EQ(shared.ns, alone.ns) << n.name();
    EXPECT_EQ(shared.local, alone.local);
    ++compared;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
      if (c.type() == pugi::node_element) stack.push_back(c);
    }
  }
  EXPECT_EQ(compared, 19u);
}

TEST(Encoding, TextWithAccentsThatCannotBeDoubleEncodedIsLeftAlone) {
  std::string text = "caf\u00e9 cr\u00e8me \u00e0 la carte";
  repair_double_encoding(text);
  EXPECT_EQ(text, "caf\u00e9 cr\u00e8me \u00e0 la carte");
  std::string twice = "caf\u00c3\u00a9 \u00e2\u20ac\u201c done";  // "café – done" encoded twice
  repair_double_encoding(twice);
  EXPECT_EQ(twice, "caf\u00e9 \u2013 done");
}

}  // namespace
}  // namespace redline
