#include <gtest/gtest.h>

#include "feeds/feed.h"
#include "feeds/parse_internal.h"

namespace redline {
namespace {

TEST(HtmlText, DropsTagsAndKeepsWordsOfBlocksApart) {
  EXPECT_EQ(html_to_text("<p>One</p><p>Two <b>bold</b>er</p><ul><li>a</li><li>b</li></ul>"), "One Two bolder a b");
  EXPECT_EQ(html_to_text("line<br>break<br/>again"), "line break again");
}

TEST(HtmlText, DropsScriptStyleAndComments) {
  EXPECT_EQ(html_to_text("a<script type=\"x\">if (a < b) alert('</p>')</script>b"), "a b");
  EXPECT_EQ(html_to_text("a<STYLE>p { color: red }</STYLE>b<!-- hidden -->c"), "a bc");  // comments join
}

TEST(HtmlText, DecodesNamedAndNumericReferences) {
  EXPECT_EQ(html_to_text("caf&eacute; &amp; &#x41;&#66; &hellip; &notin; &NotNestedGreaterGreater;"),
            "caf\u00e9 & AB \u2026 \u2209 \u2aa2\u0338");
  EXPECT_EQ(html_to_text("&#150; &#0; &#xD800; &#1114112;"), "\u2013 \uFFFD \uFFFD \uFFFD");
  EXPECT_EQ(html_to_text("&copy 2025 &copy2025"), "\u00a9 2025 \u00a92025");  // legacy, no ';'
}

TEST(HtmlText, KeepsLiteralAmpersandsAndLessThanSigns) {
  EXPECT_EQ(html_to_text("AT&T < 3 & a <3 &unknown; &"), "AT&T < 3 & a <3 &unknown; &");
}

TEST(HtmlText, CollapsesWhitespaceIncludingCrLf) {
  EXPECT_EQ(html_to_text("  a\r\n\t b \n"), "a b");
  EXPECT_EQ(html_to_text("a&nbsp;b"), "a\u00a0b");  // a no-break space is content
}

TEST(HtmlText, AttributesWithQuotedGreaterThanDoNotEndTheTag) {
  EXPECT_EQ(html_to_text("<a title=\"x > y\" href='/'>link</a> text"), "link text");
}

TEST(HtmlText, SurvivesUnterminatedConstructs) {
  EXPECT_EQ(html_to_text("a <b"), "a");
  EXPECT_EQ(html_to_text("a <!-- never closed"), "a");
  EXPECT_EQ(html_to_text("a <script>x"), "a");
  EXPECT_EQ(html_to_text("<!DOCTYPE"), "<!DOCTYPE");
  EXPECT_EQ(html_to_text("&#"), "&#");
}

TEST(HtmlText, CollapseWhitespaceHelper) {
  EXPECT_EQ(collapse_whitespace("\n  a \t\t b  "), "a b");
  EXPECT_EQ(collapse_whitespace(""), "");
}

}  // namespace
}  // namespace redline
