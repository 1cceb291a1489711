#include "feeds/fetch_headers.h"

#include <gtest/gtest.h>

namespace redline::fetch_detail {
namespace {

using namespace std::chrono_literals;

TEST(FetchHeaders, StatusLinesStartHopsAndResetTheHeaders) {
  ResponseHeaders h;
  EXPECT_EQ(h.add_line("HTTP/1.1 301 Moved Permanently\r\n", "http://a.example/feed"), 301);
  h.add_line("ETag: \"old\"\r\n", "");
  h.add_line("Location: https://b.example/feed\r\n", "");
  EXPECT_EQ(h.add_line("HTTP/2 200\r\n", "https://b.example/feed"), 200);
  h.add_line("etag:   \"new\"  \r\n", "");
  h.add_line("Content-Type: application/atom+xml\r\n", "");
  h.add_line("\r\n", "");
  ASSERT_EQ(h.hops.size(), 2u);
  EXPECT_EQ(h.hops[0].status, 301);
  EXPECT_EQ(h.hops[1].url, "https://b.example/feed");
  EXPECT_EQ(h.etag, "\"new\"");
  EXPECT_EQ(h.content_type, "application/atom+xml");
}

TEST(FetchHeaders, InterimResponsesAreNotHops) {
  ResponseHeaders h;
  EXPECT_EQ(h.add_line("HTTP/1.1 100 Continue\r\n", "http://a.example/"), 100);
  h.add_line("HTTP/1.1 200 OK\r\n", "http://a.example/");
  EXPECT_EQ(h.hops.size(), 1u);
}

TEST(FetchHeaders, IgnoresGarbageLines) {
  EXPECT_EQ(parse_status_line("HTTP/1.1 2x0 OK"), 0);
  EXPECT_EQ(parse_status_line("HTTP/"), 0);
  EXPECT_EQ(parse_status_line("Content-Type: text/html"), 0);
  ResponseHeaders h;
  h.add_line("no colon here", "");
  h.add_line(": empty name", "");
  EXPECT_TRUE(h.hops.empty());
}

TEST(FetchHeaders, ReadsRetryAfterAsSecondsOrDate) {
  const auto now = std::chrono::system_clock::from_time_t(1'743'501'600);  // 2025-04-01 10:00Z
  EXPECT_EQ(parse_retry_after("3", now), 3s);
  EXPECT_EQ(parse_retry_after(" 120 ", now), 120s);
  EXPECT_EQ(parse_retry_after("Tue, 01 Apr 2025 10:05:00 GMT", now), 300s);
  EXPECT_EQ(parse_retry_after("Tue, 01 Apr 2025 09:00:00 GMT", now), 0s);  // in the past
  EXPECT_EQ(parse_retry_after("99999999999999999999", now), std::chrono::hours(24 * 7));
  EXPECT_FALSE(parse_retry_after("soon", now).has_value());
  EXPECT_FALSE(parse_retry_after("", now).has_value());
  EXPECT_FALSE(parse_retry_after("-5", now).has_value());
}

TEST(FetchHeaders, ReadsMaxAge) {
  EXPECT_EQ(parse_max_age("public, max-age=300"), 300s);
  EXPECT_EQ(parse_max_age("MAX-AGE=\"60\", must-revalidate"), 60s);
  EXPECT_EQ(parse_max_age("s-maxage=10, max-age=20"), 20s);
  EXPECT_FALSE(parse_max_age("no-store").has_value());
  EXPECT_FALSE(parse_max_age("max-age=abc").has_value());
}

TEST(FetchHeaders, AdoptsOnlyAllPermanentRedirectsWithoutDowngrade) {
  EXPECT_EQ(permanent_redirect({{301, "http://a/"}, {200, "https://b/"}}), "https://b/");
  EXPECT_EQ(permanent_redirect({{308, "http://a/"}, {301, "http://b/"}, {304, "http://c/"}}),
            "http://c/");
  EXPECT_EQ(permanent_redirect({{301, "http://a/"}, {302, "http://b/"}, {200, "http://c/"}}), "");
  EXPECT_EQ(permanent_redirect({{301, "https://a/"}, {200, "http://b/"}}), "");
  EXPECT_EQ(permanent_redirect({{301, "http://a/"}, {404, "http://b/"}}), "");
  EXPECT_EQ(permanent_redirect({{200, "http://a/"}}), "");
}

TEST(FetchHeaders, DescribesSizes) {
  EXPECT_EQ(describe_size(8 * 1024 * 1024), "8 MiB");
  EXPECT_EQ(describe_size(512 * 1024), "512 KiB");
  EXPECT_EQ(describe_size(1000), "1000 bytes");
}

TEST(FetchHeaders, RefusesHeaderValuesWithLineBreaks) {
  EXPECT_TRUE(safe_header_value("\"abc\""));
  EXPECT_FALSE(safe_header_value("\"abc\"\r\nX: y"));
  EXPECT_FALSE(safe_header_value(std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace redline::fetch_detail
