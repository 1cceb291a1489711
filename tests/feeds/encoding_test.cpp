#include <gtest/gtest.h>

#include "feed_test_util.h"
#include "feeds/parse_internal.h"

namespace redline {
namespace {

using testing::fixture;
using testing::parse_ok;

std::string utf16(const std::u16string& s, bool big_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char hi = char(u >> 8), lo = char(u & 0xFF);
    if (big_endian) { out += hi; out += lo; } else { out += lo; out += hi; }
  };
  if (bom) put(0xFEFF);
  for (char16_t u : s) put(u);
  return out;
}

const std::u16string kUtf16Feed =
    u"<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 "
    u"\u2603 \U0001F600</title></channel></rss>";

TEST(Encoding, ReadsUtf16LittleEndianWithBom) {
  EXPECT_EQ(parse_ok(utf16(kUtf16Feed, false, true)).title, "Caf\u00e9 \u2603 \U0001F600");
}

TEST(Encoding, ReadsUtf16BigEndianWithBom) {
  EXPECT_EQ(parse_ok(utf16(kUtf16Feed, true, true)).title, "Caf\u00e9 \u2603 \U0001F600");
}

TEST(Encoding, ReadsUtf16WithoutBomFromTheFirstCharacters) {
  EXPECT_EQ(parse_ok(utf16(kUtf16Feed, true, false)).title, "Caf\u00e9 \u2603 \U0001F600");
  EXPECT_EQ(parse_ok(utf16(kUtf16Feed, false, false)).title, "Caf\u00e9 \u2603 \U0001F600");
}

TEST(Encoding, ReadsDeclaredWindows1252) {
  const Feed feed = parse_ok(fixture("rss20_windows1252_declared.xml"));
  EXPECT_EQ(feed.title, "Caf\u00e9 \u201cnews\u201d");
  EXPECT_EQ(feed.items.at(0).title, "Ma\u00f1ana \u2013 today");
}

TEST(Encoding, HttpCharsetWinsOverTheXmlDeclaration) {
  ParseOptions options;
  options.http_charset = "\"ISO-8859-1\"";
  const Feed feed = parse_ok("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>\xe9t\xe9</title></channel></rss>", options);
  EXPECT_EQ(feed.title, "\u00e9t\u00e9");
}

TEST(Encoding, BomWinsOverHttpCharset) {
  ParseOptions options;
  options.http_charset = "windows-1252";
  EXPECT_EQ(parse_ok("\xEF\xBB\xBF<rss><channel><title>\xC3\xA9</title></channel></rss>", options).title, "\u00e9");
}

TEST(Encoding, UndeclaredInvalidUtf8IsReadAsWindows1252WithAWarning) {
  const Feed feed = parse_ok("<rss><channel><title>\xe9t\xe9 \x93quoted\x94</title></channel></rss>");
  EXPECT_EQ(feed.title, "\u00e9t\u00e9 \u201cquoted\u201d");
  ASSERT_FALSE(feed.warnings.empty());
}

TEST(Encoding, DeclaredUtf8WithInvalidBytesGetsReplacementCharacters) {
  const Feed feed = parse_ok("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>a\xff" "b\xc3</title></channel></rss>");
  EXPECT_EQ(feed.title, "a\uFFFDb\uFFFD");
  ASSERT_FALSE(feed.warnings.empty());
  EXPECT_NE(feed.warnings[0].find("U+FFFD"), std::string::npos);
}

TEST(Encoding, OtherCharsetsGoThroughIconv) {
  ParseOptions options;
  options.http_charset = "koi8-r";
  EXPECT_EQ(parse_ok("<rss><channel><title>\xf0\xd2\xc1\xd7\xc4\xc1</title></channel></rss>", options).title,
            "\u041f\u0440\u0430\u0432\u0434\u0430");
}

TEST(Encoding, UnknownCharsetFallsBackWithAWarning) {
  ParseOptions options;
  options.http_charset = "x-no-such-charset";
  const Feed feed = parse_ok("<rss><channel><title>plain</title></channel></rss>", options);
  EXPECT_EQ(feed.title, "plain");
  ASSERT_FALSE(feed.warnings.empty());
  EXPECT_NE(feed.warnings[0].find("x-no-such-charset"), std::string::npos);
}

TEST(Encoding, C1ControlsAreReadAsWindows1252Characters) {
  EXPECT_EQ(parse_ok("<rss><channel><title>don\xc2\x92t</title></channel></rss>").title, "don\u2019t");
}

TEST(Encoding, RepairsUtf8ThatWasEncodedTwice) {
  std::string text = "\u00e2\u20ac\u00a6 and caf\u00c3\u00a9";
  repair_double_encoding(text);
  EXPECT_EQ(text, "\u2026 and caf\u00e9");
  std::string honest = "\u00c3 la carte";  // not valid UTF-8 once re-encoded: left alone
  repair_double_encoding(honest);
  EXPECT_EQ(honest, "\u00c3 la carte");
}

TEST(Encoding, SniffsCharsetInTheDocumentedOrder) {
  EXPECT_EQ(sniff_charset("\xFF\xFE<\0", "utf-8"), "utf-16le");
  EXPECT_EQ(sniff_charset("<?xml version='1.0' encoding='ISO-8859-1'?>", "utf-8"), "utf-8");
  EXPECT_EQ(sniff_charset("<?xml version='1.0' encoding='ISO-8859-1'?>", ""), "windows-1252");
  EXPECT_EQ(sniff_charset("<rss>\xC3\xA9</rss>", ""), "utf-8");
  EXPECT_EQ(sniff_charset("<rss>\xE9</rss>", ""), "windows-1252");
}

}  // namespace
}  // namespace redline
